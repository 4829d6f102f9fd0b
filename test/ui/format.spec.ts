import { describe, expect, it } from '@jest/globals';
import { parseValidTime } from '@parcours/domain';
import { describeSpan, describeValidTime, eventLabel, formatRecordedAt, isSuppressed, money, percent, published, words } from '../../apps/api/src/ui/public/format.js';

describe('texts of the pages', () => {
  it('says a vague date with its bounds, never as a made-up day', () => {
    expect(describeValidTime(parseValidTime('2009-40'))).toBe('2009-40 (1 Jan 2009 – 30 Jun 2009)');
    expect(describeValidTime(parseValidTime('2011-03-15'))).toBe('2011-03-15');
    expect(describeValidTime(parseValidTime('../1999'))).toBe('../1999 (until 31 Dec 1999)');
    expect(describeValidTime(null)).toBe('unknown');
  });

  it('writes recorded times in UTC, event types and codes as words', () => {
    expect(formatRecordedAt('2026-11-22T21:55:41.681Z')).toBe('22 Nov 2026, 21:55:41 UTC');
    expect(eventLabel('HospitalAdmitted')).toBe('Hospital admitted');
    expect(words('care_follow_up')).toBe('care follow up');
    expect(describeSpan({ days: 91, min: 0, max: 912 })).toBe('91 days (0 to 912)');
    expect(describeSpan({ days: 183, min: 183, max: 183 })).toBe('183 days');
  });

  it('writes every hidden figure the same way, and undefined figures as a dash', () => {
    expect(isSuppressed({ suppressed: true })).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(published({ suppressed: true })).toBe('suppressed');
    expect(published(null)).toBe('–');
    expect(published(0)).toBe('0');
    expect(published(0.25, (v) => percent(v))).toBe('25.0 %');
    expect(money(123450, 'EUR')).toBe('€1,234.50');
  });
});
