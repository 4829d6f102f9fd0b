import { MONTH, WEEK, YEAR } from './calendar.js';
import { recordCost } from './costs.js';
import type { Episode, PathBuilder } from './path-builder.js';
import { refer } from './referrals.js';
import type { Story } from './story.js';
import { services } from './vocabulary.js';

type HospitalKind = 'general' | 'psychiatric' | 'detox';
type RelapseContext = 'during_training' | 'during_employment' | 'after_prison' | 'after_care' | 'other';

/** An addiction-service follow-up, usually after a referral; many are still open at the end. */
export const careFollowUp: Story = {
  name: 'careFollowUp',
  weight: (b) => (b.openOf('care_follow_up') ? 0.1 : b.lost ? 0 : 2.2),
  run: (b) => startCare(b),
};

export function startCare(b: PathBuilder, initiator?: 'justice' | 'professional' | 'self'): Episode {
  const p = b.profile.place;
  const setting = b.rng.weighted([
    ['addiction_outpatient', 60], ['harm_reduction', 14], ['youth_consultation', b.profile.ageAtEntry < 26 ? 14 : 0],
    ['residential', 6], ['therapeutic_community', 5], ['other', 1],
  ] as const);
  const organisation = { harm_reduction: services.harmReduction(p), youth_consultation: services.youth(p), residential: services.residential(p), therapeutic_community: services.residential(p) }[
    setting as string
  ] ?? services.addiction(p);
  let episode!: Episode;
  const stays = b.rng.chance(0.35);
  b.together(() => {
    if (initiator || b.rng.chance(0.7)) refer(b, { to: organisation, ...(initiator ? { initiator } : {}) });
    episode = b.start('care_follow_up', 'CareEpisodeStarted', { setting }, { organisation, note: stays && b.rng.chance(0.2) ? "qui le suit encore à l'heure actuelle" : undefined });
  });
  if (!stays) {
    b.schedule(b.rng.int(3 * MONTH, 8 * YEAR), (later) => {
      const reason = later.rng.pick([undefined, 'goals reached', 'moved away', 'transferred to another service', 'no contact for months']);
      if (later.end(episode, 'CareEpisodeEnded', reason ? { reason } : {})) later.memory.set('careEnded', later.day);
    });
  }
  return episode;
}

const STAY_DAYS: Record<HospitalKind, [number, number]> = { general: [1, 20], detox: [7, 21], psychiatric: [10, 90] };

/** A hospital stay; psychiatric ones after a first are readmissions (L807). A few discharges are never told. */
export function admit(b: PathBuilder, kind?: HospitalKind, day = b.day): Episode | undefined {
  if (b.openOf('hospital_stay')) return undefined;
  const k = kind ?? b.rng.weighted([['general', 35], ['psychiatric', b.profile.psychiatric ? 45 : 8], ['detox', 30]] as const);
  const p = b.profile.place;
  const organisation = k === 'psychiatric' ? services.psychiatric(p) : k === 'detox' ? services.detox(p) : services.hospital(p);
  const readmission = k === 'psychiatric' && b.memory.has('psychiatric');
  if (k === 'psychiatric') b.memory.set('psychiatric', day);
  const course = b.rng.pick([undefined, undefined, 'went_well', 'went_badly', 'unknown'] as const);
  const episode = b.start('hospital_stay', 'HospitalAdmitted', { kind: k, ...(course ? { course } : {}), ...(readmission ? { readmission } : {}) }, {
    day,
    organisation,
    note: course === 'went_badly' && b.rng.chance(0.3) ? 'se passe mal' : undefined,
  });
  if (b.rng.chance(0.88)) {
    const [min, max] = STAY_DAYS[k];
    b.schedule(day - b.day + b.rng.int(min, max), (later) => {
      const early = later.rng.chance(0.1);
      later.end(episode, 'HospitalDischarged', early ? { againstMedicalAdvice: true } : {});
      if (later.rng.chance(0.3)) recordCost(later, episode, later.day - episode.startDay + 1);
    });
  } else {
    b.leaveUnended(episode);
  }
  return episode;
}

export const hospitalStay: Story = {
  name: 'hospitalStay',
  weight: (b) => (b.openOf('hospital_stay') ? 0 : b.profile.psychiatric ? 1.4 : 0.7),
  run: (b) => void admit(b),
};

