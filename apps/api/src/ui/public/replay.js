// The replay slider: one step per recorded event (GET /persons/:id/replay), each the path as
// known right after it. Pure helpers, unit-tested in test/ui.

import { eventLabel, formatRecordedAt } from './format.js';

/** Complete lines of a JSON-lines buffer, and the partial line left for the next chunk. */
export function splitLines(buffer, done = false) {
  const parts = buffer.split('\n');
  const rest = done ? '' : (parts.pop() ?? '');
  return { lines: parts.filter((line) => line.trim() !== ''), rest };
}

/**
 * What the slider says at a step, for sight (the output beside it) and for screen readers
 * (aria-valuetext): the recording date first, since the slider moves through recorded time.
 */
export function stepText(frames, index) {
  const frame = frames[index];
  if (!frame) return '';
  return `${formatRecordedAt(frame.recordedAt)} — step ${index + 1} of ${frames.length}: ${eventLabel(frame.type)}`;
}

/** How many other events were recorded at the same instant (one request, one import): said beside the slider. */
export function recordedTogether(frames, index) {
  const at = frames[index]?.recordedAt;
  return at === undefined ? 0 : frames.filter((f) => f.recordedAt === at).length - 1;
}
