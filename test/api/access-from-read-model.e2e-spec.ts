import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { ParcoursAccessFacts } from '../../apps/api/src/parcours/parcours-access-facts.js';
import { ProjectionRunner } from '../../apps/api/src/projections/index.js';
import { CARE_ORG, JOB_ORG } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Reads check access on the parcours read model's row when it is at the stream's head
 * (apps/api/src/parcours/parcours-access-facts.ts), and on the stream otherwise. With no decision
 * state cached (PARCOURS_DECISION_CACHE_EVENTS=0), every read here takes one of the two: the rules
 * must come out the same, and a row behind the stream must never answer.
 */
type Agent = Awaited<ReturnType<TestApp['as']>>;

describe('access checks from the parcours read model', () => {
  let t: TestApp;
  let care: Agent;
  let job: Agent;
  let stranger: Agent;
  let researcher: Agent;
  let answers: (ReturnType<ParcoursAccessFacts['current']> extends Promise<infer R> ? R : never)[];
  let personId: string;

  const ev = (type: string, data: object, extra: object = {}) => ({ type, occurredAt: '2010', provenance: 'interview', data, ...extra });
  const lastAnswer = () => answers[answers.length - 1];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { PARCOURS_DECISION_CACHE_EVENTS: '0' });
    care = await t.as('caseworker');
    job = await t.as('caseworker', { org: JOB_ORG, sub: 'test.jobcoach' });
    stranger = await t.as('caseworker', { org: uuidv7(), sub: 'test.stranger' });
    researcher = await t.as('researcher');
    const source = t.app.get(ParcoursAccessFacts);
    const current = source.current.bind(source);
    answers = [];
    jest.spyOn(source, 'current').mockImplementation(async (id: string) => {
      const facts = await current(id);
      answers.push(facts);
      return facts;
    });
    personId = (await care.post('/persons').send({ pseudonym: 'Row', provenance: 'interview' }).expect(201)).body.id as string;
    const appended = await care
      .post(`/persons/${personId}/events/batch`)
      .send({
        events: [
          ev('CareEpisodeStarted', { episodeId: uuidv7(), setting: 'addiction_outpatient' }, { note: 'methadone 60 mg' }),
          ev('ReferralMade', { referralId: uuidv7(), from: { name: 'CSAPA' }, to: { organisationId: JOB_ORG }, initiator: 'professional' }),
          ev('ConsentRecorded', { scope: 'research' }),
        ],
      })
      .expect(201);
    const reached = await t.app.get(ProjectionRunner).waitForPosition('parcours', appended.body.position as string, 10_000);
    expect(reached).toMatchObject({ reached: true });
  });
  afterAll(async () => t?.close());

  it('lets the registering service read, from the row (who registered is read from the stream)', async () => {
    const parcours = (await care.get(`/persons/${personId}/parcours`).expect(200)).body;
    expect(JSON.stringify(parcours)).toContain('methadone');
    expect(lastAnswer()?.organisations).toEqual(new Set([CARE_ORG, JOB_ORG]));
  });

  it('lets the workshop it was referred to read without clinical events, and answers another organisation 404, from the row', async () => {
    const parcours = (await job.get(`/persons/${personId}/parcours`).expect(200)).body;
    expect(JSON.stringify(parcours)).not.toMatch(/CareEpisodeStarted|methadone/);
    expect(lastAnswer()).toBeDefined();
    await stranger.get(`/persons/${personId}/parcours`).expect(404);
    expect(lastAnswer()?.organisations.has(JOB_ORG)).toBe(true);
  });

  it('gives researchers the pseudonymised view on the consent the row holds', async () => {
    const parcours = (await researcher.get(`/persons/${personId}/parcours`).expect(200)).body;
    expect(JSON.stringify(parcours)).not.toContain('methadone');
    expect(lastAnswer()?.consents).toEqual(new Set(['research']));
  });

  it('never answers from a row behind the stream: a withdrawal counts at once, projections stopped', async () => {
    await t.app.get(ProjectionRunner).stop();
    await care.post(`/persons/${personId}/events`).send(ev('ConsentWithdrawn', { scope: 'research' })).expect(201);
    const calls = answers.length;
    const res = await researcher.get(`/persons/${personId}/parcours`).expect(403);
    expect(res.body.message).toMatch(/research/);
    expect(answers.length).toBe(calls + 1);
    expect(lastAnswer()).toBeUndefined(); // the row could not vouch for the stream: the stream decided
  });
});
