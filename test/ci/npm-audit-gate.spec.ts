import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const GATE = join(process.cwd(), '.ci/npm-audit-gate.mjs');

function gate(report: unknown, npmExitCode: number) {
  const input = typeof report === 'string' ? report : JSON.stringify(report);
  const run = spawnSync(process.execPath, [GATE, String(npmExitCode)], { input, encoding: 'utf8' });
  return { exit: run.status, line: run.stdout.trim() };
}

const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: Object.values(counts).reduce((a, b) => a + b, 0), ...counts } },
});

describe('.ci/run: the npm audit gate', () => {
  it('fails on high or critical vulnerabilities, naming the packages', () => {
    const result = gate(report({ high: 1, critical: 1 }, { fastify: { severity: 'high' }, jose: { severity: 'critical' }, debug: { severity: 'low' } }), 1);
    expect(result).toEqual({ exit: 1, line: 'npm audit: 2 high or critical vulnerabilities in production dependencies: fastify (high), jose (critical)' });
  });

  it('passes with only lower severities, or none', () => {
    expect(gate(report({ moderate: 2, low: 1 }), 0)).toEqual({ exit: 0, line: 'npm audit: no high or critical vulnerability in production dependencies (3 of lower severity)' });
    expect(gate(report({}), 0).exit).toBe(0);
  });

  it('skips, saying why, when the audit endpoint is unsupported (this mirror answers 405) or unreachable', () => {
    const mirror = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', method: 'POST', statusCode: 405, body: '', error: { summary: '', detail: '' } };
    expect(gate(mirror, 1)).toEqual({ exit: 0, line: "npm audit: the registry's audit endpoint is unavailable here (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk); skipped" });
    const offline = { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org', detail: '' } };
    expect(gate(offline, 1).line).toMatch(/^npm audit: the registry's audit endpoint is unavailable here \(request to .* ENOTFOUND registry.npmjs.org\); skipped$/);
    expect(gate({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:4873' }, 1).exit).toBe(0);
    expect(gate('', 124)).toEqual({ exit: 0, line: "npm audit: the registry's audit endpoint is unavailable here (no answer within the time limit); skipped" });
  });

  it('fails when it cannot tell: no JSON, or an error that is not about reaching the service', () => {
    expect(gate('npm ERR! something broke', 1)).toEqual({ exit: 1, line: 'npm audit failed (exit code 1) without a JSON report: npm ERR! something broke' });
    expect(gate({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }, 1).exit).toBe(1);
  });
});
