import type { Instant, SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import { buildArticulations } from '../parcours/articulations.js';
import { median } from '../parcours/time-arithmetic.js';
import type { Articulation, EpisodeView, FactView } from '../parcours/view.js';
import type { PersonEventType } from '../person/events.js';
import type { CellValue, ProtectedValue } from '../statistics/index.js';
import type { ValidTime } from '../time/valid-time.js';
import { indicator } from './indicator.js';
import { protectStatistic, publishBreakdown, publishCount, ratio, publishedDenominator, type PublishedBreakdown } from './publication.js';

type Relation = Articulation['relation'];

/**
 * A member's hand-offs in the follow-up, by the parcours view's own rule (parcours/articulations.ts):
 * consecutive episodes, relapses aside, that differ in field or service; an overlap (tuilage)
 * when the first still ran as the second began, a gap otherwise, unknown when the first's end is.
 * Summaries keep instants, not dates: they are handed over as day-precision dates with the same
 * bounds, so the midpoints the rule compares are the summary's. A hand-off is in the follow-up
 * when its second episode starts there; its first may have begun before entry.
 */
export function handoffsInFollowUp(member: CohortMember, cutoff: number): Articulation[] {
  const services = member.summary.episodes.filter((e) => e.kind !== 'relapse' && e.start.mid <= cutoff);
  const first = services.findIndex((e) => e.start.mid >= member.entry.mid);
  if (first < 0) return [];
  const startingInFollowUp = new Set(services.filter((e) => e.start.mid >= member.entry.mid).map((e) => e.episodeId));
  const { articulations } = buildArticulations([], services.slice(Math.max(0, first - 1)).map(asEpisodeView), cutoff);
  return articulations.filter((a) => a.kind === 'handoff' && a.toEpisodeId !== null && startingInFollowUp.has(a.toEpisodeId));
}

export interface Handoffs {
  readonly handoffs: PublishedBreakdown<Relation>;
  /** Members with at least one hand-off in the follow-up. */
  readonly persons: CellValue;
  /** Overlaps among hand-offs whose relation is known. */
  readonly overlapShare: ProtectedValue | null;
  readonly medianGapDays: ProtectedValue | null;
  readonly medianOverlapDays: ProtectedValue | null;
}

export const handoffs = indicator({
  name: 'handoffs',
  version: 1,
  definition:
    'Hand-offs whose second episode starts in the follow-up: consecutive episodes of a member (relapses aside) of different fields or services, as the parcours view finds them; overlap (tuilage) when the first still ran when the second began, gap when it had ended, unknown when its end is unknown; median gap and overlap in days (midpoints).',
  compute(members: readonly CohortMember[], cutoff: number): Handoffs {
    const counts: Record<Relation, number> = { overlap: 0, gap: 0, unknown: 0 };
    const days: Record<Relation, number[]> = { overlap: [], gap: [], unknown: [] };
    let persons = 0;
    for (const member of members) {
      const found = handoffsInFollowUp(member, cutoff);
      if (found.length) persons += 1;
      for (const h of found) {
        counts[h.relation] += 1;
        if (h.days) days[h.relation].push(h.days.days);
      }
    }
    const published = publishBreakdown(counts, { persons });
    return {
      handoffs: published,
      persons: publishCount(persons),
      overlapShare: ratio(published.counts.overlap, publishedDenominator(published, ['unknown'])),
      // Medians over the hand-offs that have a length, of at least 11 members.
      medianGapDays: protectStatistic([days.gap.length, persons], () => median(days.gap)),
      medianOverlapDays: protectStatistic([days.overlap.length, persons], () => median(days.overlap)),
    };
  },
});

function asEpisodeView(e: SummaryEpisode): EpisodeView {
  return { episodeId: e.episodeId, kind: e.kind, field: e.field, start: asFact(e, e.start, 'start'), end: e.end ? asFact(e, e.end, 'end') : null, endStatus: e.endStatus, endedBefore: null };
}

function asFact(e: SummaryEpisode, at: Instant, role: 'start' | 'end'): FactView {
  const organisation = e.organisationId || e.organisationName ? { ...(e.organisationId ? { organisationId: e.organisationId } : {}), ...(e.organisationName ? { name: e.organisationName } : {}) } : null;
  return {
    eventId: `${e.episodeId}:${role}`,
    // The rule reads dates, fields and organisations only; the event type is not looked at.
    type: 'NarrativeRecorded' as PersonEventType,
    field: e.field,
    validTime: asValidTime(at),
    provenance: 'unknown',
    organisation,
    note: null,
    details: {},
    recordedAt: '',
    corrections: [],
  };
}

function asValidTime(at: Instant): ValidTime {
  return { edtf: '', lower: iso(at.lower), upper: iso(at.upper), precision: 'day', uncertain: false, approximate: false };
}

/**
 * Formatting dates is most of the cost of handing 20,000 paths to the rule, and paths share few
 * bounds ("2007" starts on 1 January for everyone): strings are kept, the cache emptied when full.
 */
const isoOf = new Map<number, string>();
const ISO_CACHE_LIMIT = 100_000;

function iso(ms: number | null): string | null {
  if (ms === null) return null;
  let text = isoOf.get(ms);
  if (text === undefined) {
    if (isoOf.size >= ISO_CACHE_LIMIT) isoOf.clear();
    text = new Date(ms).toISOString();
    isoOf.set(ms, text);
  }
  return text;
}