export const hospitalisationAverted: Story = {
  name: 'hospitalisationAverted',
  weight: (b) => (b.openOf('care_follow_up') ? 0.45 : 0.05),
  run(b) {
    const context = b.rng.pick([undefined, 'crisis at home, mobile team came', 'suicidal thoughts, seen the same day', 'withdrawal managed at the centre']);
    b.emit('HospitalisationAverted', context ? { context } : {}, { organisation: services.addiction(b.profile.place) });
  },
};

/** Rehabilitation (CRF, L805-809): often interrupted ("instabilité, absences"), then a relapse. */
export const rehabilitation: Story = {
  name: 'rehabilitation',
  weight: (b) => (b.openOf('rehabilitation') || b.lost ? 0 : 0.6),
  run(b) {
    const organisation = services.rehabilitation(b.profile.place);
    const focus = b.rng.pick(['social skills', 'daily structure', 'cognitive remediation', 'return to work']);
    const episode = b.start('rehabilitation', 'RehabilitationStarted', { focus, ...(b.rng.chance(0.3) ? { course: 'went_badly' } : {}) }, { organisation });
    if (!b.rng.chance(0.9)) return b.leaveUnended(episode);
    b.schedule(b.rng.int(MONTH, 12 * MONTH), (later) => {
      const outcome = later.rng.weighted([['interrupted', 45], ['completed', 35], ['transferred', 8], ['unknown', 12]] as const);
      if (outcome === 'unknown') {
        later.end(episode, 'RehabilitationEnded', { outcome }, { style: 'interval', note: 'end not told' });
        return;
      }
      later.together(() => {
        const reason = outcome === 'interrupted' ? later.rng.pick(['instability, absences', 'relapse', 'left without notice', 'conflict with the team']) : undefined;
        later.end(episode, 'RehabilitationEnded', { outcome, ...(reason ? { reason } : {}) });
        if (outcome === 'interrupted' && later.rng.chance(0.4)) relapse(later, 'after_care', later.day + later.rng.int(3, 40));
      });
    });
  },
};

export const substitution: Story = {
  name: 'substitution',
  weight: (b) => (b.profile.opioids && !b.openOf('substitution_treatment') && !b.lost ? 0.8 : 0),
  run(b) {
    const medication = b.rng.weighted([['methadone', 50], ['buprenorphine', 45], ['other', 5]] as const);
    const episode = b.start('substitution_treatment', 'SubstitutionTreatmentStarted', { medication }, { organisation: services.addiction(b.profile.place) });
    if (!b.rng.chance(0.55)) return;
    b.schedule(b.rng.int(3 * MONTH, 7 * YEAR), (later) => {
      const reason = later.rng.pick([undefined, 'tapered off', 'stopped by the person', 'moved to another prescriber', 'incarceration']);
      later.end(episode, 'SubstitutionTreatmentStopped', reason ? { reason } : {});
    });
  },
};

/** A dated relapse (never a label, L1013), with the context the state gives; most are contained weeks later. */
export function relapse(b: PathBuilder, context?: RelapseContext, day = b.day): void {
  if (b.openOf('relapse')) return;
  const ctx = context ?? contextOf(b);
  b.together(() => {
    const episode = b.start('relapse', 'RelapseOccurred', { context: ctx }, { day });
    const r = b.rng.next();
    if (r < 0.6) b.schedule(day - b.day + b.rng.int(1, 10) * WEEK, (later) => containRelapse(later, episode));
    else if (r < 0.82) b.schedule(day - b.day + b.rng.int(3, 14) * MONTH, (later) => containRelapse(later, episode));
    else b.leaveUnended(episode);
    if (b.rng.chance(b.profile.psychiatric ? 0.35 : 0.18)) admit(b, b.profile.psychiatric ? 'psychiatric' : 'detox', day + b.rng.int(1, 30));
  });
}

function containRelapse(b: PathBuilder, episode: Episode): void {
  const how = b.rng.pick([undefined, 'outpatient follow-up intensified', 'short detox stay', 'peer support', 'substitution dose adjusted']);
  b.end(episode, 'RelapseContained', how ? { how } : {});
}

function contextOf(b: PathBuilder): RelapseContext {
  const recent = (key: string) => (b.memory.get(key) ?? -Infinity) > b.day - 6 * MONTH;
  if (b.openOf('training')) return 'during_training';
  if (b.openOf('job')) return 'during_employment';
  if (recent('released')) return 'after_prison';
  if (recent('careEnded')) return 'after_care';
  return 'other';
}

export const relapseStory: Story = {
  name: 'relapse',
  weight: (b) => (b.openOf('relapse') ? 0 : b.profile.opioids ? 1.3 : 0.9),
  run: (b) => relapse(b),
};
