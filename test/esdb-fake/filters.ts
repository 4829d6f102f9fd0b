/**
 * Server-side `$all` filters, as the client sends them in `ReadReq.Options.FilterOptions`:
 * on the stream name or on the event type, by regular expression or by prefixes. (The count /
 * max window only paces checkpoints on a real server; the fake sends one checkpoint per window.)
 */
import type { LogEvent } from './event-log.js';
import { ReadReq, type FilterOptions, type ReadOptions } from './proto.js';

export type EventFilter = (event: LogEvent) => boolean;

export interface FilterSpec {
  readonly accepts: EventFilter;
  /** How many events are scanned between two checkpoints; undefined when there is no filter. */
  readonly checkpointEvery?: number;
}

const DEFAULT_WINDOW = 32;

export function filterFrom(options: ReadOptions): FilterSpec {
  if (options.getFilterOptionCase() !== ReadReq.Options.FilterOptionCase.FILTER) return { accepts: () => true };
  const filter = options.getFilter()!;
  const { target, expression } = expressionOf(filter);
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const pattern = regex ? new RegExp(regex) : undefined;
  const accepts: EventFilter = (event) => {
    const value = target === 'stream' ? event.streamId : event.type;
    if (pattern && !pattern.test(value)) return false;
    if (prefixes.length > 0 && !prefixes.some((p) => value.startsWith(p))) return false;
    return true;
  };
  const window = filter.getWindowCase() === ReadReq.Options.FilterOptions.WindowCase.MAX ? filter.getMax() : DEFAULT_WINDOW;
  const multiplier = Math.max(1, filter.getCheckpointintervalmultiplier());
  return { accepts, checkpointEvery: Math.max(1, window * multiplier) };
}

function expressionOf(filter: FilterOptions) {
  switch (filter.getFilterCase()) {
    case ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER:
      return { target: 'stream' as const, expression: filter.getStreamIdentifier()! };
    case ReadReq.Options.FilterOptions.FilterCase.EVENT_TYPE:
      return { target: 'type' as const, expression: filter.getEventType()! };
    default:
      throw new Error('filter without a stream or event type expression');
  }
}
