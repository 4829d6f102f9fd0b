import { certainlyBefore, parseValidTime, type ValidTime } from '../time/valid-time.js';
import type { ParcoursFact } from './parcours-state.js';

export interface TimedFact {
  readonly fact: ParcoursFact;
  readonly when: ValidTime;
}

/**
 * Orders facts along valid time as DOMAIN.md §3 asks: by their bounds when one is certainly before
 * the other; when their bounds overlap (facts sharing a coarse date: "2007"), by an explicit
 * `after` hint, else by the order in which they were recorded (the order the source gives).
 *
 * 1. sort by lower bound, then recording order;
 * 2. let a fact move up past overlapping facts recorded after it (recording order wins on overlap);
 * 3. move a fact with an `after` hint that stands before the fact it names to just after it,
 *    unless the hint contradicts the dates (the fact is certainly earlier).
 */
export function orderFacts(facts: readonly ParcoursFact[]): TimedFact[] {
  const timed = facts.map((fact) => ({ fact, when: parseValidTime(String(fact.data['occurredAt'])) }));
  timed.sort((a, b) => compareLower(a.when, b.when) || a.fact.revision - b.fact.revision);

  for (let i = 1; i < timed.length; i++) {
    let j = i;
    while (j > 0 && !certainlyBefore(timed[j - 1]!.when, timed[j]!.when) && timed[j - 1]!.fact.revision > timed[j]!.fact.revision) {
      [timed[j - 1], timed[j]] = [timed[j]!, timed[j - 1]!];
      j -= 1;
    }
  }

  for (const item of [...timed]) {
    const after = item.fact.data['after'];
    if (typeof after !== 'string') continue;
    const from = timed.indexOf(item);
    const anchor = timed.findIndex((t) => t.fact.eventId === after);
    if (anchor < 0 || anchor < from || certainlyBefore(item.when, timed[anchor]!.when)) continue;
    // Move right after the anchor and after anything already placed after it that overlaps.
    timed.splice(from, 1);
    let to = timed.findIndex((t) => t.fact.eventId === after) + 1;
    while (to < timed.length && timed[to]!.fact.data['after'] === after && timed[to]!.fact.revision < item.fact.revision) to += 1;
    timed.splice(to, 0, item);
  }
  return timed;
}

function compareLower(a: ValidTime, b: ValidTime): number {
  if (a.lower === b.lower) return 0;
  if (a.lower === null) return -1;
  if (b.lower === null) return 1;
  return a.lower < b.lower ? -1 : 1;
}
