import { describe, expect, it } from '@jest/globals';
import type { ParcoursInput } from './parcours-state.js';
import { applyToParcours, emptyParcours, foldParcours } from './parcours-state.js';
import { renderParcours } from './render.js';

let n = 0;
const id = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const P = '018f0000-0000-7000-8000-0000000000aa';
let revision = 0;
const ev = (type: string, occurredAt: string, data: Record<string, unknown> = {}, eventId = id()): ParcoursInput =>
  ({ type, eventId, revision: revision++, recordedAt: `2012-11-${String(10 + (revision % 18)).padStart(2, '0')}T10:00:00.000Z`, data: { occurredAt, provenance: 'interview', ...data } }) as unknown as ParcoursInput;
const now = new Date('2013-01-01T00:00:00Z');
const render = (...events: ParcoursInput[]) => renderParcours(foldParcours(P, events), { now });

describe('parcours projection', () => {
  it('given facts sharing a coarse date, then they keep the order they were recorded in', () => {
    revision = 0;
    const a = ev('TrainingStarted', '2007', { episodeId: id(), setting: 'ordinary' });
    const b = ev('RelapseOccurred', '2007-06', { episodeId: id() });
    const c = ev('HospitalAdmitted', '2007', { episodeId: id(), kind: 'psychiatric' });
    const early = ev('HousingStatusChanged', '2005', { status: 'street' });
    expect(render(a, b, c, early).order).toEqual([early.eventId, a.eventId, b.eventId, c.eventId]);
  });

  it('given an "after" hint, then the fact follows the one it names even if recorded before it', () => {
    revision = 0;
    const first = ev('RelapseOccurred', '2007', { episodeId: id() });
    const second = ev('TrainingEnded', '2007', { episodeId: id(), outcome: 'failed' });
    const hinted = { ...first, data: { ...first.data, after: second.eventId } } as ParcoursInput;
    expect(render(hinted, second).order).toEqual([second.eventId, first.eventId]);
  });

  it('given dates certainly ordered, then valid time wins over recording order', () => {
    revision = 0;
    const late = ev('StudiesResumed', '2012', { title: 'x' });
    const retro = ev('HousingStatusChanged', '1999', { status: 'family' });
    expect(render(late, retro).order).toEqual([retro.eventId, late.eventId]);
  });

  it('given a correction, then the fact shows the replacement and keeps the correction in its history; a retraction removes it', () => {
    revision = 0;
    const episodeId = id();
    const admitted = ev('HospitalAdmitted', '2004', { episodeId, kind: 'general' });
    const fix = ev('EventCorrected', '2012-11', { targetEventId: admitted.eventId, replacement: { ...admitted.data, occurredAt: '2004-03' }, reason: 'record' });
    const corrected = render(admitted, fix);
    expect(corrected.lanes.care.episodes[0]!.start.validTime.edtf).toBe('2004-03');
    expect(corrected.lanes.care.episodes[0]!.start.corrections).toEqual([expect.objectContaining({ eventId: fix.eventId, reason: 'record' })]);
    const gone = render(admitted, fix, ev('EventRetracted', '2012-12', { targetEventId: admitted.eventId, reason: 'wrong person' }));
    expect(gone.lanes.care.episodes).toEqual([]);
    expect(gone.retracted).toEqual([expect.objectContaining({ eventId: admitted.eventId, reason: 'wrong person' })]);
  });

  it('given the same event twice (at-least-once delivery), then it counts once', () => {
    revision = 0;
    const e = ev('HousingStatusChanged', '2005', { status: 'street' });
    const once = applyToParcours(emptyParcours(P), e);
    expect(applyToParcours(once, e)).toBe(once);
  });

  it('ends: recorded, open, or unknown when the kind always ends or the same kind starts again', () => {
    revision = 0;
    const care = ev('CareEpisodeStarted', '2003', { episodeId: id(), setting: 'residential' });
    const crf1 = ev('RehabilitationStarted', '2005', { episodeId: id() });
    const crf2 = ev('RehabilitationStarted', '2009', { episodeId: id() });
    const stay = ev('HospitalAdmitted', '2006', { episodeId: id(), kind: 'detox' });
    const view = render(care, crf1, crf2, stay);
    const status = Object.fromEntries(view.lanes.care.episodes.map((e) => [e.start.eventId, [e.endStatus, e.endedBefore?.edtf ?? null]]));
    expect(status).toEqual({
      [care.eventId]: ['open', null],
      [crf1.eventId]: ['unknown', '2009'],
      [crf2.eventId]: ['open', null],
      [stay.eventId]: ['unknown', null],
    });
  });

  it('measures a gap between a training that ended and a job that started later, and an overlap (tuilage) with an open follow-up', () => {
    revision = 0;
    const t = id();
    const j = id();
    const view = render(
      ev('TrainingStarted', '2010-01', { episodeId: t, setting: 'adapted' }),
      ev('TrainingEnded', '2010-06', { episodeId: t, outcome: 'completed' }),
      ev('Hired', '2010-09', { episodeId: j, employer: { name: 'EI' }, contract: 'cdd' }),
      ev('EmploymentEnded', '2011-09', { episodeId: j, reason: 'end_of_contract' }),
    );
    const handoff = view.articulations.find((a) => a.kind === 'handoff')!;
    expect(handoff).toMatchObject({ fromField: 'training', toField: 'employment', relation: 'gap' });
    expect(handoff.days!.days).toBeGreaterThan(80);
    expect(handoff.days!.days).toBeLessThan(100);
    expect(view.indicators.monthsEmployed).toBeCloseTo(12, 0);
  });

  it('counts relapse containment and hospitalisations per person-year', () => {
    revision = 0;
    const r = id();
    const view = render(
      ev('PersonRegistered', '2008', { pseudonym: 'X' }),
      ev('RelapseOccurred', '2010-03-01', { episodeId: r }),
      ev('RelapseContained', '2010-03-15', { episodeId: r }),
      ev('HospitalAdmitted', '2009', { episodeId: id(), kind: 'detox' }),
    );
    expect(view.indicators.relapses).toMatchObject({ count: 1, contained: 1, medianContainmentDays: 14 });
    expect(view.indicators.hospitalisations.count).toBe(1);
    expect(view.indicators.hospitalisations.perPersonYear).toBeCloseTo(1 / 5, 2);
  });
});
