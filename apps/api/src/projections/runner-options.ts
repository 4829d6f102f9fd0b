import type { LoggerService } from '@nestjs/common';

export interface RunnerOptions {
  /** Most events in one transaction: big enough to amortise the commit, small enough to keep the write lock briefly. */
  readonly batchSize: number;
  /** How long a live event may wait for company before its batch is committed. */
  readonly flushDelayMs: number;
  /** First retry after a failure; doubles with each failure in a row, up to retryMaxMs. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Positions are row sequences (the SQLite store), so a lag can be counted in events. */
  readonly sequencePositions: boolean;
  readonly logger: Pick<LoggerService, 'log' | 'error'>;
}

export const DEFAULT_RUNNER_OPTIONS: Omit<RunnerOptions, 'logger'> = {
  batchSize: 1000,
  flushDelayMs: 5,
  retryBaseMs: 1000,
  retryMaxMs: 60_000,
  sequencePositions: false,
};
