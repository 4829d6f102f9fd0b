import { describe, expect, it } from '@jest/globals';
import { csvField, csvLine, parseCsv } from './csv.js';

describe('CSV for read.csv (RFC 4180)', () => {
  it('quotes fields with a comma, a quote or a line break, doubling inner quotes', () => {
    expect(csvField('precarious housing (street, squat)')).toBe('"precarious housing (street, squat)"');
    expect(csvField('the "Infographie" workshop')).toBe('"the ""Infographie"" workshop"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain-text_42')).toBe('plain-text_42');
    expect(csvField('*')).toBe('*');
  });

  it("writes R's NA for missing values, TRUE/FALSE for logicals, numbers as they are", () => {
    expect(csvLine(['a', null, true, false, 3, 2.5, Number.NaN])).toBe('a,NA,TRUE,FALSE,3,2.5,NA\n');
  });

  it('ends every line with \\n and parses back to the same fields, UTF-8 included', () => {
    const rows = [
      ['id', 'label'],
      ['pé', 'accompagnement "socio-professionnel", Liège'],
      ['x', 'a\nb'],
    ];
    const text = rows.map(csvLine).join('');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(parseCsv(text)).toEqual(rows);
  });
});
