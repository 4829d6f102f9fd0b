import { describe, expect, it } from '@jest/globals';
import { parseValidTime, renderParcours, type ParcoursView } from '@parcours/domain';
import { article23Canvas, chrisState } from '../support/chris-parcours.js';
import {
  boundsOf,
  clipStops,
  episodeExtent,
  FAINT,
  fuzzyStops,
  layoutTimeline,
  packRows,
  timeDomain,
  touchedBy,
  yearTicks,
  type EpisodeLike,
} from '../../apps/api/src/ui/public/timeline-layout.js';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2012-11-30T00:00:00Z');
const fact = (edtf: string, eventId = edtf) => ({ eventId, type: 'X', validTime: parseValidTime(edtf), corrections: [] });
const episode = (start: string, end: string | null, endStatus: EpisodeLike['endStatus'], endedBefore: string | null = null): EpisodeLike => ({
  episodeId: `${start}-${end}`,
  kind: 'job',
  start: fact(start),
  end: end === null ? null : fact(end),
  endStatus,
  endedBefore: endedBefore === null ? null : parseValidTime(endedBefore),
});
const chris = (): ParcoursView => renderParcours(chrisState(), { now: new Date(NOW), programmes: [article23Canvas] });

describe('timeline layout: bounds and fuzzy ends', () => {
  it('reads a valid time as its bounds, an unknown bound taking the other one', () => {
    expect(boundsOf(parseValidTime('2009'))).toEqual({ lower: at('2009-01-01T00:00:00Z'), upper: at('2009-12-31T23:59:59.999Z'), mid: (at('2009-01-01T00:00:00Z') + at('2009-12-31T23:59:59.999Z')) / 2 });
    expect(boundsOf(parseValidTime('../1999')).lower).toBe(at('1999-12-31T23:59:59.999Z'));
    expect(boundsOf(null, 5)).toEqual({ lower: 5, upper: 5, mid: 5 });
  });

  it('draws an ended episode from its earliest start to its latest end, certain between the inner bounds', () => {
    const extent = episodeExtent(episode('2006', '2006/2009-40', 'ended'), NOW);
    expect(extent).toMatchObject({ outerStart: at('2006-01-01T00:00:00Z'), open: false, unknownEnd: false });
    // "2006" to "2006/2009-40": the latest start (31 Dec 2006) is after the earliest end (1 Jan
    // 2006), so no part is certain and the bar peaks between them.
    expect(extent.innerStart).toBe(extent.innerEnd);
    expect(extent.innerStart).toBe((at('2006-12-31T23:59:59.999Z') + at('2006-01-01T00:00:00Z')) / 2);
    const precise = episodeExtent(episode('2009-03', '2010-06', 'ended'), NOW);
    expect(precise).toMatchObject({ innerStart: at('2009-03-31T23:59:59.999Z'), innerEnd: at('2010-06-01T00:00:00Z'), outerEnd: at('2010-06-30T23:59:59.999Z') });
    expect(extent.outerEnd).toBe(at('2009-06-30T23:59:59.999Z'));
  });

  it('runs an open episode to now, and an unknown end up to what it must have preceded, or not beyond its start', () => {
    expect(episodeExtent(episode('2011', null, 'open'), NOW)).toMatchObject({ innerEnd: NOW, outerEnd: NOW, open: true });
    const before = episodeExtent(episode('2004', null, 'unknown', '2007'), NOW);
    expect(before).toMatchObject({ innerStart: at('2004-12-31T23:59:59.999Z'), innerEnd: at('2004-12-31T23:59:59.999Z'), outerEnd: at('2007-12-31T23:59:59.999Z'), unknownEnd: true, endedBefore: true });
    const unknown = episodeExtent(episode('2007', null, 'unknown'), NOW);
    expect(unknown.outerEnd).toBe(unknown.innerStart);
    expect(unknown.endedBefore).toBe(false);
  });

  it('turns bounds into gradient stops: faint where a date is only possible, solid where certain', () => {
    expect(fuzzyStops({ outerStart: 0, innerStart: 25, innerEnd: 75, outerEnd: 100 })).toEqual([
      { offset: 0, opacity: FAINT },
      { offset: 0.25, opacity: 1 },
      { offset: 0.75, opacity: 1 },
      { offset: 1, opacity: FAINT },
    ]);
    // Precise ends are solid to the edge; a zero-width bar is solid.
    expect(fuzzyStops({ outerStart: 0, innerStart: 0, innerEnd: 100, outerEnd: 100 }).map((s) => s.opacity)).toEqual([1, 1, 1, 1]);
    expect(fuzzyStops({ outerStart: 5, innerStart: 5, innerEnd: 5, outerEnd: 5 })).toEqual([{ offset: 0, opacity: 1 }, { offset: 1, opacity: 1 }]);
  });

  it('cuts stops at the edge of the time shown, keeping the opacity the fade has there', () => {
    const stops = fuzzyStops({ outerStart: 0, innerStart: 50, innerEnd: 100, outerEnd: 100 });
    expect(clipStops(stops, { outerStart: 0, outerEnd: 100 }, [25, 100])).toEqual([
      { offset: 0, opacity: (FAINT + 1) / 2 },
      { offset: 0.3333, opacity: 1 },
      { offset: 1, opacity: 1 },
    ]);
    expect(clipStops(stops, { outerStart: 0, outerEnd: 100 }, [0, 100])).toBe(stops);
  });
});

