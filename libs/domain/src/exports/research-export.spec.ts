import { describe, expect, it } from '@jest/globals';
import type { CohortMember } from '../cohorts/membership.js';
import { episode, member, ms, person, at } from '../sequences/sequence-fixtures.test-support.js';
import { csvLine, parseCsv } from './csv.js';
import { exportMetadata } from './export-metadata.js';
import { researchExport, type ResearchExport, type ResearchExportRequest } from './research-export.js';

const cutoff = ms('2010-06-20T00:00:00Z');
/** A stand-in for the shell's keyed hash: anything but the internal id. */
const pseudonymise = (id: string) => `p${[...id].reverse().join('')}x`;

function csvOf(e: ResearchExport): string[][] {
  const lines = [csvLine(e.header)];
  for (const batch of e.batches) for (const row of batch) lines.push(csvLine(row));
  return parseCsv(lines.join(''));
}

const exportOf = (members: CohortMember[], request: Partial<ResearchExportRequest>) =>
  researchExport({ kind: 'persons', originRule: 'entry', cutoff, members, pseudonymise, ...request });

const alice = member(
  person('id-alice-0001', {
    birthYear: 1983,
    gender: 'female',
    housing: [{ when: at('2009-05'), status: 'squat' }],
    episodes: [episode('job_coaching', '2009', 'open'), episode('job', '2010-03-10', '2010-04-30'), episode('hospital_stay', '2010-02-03', '2010-02-04')],
  }),
  '2010-01-15',
);
const bob = member(person('id-bob-0002', { episodes: [episode('workshop', '2010-03', 'open')], lostToFollowUp: [{ lost: at('2010-04-01'), resumed: null }] }), '2010-03-02');
const carol = member(person('id-carol-0003', { researchConsent: false, episodes: [episode('job', '2010-02', 'open')] }), '2010-01-20');

