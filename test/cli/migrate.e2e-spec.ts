import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { type NewEvent, type RecordedEvent, SqliteEventStore } from '@parcours/event-store';
import { EsdbEventStore } from '@parcours/event-store/esdb';
import { startFakeEsdb, type FakeEsdb } from '../esdb-fake/index.js';
import { buildCli, runCli } from './cli-process.js';

const A = 'person-018f0000-0000-7000-8000-0000000000a1';
const B = 'person-018f0000-0000-7000-8000-0000000000b2';
const event = (type: string, n: number): NewEvent => ({ eventId: uuidv7(), type, data: { n }, metadata: { requestId: `r${n}` } });

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** `parcours migrate` as a process, from a SQLite file into a fake EventStoreDB node in this process. */
describe('parcours migrate (the CLI as a process)', () => {
  let dir: string;
  let file: string;
  const fakes: FakeEsdb[] = [];
  const fakeNode = async () => {
    const fake = await startFakeEsdb();
    fakes.push(fake);
    return fake;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-cli-migrate-'));
    file = join(dir, 'parcours.sqlite');
    const store = new SqliteEventStore({ filename: file });
    await store.append(A, [event('PersonRegistered', 1)], 'no_stream');
    await store.append(B, [event('PersonRegistered', 2), event('CareEpisodeStarted', 3)], 'no_stream');
    await store.append(A, [event('CareEpisodeStarted', 4), event('CareEpisodeEnded', 5)], 0);
    await store.append(B, [event('Hired', 6)], 1);
    await store.close();
    buildCli();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every stream (exit 0) and prints the summary; a second run, reading PARCOURS_DB, copies nothing', async () => {
    const fake = await fakeNode();

    const first = await runCli(['migrate', '--to', fake.url, '--from', file]);

    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`migrate ${file} -> ${fake.url}`);
    expect(first.stdout).toContain('streams:    2');
    expect(first.stdout).toContain('events:     6 copied, 0 already there');
    expect(first.stdout).toContain('conflicts:  0');
    expect(first.stdout).toContain('verified:   2 streams, count and last event id match');
    expect(first.stdout).toMatch(/time: +\d+\.\d s, \d+ events\/s/);
    const target = new EsdbEventStore(fake.url);
    const source = new SqliteEventStore({ filename: file });
    try {
      for (const stream of [A, B]) {
        const ids = (events: RecordedEvent[]) => events.map((e) => [e.eventId, e.revision, e.recordedAt.toISOString()]);
        expect(ids(await collect(target.readStream(stream)))).toEqual(ids(await collect(source.readStream(stream))));
      }
    } finally {
      await Promise.all([target.close(), source.close()]);
    }

    const again = await runCli(['migrate', '--to', fake.url], { PARCOURS_DB: file });

    expect(again.code).toBe(0);
    expect(again.stdout).toContain('events:     0 copied, 6 already there');
    expect(fake.log.events.filter((e) => !e.streamId.startsWith('$'))).toHaveLength(6);
  });

  it('exits 1 when the target holds other events in a stream, naming the stream and the revision', async () => {
    const fake = await fakeNode();
    const other = new EsdbEventStore(fake.url);
    const foreign = event('WrittenElsewhere', 9);
    await other.append(B, [foreign], 'no_stream');
    await other.close();

    const result = await runCli(['migrate', '--to', fake.url, '--from', file, '--batch', '1']);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('events:     3 copied, 0 already there, 3 not copied (streams in conflict)');
    expect(result.stdout).toContain('conflicts:  1');
    expect(result.stdout).toContain(`  stream ${B} at revision 0: the target holds event ${foreign.eventId} (WrittenElsewhere), the source has `);
  });

  // Each process spends a moment loading: the usage errors run side by side.
  it('exits 2 on a usage error, before copying anything: bad URL, missing file, unreachable server, bad --batch, no --to', async () => {
    const stopped = await fakeNode();
    await stopped.stop(); // its port now refuses connections
    const fake = await fakeNode();
    const cases: [string[], string][] = [
      [['migrate', '--to', 'http://localhost:2113', '--from', file], '--to must be an EventStoreDB connection string'],
      [['migrate', '--to', fake.url, '--from', join(dir, 'missing.sqlite')], `cannot read ${join(dir, 'missing.sqlite')}: no such file`],
      [['migrate', '--to', stopped.url, '--from', file], `EventStoreDB at ${stopped.url} is unreachable`],
      [['migrate', '--to', fake.url, '--from', file, '--batch', 'lots'], '--batch must be a whole number'],
      [['migrate', '--from', file], "required option '--to <url>' not specified"],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    results.forEach((result, i) => {
      expect({ code: result.code, message: result.stderr.includes(cases[i]![1]), stdout: result.stdout }).toEqual({ code: 2, message: true, stdout: '' });
    });
    expect(fake.log.events.filter((e) => !e.streamId.startsWith('$'))).toHaveLength(0);
  });
});
