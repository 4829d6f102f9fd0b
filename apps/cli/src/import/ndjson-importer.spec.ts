import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { PersonStreamRepository } from '../../../api/src/persons/person-stream.repository.js';
import { countEvents, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { asPerson, CHRIS_FILE, CHRIS_ID, chrisLines, editLine, personIdOf, writeLines } from '../../../../test/cli/chris-persons.js';
import type { ImportSummary, RejectedLine } from './import-summary.js';
import { importNdjson, type ImportMode, type ImportPorts } from './ndjson-importer.js';

const metadata = { requestId: 'import:test.ndjson', source: 'test.ndjson', recordedBy: { userId: 'importer', organisationId: null } };
const N = chrisLines().length;
// Line 6 (RehabilitationEnded) ends an episode never started; line 21 (NarrativeRecorded) has a text that is not text.
// No other line of the fixture refers to either, so best-effort keeps every other line.
const brokenRule = (lines: string[]) => editLine(lines, 5, (l) => (l.data['episodeId'] = '018fffff-00e1-7000-8000-0000000000ff'));
const brokenSchema = (lines: string[]) => editLine(lines, 20, (l) => (l.data['text'] = 42));

describe('importNdjson on a real application (SQLite)', () => {
  let t: TestApp;
  let ports: ImportPorts;
  let dir: string;
  let files = 0;
  const file = (lines: readonly string[]) => writeLines(join(dir, `import-${++files}.ndjson`), lines);
  const run = (path: string, mode: ImportMode = 'all-or-nothing', rejected: RejectedLine[] = []) =>
    importNdjson(path, ports, { mode, metadata, onRejected: (l) => rejected.push(l) });
  const stored = async (k: number) => (await t.app.get(PersonStreamRepository).load(personIdOf(k))).recorded;

  beforeAll(async () => {
    t = await startTestApp();
    const bus = t.app.get(CommandBus);
    const repository = t.app.get(PersonStreamRepository);
    ports = { execute: (c) => bus.execute(c), load: (id) => repository.load(id) };
    dir = mkdtempSync(join(tmpdir(), 'parcours-import-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports Chris's fixture: every event lands, with the import's metadata", async () => {
    const progress: number[] = [];
    const summary = await importNdjson(CHRIS_FILE, ports, { mode: 'all-or-nothing', metadata, onProgress: (p) => progress.push(p.bytesRead) });
    expect(counts(summary)).toEqual({ lines: N, persons: { imported: 1, partial: 0, unchanged: 0, rejected: 0 }, imported: N, duplicates: 0, rejected: 0 });
    const history = (await t.app.get(PersonStreamRepository).load(CHRIS_ID)).recorded;
    expect(history.map((e) => e.eventId)).toEqual(chrisLines().map((l) => JSON.parse(l).eventId));
    expect(history[3]!.metadata).toMatchObject(metadata);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('a second run writes nothing: every line is a duplicate skipped', async () => {
    const before = await countEvents(t.store);
    const summary = await run(CHRIS_FILE);
    expect(counts(summary)).toEqual({ lines: N, persons: { imported: 0, partial: 0, unchanged: 1, rejected: 0 }, imported: 0, duplicates: N, rejected: 0 });
    expect(await countEvents(t.store)).toBe(before);
  });

  it('all-or-nothing: bad lines reject their whole person, naming each; the other persons import', async () => {
    const rejected: RejectedLine[] = [];
    const summary = await run(file([...asPerson(1), ...brokenSchema(brokenRule(asPerson(2))), ...asPerson(3)]), 'all-or-nothing', rejected);
    expect(counts(summary)).toMatchObject({ persons: { imported: 2, partial: 0, unchanged: 0, rejected: 1 }, imported: 2 * N, rejected: N });
    expect(await stored(2)).toEqual([]);
    expect((await stored(3)).length).toBe(N);
    expect(rejected.filter((r) => !r.heldBack)).toEqual([
      expect.objectContaining({ line: N + 6, person: personIdOf(2), code: 'EPISODE_NOT_STARTED', reason: expect.stringContaining('needs a RehabilitationStarted') }),
      expect.objectContaining({ line: N + 21, code: 'VALIDATION_FAILED', reason: expect.stringMatching(/^data\.text: /) }),
    ]);
    const held = rejected.filter((r) => r.heldBack);
    expect(held).toHaveLength(N - 2);
    expect(held[0]).toMatchObject({ line: N + 1, code: 'NOT_IMPORTED', reason: 'not imported: another line of this person was rejected' });
    expect(summary.rejectedLines).toMatchObject({ total: N, invalid: 2, heldBack: N - 2 });
  });

  it("--best-effort keeps a person's valid events and rejects only the bad lines", async () => {
    const rejected: RejectedLine[] = [];
    const summary = await run(file([...brokenSchema(brokenRule(asPerson(4))), ...asPerson(5)]), 'best-effort', rejected);
    expect(counts(summary)).toMatchObject({ persons: { imported: 2, partial: 1, unchanged: 0, rejected: 0 }, imported: 2 * N - 2, rejected: 2 });
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'EPISODE_NOT_STARTED'],
      [21, 'VALIDATION_FAILED'],
    ]);
    expect((await stored(4)).length).toBe(N - 2);
  });

  it('a line that is not JSON: all-or-nothing holds its person back; with no readable person it stands alone', async () => {
    const lines = asPerson(6);
    const truncated = [...lines.slice(0, 2), lines[2]!.slice(0, 80), ...lines.slice(3)];
    const rejected: RejectedLine[] = [];
    const summary = await run(file([...truncated, '{not json at all', ...asPerson(7)]), 'all-or-nothing', rejected);
    expect(rejected.filter((r) => !r.heldBack)).toEqual([
      expect.objectContaining({ line: 3, person: personIdOf(6), code: 'INVALID_LINE', reason: expect.stringMatching(/^not valid JSON/) }),
      expect.objectContaining({ line: N + 1, person: null, code: 'INVALID_LINE' }),
    ]);
    expect(await stored(6)).toEqual([]);
    expect((await stored(7)).length).toBe(N);
    expect(summary.persons).toMatchObject({ imported: 1, rejected: 1 });
  });

  it("lines of a person after another person's are imported as a later run, appended in file order", async () => {
    const [a, b] = [asPerson(8), asPerson(9)];
    const summary = await run(file([...a.slice(0, 10), ...b, ...a.slice(10)]));
    expect(counts(summary)).toMatchObject({ imported: 2 * N, rejected: 0 });
    expect(summary.splitPersons).toBe(1);
    expect((await stored(8)).map((e) => e.eventId)).toEqual(a.map((l) => JSON.parse(l).eventId));
  });

  it('all-or-nothing: a later run of a rejected person is rejected too', async () => {
    const a = brokenRule(asPerson(10));
    const rejected: RejectedLine[] = [];
    await run(file([...a.slice(0, 8), ...asPerson(11), ...a.slice(8)]), 'all-or-nothing', rejected);
    expect(await stored(10)).toEqual([]);
    expect(rejected.find((r) => r.line === 8 + N + 1)).toMatchObject({ heldBack: true, reason: expect.stringContaining('an earlier run of this person') });
  });

  it('an empty file, or blank lines only, imports nothing and rejects nothing', async () => {
    for (const lines of [[], ['', '   ', '']]) {
      expect(counts(await run(file(lines)))).toEqual({ lines: 0, persons: { imported: 0, partial: 0, unchanged: 0, rejected: 0 }, imported: 0, duplicates: 0, rejected: 0 });
    }
  });

  it('new events for a person already stored append after its events; the stored lines are duplicates', async () => {
    const lines = asPerson(12);
    await run(file(lines.slice(0, 10)));
    const summary = await run(file(lines));
    expect(counts(summary)).toMatchObject({ persons: { imported: 1 }, imported: N - 10, duplicates: 10, rejected: 0 });
    expect((await stored(12)).map((e) => e.eventId)).toEqual(lines.map((l) => JSON.parse(l).eventId));
  });

  it('a person whose registration is refused is wholly rejected, even in best-effort', async () => {
    const rejected: RejectedLine[] = [];
    const lines = editLine(asPerson(13), 0, (l) => delete l.data['pseudonym']);
    const summary = await run(file(lines), 'best-effort', rejected);
    expect(rejected[0]).toMatchObject({ line: 1, code: 'VALIDATION_FAILED', reason: expect.stringContaining('pseudonym') });
    expect(rejected[1]).toMatchObject({ line: 2, heldBack: true, reason: 'not imported: the registration of this person (line 1) was rejected' });
    expect(summary.persons.rejected).toBe(1);
    expect(await stored(13)).toEqual([]);
  });

  it('a stored event id with different content is a conflict, not a duplicate', async () => {
    const lines = asPerson(14);
    await run(file(lines));
    const rejected: RejectedLine[] = [];
    await run(file(editLine(lines, 20, (l) => (l.data['text'] = 'another text'))), 'best-effort', rejected);
    expect(rejected).toEqual([expect.objectContaining({ line: 21, code: 'EVENT_ID_CONFLICT' })]);
  });

  it("an event id another person's stream holds is only refused when written: best-effort names it and imports the rest", async () => {
    const taken = JSON.parse(asPerson(14)[5]!).eventId;
    const rejected: RejectedLine[] = [];
    const summary = await run(file(editLine(asPerson(15), 20, (l) => (l.eventId = taken))), 'best-effort', rejected);
    expect(rejected).toEqual([expect.objectContaining({ line: 21, code: 'EVENT_ID_CONFLICT', heldBack: false })]);
    expect(summary.events.imported).toBe(N - 1);
    expect((await stored(15)).length).toBe(N - 1);
  });
});

function counts(summary: ImportSummary) {
  return {
    lines: summary.lines,
    persons: summary.persons,
    imported: summary.events.imported,
    duplicates: summary.events.duplicates,
    rejected: summary.rejectedLines.total,
  };
}
