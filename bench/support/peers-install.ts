import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The peers bench:peers compares with are installed on demand into a folder of their own
 * (`.bench/peers/`, ignored by git), with their own package.json: never dependencies of the
 * project. emmett-sqlite 0.42.4 asks for emmett 0.42.4 exactly; the registry this project uses
 * serves emmett 0.42.0 as the 0.42 line, hence --legacy-peer-deps (the two work together here),
 * which then needs emmett's own peers (async-retry, uuid) listed too.
 * sqlite3 (Emmett's driver) builds from source when no prebuilt binary can be downloaded.
 */
export const PEERS = {
  '@event-driven-io/emmett': '0.42.0',
  '@event-driven-io/emmett-sqlite': '0.42.4',
  sqlite3: '^5.1.7',
  // emmett's own peer dependencies, which --legacy-peer-deps does not install by itself.
  'async-retry': '^1.3.3',
  uuid: '^10.0.0',
} as const;

export function ensurePeers(dir: string): void {
  const manifest = join(dir, 'package.json');
  const wanted = JSON.stringify({ name: 'parcours-bench-peers', private: true, description: 'Installed by npm run bench:peers; not a project dependency', dependencies: PEERS }, null, 2);
  const installed = existsSync(join(dir, 'node_modules/@event-driven-io/emmett-sqlite/package.json')) && existsSync(join(dir, 'node_modules/sqlite3/package.json'));
  if (installed && existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"async-retry"')) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(manifest, `${wanted}\n`);
  console.log(`installing ${Object.entries(PEERS).map(([n, v]) => `${n}@${v}`).join(', ')} into ${dir} (a few minutes the first time: sqlite3 may build from source)`);
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--legacy-peer-deps'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Imports a package installed in `dir` (ESM entry points, resolved from there, not from the project). */
export async function importPeer<T>(dir: string, name: string): Promise<T> {
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { exports?: { '.'?: { import?: { default?: string } } }; module?: string; main?: string };
  const entry = pkg.exports?.['.']?.import?.default ?? pkg.module ?? pkg.main ?? 'index.js';
  return (await import(pathToFileURL(join(dir, 'node_modules', name, entry)).href)) as T;
}

export function installedVersion(dir: string, name: string): string {
  return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
