import { describe, expect, it } from '@jest/globals';
import { foldTariff } from '../reference/tariff/decider.js';
import type { TariffEvent } from '../reference/tariff/events.js';
import { dayOfIsoDate } from './calendar-days.js';
import { tariffDays, tariffFromState } from './tariff.js';

const set = (validTo?: string): TariffEvent => ({
  type: 'TariffSet',
  data: { episodeKind: 'insertion_post', setting: 'ACI', basis: 'per_day', amount: '65.54', amountCents: 6554, currency: 'EUR', funder: 'État', validFrom: '2024-11-01', illustrative: false, ...(validTo ? { validTo } : {}) },
});

describe('the tariff view', () => {
  it('given nothing set, then no tariff', () => {
    expect(tariffFromState('t', foldTariff([]))).toBeUndefined();
  });

  it('given a tariff set twice and withdrawn, then its latest values and the withdrawal day', () => {
    const tariff = tariffFromState('t', foldTariff([set(), set('2025-10-31'), { type: 'TariffWithdrawn', data: { reason: 'Superseded', at: '2025-06-30' } }]))!;
    expect(tariff).toMatchObject({ tariffId: 't', setting: 'ACI', organisationId: null, amountCents: 6554, validTo: '2025-10-31', withdrawnAt: '2025-06-30', illustrative: false });
    // It applies from validFrom to the earlier of validTo and the withdrawal, both days included.
    expect(tariffDays(tariff)).toEqual({ first: dayOfIsoDate('2024-11-01'), last: dayOfIsoDate('2025-06-30') });
  });

  it('given no end, then it applies for ever', () => {
    expect(tariffDays(tariffFromState('t', foldTariff([set()]))!).last).toBe(Number.POSITIVE_INFINITY);
  });
});
