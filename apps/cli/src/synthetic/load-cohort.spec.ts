import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { PersonStreamRepository } from '../../../api/src/persons/person-stream.repository.js';
import { countEvents, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { importNdjson, type ImportPorts } from '../import/ndjson-importer.js';
import { generateCohort } from './generate-cohort.js';
import { loadCohort } from './load-cohort.js';
import { writeCohortFile } from './write-cohort.js';

const metadata = { requestId: 'demo:test', source: 'synthetic cohort, seed test', recordedBy: { userId: 'demo', organisationId: null } };
const cohort = () => generateCohort({ seed: 'load-test', persons: 50 });

describe('loading a synthetic cohort into a real application (SQLite)', () => {
  let t: TestApp;
  let ports: ImportPorts;
  let dir: string;
  const generated = [...cohort()].reduce((n, p) => n + p.length, 0);

  /** Events already there (the test organisations): the cohort's are counted on top of them. */
  let before = 0;

  beforeAll(async () => {
    t = await startTestApp();
    before = await countEvents(t.store);
    const bus = t.app.get(CommandBus);
    const repository = t.app.get(PersonStreamRepository);
    ports = { execute: (c) => bus.execute(c), load: (id) => repository.load(id) };
    dir = mkdtempSync(join(tmpdir(), 'parcours-demo-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads 50 persons through the command bus with no line rejected', async () => {
    const progress: number[] = [];
    const summary = await loadCohort(cohort(), ports, { metadata, onPerson: (p) => progress.push(p.persons) });
    expect(summary.rejected).toEqual([]);
    expect(summary).toMatchObject({ persons: 50, personsImported: 50, personsRejected: 0, lines: generated, eventsImported: generated, duplicates: 0, rejectedLines: 0 });
    expect(progress).toHaveLength(50);
    expect(await countEvents(t.store)).toBe(before + generated);
    const [first] = cohort();
    const stored = await t.app.get(PersonStreamRepository).load(first![0]!.person);
    expect(stored.recorded.map((e) => e.eventId)).toEqual(first!.map((l) => l.eventId));
    expect(stored.recorded[0]!.metadata).toMatchObject(metadata);
  });

  it('loading the same seed again writes nothing: every event is a duplicate', async () => {
    const summary = await loadCohort(cohort(), ports, { metadata });
    expect(summary).toMatchObject({ personsImported: 0, personsUnchanged: 50, eventsImported: 0, duplicates: generated, rejectedLines: 0 });
    expect(await countEvents(t.store)).toBe(before + generated);
  });

  it('writes the same cohort as an ndjson file that `import` reads as already stored', async () => {
    const file = join(dir, 'cohort.ndjson');
    const written = await writeCohortFile(cohort(), file);
    expect(written).toMatchObject({ persons: 50, events: generated });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(generated);
    expect(JSON.parse(lines[0]!)).toEqual([...cohort()][0]![0]);
    const summary = await importNdjson(file, ports, { mode: 'all-or-nothing', metadata });
    expect(summary.rejectedLines.total).toBe(0);
    expect(summary.events).toEqual({ imported: 0, duplicates: generated });
  });
});
