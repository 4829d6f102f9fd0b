/**
 * The real CLI as a child process, for end-to-end specs: build it once, then run it
 * asynchronously (never spawnSync: a fake server living in the test process must keep answering
 * while the CLI talks to it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_SECRETS_ENV } from '../support/auth.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = 'dist/apps/cli/src/main.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI runs from dist/, which Jest's global setup builds once (test/support/build-once.js). */
export function buildCli(): void {
  if (!existsSync(join(ROOT, CLI))) throw new Error(`${CLI} is missing: run the specs through Jest (its global setup builds it)`);
}

/** Runs `node dist/apps/cli/src/main.js ...args` from the repository root; `env` is added to this process's. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...TEST_SECRETS_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