describe('timeline layout: rows, time axis', () => {
  it('puts overlapping items on separate rows and reuses a row once it is free', () => {
    expect(packRows([{ from: 0, to: 10 }, { from: 5, to: 20 }, { from: 12, to: 30 }, { from: 21, to: 25 }])).toEqual({ rows: [0, 1, 0, 1], count: 2 });
    // A gap keeps room after an item (an open arrow, an unknown-end stub).
    expect(packRows([{ from: 0, to: 10 }, { from: 12, to: 20 }], 5)).toEqual({ rows: [0, 1], count: 2 });
    expect(packRows([])).toEqual({ rows: [], count: 0 });
  });

  it('spans every fact of every step, not now, so that a path told in 2012 is not squeezed by 2026', () => {
    const view = chris();
    const [from, to] = timeDomain([view], at('2026-11-22T00:00:00Z'));
    expect(from).toBeLessThan(at('2003-01-01T00:00:00Z'));
    expect(from).toBeGreaterThan(at('2002-06-01T00:00:00Z'));
    expect(to).toBeGreaterThan(at('2012-12-31T00:00:00Z'));
    expect(to).toBeLessThan(at('2014-01-01T00:00:00Z'));
    expect(timeDomain([], NOW)[1]).toBeGreaterThan(NOW);
  });

  it('labels years 1, 2, 5 or 10 apart, within the room given', () => {
    const domain = [at('2002-10-01T00:00:00Z'), at('2013-06-01T00:00:00Z')] as const;
    expect(yearTicks(domain, 12).map((t) => t.year)).toEqual([2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013]);
    expect(yearTicks(domain, 5).map((t) => t.year)).toEqual([2004, 2006, 2008, 2010, 2012]);
    expect(yearTicks(domain, 5)[0]!.at).toBe(at('2004-01-01T00:00:00Z'));
  });
});

describe("timeline layout of Chris's parcours", () => {
  it('has one lane per field, in order, with overlapping care episodes on their own rows', () => {
    const layout = layoutTimeline(chris());
    expect(layout.lanes.map((l) => l.lane)).toEqual(['person', 'care', 'training', 'employment', 'social']);
    const care = layout.bars.filter((b) => b.lane === 'care');
    expect(care).toHaveLength(6);
    // The open follow-up (2003 →) overlaps every later stay: nothing else shares its row.
    const followUp = care.find((b) => b.episode.kind === 'care_follow_up')!;
    expect(followUp.extent.open).toBe(true);
    expect(care.filter((b) => b.row === followUp.row)).toHaveLength(1);
    expect(layout.lanes.find((l) => l.lane === 'care')!.rows).toBeGreaterThanOrEqual(3);
    expect(layout.lanes.find((l) => l.lane === 'social')).toMatchObject({ rows: 0, events: 0 });
  });

  it('marks the first hire at the start of the job it began, links every articulation, bands every period', () => {
    const view = chris();
    const layout = layoutTimeline(view);
    const job = layout.bars.find((b) => b.episode.kind === 'job')!;
    expect(layout.milestones).toEqual([expect.objectContaining({ kind: 'firstHire', lane: 'employment', row: job.row, at: boundsOf(view.indicators.firstHire!.when).mid })]);
    expect(layout.links).toHaveLength(view.articulations.length);
    const referral = layout.links.find((l) => l.kind === 'referral')!;
    expect(referral.to.lane).toBe('care');
    expect(layout.bands.map((b) => b.label)).toEqual(article23Canvas.periods.map((p) => p.label));
    expect(layout.bands[0]!.from).toBe(-Infinity);
  });

  it('cuts open bars at the edge of the time shown, and outlines what one recorded event touched', () => {
    const view = chris();
    const domain = timeDomain([view], NOW);
    const layout = layoutTimeline(view, { domain, now: at('2026-11-22T00:00:00Z') });
    const workshop = layout.bars.find((b) => b.episode.kind === 'workshop')!;
    expect(workshop.cut).toBe(true);
    expect(workshop.shown.to).toBe(domain[1]);
    expect(workshop.stops.at(-1)).toEqual({ offset: 1, opacity: 1 });
    const start = workshop.episode.start;
    expect(touchedBy(start, start.eventId)).toBe(true);
    expect(touchedBy(start, 'another')).toBe(false);
    expect(touchedBy({ ...start, corrections: [{ eventId: 'fix' }] }, 'fix')).toBe(true);
  });
});
