import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../../errors.js';
import { parseReferenceEvent } from '../catalogue.js';
import { amountToCents } from '../reference-fields.js';
import { decideTariff, foldTariff, type TariffCommand } from './decider.js';
import { TARIFF_EVENT_CATALOGUE, withAmountCents, type TariffEvent, type TariffEventOf } from './events.js';

/** The French State's yearly aid per full-time insertion post in an ACI from 1 Nov 2024: a real public figure. */
const aci = (data: Partial<TariffEventOf<'TariffSet'>['data']> = {}): TariffEventOf<'TariffSet'> => ({
  type: 'TariffSet',
  data: {
    episodeKind: 'insertion_post',
    setting: 'ACI',
    basis: 'per_event',
    amount: '23921',
    amountCents: 2392100,
    currency: 'EUR',
    funder: 'État (aide au poste)',
    validFrom: '2024-11-01',
    illustrative: false,
    source: 'Aide au poste d’insertion (ACI), montant au 1er novembre 2024',
    ...data,
  },
});
const withdrawn: TariffEvent = { type: 'TariffWithdrawn', data: { reason: 'Superseded', at: '2025-06-30' } };
const create = (event = aci(), organisationRegistered = true): TariffCommand => ({ type: 'CreateTariff', event, organisationRegistered });
const change = (event = aci(), organisationRegistered = true): TariffCommand => ({ type: 'ChangeTariff', event, organisationRegistered });

/** given the past events, when the command is decided, then the new events (or the error). */
const given = (...history: TariffEvent[]) => ({
  when: (command: TariffCommand) => () => decideTariff(command, foldTariff(history)),
});

describe('tariff decider', () => {
  it('given nothing, when a tariff is created, then TariffSet', () => {
    expect(given().when(create())()).toEqual([aci()]);
  });

  it('given a tariff, when created again with the same id, then TARIFF_ALREADY_EXISTS', () => {
    expect(given(aci()).when(create())).toThrow(expect.objectContaining({ code: 'TARIFF_ALREADY_EXISTS' }));
  });

  it('given nothing, when validTo precedes validFrom, then TARIFF_VALID_TO_BEFORE_VALID_FROM', () => {
    expect(given().when(create(aci({ validTo: '2024-10-31' })))).toThrow(expect.objectContaining({ code: 'TARIFF_VALID_TO_BEFORE_VALID_FROM' }));
  });

  it('given nothing, when validTo equals validFrom (a one-day tariff), then it is accepted', () => {
    expect(given().when(create(aci({ validTo: '2024-11-01' })))()).toHaveLength(1);
  });

  it('given nothing, when the organisation is unknown, then TARIFF_ORGANISATION_NOT_FOUND', () => {
    expect(given().when(create(aci({ organisationId: '0190c1e4-0000-7000-8000-0000000000a1' }), false))).toThrow(
      expect.objectContaining({ code: 'TARIFF_ORGANISATION_NOT_FOUND' }),
    );
  });

  it('given a tariff, when changed, then a second TariffSet and the state holds the latest', () => {
    const corrected = aci({ validTo: '2025-10-31' });
    expect(given(aci()).when(change(corrected))()).toEqual([corrected]);
    expect(foldTariff([aci(), corrected])).toMatchObject({ versions: 2, current: { validTo: '2025-10-31' }, withdrawn: undefined });
  });

  it('given nothing, when changed or withdrawn, then TARIFF_NOT_FOUND (a 404)', () => {
    expect(given().when(change())).toThrow(NotFoundError);
    expect(given().when({ type: 'WithdrawTariff', event: withdrawn as TariffEventOf<'TariffWithdrawn'> })).toThrow(NotFoundError);
  });

  it('given a tariff, when withdrawn, then TariffWithdrawn', () => {
    expect(given(aci()).when({ type: 'WithdrawTariff', event: withdrawn as TariffEventOf<'TariffWithdrawn'> })()).toEqual([withdrawn]);
  });

  it('given a withdrawn tariff, when changed or withdrawn again, then TARIFF_WITHDRAWN', () => {
    expect(given(aci(), withdrawn).when(change())).toThrow(expect.objectContaining({ code: 'TARIFF_WITHDRAWN' }));
    expect(given(aci(), withdrawn).when({ type: 'WithdrawTariff', event: withdrawn as TariffEventOf<'TariffWithdrawn'> })).toThrow(
      expect.objectContaining({ code: 'TARIFF_WITHDRAWN' }),
    );
  });
});

describe('tariff amounts', () => {
  it.each([
    ['23921', 2392100],
    ['23921.5', 2392150],
    ['0.07', 7],
    ['1619.00', 161900],
    ['999999999999.99', 99999999999999],
  ])('%s is %i cents, computed without floats', (amount, cents) => {
    expect(amountToCents(amount)).toBe(cents);
  });

  it.each(['1.234', '-5', '1e3', '01', '12,50', ''])('refuses %j', (amount) => {
    expect(() => amountToCents(amount)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('fills amountCents, defaults currency to EUR and illustrative to true, and checks the currency', () => {
    const { amount: _a, amountCents: _c, currency: _cur, illustrative: _i, ...rest } = aci().data;
    const parsed = parseReferenceEvent(TARIFF_EVENT_CATALOGUE, 'TariffSet', withAmountCents({ ...rest, amount: '12.5' }));
    expect(parsed.data).toMatchObject({ amount: '12.5', amountCents: 1250, currency: 'EUR', illustrative: true });
    expect(() => parseReferenceEvent(TARIFF_EVENT_CATALOGUE, 'TariffSet', withAmountCents({ ...rest, amount: '12.5', currency: 'EURO' }))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'currency', rule: 'iso4217' })] }),
    );
  });

  it('refuses amountCents that disagree with the amount', () => {
    expect(() => parseReferenceEvent(TARIFF_EVENT_CATALOGUE, 'TariffSet', { ...aci().data, amountCents: 2392000 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'amountCents', rule: 'amountCents' })] }),
    );
  });
});
