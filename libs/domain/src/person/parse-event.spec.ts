import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '../errors.js';
import { parsePersonEvent } from './parse-event.js';

describe('parsing a person event', () => {
  it('accepts a well-formed event', () => {
    const data = { occurredAt: '2012', provenance: 'interview', text: 'Les hospitalisations se sont espacées' };
    expect(parsePersonEvent('NarrativeRecorded', data)).toEqual({ type: 'NarrativeRecorded', data });
  });

  it('names every broken field with its path and rule', () => {
    let error: InvalidInputError | undefined;
    try {
      parsePersonEvent('CareEpisodeStarted', { occurredAt: 'early 2009', provenance: 'interview', episodeId: 'x', setting: 'spa', extra: 1 });
    } catch (e) {
      error = e as InvalidInputError;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const fields = error!.issues.map((i) => i.field).sort();
    expect(fields).toEqual(['data', 'data.episodeId', 'data.occurredAt', 'data.setting']);
    expect(error!.issues.find((i) => i.field === 'data')).toMatchObject({ rule: 'unknownField' });
    expect(error!.issues.find((i) => i.field === 'data.occurredAt')!.message).toMatch(/EDTF/);
  });

  it('says a missing field is required', () => {
    expect(() => parsePersonEvent('NarrativeRecorded', { occurredAt: '2012', provenance: 'interview' })).toThrow(
      expect.objectContaining({ issues: [{ field: 'data.text', rule: 'required', message: 'is required' }] }),
    );
  });

  it('rejects an unknown type listing the known ones', () => {
    expect(() => parsePersonEvent('Teleported', {})).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'type', rule: 'isIn' })] }));
  });
});
