import { MONTH, WEEK } from './calendar.js';
import { relapse } from './care-stories.js';
import { SYNTHETIC_PROGRAMMES } from './cohort-line.js';
import { recordCost } from './costs.js';
import { hire } from './job-stories.js';
import type { Episode, PathBuilder } from './path-builder.js';
import { refer } from './referrals.js';
import type { Story } from './story.js';
import { startTraining } from './training-stories.js';
import { EMPLOYERS, WORKSHOPS } from './vocabulary.js';

type Destination = 'durable_employment' | 'transition_employment' | 'positive_exit' | 'other_exit' | 'unknown';

/** An insertion workshop (Article 23 in Belgium, ACI/EI/ETTI in France), entered on a référent's referral (L811-813). */
export const workshop: Story = {
  name: 'workshop',
  weight: (b) => (b.openOf('workshop') || b.openOf('job') || b.lost || b.openOf('incarceration') ? 0 : 0.9),
  run: (b) => enterWorkshop(b),
};

function enterWorkshop(b: PathBuilder): void {
  const kind = b.rng.pick(WORKSHOPS[b.profile.place.country]);
  const programme = kind.measure === 'Article 23' ? SYNTHETIC_PROGRAMMES.article23 : kind.measure === 'ACI' ? SYNTHETIC_PROGRAMMES.aciWorkshop : undefined;
  const organisation = { name: `${kind.measure} workshop ${kind.workshop} (${b.profile.place.city})` };
  let episode!: Episode;
  b.together(() => {
    if (b.rng.chance(0.75)) refer(b, { to: organisation, fromField: b.rng.weighted([['care', 50], ['social', 30], ['employment', 20]] as const) });
    episode = b.start('workshop', 'WorkshopEntered', { workshop: kind.workshop, measure: kind.measure }, { organisation });
    if (programme && b.rng.chance(0.9)) {
      b.emit('ProgrammeEntered', { ...programme }, { provenance: 'service_record' });
      b.programmes.set(episode, programme.programmeId);
    }
  });
  if (b.rng.chance(0.35)) b.schedule(b.rng.int(2 * MONTH, 10 * MONTH), (later) => coach(later));
  if (b.rng.chance(0.9)) b.schedule(b.rng.int(4 * MONTH, 24 * MONTH), (later) => exitWorkshop(later, episode));
  else b.leaveUnended(episode);
}

/** The exit and its sortie dynamique (DOMAIN.md §2), the programme's exit with it, and what follows. */
export function exitWorkshop(b: PathBuilder, episode: Episode, forced?: Destination): void {
  if (!b.isOpen(episode)) return;
  const destination: Destination =
    forced ?? b.rng.weighted([['durable_employment', 22], ['transition_employment', 25], ['positive_exit', 18], ['other_exit', 25], ['unknown', 10]] as const);
  const programmeId = b.programmes.get(episode);
  b.together(() => {
    b.end(episode, 'WorkshopExited', { destination });
    if (programmeId) b.emit('ProgrammeExited', { programmeId, destination }, { provenance: 'service_record' });
  });
  if (b.rng.chance(0.5)) recordCost(b, episode, b.day - episode.startDay + 1);
  if (forced) return;
  const soon = b.day + b.rng.int(0, 2 * MONTH);
  if (destination === 'durable_employment') hire(b, { contracts: ['cdi', 'cdd', 'civil_service'], labourMarket: 'first', day: soon });
  else if (destination === 'transition_employment') hire(b, { contracts: ['cdd', 'temp', 'subsidised'], day: soon });
  else if (destination === 'positive_exit') b.schedule(soon - b.day, (later) => (later.rng.chance(0.6) ? void startTraining(later, true) : enterWorkshop(later)));
  else if (destination === 'other_exit' && b.rng.chance(0.25)) relapse(b, 'other', soon);
}

/** A job coach ("agent activation, sorte de jobcoach", L816), often leading to an internship. */
export const jobCoaching: Story = {
  name: 'jobCoaching',
  weight: (b) => (b.openOf('job_coaching') || b.lost ? 0 : 0.5),
  run: (b) => coach(b),
};

function coach(b: PathBuilder): void {
  if (b.openOf('job_coaching')) return;
  const episode = b.start('job_coaching', 'JobCoachAssigned', {
    role: b.rng.pick(['activation agent', 'job coach', 'employment counsellor']),
    goal: b.rng.pick(['exit project', 'job search', 'internship search']),
  });
  if (b.rng.chance(0.45)) b.schedule(b.rng.int(WEEK, 6 * MONTH), (later) => intern(later));
  if (b.rng.chance(0.75)) {
    b.schedule(b.rng.int(3 * MONTH, 18 * MONTH), (later) => {
      const outcome = later.openOf('job') ? 'hired' : later.rng.pick([undefined, 'exit project done', 'stopped', 'transferred']);
      later.end(episode, 'JobCoachingEnded', outcome ? { outcome } : {});
    });
  } else {
    b.leaveUnended(episode);
  }
}

/** An internship (L818-819): some hosts hire, some end it, some interns never show up. */
export const internship: Story = {
  name: 'internship',
  weight: (b) => (b.openOf('internship') || b.openOf('job') || b.lost ? 0 : 0.6),
  run: (b) => intern(b),
};

function intern(b: PathBuilder): void {
  if (b.openOf('internship') || b.openOf('job')) return;
  const host = { name: `${b.rng.pick(EMPLOYERS)} (${b.profile.place.city})` };
  const episode = b.start('internship', 'InternshipStarted', { host });
  const outcome = b.rng.weighted([['completed', 30], ['led_to_hire', 25], ['ended_by_host', 15], ['no_show', 10], ['abandoned', 20]] as const);
  const length = outcome === 'no_show' ? b.rng.int(0, 7) : b.rng.int(MONTH, 6 * MONTH);
  b.schedule(length, (later) => {
    later.together(() => {
      later.end(episode, 'InternshipEnded', { outcome }, outcome === 'led_to_hire' ? { note: later.rng.chance(0.3) ? 'après six mois de stage' : undefined } : {});
      if (outcome === 'led_to_hire') hire(later, { employer: host, day: later.day + later.rng.int(0, 14) });
    });
  });
}
