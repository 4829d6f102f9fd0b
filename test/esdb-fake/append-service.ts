/**
 * `Streams.Append` (client streaming: the options message, then one message per proposed event)
 * and `Streams.BatchAppend` (bidirectional: chunks per correlation id, answered once the final
 * chunk arrives). Both end in `EventLog.append`, atomically: nothing else runs in between.
 */
import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import type { AppendOutcome, EventLog, Expected, ProposedEvent } from './event-log.js';
import {
  AllStreamPosition,
  Any,
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  Code,
  Empty,
  GoogleEmpty,
  SharedWrongExpectedVersion,
  Status,
  streamNameOf,
  uuidToString,
  type AppendReqMessage,
  type AppendRespMessage,
  type BatchAppendReqMessage,
  type BatchAppendRespMessage,
} from './proto.js';

type ProposedMessage = InstanceType<typeof AppendReq.ProposedMessage> | InstanceType<typeof BatchAppendReq.ProposedMessage>;

function proposedEvent(message: ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidToString(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** How appends are answered: `positionOnRetry: false` leaves the position out of idempotent answers. */
export interface AppendAnswers {
  readonly positionOnRetry: boolean;
}

function answered(outcome: AppendOutcome, answers: AppendAnswers): AppendOutcome {
  if (outcome.kind !== 'success' || outcome.written || answers.positionOnRetry) return outcome;
  return { kind: 'success', currentRevision: outcome.currentRevision, written: false };
}

export function appendHandler(log: EventLog, answers: AppendAnswers) {
  return (call: ServerReadableStream<AppendReqMessage, AppendRespMessage>, callback: sendUnaryData<AppendRespMessage>): void => {
    let options: InstanceType<typeof AppendReq.Options> | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (req: AppendReqMessage) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) proposed.push(proposedEvent(req.getProposedMessage()!));
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'the first append message must carry the options' });
      const streamId = streamNameOf(options.getStreamIdentifier());
      callback(null, appendResponse(answered(log.append(streamId, appendExpectation(options), proposed), answers)));
    });
  };
}

function appendExpectation(options: InstanceType<typeof AppendReq.Options>): Expected {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function appendResponse(outcome: AppendOutcome): AppendRespMessage {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success().setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) {
      const { commit, prepare } = outcome.position;
      success.setPosition(new AppendResp.Position().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString()));
    } else success.setNoPosition(new Empty());
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current < 0n) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  const expected = outcome.expected;
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

export function batchAppendHandler(log: EventLog, answers: AppendAnswers) {
  return (call: ServerDuplexStream<BatchAppendReqMessage, BatchAppendRespMessage>): void => {
    const pending = new Map<string, { options?: InstanceType<typeof BatchAppendReq.Options>; events: ProposedEvent[] }>();
    call.on('data', (req: BatchAppendReqMessage) => {
      const correlationId = uuidToString(req.getCorrelationId());
      const batch = pending.get(correlationId) ?? { events: [] };
      pending.set(correlationId, batch);
      if (req.hasOptions()) batch.options = req.getOptions();
      batch.events.push(...req.getProposedMessagesList().map(proposedEvent));
      if (!req.getIsFinal()) return;
      pending.delete(correlationId);
      if (!batch.options) return void call.emit('error', { code: status.INVALID_ARGUMENT, details: 'batch without options' });
      const streamId = streamNameOf(batch.options.getStreamIdentifier());
      const expected = batchExpectation(batch.options);
      const resp = batchResponse(answered(log.append(streamId, expected, batch.events), answers), expected);
      resp.setCorrelationId(req.getCorrelationId()).setStreamIdentifier(batch.options.getStreamIdentifier());
      call.write(resp);
    });
    call.on('error', () => undefined);
    call.on('end', () => call.end());
  };
}

function batchExpectation(options: InstanceType<typeof BatchAppendReq.Options>): Expected {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function batchResponse(outcome: AppendOutcome, expected: Expected): BatchAppendRespMessage {
  const resp = new BatchAppendResp();
  if (expected.kind === 'revision') resp.setStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') resp.setNoStream(new GoogleEmpty());
  else if (expected.kind === 'stream_exists') resp.setStreamExists(new GoogleEmpty());
  else resp.setAny(new GoogleEmpty());
  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success().setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) {
      const { commit, prepare } = outcome.position;
      success.setPosition(new AllStreamPosition().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString()));
    } else success.setNoPosition(new GoogleEmpty());
    return resp.setSuccess(success);
  }
  const details = new SharedWrongExpectedVersion();
  if (outcome.current < 0n) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(outcome.current.toString());
  if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') details.setExpectedNoStream(new GoogleEmpty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new GoogleEmpty());
  else details.setExpectedAny(new GoogleEmpty());
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const error = new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(any);
  return resp.setError(error);
}
