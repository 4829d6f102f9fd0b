import { describe, expect, it } from '@jest/globals';
import { ApiError, apiRoot, explainFailure } from '../../apps/api/src/ui/public/api.js';
import { recordedTogether, splitLines, stepText } from '../../apps/api/src/ui/public/replay.js';

const frames = [
  { step: 0, eventId: 'a', type: 'PersonRegistered', recordedAt: '2012-11-05T09:00:00.000Z' },
  { step: 1, eventId: 'b', type: 'HospitalAdmitted', recordedAt: '2012-11-06T09:00:00.000Z' },
  { step: 2, eventId: 'c', type: 'HospitalDischarged', recordedAt: '2012-11-06T09:00:00.000Z' },
];

describe('the replay slider', () => {
  it('splits a JSON-lines stream into complete lines, keeping the partial one for later', () => {
    expect(splitLines('{"a":1}\n{"b":')).toEqual({ lines: ['{"a":1}'], rest: '{"b":' });
    expect(splitLines('{"b":2}\n\n', false)).toEqual({ lines: ['{"b":2}'], rest: '' });
    expect(splitLines('{"c":3}', true)).toEqual({ lines: ['{"c":3}'], rest: '' });
  });

  it('says each step by its recorded date, its place and its event (the aria-valuetext)', () => {
    expect(stepText(frames, 1)).toBe('6 Nov 2012, 09:00:00 UTC — step 2 of 3: Hospital admitted');
    expect(stepText(frames, 9)).toBe('');
    expect(recordedTogether(frames, 1)).toBe(1);
    expect(recordedTogether(frames, 0)).toBe(0);
  });
});

describe('API failures in words', () => {
  it('asks for a new token on 401 only, and names the role on 403', () => {
    expect(explainFailure(new ApiError(401, { message: 'The token has expired' }))).toEqual({ status: 401, title: 'Your token was not accepted (401)', detail: 'The token has expired', needsToken: true });
    expect(explainFailure(new ApiError(403, { message: 'no' }), { role: 'evaluator' })).toMatchObject({ title: 'The evaluator role may not see this (403)', needsToken: false });
    expect(explainFailure(new ApiError(0, null, 'offline')).title).toBe('The API could not be reached');
    expect(explainFailure(new ApiError(500, null)).title).toBe('The API answered 500');
  });

  it('finds the API two levels above a page, behind a path prefix too', () => {
    expect(apiRoot('http://h/ui/persons/abc#token=x').href).toBe('http://h/');
    expect(apiRoot('http://h/parcours/ui/cohorts/abc').href).toBe('http://h/parcours/');
  });
});
