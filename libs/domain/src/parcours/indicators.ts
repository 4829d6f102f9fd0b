import { catalogueEntry } from '../person/events.js';
import { DAYS_PER_MONTH, DAYS_PER_YEAR, instants, median, round, spanBetween, type Span } from './time-arithmetic.js';
import type { TimedFact } from './ordering.js';
import type { EpisodeView, Indicators } from './view.js';

/**
 * Per-person indicators (DOMAIN.md §6). Vague dates count at their midpoint; spans also carry
 * their bounds. Open episodes run to the cut-off (asLivedAt, or now).
 */
export function computeIndicators(ordered: readonly TimedFact[], episodes: readonly EpisodeView[], cutoff: number): Indicators {
  const path = ordered.filter((t) => !['analysis', 'cost', 'correction'].includes(catalogueEntry(t.fact.type).field) && t.fact.type !== 'ConsentRecorded');
  const first = path[0] ?? null;
  const firstLower = first ? instants(first.when, cutoff).lower : null;
  const years = firstLower !== null ? round((cutoff - firstLower) / 86_400_000 / DAYS_PER_YEAR, 2) : null;

  const hire = ordered.find((t) => t.fact.type === 'Hired') ?? null;
  const firstHire =
    hire && first ? { eventId: hire.fact.eventId, when: hire.when, afterFirstContact: withYears(spanBetween(first.when, hire.when, cutoff)) } : null;

  const stays = episodes.filter((e) => e.kind === 'hospital_stay');
  const gaps = stays.slice(1).map((s, i) => spanBetween(stays[i]!.start.validTime, s.start.validTime, cutoff));

  const relapses = episodes.filter((e) => e.kind === 'relapse');
  const containment = relapses.filter((r) => r.end).map((r) => spanBetween(r.start.validTime, r.end!.validTime, cutoff));

  const jobs = episodes.filter((e) => e.kind === 'job');
  const employedDays = jobs.reduce((sum, job) => {
    const from = instants(job.start.validTime, cutoff).mid;
    const to = job.end ? instants(job.end.validTime, cutoff).mid : job.endStatus === 'open' ? cutoff : from;
    return sum + Math.max(0, to - from) / 86_400_000;
  }, 0);

  const open = (field: string) => episodes.filter((e) => e.field === field && e.endStatus === 'open').map((e) => e.kind);
  const last = (type: string, key: string) => {
    const found = ordered.filter((t) => t.fact.type === type).at(-1);
    return found ? String(found.fact.data[key]) : null;
  };
  const lost = ordered.filter((t) => t.fact.type === 'LostToFollowUp' || t.fact.type === 'FollowUpResumed').at(-1);

  return {
    observation: { from: firstLower !== null ? new Date(firstLower).toISOString() : null, to: new Date(cutoff).toISOString(), years },
    firstContact: first ? { eventId: first.fact.eventId, when: first.when } : null,
    firstHire,
    hospitalisations: {
      count: stays.length,
      perPersonYear: years && years > 0 ? round(stays.length / years, 3) : null,
      admissions: stays.map((s) => ({ episodeId: s.episodeId, when: s.start.validTime, kind: String(s.start.details['kind'] ?? '') })),
      gaps,
    },
    relapses: {
      count: relapses.length,
      contained: containment.length,
      containmentDays: containment,
      medianContainmentDays: median(containment.map((c) => c.days)),
    },
    monthsEmployed: round(employedDays / DAYS_PER_MONTH),
    currentStatus: {
      care: open('care'),
      training: open('training'),
      employment: open('employment'),
      housing: last('HousingStatusChanged', 'status'),
      income: last('IncomeSourceChanged', 'source'),
      lostToFollowUp: lost?.fact.type === 'LostToFollowUp',
    },
  };
}

function withYears(span: Span): Span & { years: number } {
  return { ...span, years: round(span.days / DAYS_PER_YEAR, 2) };
}
