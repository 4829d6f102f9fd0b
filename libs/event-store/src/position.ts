/**
 * A position in the global log (`$all`).
 *
 * Positions are opaque to callers, but they are *ordered strings*: two positions compare with
 * plain string comparison. EventStoreDB's `$all` position is a `{ commit, prepare }` pair of
 * unsigned 64-bit integers; the SQLite store uses its row sequence for both halves. We encode the
 * pair as two fixed-width hexadecimal halves so the string sorts like the pair, survives JSON,
 * HTTP headers and SQLite TEXT columns, and never loses precision (bigint, not number).
 */
export type Position = string & { readonly __brand?: 'Position' };

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const HALF = 16; // hex digits in an unsigned 64-bit integer
const MAX_U64 = (1n << 64n) - 1n;
const POSITION_PATTERN = /^[0-9a-f]{16}-[0-9a-f]{16}$/;

/** The position before every event: subscribing from here delivers the whole log. */
export const START: Position = encodePosition({ commit: 0n, prepare: 0n });

export function encodePosition(pos: LogPosition): Position {
  for (const half of [pos.commit, pos.prepare]) {
    if (half < 0n || half > MAX_U64) throw new RangeError(`position half out of range: ${half}`);
  }
  return `${pos.commit.toString(16).padStart(HALF, '0')}-${pos.prepare.toString(16).padStart(HALF, '0')}`;
}

export function decodePosition(position: Position): LogPosition {
  if (!isPosition(position)) throw new InvalidPositionError(position);
  const [commit, prepare] = position.split('-') as [string, string];
  return { commit: BigInt(`0x${commit}`), prepare: BigInt(`0x${prepare}`) };
}

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && POSITION_PATTERN.test(value);
}

/** Negative when a is before b, zero when equal, positive when after. */
export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sequence number (SQLite's row id) as a position whose two halves are equal. */
export function positionFromSequence(sequence: number | bigint): Position {
  if (typeof sequence === 'number' && Number.isSafeInteger(sequence) && sequence >= 0) {
    // Hot path (every event read from SQLite): no BigInt needed below 2^53.
    const half = sequence.toString(16).padStart(HALF, '0');
    return `${half}-${half}`;
  }
  const n = BigInt(sequence);
  return encodePosition({ commit: n, prepare: n });
}

export function sequenceFromPosition(position: Position): number {
  const { commit } = decodePosition(position);
  if (commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidPositionError(position);
  return Number(commit);
}

export class InvalidPositionError extends Error {
  readonly code = 'INVALID_POSITION';
  constructor(readonly value: unknown) {
    super(`Not a log position: ${JSON.stringify(value)} (expected two 16-digit hex halves, "<commit>-<prepare>")`);
    this.name = 'InvalidPositionError';
  }
}
