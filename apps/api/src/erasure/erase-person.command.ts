import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, parsePersonEvent } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../infrastructure/tokens.js';
import { PersonStreamRepository } from '../persons/person-stream.repository.js';
import { KeyStore, type PlannedErasure } from '../privacy/key-store.js';
import { ErasureCompletion } from './erasure-completion.js';
import type { ErasureOutcome } from './erasure-outcome.js';

export class ErasePersonCommand extends Command<ErasureOutcome> {
  constructor(
    readonly personId: string,
    readonly reason: string,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

/**
 * Erasure, in the order that keeps it safe through a crash at any step:
 * 1. check the reason and that the person exists (nothing is touched otherwise);
 * 2. destroy the data key, recording the PersonErased to append (one SQLite transaction). From
 *    here every reader sees the person erased, and the store refuses any append but PersonErased;
 * 3. append PersonErased (its decider refuses anything after it), then purge the read models.
 * A crash after 2 leaves an erasure the next DELETE — or the next start — completes with the same
 * event. The other order (event first) could leave a person "erased" whose identity stays readable.
 */
@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    private readonly repository: PersonStreamRepository,
    private readonly keys: KeyStore,
    private readonly completion: ErasureCompletion,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  async execute({ personId, reason, metadata }: ErasePersonCommand): Promise<ErasureOutcome> {
    const planned = this.plan(reason, metadata);
    const loaded = await this.repository.load(personId);
    if (!loaded.state.registered) throw new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
    const stored = loaded.recorded.find((event) => event.type === 'PersonErased');
    if (!stored) return this.completion.complete(this.keys.erasure(personId) ?? this.keys.destroy(personId, planned));
    // Already erased: the same answer again. A PersonErased stored without its key destroyed (copied
    // in raw, or written before crypto-shredding) gets its key destroyed now.
    const record = this.keys.erasure(personId) ?? this.keys.destroy(personId, { eventId: stored.eventId, data: stored.data, metadata: stored.metadata });
    this.keys.markCompleted(personId);
    return {
      personId,
      revision: stored.revision,
      position: stored.position,
      eventIds: [stored.eventId],
      replayed: true,
      erasedAt: record.destroyedAt,
      readModelsPurged: await this.completion.purgeReadModels(stored.position),
    };
  }

  /** The PersonErased to append, checked now: a bad reason is a 400 before any key is destroyed. */
  private plan(reason: string, metadata: JsonObject): PlannedErasure {
    const data = { occurredAt: this.clock().toISOString().slice(0, 10), provenance: 'service_record', reason };
    const parsed = parsePersonEvent('PersonErased', data, '');
    return { eventId: this.newId(), data: parsed.data as JsonObject, metadata };
  }
}
