/**
 * Jest global setup: builds dist/ once before any test file runs, so that the end-to-end specs
 * that run the real CLI as a child process never rebuild it concurrently.
 */
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
