import { Injectable } from '@nestjs/common';
import { parsePersonEvent, type IdentifiedPersonEvent } from '@parcours/domain';
import type { Position } from '@parcours/event-store';
import { appendWithRetry } from '../persons/commands/append-with-retry.js';
import { PersonStreamRepository } from '../persons/person-stream.repository.js';
import { KeyStore, type ErasureRecord } from '../privacy/key-store.js';
import { ProjectionCatalog, ReadModelDatabase, ReadYourWrites } from '../projections/index.js';
import type { ErasureOutcome } from './erasure-outcome.js';

/**
 * How long an erasure waits for the read models to drop the person's text before answering. An
 * erasure is a rare administrative act whose caller wants the purge confirmed: 5 s proved too short
 * on a loaded machine (CI running the crash test beside it answered readModelsPurged: false).
 */
const PURGE_WAIT_MS = 30_000;

/**
 * The second half of an erasure, once the key is destroyed: append the planned PersonErased, then
 * purge the read models. Safe to run again at any point (a retried DELETE, a restart finishing a
 * pending erasure): the event has a fixed id, so a second append finds the first one.
 */
@Injectable()
export class ErasureCompletion {
  constructor(
    private readonly repository: PersonStreamRepository,
    private readonly keys: KeyStore,
    private readonly catalog: ProjectionCatalog,
    private readonly readYourWrites: ReadYourWrites,
    private readonly database: ReadModelDatabase,
  ) {}

  async complete(record: ErasureRecord, options: { purge: boolean } = { purge: true }): Promise<ErasureOutcome> {
    const { eventId, data, metadata } = record.event;
    const event = { ...parsePersonEvent('PersonErased', data, ''), eventId } as IdentifiedPersonEvent;
    const outcome = await appendWithRetry(this.repository, record.personId, { type: 'RecordPersonEvents', events: [event] }, undefined, metadata);
    this.keys.markCompleted(record.personId);
    return { ...outcome, erasedAt: record.destroyedAt, readModelsPurged: options.purge && (await this.purgeReadModels(outcome.position)) };
  }

  /**
   * Waits (briefly) until every projection has applied PersonErased — which drops the person's
   * text from their rows — then checkpoints the read-model database: the rows' former versions
   * are zeroed in the file (secure_delete) and leave the WAL with this checkpoint.
   */
  async purgeReadModels(position: Position): Promise<boolean> {
    const waits = this.catalog.all().map((definition) => this.readYourWrites.ensure(definition.name, position, { maxWaitMs: PURGE_WAIT_MS }));
    if ((await Promise.all(waits)).some((freshness) => freshness.stale)) return false;
    const [result] = this.database.connection.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result !== undefined && result.busy === 0;
  }
}
