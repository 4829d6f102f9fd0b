/**
 * The protocol the fake speaks: the very message classes and service definitions that
 * `@eventstore/db-client` was generated with (google-protobuf + @grpc/grpc-js), so the fake and
 * the client cannot disagree on a field number. These are CommonJS modules: default-import them.
 */
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';

export const { ReadReq, ReadResp, AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } = streamsPb;
export const { UUID, Empty, StreamIdentifier, AllStreamPosition } = sharedPb;
export const SharedWrongExpectedVersion = sharedPb.WrongExpectedVersion;
export const { Status } = statusPb;
export const { Code } = codePb;
export const { Any } = anyPb;
export const GoogleEmpty = emptyPb.Empty;
export const { SupportedMethods, SupportedMethod } = serverFeaturesPb;
export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = serverFeaturesGrpc;

export type ReadReqMessage = InstanceType<typeof ReadReq>;
export type ReadRespMessage = InstanceType<typeof ReadResp>;
export type ReadOptions = InstanceType<typeof ReadReq.Options>;
export type FilterOptions = InstanceType<typeof ReadReq.Options.FilterOptions>;
export type AppendReqMessage = InstanceType<typeof AppendReq>;
export type AppendRespMessage = InstanceType<typeof AppendResp>;
export type BatchAppendReqMessage = InstanceType<typeof BatchAppendReq>;
export type BatchAppendRespMessage = InstanceType<typeof BatchAppendResp>;
export type UUIDMessage = InstanceType<typeof UUID>;

/** A UUID message (string or structured form) as a lower-case string. */
export function uuidToString(uuid: UUIDMessage | undefined): string {
  if (!uuid) return '';
  if (uuid.hasStructured()) {
    const s = uuid.getStructured()!;
    const hex = (v: string) => BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');
    const h = hex(s.getMostSignificantBits()) + hex(s.getLeastSignificantBits());
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return uuid.getString().toLowerCase();
}

/** A UUID message in the form the reader asked for (`structured` or `string`). */
export function uuidMessage(id: string, structured: boolean): UUIDMessage {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const half = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString(10);
  const s = new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16)));
  return uuid.setStructured(s);
}

export function streamIdentifier(name: string): InstanceType<typeof StreamIdentifier> {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function streamNameOf(identifier: InstanceType<typeof StreamIdentifier> | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}
