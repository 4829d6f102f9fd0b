/** Builders for the `ReadResp` messages the fake streams back to readers and subscribers. */
import type { LogEvent } from './event-log.js';
import { ReadResp, type ReadRespMessage, streamIdentifier, uuidMessage } from './proto.js';

export function eventMessage(event: LogEvent, structuredIds: boolean): ReadRespMessage {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.commit.toString())
    .setPreparePosition(event.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.commit.toString());
  return new ReadResp().setEvent(read);
}

export function confirmationMessage(subscriptionId: string): ReadRespMessage {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

export function checkpointMessage(position: { commit: bigint; prepare: bigint }): ReadRespMessage {
  const checkpoint = new ReadResp.Checkpoint().setCommitPosition(position.commit.toString()).setPreparePosition(position.prepare.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

export function caughtUpMessage(): ReadRespMessage {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function streamNotFoundMessage(streamId: string): ReadRespMessage {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)));
}
