import type { CONTRACTS } from '@parcours/domain';
import { MONTH, YEAR } from './calendar.js';
import type { OrganisationName } from './cohort-line.js';
import type { Episode, PathBuilder } from './path-builder.js';
import type { Story } from './story.js';
import { EMPLOYERS, services } from './vocabulary.js';

type Contract = (typeof CONTRACTS)[number];

export interface HireSpec {
  readonly employer?: OrganisationName;
  readonly contracts?: readonly Contract[];
  readonly labourMarket?: 'first' | 'second';
  readonly day?: number;
}

const FIXED_TERM: Partial<Record<Contract, [number, number]>> = { cdd: [1, 18], temp: [1, 8], subsidised: [6, 24], apprenticeship: [12, 36] };

/** A hire (L819): the contract mix of the sources, first or second labour market, often not told at all. */
export function hire(b: PathBuilder, spec: HireSpec = {}): Episode | undefined {
  if (b.openOf('job')) return undefined;
  const contract: Contract = spec.contracts
    ? b.rng.pick(spec.contracts)
    : b.rng.weighted([['cdi', 18], ['cdd', 30], ['temp', 20], ['subsidised', 20], ['apprenticeship', 4], ['civil_service', 3]] as const);
  const employer = spec.employer ?? { name: `${b.rng.pick(EMPLOYERS)} (${b.profile.place.city})` };
  const told = !b.profile.retrospective || b.rng.chance(0.6);
  const market = spec.labourMarket ?? (contract === 'subsidised' || b.rng.chance(0.12) ? 'second' : 'first');
  const range = FIXED_TERM[contract];
  const months = range ? b.rng.int(range[0], range[1]) : undefined;
  const episode = b.start(
    'job',
    'Hired',
    {
      employer,
      ...(told ? { contract, labourMarket: market } : {}),
      ...(told && b.rng.chance(0.8) ? { hoursPerWeek: b.rng.pick(b.profile.place.country === 'BE' ? [19, 28.5, 38] : [20, 24, 28, 35]) } : {}),
      ...(told && months ? { contractMonths: months } : {}),
    },
    { organisation: employer, ...(spec.day === undefined ? {} : { day: spec.day }) },
  );
  if (b.income !== 'wages' && b.rng.chance(0.7)) changeIncome(b, 'wages', episode.startDay + b.rng.int(0, MONTH));
  const ends = months ? b.rng.chance(0.95) : b.rng.chance(0.45);
  if (!ends) return episode;
  const early = months !== undefined && b.rng.chance(0.2);
  const duration = months && !early ? months * MONTH : b.rng.int(MONTH, months ? months * MONTH : 7 * YEAR);
  b.schedule(episode.startDay - b.day + duration, (later) => endJob(later, episode, months && !early ? 'end_of_contract' : undefined, contract));
  return episode;
}

type EndReason = 'end_of_contract' | 'resignation' | 'dismissal' | 'mutual_agreement' | 'business_closed' | 'other';

export function endJob(b: PathBuilder, episode: Episode, reason?: EndReason, contract?: Contract): void {
  const why = reason ?? b.rng.weighted([['resignation', 30], ['dismissal', 25], ['mutual_agreement', 25], ['business_closed', 10], ['other', 10]] as const);
  if (!b.end(episode, 'EmploymentEnded', { reason: why })) return;
  if (b.rng.chance(0.55)) changeIncome(b, b.rng.pick(b.profile.place.country === 'BE' ? ['unemployment_benefit', 'cpas_integration_income'] : ['unemployment_benefit', 'rsa']));
  // Fixed-term contracts are often renewed, sometimes as a permanent one.
  if (why === 'end_of_contract' && contract !== 'cae_salaried' && b.rng.chance(0.25)) {
    hire(b, { employer: episode.organisation ?? { name: 'Same employer' }, contracts: ['cdi', 'cdd'], day: b.day + b.rng.int(0, 14) });
  }
}

export function changeIncome(b: PathBuilder, source: string, day = b.day): void {
  if (b.income === source) return;
  b.income = source;
  b.emit('IncomeSourceChanged', { source }, { day });
}

export const hireStory: Story = {
  name: 'hire',
  weight: (b) => (b.openOf('job') || b.lost || b.openOf('incarceration') ? 0 : 0.7),
  run: (b) => void hire(b),
};

/** A cooperative (CAE, 001): project holder, then salaried entrepreneur, then associate. */
export const cooperative: Story = {
  name: 'cooperative',
  weight: (b) => (b.memory.has('cae') || b.lost ? 0 : 0.1),
  run(b) {
    b.memory.set('cae', b.day);
    const organisation = services.cooperative(b.profile.place);
    const activity = b.rng.pick(['web design', 'bicycle repair', 'catering', 'gardening', 'photography', 'carpentry']);
    b.emit('CooperativeStageChanged', { stage: 'project_holder', activity }, { organisation });
    if (b.rng.chance(0.15)) return b.schedule(b.rng.int(6 * MONTH, 2 * YEAR), (later) => void later.emit('BusinessCreated', { activity, legalForm: 'sole trader' }));
    if (!b.rng.chance(0.6)) return;
    b.schedule(b.rng.int(6 * MONTH, 18 * MONTH), (later) => {
      later.together(() => {
        later.emit('CooperativeStageChanged', { stage: 'salaried_entrepreneur', activity }, { organisation });
        hire(later, { employer: organisation, contracts: ['cae_salaried'], labourMarket: 'first' });
      });
      if (later.rng.chance(0.4)) later.schedule(later.rng.int(2 * YEAR, 4 * YEAR), (l) => void l.emit('CooperativeStageChanged', { stage: 'associate', activity }, { organisation }));
    });
  },
};

/** Peer health mediator (000, 003): after years on the path, salaried, casual or volunteer. */
export const peerRole: Story = {
  name: 'peerRole',
  weight: (b) => (b.openOf('peer_role') || b.lost || b.day < b.profile.entryDay + 3 * YEAR ? 0 : 0.15),
  run(b) {
    const status = b.rng.weighted([['salaried', 30], ['casual', 40], ['volunteer', 30]] as const);
    const episode = b.start('peer_role', 'PeerRoleStarted', { status }, { organisation: services.harmReduction(b.profile.place) });
    if (b.rng.chance(0.45)) b.schedule(b.rng.int(6 * MONTH, 4 * YEAR), (later) => void later.end(episode, 'PeerRoleEnded', {}));
  },
};

export const businessCreated: Story = {
  name: 'businessCreated',
  weight: (b) => (b.lost ? 0 : 0.03),
  run: (b) => void b.emit('BusinessCreated', { activity: b.rng.pick(['graphic design', 'cleaning', 'food truck', 'removals']) }, { provenance: 'self_report' }),
};