describe('research exports (pure writer)', () => {
  it('given a member without research consent, then she is in no file and the metadata counts her, hidden under 11', () => {
    const e = exportOf([alice, bob, carol], { kind: 'persons' });
    expect(e.consent).toEqual({ members: 3, exported: 2, leftOut: 1 });
    const text = csvOf(e).flat().join(',');
    expect(text).not.toContain(pseudonymise('id-carol-0003'));
    const metadata = exportMetadata({
      export: e,
      cohort: { id: 'c', definition: { name: 'test cohort', entryRule: 'first_contact' } },
      originRule: 'entry',
      cutoff,
      generatedAt: new Date('2024-01-01T00:00:00Z'),
      pseudonymisation: { method: 'test', project: 'p1', stable: true },
      software: { name: 'parcours', version: '0.0.0' },
    });
    expect(metadata['consent']).toMatchObject({ exported: 2, leftOut: { suppressed: true } });
  });

  it('never writes an internal id, in any file', () => {
    for (const kind of ['spells', 'sequences', 'events', 'persons', 'survival'] as const) {
      const text = csvOf(exportOf([alice, bob], { kind, ...(kind === 'sequences' ? { field: 'employment' as const } : {}) }))
        .flat()
        .join('\n');
      expect(text).not.toMatch(/id-(alice|bob)/);
      expect(text).toContain(pseudonymise('id-alice-0001'));
    }
    expect(() => exportOf([alice], { pseudonymise: (id) => id })).toThrow(/internal person id/);
  });

  it('writes wide sequences with * past each person\'s cut-off month, sorted by pseudonym', () => {
    // Alice: entry January 2010, six months to June. Bob: entry March, four months; the rest is missing.
    const rows = csvOf(exportOf([alice, bob], { kind: 'sequences', field: 'employment' }));
    expect(rows[0]).toEqual(['id', 'm0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    const byId = Object.fromEntries(rows.slice(1).map(([id, ...states]) => [id, states]));
    expect(byId[pseudonymise('id-alice-0001')]).toEqual(['K', 'K', 'J', 'J', 'K', 'K']);
    expect(byId[pseudonymise('id-bob-0002')]).toEqual(['W', 'W', 'W', 'W', '*', '*']);
    const ids = rows.slice(1).map((r) => r[0]!);
    expect(ids).toEqual([...ids].sort());
  });

  it('given a member who entered after the cut-off, then no sequence row and no spell, but a person row', () => {
    const late = member(person('id-late-0005'), '2010-07-01');
    expect(csvOf(exportOf([alice, late], { kind: 'sequences', field: 'care' })).map((r) => r[0])).toEqual(['id', pseudonymise('id-alice-0001')]);
    expect(csvOf(exportOf([late], { kind: 'spells' }))).toHaveLength(1);
    expect(csvOf(exportOf([late], { kind: 'persons' }))[1]).toMatchObject({ 0: pseudonymise('id-late-0005'), 4: '0' });
  });

  it('writes spells per field, positions from 1', () => {
    const rows = csvOf(exportOf([alice], { kind: 'spells', field: 'care' }));
    expect(rows.slice(1)).toEqual([
      [pseudonymise('id-alice-0001'), 'care', '1', '1', '-', '1', '1', '1', '1'],
      [pseudonymise('id-alice-0001'), 'care', '2', '2', 'H', '2', '2', '2', '2'],
      [pseudonymise('id-alice-0001'), 'care', '3', '6', '-', '3', '3', '6', '6'],
    ]);
    expect(new Set(csvOf(exportOf([alice], { kind: 'spells' })).slice(1).map((r) => r[1]))).toEqual(new Set(['care', 'training', 'employment', 'social']));
  });

  it('writes events in months since the origin month, with decimals and bounds, from month 0 to the cut-off', () => {
    const rows = csvOf(exportOf([alice], { kind: 'events', field: 'employment' })).slice(1);
    // The coaching began in 2009 (before the origin): left out. The job: 10 March 2010 (noon), month 2.
    expect(rows.map((r) => r[2])).toEqual(['job_start', 'job_end']);
    expect(Number(rows[0]![1])).toBeCloseTo(2 + 9.5 / 31, 3);
    expect(Math.floor(Number(rows[1]![1]))).toBe(3);
  });

  it('writes persons with a five-year birth band and no exact birth year', () => {
    const rows = csvOf(exportOf([alice], { kind: 'persons' }));
    expect(rows[1]).toEqual([pseudonymise('id-alice-0001'), '2010-01', '2010-01', '0', '6', 'female', '1980-1984', 'squat', 'NA', 'FALSE']);
    expect(rows.flat()).not.toContain('1983');
  });

  it('writes days to the first job after entry, censored at a loss to follow-up or at the cut-off', () => {
    const rows = csvOf(exportOf([alice, bob], { kind: 'survival' }));
    const byId = Object.fromEntries(rows.slice(1).map(([id, ...rest]) => [id, rest]));
    // Alice: entry 15 January (noon), hired 10 March (noon): 54 days.
    expect(byId[pseudonymise('id-alice-0001')]).toEqual(['54', '1', 'NA']);
    // Bob: entry 2 March, lost 1 April: censored after 30 days.
    expect(byId[pseudonymise('id-bob-0002')]).toEqual(['30', '0', 'lost_to_follow_up']);
    // Dan: entry 1 June (noon), cut-off 20 June (midnight): 18.5 days, rounded as the outcome views do.
    const noJob = member(person('id-dan-0004'), '2010-06-01');
    expect(csvOf(exportOf([noJob], { kind: 'survival' }))[1]).toEqual([pseudonymise('id-dan-0004'), '19', '0', 'cutoff']);
  });

  it('writes the alphabet with labels quoted where they hold commas', () => {
    const e = exportOf([], { kind: 'alphabet', field: 'social' });
    const text = [csvLine(e.header), ...[...e.batches].flat().map(csvLine)].join('');
    expect(text).toContain('social,P,"precarious housing (street, squat, emergency shelter)",#D55E00\n');
    expect(parseCsv(text).slice(1).map((r) => r[1])).toEqual(['X', 'P', 'A', 'O', 'Z', '-']);
  });
});
