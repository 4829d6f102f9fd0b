import type { Instant, PersonSummary, SummaryEpisode } from './person-summary.js';

/**
 * The stored form of a person's summary: positional arrays instead of objects with repeated keys,
 * and instants as [lower, upper] (the midpoint is recomputed; stored only when it is not theirs).
 * Half the bytes of the plain JSON: a rebuild writes one per person, and cohort views read them
 * all. `decodeSummary(JSON.parse(JSON.stringify(encodeSummary(s))))` is `s`, keys in the same order.
 */
type StoredInstant = [lower: number | null, upper: number | null] | [lower: number | null, upper: number | null, mid: number];
type I = StoredInstant | null;
type Details = SummaryEpisode['details'];

export type StoredSummary = [
  personId: string,
  revision: number,
  gender: string | null,
  birthYear: number | null,
  erased: boolean,
  researchConsent: boolean,
  careSharingConsent: boolean,
  registeredAt: I,
  firstContact: I,
  episodes: [string, SummaryEpisode['kind'], SummaryEpisode['field'], StoredInstant, I, SummaryEpisode['endStatus'], string | null, string | null, Details][],
  programmes: [string, StoredInstant, I, string | null][],
  referrals: [StoredInstant, string | null, string | null, boolean | null][],
  lostToFollowUp: [StoredInstant, I][],
  costs: [StoredInstant, number, string, string, string, string | null][],
  housing: [StoredInstant, string][],
  income: [StoredInstant, string][],
  qualifications: StoredInstant[],
  studiesResumed: StoredInstant[],
];

export function encodeSummary(s: PersonSummary): StoredSummary {
  return [
    s.personId,
    s.revision,
    s.gender,
    s.birthYear,
    s.erased,
    s.researchConsent,
    s.careSharingConsent,
    opt(s.registeredAt),
    opt(s.firstContact),
    s.episodes.map((e) => [e.episodeId, e.kind, e.field, enc(e.start), opt(e.end), e.endStatus, e.organisationId, e.organisationName, e.details]),
    s.programmes.map((p) => [p.programmeId, enc(p.entered), opt(p.exited), p.destination]),
    s.referrals.map((r) => [enc(r.when), r.toOrganisationId, r.fromField, r.followed]),
    s.lostToFollowUp.map((l) => [enc(l.lost), opt(l.resumed)]),
    s.costs.map((c) => [enc(c.when), c.amountCents, c.currency, c.funder, c.category, c.episodeId]),
    s.housing.map((h) => [enc(h.when), h.status]),
    s.income.map((i) => [enc(i.when), i.source]),
    s.qualifications.map(enc),
    s.studiesResumed.map(enc),
  ];
}

export function decodeSummary(s: StoredSummary): PersonSummary {
  const [personId, revision, gender, birthYear, erased, researchConsent, careSharingConsent, registeredAt, firstContact] = s;
  return {
    personId,
    revision,
    gender,
    birthYear,
    erased,
    researchConsent,
    careSharingConsent,
    registeredAt: decOpt(registeredAt),
    firstContact: decOpt(firstContact),
    episodes: s[9].map(([episodeId, kind, field, start, end, endStatus, organisationId, organisationName, details]) => ({
      episodeId,
      kind,
      field,
      start: dec(start),
      end: decOpt(end),
      endStatus,
      organisationId,
      organisationName,
      details,
    })),
    programmes: s[10].map(([programmeId, entered, exited, destination]) => ({ programmeId, entered: dec(entered), exited: decOpt(exited), destination })),
    referrals: s[11].map(([when, toOrganisationId, fromField, followed]) => ({ when: dec(when), toOrganisationId, fromField, followed })),
    lostToFollowUp: s[12].map(([lost, resumed]) => ({ lost: dec(lost), resumed: decOpt(resumed) })),
    costs: s[13].map(([when, amountCents, currency, funder, category, episodeId]) => ({ when: dec(when), amountCents, currency, funder, category, episodeId })),
    housing: s[14].map(([when, status]) => ({ when: dec(when), status })),
    income: s[15].map(([when, source]) => ({ when: dec(when), source })),
    qualifications: s[16].map(dec),
    studiesResumed: s[17].map(dec),
  };
}

/** The midpoint `instant()` gives these bounds. */
function midOf(lower: number | null, upper: number | null): number {
  return lower !== null && upper !== null ? (lower + upper) / 2 : (lower ?? upper ?? 0);
}

function enc(i: Instant): StoredInstant {
  return i.mid === midOf(i.lower, i.upper) ? [i.lower, i.upper] : [i.lower, i.upper, i.mid];
}

function opt(i: Instant | null): I {
  return i === null ? null : enc(i);
}

function dec([lower, upper, mid]: StoredInstant): Instant {
  return { lower, upper, mid: mid ?? midOf(lower, upper) };
}

function decOpt(i: I): Instant | null {
  return i === null ? null : dec(i);
}
