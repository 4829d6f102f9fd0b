import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { KeyStore } from '../privacy/key-store.js';
import { ErasureCompletion } from './erasure-completion.js';

/**
 * At start, the API completes erasures a crash interrupted after the key was destroyed: it
 * appends their planned PersonErased, so the read models drop the person's text without waiting
 * for someone to repeat the DELETE. (CLI commands leave them alone: they should not write.)
 */
@Injectable()
export class PendingErasures implements OnApplicationBootstrap {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly keys: KeyStore,
    private readonly completion: ErasureCompletion,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.adapterHost.httpAdapter) return;
    for (const record of this.keys.pendingErasures()) {
      try {
        // No waiting for the read models here: the runner may not have started yet; it applies PersonErased when it does.
        await this.completion.complete(record, { purge: false });
        this.logger.log(`Completed the erasure of person ${record.personId}, interrupted after its key was destroyed`);
      } catch (error) {
        this.logger.error(`The erasure of person ${record.personId} is still pending (${(error as Error).message}); DELETE /persons/${record.personId} again completes it`);
      }
    }
  }
}
