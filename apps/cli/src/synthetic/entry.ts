import { dayOf, MONTH, YEAR, yearOf } from './calendar.js';
import { startCare } from './care-stories.js';
import type { PathBuilder } from './path-builder.js';
import { assignReferent, recordConsents } from './person-stories.js';
import { FIRST_HOUSING, moveHousing } from './social-stories.js';
import { services } from './vocabulary.js';

/**
 * The start of a path: the registration, the situation at entry, consents, a référent, and for
 * some the history before entry as told at the first interview (retroactive facts, years back).
 */
export function enterPath(b: PathBuilder): void {
  const p = b.profile;
  b.emit(
    'PersonRegistered',
    { pseudonym: p.pseudonym, ...(b.rng.chance(0.9) ? { birthYear: p.birthYear } : {}), gender: p.gender },
    { organisation: services.addiction(p.place), provenance: p.retrospective ? 'interview' : 'service_record' },
  );
  b.together(() => {
    moveHousing(b, b.rng.weighted(FIRST_HOUSING));
    const sources = p.place.country === 'BE' ? ['cpas_integration_income', 'unemployment_benefit', 'none', 'wages', 'other'] : ['rsa', 'aah', 'unemployment_benefit', 'none', 'wages'];
    b.income = b.rng.pick(sources);
    b.emit('IncomeSourceChanged', { source: b.income });
  });
  recordConsents(b);
  if (b.rng.chance(0.7)) assignReferent(b);
  if (b.rng.chance(0.35)) tellHistoryBeforeEntry(b);
  if (b.rng.chance(0.7)) startCare(b);
}

function tellHistoryBeforeEntry(b: PathBuilder): void {
  const earliest = Math.max(b.window.min, dayOf(b.profile.birthYear + 15));
  const room = b.profile.entryDay - earliest;
  if (room < 2 * YEAR) return;
  const at = () => earliest + b.rng.int(0, room - YEAR);
  const told = { provenance: 'interview' as const, style: b.rng.pick(['approximateYear', 'year', 'interval', 'uncertainYear'] as const) };
  if (b.profile.justice && b.rng.chance(0.6)) {
    const day = at();
    const decade = dayOf(Math.floor(yearOf(day) / 10) * 10) >= b.window.min;
    const prison = b.start('incarceration', 'Incarcerated', {}, { day, ...told, ...(decade && b.rng.chance(0.3) ? { style: 'decade' as const } : {}) });
    b.end(prison, 'Released', {}, { day: Math.min(day + b.rng.int(MONTH, 2 * YEAR), b.profile.entryDay - MONTH), ...told });
  }
  if (b.rng.chance(0.6)) {
    const day = at();
    const care = b.start('care_follow_up', 'CareEpisodeStarted', { setting: 'addiction_outpatient' }, { day, ...told, organisation: services.addiction(b.profile.place) });
    b.end(care, 'CareEpisodeEnded', { reason: 'lost contact' }, { day: Math.min(day + b.rng.int(3 * MONTH, 3 * YEAR), b.profile.entryDay - MONTH), ...told });
  }
  if (b.rng.chance(0.5)) {
    // A stay whose discharge nobody remembers: the episode stays without an end.
    const stay = b.start('hospital_stay', 'HospitalAdmitted', { kind: b.rng.pick(['general', 'detox', 'psychiatric'] as const), course: 'unknown' }, { day: at(), ...told });
    b.leaveUnended(stay);
  }
}
