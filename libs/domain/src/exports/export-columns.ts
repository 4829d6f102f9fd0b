import type { SequenceField } from '../sequences/alphabet.js';
import type { ExportKind } from './export-kinds.js';

export interface ColumnMeaning {
  readonly name: string;
  readonly meaning: string;
}

const ID = { name: 'id', meaning: "the person's pseudonym for this research project (keyed hash; never the internal id)" };
const POSITION = 'position on the monthly grid: 1 is month 0, the origin\'s calendar month (TraMineR positions start at 1); inclusive';
const BOUND = (which: string, side: string) =>
  `${which} if the dates that make it were taken at their ${side} bound instead of their midpoint; clipped to the observed positions; NA when unknown`;

/** What each column of a file means, for its JSON metadata. */
export function exportColumns(kind: ExportKind, field: SequenceField | undefined, months: number): ColumnMeaning[] {
  switch (kind) {
    case 'spells':
      return [
        ID,
        { name: 'field', meaning: 'the field of the spell: care, training, employment or social' },
        { name: 'begin', meaning: `first month of the spell, as a ${POSITION}` },
        { name: 'end', meaning: `last month of the spell, as a ${POSITION}` },
        { name: 'status', meaning: 'the state code (see the alphabet); spells of the "none" state are included, so spells cover every observed month' },
        { name: 'begin_lower', meaning: BOUND('begin', 'lower') },
        { name: 'begin_upper', meaning: BOUND('begin', 'upper') },
        { name: 'end_lower', meaning: BOUND('end', 'lower') },
        { name: 'end_upper', meaning: BOUND('end', 'upper') },
      ];
    case 'sequences':
      return [
        ID,
        ...Array.from({ length: months }, (_, k) => ({
          name: `m${k}`,
          meaning: `the ${field ?? ''} state in month ${k} since the origin's calendar month; "*" (missing) after the person's cut-off month`,
        })),
      ];
    case 'events':
      return [
        ID,
        { name: 'time', meaning: "months since the start of the origin's calendar month, with decimals (the whole part is the month of the wide file); date at its midpoint" },
        { name: 'event', meaning: 'what happened: <episode kind>_start / _end, programme_entry, programme_exit, referral, lost_to_follow_up, follow_up_resumed, housing_<status>, income_<source>, qualification_obtained' },
        { name: 'field', meaning: 'care, training, employment, social, or person (facts about the person as a whole)' },
        { name: 'time_lower', meaning: 'time of the lower bound of the date; NA when unknown' },
        { name: 'time_upper', meaning: 'time of the upper bound of the date; NA when unknown' },
      ];
    case 'persons':
      return [
        ID,
        { name: 'origin', meaning: 'calendar month (YYYY-MM) of month 0' },
        { name: 'entry', meaning: 'calendar month (YYYY-MM) of the cohort entry' },
        { name: 'entry_month', meaning: 'the entry as a month since the origin (0 when the origin is the entry)' },
        { name: 'months_observed', meaning: "months from month 0 to the cut-off's month, inclusive: the person's sequence length" },
        { name: 'gender', meaning: 'female, male, non_binary, unknown; NA when not recorded' },
        { name: 'birth_year_band', meaning: 'five-year band of the birth year ("1980-1984"); never the exact year' },
        { name: 'housing_at_entry', meaning: 'last housing status recorded at or before the entry; NA when none' },
        { name: 'income_at_entry', meaning: 'last income source recorded at or before the entry; NA when none' },
        { name: 'lost_at_cutoff', meaning: 'TRUE when a loss to follow-up after the entry was not resumed by the cut-off' },
      ];
    case 'alphabet':
      return [
        { name: 'field', meaning: 'the field whose alphabet this is' },
        { name: 'code', meaning: 'the state code used in spells and sequences; rows in precedence order, highest first' },
        { name: 'label', meaning: 'what the state means' },
        { name: 'colour', meaning: 'hex colour for plots (Okabe–Ito palette, colour-blind safe; grey for "none")' },
      ];
    case 'survival':
      return [
        ID,
        { name: 'time', meaning: 'whole days from the cohort entry to the first job, or to the censoring' },
        { name: 'event', meaning: '1: a job began at time; 0: censored at time' },
        { name: 'censor_reason', meaning: 'cutoff (still observed, not hired by the cut-off) or lost_to_follow_up (no longer observed); NA for an event' },
      ];
  }
}
