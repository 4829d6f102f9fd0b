import type { Field } from '../person/events.js';
import { spanBetween, instants, daysBetweenInstants, type Span } from './time-arithmetic.js';
import type { TimedFact } from './ordering.js';
import type { Articulation, EpisodeView, OrganisationRef, ReferralView } from './view.js';

/**
 * Articulations (DOMAIN.md §2): the links between episodes of different services or fields.
 * - referral: a ReferralMade and the episode it led to (the first episode after it in the path,
 *   at the organisation it named when one matches);
 * - handoff: each episode and the one that started next, when they differ in field or service,
 *   with the overlap (tuilage) or the gap between them.
 * Relapses are not services: they take no part in hand-offs.
 */
export function buildArticulations(ordered: readonly TimedFact[], episodes: readonly EpisodeView[], cutoff: number) {
  const position = new Map(ordered.map((t, i) => [t.fact.eventId, i]));
  const services = episodes.filter((e) => e.kind !== 'relapse');
  const assessments = ordered.filter((t) => t.fact.type === 'ArticulationAssessed');

  const referrals: ReferralView[] = [];
  const articulations: Articulation[] = [];
  for (const timed of ordered) {
    if (timed.fact.type !== 'ReferralMade') continue;
    const d = timed.fact.data as { referralId: string; from: OrganisationRef; to: OrganisationRef; initiator: string; appointmentKept?: boolean; fromField?: Field };
    const at = position.get(timed.fact.eventId)!;
    const later = services.filter((e) => position.get(e.start.eventId)! > at);
    const target = later.find((e) => sameOrganisation(e.start.organisation, d.to)) ?? later[0] ?? null;
    const followedUp = ordered.filter((t) => t.fact.type === 'ReferralFollowedUp' && t.fact.data['referralId'] === d.referralId).at(-1);
    const followed = (followedUp?.fact.data['appointmentKept'] as boolean | undefined) ?? d.appointmentKept ?? (target ? true : null);
    referrals.push({ referralId: d.referralId, eventId: timed.fact.eventId, when: timed.when, from: d.from, to: d.to, initiator: d.initiator, followed, ledToEpisodeId: target?.episodeId ?? null });
    articulations.push({
      kind: 'referral',
      fromField: d.fromField ?? null,
      toField: target?.field ?? null,
      fromEpisodeId: null,
      toEpisodeId: target?.episodeId ?? null,
      referralId: d.referralId,
      from: d.from,
      to: d.to,
      when: timed.when,
      relation: 'unknown',
      days: target ? spanBetween(timed.when, target.start.validTime, cutoff) : null,
      successful: followed,
      assessments: [],
    });
  }

  for (let i = 1; i < services.length; i++) {
    const a = services[i - 1]!;
    const b = services[i]!;
    if (a.field === b.field && sameOrganisation(a.start.organisation, b.start.organisation)) continue;
    const { relation, days } = handoff(a, b, cutoff);
    const { successful, assessments: found } = assessed(assessments, a.episodeId, b.episodeId);
    // Built key by key, not spread: a parcours has dozens of hand-offs and every GET renders them.
    articulations.push({
      kind: 'handoff',
      fromField: a.field,
      toField: b.field,
      fromEpisodeId: a.episodeId,
      toEpisodeId: b.episodeId,
      referralId: null,
      from: a.start.organisation,
      to: b.start.organisation,
      when: b.start.validTime,
      relation,
      days,
      successful,
      assessments: found,
    });
  }
  return { referrals, articulations };
}

/** How two consecutive episodes meet: overlapping (tuilage), with a gap, or unknown; and for how many days. */
function handoff(a: EpisodeView, b: EpisodeView, cutoff: number): { relation: Articulation['relation']; days: Span | null } {
  if (a.endStatus === 'open') {
    // The first still runs: they overlap for as long as the second lasts (unknown if its end is).
    if (b.endStatus === 'unknown') return { relation: 'overlap', days: null };
    const start = instants(b.start.validTime, cutoff).mid;
    const until = b.end ? instants(b.end.validTime, cutoff).mid : cutoff;
    const days = Math.max(0, daysBetweenInstants(start, until));
    return { relation: 'overlap', days: { days, min: days, max: days } };
  }
  if (!a.end) return { relation: 'unknown', days: null };
  const gap = spanBetween(a.end.validTime, b.start.validTime, cutoff);
  return gap.days < 0 ? { relation: 'overlap', days: { days: -gap.days, min: Math.max(0, -gap.max), max: -gap.min } } : { relation: 'gap', days: gap };
}

function assessed(assessments: readonly TimedFact[], from: string, to: string) {
  const found = assessments
    .filter((t) => t.fact.data['fromEpisodeId'] === from && t.fact.data['toEpisodeId'] === to)
    .map((t) => {
      const d = t.fact.data as { successful: boolean; brakes?: string[]; facilitators?: string[]; assessor: string };
      return { eventId: t.fact.eventId, successful: d.successful, brakes: d.brakes ?? [], facilitators: d.facilitators ?? [], assessor: d.assessor };
    });
  return { successful: found.at(-1)?.successful ?? null, assessments: found };
}

function sameOrganisation(a: OrganisationRef | null | undefined, b: OrganisationRef | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.organisationId && b.organisationId) return a.organisationId === b.organisationId;
  return Boolean(a.name && b.name && a.name.trim().toLowerCase() === b.name.trim().toLowerCase());
}
