import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import Database from 'better-sqlite3';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly sqlite: string;
  readonly betterSqlite3: string;
  readonly fileSystem: string;
}

/** What the figures depend on: printed with them, and pasted with them into docs/benchmarks.md. */
export function machineInfo(dir: string): MachineInfo {
  const list = cpus();
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sqlite,
    betterSqlite3: (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version,
    fileSystem: fileSystemOf(dir),
  };
}

/** `ext4 on /dev/vda`, from `df -PT`; "unknown" where df is missing (Windows) or says nothing. */
function fileSystemOf(dir: string): string {
  try {
    const out = execFileSync('df', ['-PT', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const fields = out.trim().split('\n')[1]?.split(/\s+/) ?? [];
    return fields.length >= 2 ? `${fields[1]} on ${fields[0]} (mounted at ${fields[fields.length - 1]})` : 'unknown';
  } catch {
    return 'unknown';
  }
}
