import { describe, expect, it } from '@jest/globals';
import { emptyDraft, type ParcoursDraft } from '@parcours/domain';
import { LiveDrafts } from './live-drafts.js';

const draft = (personId: string, revision: number, facts: number): ParcoursDraft => {
  const d = emptyDraft(personId);
  d.revision = revision;
  for (let i = 0; i < facts; i++) d.facts.push({} as ParcoursDraft['facts'][number]);
  return d;
};

describe('LiveDrafts', () => {
  it('given a draft at revision 4, when taken at 4 it is returned once; at another revision it is dropped', () => {
    const drafts = new LiveDrafts(100);
    const a = draft('a', 4, 5);
    drafts.put(a);
    expect(drafts.take('a', 4)).toBe(a);
    expect(drafts.take('a', 4)).toBeUndefined(); // taken out: the batch puts it back once committed
    drafts.put(a);
    expect(drafts.take('a', 3)).toBeUndefined(); // ahead of its segments (a rolled-back batch)
    expect(drafts.size).toEqual({ persons: 0, facts: 0 });
  });

  it('evicts the least recently put beyond its bound in facts, counting each draft at the size it was put with', () => {
    const drafts = new LiveDrafts(10);
    const a = draft('a', 0, 4);
    drafts.put(a);
    drafts.put(draft('b', 0, 4));
    a.facts.push(...a.facts); // folded further while out of the cache
    drafts.put(draft('c', 0, 4));
    expect(drafts.take('a', 0)).toBeUndefined();
    expect(drafts.size).toEqual({ persons: 2, facts: 8 });
    drafts.put(draft('huge', 0, 11));
    expect(drafts.take('huge', 0)).toBeUndefined();
  });
});
