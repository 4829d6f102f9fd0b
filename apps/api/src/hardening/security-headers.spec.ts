import { describe, expect, it } from '@jest/globals';
import { securityHeaders } from './security-headers.js';

describe('security headers', () => {
  it('are what helmet sets with the API options, captured once: CSP, frame denial, no sniffing, no referrer', () => {
    const headers = securityHeaders();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(Object.isFrozen(headers)).toBe(true);
  });
});
