import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { createEventStore } from '../../apps/api/src/infrastructure/create-event-store.js';
import { asPerson, CHRIS_FILE, CHRIS_ID, chrisLines, editLine, personIdOf, writeLines } from './chris-persons.js';
import { TEST_SECRETS_ENV } from '../support/auth.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = chrisLines().length;

/** The real CLI as a child process, on its own SQLite file: exit code, stdout and stderr. */
describe('parcours import (the CLI as a process)', () => {
  let dir: string;
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...TEST_SECRETS_ENV, PARCOURS_DB: join(dir, 'parcours.sqlite'), LOG_LEVEL: 'warn' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const cliAsync = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['dist/apps/cli/src/main.js', ...args], { cwd: ROOT, env: { ...process.env, ...TEST_SECRETS_ENV, PARCOURS_DB: join(dir, 'parcours.sqlite') } }, (_, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-cli-import-'));
  }); // dist/ is built once by Jest's global setup
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("imports Chris's file (exit 0), then a second run writes nothing and says so", async () => {
    const first = cli('import', CHRIS_FILE, '--user', 'researcher.anne', '--organisation', '018F0000-0000-7000-8000-0000000000AA');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`import ${CHRIS_FILE} (all-or-nothing)`);
    expect(first.stdout).toContain('persons:    1 imported, 0 unchanged, 0 rejected');
    expect(first.stdout).toContain(`events:     ${N} imported, 0 duplicates skipped`);
    expect(first.stdout).toContain('rejected:   0 lines');
    expect(first.stdout).toMatch(/time: +\d+\.\d s, \d+ events\/s/);

    const again = cli('import', CHRIS_FILE);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('persons:    0 imported, 1 unchanged, 0 rejected');
    expect(again.stdout).toContain(`events:     0 imported, ${N} duplicates skipped`);

    const store = await createEventStore(loadConfig({ ...TEST_SECRETS_ENV, PARCOURS_DB: join(dir, 'parcours.sqlite') }, []));
    const history = [];
    for await (const e of store.readStream(`person-${CHRIS_ID}`)) history.push(e);
    await store.close();
    expect(history).toHaveLength(N);
    expect(history[0]!.metadata).toMatchObject({
      requestId: 'import:chris.ndjson',
      source: 'chris.ndjson',
      recordedBy: { userId: 'researcher.anne', organisationId: '018f0000-0000-7000-8000-0000000000aa' },
    });
  });

  it('exits 1 when lines are rejected, listing them, and --report writes every one as ndjson', () => {
    const broken = editLine(asPerson(2), 5, (l) => (l.data['episodeId'] = '018fffff-00e1-7000-8000-0000000000ff'));
    const file = writeLines(join(dir, 'two-persons.ndjson'), [...asPerson(1), ...broken]);
    const report = join(dir, 'rejected.ndjson');
    const result = cli('import', file, '--report', report);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('persons:    1 imported, 0 unchanged, 1 rejected');
    expect(result.stdout).toContain(`rejected:   ${N} lines (1 invalid, ${N - 1} held back with them)`);
    expect(result.stdout).toContain(`line ${N + 6} (person ${personIdOf(2)}, event `);
    expect(result.stdout).toContain('EPISODE_NOT_STARTED: RehabilitationEnded needs a RehabilitationStarted');
    expect(result.stdout).toContain(`lines ${N + 1}-${N + 5}, ${N + 7}-${2 * N} (person ${personIdOf(2)}): not imported: another line of this person was rejected`);
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(N);
    expect(lines[0]).toMatchObject({ line: N + 6, code: 'EPISODE_NOT_STARTED', heldBack: false });

    const bestEffort = cli('import', file, '--best-effort');
    expect(bestEffort.code).toBe(1);
    expect(bestEffort.stdout).toContain('persons:    1 imported (1 partly), 1 unchanged, 0 rejected');
    expect(bestEffort.stdout).toContain(`events:     ${N - 1} imported, ${N} duplicates skipped`);
  });

  // Each process spends about two seconds loading the application: the usage errors run side by side.
  it('exits 2 on a usage error, before touching the store: missing file, bad --organisation, unknown option', async () => {
    const cases: [string[], string][] = [
      [['import', 'no/such/file.ndjson'], 'cannot read no/such/file.ndjson'],
      [['import', CHRIS_FILE, '--organisation', 'acme'], '--organisation must be an organisation id (UUID)'],
      [['import', CHRIS_FILE, '--fast'], "unknown option '--fast'"],
    ];
    const results = await Promise.all(cases.map(([args]) => cliAsync(...args)));
    results.forEach((result, i) => {
      expect({ code: result.code, message: result.stderr.includes(cases[i]![1]), stdout: result.stdout }).toEqual({ code: 2, message: true, stdout: '' });
    });
  });
});
