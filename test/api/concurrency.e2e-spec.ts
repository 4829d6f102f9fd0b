import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { bearer } from '../support/auth.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CLIENTS = 50;

/**
 * Optimistic concurrency end to end: 50 clients append to one person, each with If-Match set to
 * the ETag it read. Requests alternate between two API instances on the same store, so the
 * store's own expected-revision check is exercised, not only the in-process queue per person.
 */
describe.each(storeKindsUnderTest())('If-Match with 50 concurrent clients on the %s store', (kind) => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let token: string;
  const instance = (client: number) => (client % 2 ? second : t.app).getHttpServer();
  const careStart = (eventId: string) => ({ eventId, type: 'CareEpisodeStarted', occurredAt: '2010', provenance: 'service_record', data: { episodeId: uuidv7(), setting: 'addiction_outpatient' } });

  beforeAll(async () => {
    // One caller sends hundreds of requests in seconds here: the rate limiter is not under test.
    t = await startTestApp(kind, { PARCOURS_RATE_LIMIT: '0' });
    second = await createApp(t.config);
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    token = await bearer('caseworker'); // the caseworker who registers is the one who appends
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const register = async () => {
    const res = await request(t.app.getHttpServer()).post('/persons').set('Authorization', token).send({ pseudonym: 'Alex', occurredAt: '2009', provenance: 'interview' }).expect(201);
    return res.body.id as string;
  };
  const etagOf = async (client: number, id: string) => {
    const res = await request(instance(client)).get(`/persons/${id}/events?limit=1`).set('Authorization', token).expect(200);
    return res.headers['etag'] as string;
  };
  const append = (client: number, id: string, ifMatch: string, body: object) =>
    request(instance(client)).post(`/persons/${id}/events`).set('Authorization', token).set('If-Match', ifMatch).send(body);
  const history = async (id: string) => {
    const res = await request(t.app.getHttpServer()).get(`/persons/${id}/events?limit=1000`).set('Authorization', token).expect(200);
    return res.body.events as { eventId: string; revision: number }[];
  };

  it('given 50 clients who read the same ETag, when all append with it, then one gets 201 and 49 get 412 with expected and actual', async () => {
    const id = await register();
    const etags = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => etagOf(c, id)));
    expect(new Set(etags)).toEqual(new Set(['"0"']));
    const bodies = Array.from({ length: CLIENTS }, () => careStart(uuidv7()));
    const answers = await Promise.all(bodies.map((body, c) => append(c, id, etags[c]!, body)));
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 412);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(CLIENTS - 1);
    for (const a of lost) expect(a.body).toMatchObject({ statusCode: 412, code: 'REVISION_MISMATCH', details: { expected: 0, actual: 1 } });
    const winner = bodies[answers.indexOf(won[0]!)]!;
    expect((await history(id)).map((e) => e.eventId)).toEqual([expect.any(String), winner.eventId]);
  });

  it('given 50 clients each re-reading after a 412 until its event is recorded, then no update is lost and each event is stored once', async () => {
    const id = await register();
    const mine = Array.from({ length: CLIENTS }, () => uuidv7());
    let refusals = 0;
    const client = async (c: number) => {
      const body = careStart(mine[c]!);
      for (let attempt = 0; attempt < 500; attempt++) {
        const etag = await etagOf(c, id);
        const res = await append(c, id, etag, body);
        if (res.status === 201) {
          // Written on top of exactly what the client had read: nothing in between was overwritten.
          expect(res.body.revision).toBe(Number(etag.replace(/"/g, '')) + 1);
          return;
        }
        expect(res.status).toBe(412);
        expect(res.body.details.actual).toBeGreaterThan(res.body.details.expected);
        refusals += 1;
        await new Promise((r) => setTimeout(r, Math.random() * 10)); // as real clients back off before re-reading
      }
      throw new Error(`client ${c} never got its event in`);
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const events = await history(id);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: CLIENTS + 1 }, (_, r) => r));
    expect(events.slice(1).map((e) => e.eventId).sort()).toEqual([...mine].sort());
    expect(refusals).toBeGreaterThan(0);
  }, 120_000);
});
