/**
 * `npm run bench:peers`: Parcours against a peer library on the same work, in-process. Compared:
 * our command path (appendWithRetry → PersonStreamRepository → SqliteEventStore, the domain's
 * decider) against Emmett's (CommandHandler → @event-driven-io/emmett-sqlite, the same decider),
 * each deciding and appending the seeded synthetic cohort one command at a time (round robin over
 * persons), then reading every person's stream back. Both files: WAL, synchronous = FULL (read
 * back from each connection and printed). No HTTP, no Nest, no projections, no encryption on
 * either side. Emmett is installed on demand into .bench/peers (bench/support/peers-install.ts).
 * A report, not a test: the exit code is 0. See docs/benchmarks.md, "Peers (bench:peers)".
 *
 * Options: --persons N (200) --events-per-person N (25) --read-rounds N (5) --rounds N (2) --seed S (1) --dir PATH
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from './support/machine.js';
import { ROOT } from './support/parcours-server.js';
import { type EmmettModules, emmettSide, parcoursSide, type PeerSide } from './support/peer-sides.js';
import { type PeerPerson, peerWorkload, roundRobin } from './support/peer-workload.js';
import { ensurePeers, importPeer, installedVersion } from './support/peers-install.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '200' },
    'events-per-person': { type: 'string', default: '25' },
    'read-rounds': { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: tmpdir() },
  },
});

interface Figures {
  readonly side: string;
  readonly commandsPerSecond: number;
  readonly eventsReadPerSecond: number;
  readonly pragmas: string;
}

async function measure(make: (file: string) => Promise<PeerSide>, persons: readonly PeerPerson[], dir: string, tag: string): Promise<Figures> {
  const side = await make(join(dir, `${tag}.sqlite`));
  try {
    const pragmas = await side.pragmas();
    let commands = 0;
    const started = performance.now();
    for (const { personId, command } of roundRobin(persons)) {
      await side.handle(personId, command);
      commands += 1;
    }
    const appendMs = performance.now() - started;
    let events = 0;
    let readMs = Number.POSITIVE_INFINITY; // best round: reads are CPU-bound and the machine is shared
    for (let round = 0; round < Number(values['read-rounds']); round++) {
      const t = performance.now();
      let n = 0;
      for (const { personId } of persons) n += await side.read(personId);
      readMs = Math.min(readMs, performance.now() - t);
      events = n;
    }
    if (events !== commands) throw new Error(`${side.name}: read ${events} events back, ${commands} were appended`);
    return { side: side.name, commandsPerSecond: (1000 * commands) / appendMs, eventsReadPerSecond: (1000 * events) / readMs, pragmas };
  } finally {
    await side.close();
  }
}

async function main(): Promise<void> {
  const peersDir = join(ROOT, '.bench/peers');
  ensurePeers(peersDir);
  const modules = {
    emmett: await importPeer<EmmettModules['emmett']>(peersDir, '@event-driven-io/emmett'),
    sqlite: await importPeer<EmmettModules['sqlite']>(peersDir, '@event-driven-io/emmett-sqlite'),
  };
  const dir = mkdtempSync(join(values.dir, 'parcours-bench-peers-'));
  const info = machineInfo(dir);
  console.log(`bench:peers — ${info.cpu}, ${info.cores} cores; Node ${info.node}; ${info.fileSystem}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`Parcours: better-sqlite3 ${info.betterSqlite3} (SQLite ${info.sqlite}); Emmett ${installedVersion(peersDir, '@event-driven-io/emmett-sqlite')} with emmett ${installedVersion(peersDir, '@event-driven-io/emmett')}, sqlite3 ${installedVersion(peersDir, 'sqlite3')}`);
  const { persons, commands } = peerWorkload(String(values.seed), Number(values.persons), Number(values['events-per-person']));
  console.log(`workload: ${persons.length} persons, ${commands} commands (one event each), appended one at a time\n`);
  const sides: [string, (file: string) => Promise<PeerSide>][] = [
    ['parcours', (f) => parcoursSide(f, true)],
    ['emmett', (f) => emmettSide(f, modules)],
    ['parcours-nocache', (f) => parcoursSide(f, false)],
  ];
  const results: Figures[] = [];
  try {
    // A short warm-up of every side (JIT), not reported.
    for (const [tag, make] of sides) await measure(make, persons.slice(0, 10), dir, `warmup-${tag}`);
    for (let round = 0; round < Number(values.rounds); round++) {
      const order = round % 2 ? [...sides].reverse() : sides;
      for (const [tag, make] of order) {
        const figures = await measure(make, persons, dir, `${tag}-${round}`);
        results.push(figures);
        console.log(`round ${round + 1}: ${figures.side.padEnd(28)} ${Math.round(figures.commandsPerSecond).toLocaleString('en').padStart(7)} appends/s  ${Math.round(figures.eventsReadPerSecond).toLocaleString('en').padStart(9)} events read/s   [${figures.pragmas}]`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const best = (name: string, key: 'commandsPerSecond' | 'eventsReadPerSecond') => Math.max(...results.filter((r) => r.side === name).map((r) => r[key]));
  console.log('\nbest round per side, and Parcours ÷ Emmett:');
  for (const name of ['Parcours', 'Parcours, no decision cache']) {
    const appends = best(name, 'commandsPerSecond') / best('Emmett', 'commandsPerSecond');
    const reads = best(name, 'eventsReadPerSecond') / best('Emmett', 'eventsReadPerSecond');
    console.log(`  ${name.padEnd(28)} appends ×${appends.toFixed(2)}, reads ×${reads.toFixed(2)}`);
  }
  const pass = best('Parcours', 'commandsPerSecond') > best('Emmett', 'commandsPerSecond') && best('Parcours', 'eventsReadPerSecond') > best('Emmett', 'eventsReadPerSecond');
  console.log(`  target: Parcours faster on both: ${pass ? 'PASS' : 'MISS'}`);
}

await main();
