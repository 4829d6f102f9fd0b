export {
  FIELD_ALPHABETS,
  MISSING_STATE,
  SEQUENCE_FIELDS,
  alphabetCodes,
  isSequenceField,
  noneState,
  precedenceRank,
  precedenceRule,
  type SequenceField,
  type SequenceState,
} from './alphabet.js';
export { calendarMonth, decimalMonths, monthIndex, monthStart, observedMonths } from './month-grid.js';
export { HOUSING_STATES, stateSpans, type Bounds, type StateSpan } from './state-spans.js';
export { coveredMonths, monthlyStates, stateInMonth, type MonthlyStates, type SequenceWindow } from './monthly-states.js';
export { ORIGIN_RULES, ORIGIN_RULE_MEANINGS, isOriginRule, originOf, personSequence, type OriginRule, type PersonSequence } from './person-sequences.js';
export { spellsOf, type Spell } from './spells.js';
export { protectedDistribution, protectedTransitions, toStateSequence, type ProtectedMonth, type ProtectedTransitions } from './sequence-statistics.js';
