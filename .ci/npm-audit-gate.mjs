#!/usr/bin/env node
/**
 * Reads `npm audit --json` on stdin and its exit code as the first argument; prints one line:
 * - high or critical vulnerabilities in production dependencies: names them, exits 1;
 * - none: says so, exits 0;
 * - the registry's audit endpoint unreachable or unsupported (a mirror answering 405, no
 *   network): says it was skipped and why, exits 0 — a CI without the service still runs;
 * - anything else (npm crashed, output not understood): exits 1, never a silent pass.
 */
import { readFileSync } from 'node:fs';

const NETWORK_CODES = ['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'];

function verdict(text, exitCode) {
  if (exitCode === 124) return { ok: true, line: 'npm audit: the registry\'s audit endpoint is unavailable here (no answer within the time limit); skipped' };
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { ok: false, line: `npm audit failed (exit code ${exitCode}) without a JSON report: ${text.trim().slice(0, 200) || 'no output'}` };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const serious = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v?.severity === 'high' || v?.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity})`);
    const high = Number(counts.high ?? 0) + Number(counts.critical ?? 0);
    if (high > 0) return { ok: false, line: `npm audit: ${high} high or critical vulnerabilities in production dependencies: ${serious.join(', ') || 'see npm audit --omit=dev'}` };
    return { ok: true, line: `npm audit: no high or critical vulnerability in production dependencies (${Number(counts.total ?? 0)} of lower severity)` };
  }
  const status = Number(report?.statusCode);
  const code = String(report?.code ?? report?.error?.code ?? '');
  if ((status >= 400 && status < 600) || NETWORK_CODES.includes(code)) {
    const why = String(report?.message ?? report?.error?.summary ?? code).split('\n')[0].slice(0, 200);
    return { ok: true, line: `npm audit: the registry's audit endpoint is unavailable here (${why || code || status}); skipped` };
  }
  return { ok: false, line: `npm audit failed (exit code ${exitCode}): ${JSON.stringify(report).slice(0, 200)}` };
}

const result = verdict(readFileSync(0, 'utf8'), Number(process.argv[2] ?? 0));
console.log(result.line);
process.exit(result.ok ? 0 : 1);
