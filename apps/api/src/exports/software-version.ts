import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name and version in package.json, for the export metadata: which code made a file. */
export function softwareVersion(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return { name: 'parcours', version: 'unknown' };
    dir = parent;
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return { name: pkg.name ?? 'parcours', version: pkg.version ?? 'unknown' };
}
