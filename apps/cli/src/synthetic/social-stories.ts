import { MONTH, WEEK, YEAR } from './calendar.js';
import { relapse, startCare } from './care-stories.js';
import { exitWorkshop } from './employment-stories.js';
import { changeIncome, endJob } from './job-stories.js';
import type { PathBuilder } from './path-builder.js';
import { refer } from './referrals.js';
import type { Story } from './story.js';
import { services } from './vocabulary.js';

type Housing = 'street' | 'squat' | 'emergency_shelter' | 'chrs' | 'residential_care' | 'supported_housing' | 'family' | 'own_tenancy' | 'prison' | 'other';

/** Where people usually go next from each housing status (L112, L621, L1060): loops, not a ladder. */
const NEXT_HOUSING: Record<Housing, readonly (readonly [Housing, number])[]> = {
  street: [['emergency_shelter', 40], ['squat', 20], ['chrs', 20], ['family', 20]],
  squat: [['street', 30], ['emergency_shelter', 30], ['chrs', 20], ['family', 20]],
  emergency_shelter: [['chrs', 35], ['street', 20], ['supported_housing', 20], ['family', 15], ['own_tenancy', 10]],
  chrs: [['supported_housing', 35], ['own_tenancy', 30], ['emergency_shelter', 15], ['street', 10], ['family', 10]],
  residential_care: [['supported_housing', 40], ['own_tenancy', 30], ['family', 30]],
  supported_housing: [['own_tenancy', 55], ['chrs', 15], ['family', 15], ['street', 15]],
  family: [['own_tenancy', 40], ['street', 20], ['emergency_shelter', 15], ['supported_housing', 15], ['squat', 10]],
  own_tenancy: [['family', 30], ['street', 20], ['emergency_shelter', 20], ['supported_housing', 20], ['other', 10]],
  prison: [['emergency_shelter', 40], ['family', 30], ['chrs', 30]],
  other: [['own_tenancy', 40], ['family', 30], ['emergency_shelter', 30]],
};

export const FIRST_HOUSING: readonly (readonly [Housing, number])[] = [
  ['street', 12], ['squat', 5], ['emergency_shelter', 12], ['chrs', 10], ['family', 25], ['own_tenancy', 25], ['supported_housing', 6], ['residential_care', 3], ['other', 2],
];

export function moveHousing(b: PathBuilder, status: string, day = b.day): void {
  if (b.housing === status) return;
  b.housing = status;
  b.emit('HousingStatusChanged', { status }, { day });
}

export const housing: Story = {
  name: 'housing',
  weight: (b) => (b.openOf('incarceration') ? 0 : 1.1),
  run(b) {
    const next = b.rng.weighted(NEXT_HOUSING[(b.housing ?? 'other') as Housing]);
    b.together(() => {
      if ((next === 'chrs' || next === 'emergency_shelter' || next === 'supported_housing') && b.rng.chance(0.35)) {
        refer(b, { to: services.shelter(b.profile.place), fromField: 'social', reason: 'housing' });
      }
      moveHousing(b, next);
    });
  },
};

export const income: Story = {
  name: 'income',
  weight: (b) => (b.openOf('incarceration') ? 0 : 0.6),
  run(b) {
    const sources = b.profile.place.country === 'BE' ? ['cpas_integration_income', 'unemployment_benefit', 'none', 'other'] : ['rsa', 'aah', 'unemployment_benefit', 'none'];
    changeIncome(b, b.openOf('job') ? 'wages' : b.rng.pick(sources));
  },
};

/** Probation or community service (L319, L2700), sometimes with an obligation of care. */
export const justiceMeasure: Story = {
  name: 'justiceMeasure',
  weight: (b) => (b.openOf('justice_measure') ? 0 : b.profile.justice ? 0.6 : 0.06),
  run(b) {
    const measure = b.rng.weighted([['probation', 45], ['community_service', 35], ['electronic_monitoring', 12], ['other', 8]] as const);
    const organisation = services.justice(b.profile.place);
    const episode = b.start('justice_measure', 'JusticeMeasureStarted', { measure, ...(measure === 'community_service' ? { hours: b.rng.int(4, 30) * 10 } : {}) }, { organisation });
    if (!b.openOf('care_follow_up') && b.rng.chance(0.4)) startCare(b, 'justice');
    if (b.rng.chance(0.75)) {
      b.schedule(b.rng.int(6 * MONTH, 30 * MONTH), (later) => {
        const outcome = later.rng.pick([undefined, 'completed', 'completed', 'revoked', 'converted']);
        later.end(episode, 'JusticeMeasureEnded', outcome ? { outcome } : {});
      });
    } else {
      b.leaveUnended(episode);
    }
  },
};

/** Prison: the job and the workshop end; at release, a shelter or family, and a relapse risk (L319). */
export const incarceration: Story = {
  name: 'incarceration',
  weight: (b) => (b.openOf('incarceration') ? 0 : b.profile.justice ? 0.35 : 0.03),
  run(b) {
    const organisation = services.prison(b.profile.place);
    const job = b.openOf('job');
    const workshop = b.openOf('workshop');
    if (job) endJob(b, job, 'dismissal');
    if (workshop) exitWorkshop(b, workshop, 'other_exit');
    let episode!: ReturnType<PathBuilder['start']>;
    b.together(() => {
      episode = b.start('incarceration', 'Incarcerated', {}, { organisation });
      moveHousing(b, 'prison');
    });
    b.schedule(b.rng.int(MONTH, 3 * YEAR), (later) => {
      later.memory.set('released', later.day);
      later.together(() => {
        later.end(episode, 'Released', {});
        moveHousing(later, later.rng.weighted(NEXT_HOUSING.prison), later.day + later.rng.int(0, 3));
      });
      if (later.rng.chance(0.35)) later.schedule(later.rng.int(1, 12) * WEEK, (l) => relapse(l, 'after_prison'));
      if (!later.openOf('care_follow_up') && later.rng.chance(0.4)) later.schedule(later.rng.int(1, 8) * WEEK, (l) => void startCare(l, 'justice'));
    });
  },
};
