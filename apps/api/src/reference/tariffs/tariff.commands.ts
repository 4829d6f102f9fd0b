import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  organisationDecider,
  parseReferenceEvent,
  TARIFF_EVENT_CATALOGUE,
  tariffDecider,
  withAmountCents,
  type TariffCommand,
  type TariffEvent,
  type TariffEventType,
} from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { appendReferenceEvent, type ReferenceAppendOutcome } from '../append-reference-event.js';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

/** One change to a tariff: which (the domain command's type) and its raw data. */
export class ChangeTariffCommand extends Command<ReferenceAppendOutcome> {
  constructor(
    readonly tariffId: string,
    readonly action: TariffCommand['type'],
    readonly eventId: string,
    /** The event's data, not yet checked against the domain schema (amountCents is derived here). */
    readonly data: Record<string, unknown>,
    readonly ifMatch: number | undefined,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

const EVENT_OF: Record<TariffCommand['type'], TariffEventType> = {
  CreateTariff: 'TariffSet',
  ChangeTariff: 'TariffSet',
  WithdrawTariff: 'TariffWithdrawn',
};

@CommandHandler(ChangeTariffCommand)
export class ChangeTariffHandler implements ICommandHandler<ChangeTariffCommand> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute(change: ChangeTariffCommand): Promise<ReferenceAppendOutcome> {
    const type = EVENT_OF[change.action];
    const event = parseReferenceEvent(TARIFF_EVENT_CATALOGUE, type, type === 'TariffSet' ? withAmountCents(change.data) : change.data);
    const command = await this.commandFor(change.action, event);
    return appendReferenceEvent(this.streams, tariffDecider, change.tariffId, command, change.eventId, change.ifMatch, change.metadata);
  }

  /** The domain command, with the facts from other streams its rules need. */
  private async commandFor(action: TariffCommand['type'], event: TariffEvent): Promise<TariffCommand> {
    if (event.type === 'TariffWithdrawn') return { type: 'WithdrawTariff', event };
    const { organisationId } = event.data;
    const organisationRegistered = organisationId !== undefined && (await this.streams.exists(organisationDecider, organisationId));
    return { type: action === 'CreateTariff' ? 'CreateTariff' : 'ChangeTariff', event, organisationRegistered };
  }
}
