import { InvalidAppendError } from './errors.js';

/**
 * Streams are named `category-id` (e.g. `person-0190c1e4-...`): the category is what a stream
 * holds, the id which one. The category is the part before the first dash.
 */
const STREAM_PATTERN = /^[a-z][a-zA-Z0-9]*-[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export function streamName(category: string, id: string): string {
  const name = `${category}-${id}`;
  assertStreamName(name);
  return name;
}

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

export function idOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? '' : streamId.slice(dash + 1);
}

export function isStreamName(value: string): boolean {
  return STREAM_PATTERN.test(value);
}

export function assertStreamName(value: string): void {
  if (!isStreamName(value)) {
    throw new InvalidAppendError(
      `Stream name ${JSON.stringify(value)} is not of the form "category-id" (lower-case category, then a dash and an id)`,
    );
  }
}
