import { catalogueEntry } from '../person/events.js';
import { parseValidTime, type ValidTime } from '../time/valid-time.js';
import { buildArticulations } from './articulations.js';
import { buildEpisodes, toFactView } from './episodes.js';
import { computeIndicators } from './indicators.js';
import { orderFacts, type TimedFact } from './ordering.js';
import { standingFacts, type ParcoursState } from './parcours-state.js';
import { instants } from './time-arithmetic.js';
import { PARCOURS_LANES, type Lane, type ParcoursView, type PeriodView } from './view.js';

/** A programme's canvas, as reference data gives it (periods belong to the programme). */
export interface ProgrammeCanvas {
  readonly programmeId: string;
  readonly name: string | null;
  readonly periods: readonly { readonly periodId: string; readonly label: string; readonly span: ValidTime }[];
}

export interface RenderOptions {
  /** "As lived at": only what had happened by then (valid time), as an EDTF date; null for all. */
  readonly asLivedAt?: string | null;
  /** The present, for open episodes when no asLivedAt is given. Passed in, never read here. */
  readonly now: Date;
  /** Canvases of the programmes the person entered (ProgrammeEntered). */
  readonly programmes?: readonly ProgrammeCanvas[];
}

/** The parcours view of a person: pure, from the folded state and what the caller passes in. */
export function renderParcours(state: ParcoursState, options: RenderOptions): ParcoursView {
  const cut = options.asLivedAt ? parseValidTime(options.asLivedAt) : null;
  const cutoff = cut?.upper ? Date.parse(cut.upper) : options.now.getTime();
  const lived = standingFacts(state).filter((f) => {
    if (!cut) return true;
    const when = parseValidTime(String(f.data['occurredAt']));
    return when.lower === null || Date.parse(when.lower) <= cutoff;
  });
  const ordered = orderFacts(lived);
  const episodes = buildEpisodes(ordered);
  const { referrals, articulations } = buildArticulations(ordered, episodes, cutoff);

  const lanes = Object.fromEntries(PARCOURS_LANES.map((lane) => [lane, { episodes: [] as typeof episodes, events: [] as ReturnType<typeof toFactView>[] }])) as {
    [L in Lane]: { episodes: typeof episodes; events: ReturnType<typeof toFactView>[] };
  };
  for (const episode of episodes) if (isLane(episode.field)) lanes[episode.field].episodes.push(episode);
  for (const timed of ordered) {
    const entry = catalogueEntry(timed.fact.type);
    if (!entry.episode && isLane(entry.field)) lanes[entry.field].events.push(toFactView(timed));
  }
  const registration = state.facts.find((f) => f.type === 'PersonRegistered');

  return {
    personId: state.personId,
    pseudonym: registration ? String(registration.data['pseudonym']) : null,
    revision: state.revision,
    asLivedAt: cut ? cut.edtf : null,
    order: ordered.map((t) => t.fact.eventId),
    lanes,
    articulations,
    referrals,
    periods: periodsOf(ordered, options.programmes ?? [], cutoff),
    narratives: ordered.filter((t) => t.fact.type === 'NarrativeRecorded' || t.fact.type === 'ArticulationAssessed').map(toFactView),
    costs: ordered.filter((t) => t.fact.type === 'CostRecorded').map(toFactView),
    retracted: state.facts
      .filter((f) => f.retraction)
      .map((f) => ({ eventId: f.eventId, type: f.type, reason: f.retraction!.reason, recordedAt: f.retraction!.recordedAt })),
    indicators: computeIndicators(ordered, episodes, cutoff),
  };
}

/** Each fact goes to the canvas period holding its midpoint. */
function periodsOf(ordered: readonly TimedFact[], programmes: readonly ProgrammeCanvas[], cutoff: number): PeriodView[] {
  return programmes.flatMap((programme) =>
    programme.periods.map((period) => {
      const from = period.span.lower === null ? Number.NEGATIVE_INFINITY : Date.parse(period.span.lower);
      const to = period.span.upper === null ? Number.POSITIVE_INFINITY : Date.parse(period.span.upper);
      const eventIds = ordered
        .filter((t) => catalogueEntry(t.fact.type).field !== 'correction')
        .filter((t) => {
          const mid = instants(t.when, cutoff).mid;
          return mid >= from && mid <= to;
        })
        .map((t) => t.fact.eventId);
      return { programmeId: programme.programmeId, programmeName: programme.name, periodId: period.periodId, label: period.label, span: period.span, eventIds };
    }),
  );
}

function isLane(field: string): field is Lane {
  return (PARCOURS_LANES as readonly string[]).includes(field);
}
