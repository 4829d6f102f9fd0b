import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type EventStore, positionFromSequence } from '@parcours/event-store';
import { AppModule } from '../../apps/api/src/app.module.js';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens.js';
import { ProjectionRunner } from '../../apps/api/src/projections/projection-runner.js';
import { appendEvents, tempDir, typesABC, waitUntil } from './support/harness.js';
import { CountingFeatureModule, startProjectionsApp, testConfig } from './support/projections-app.js';
import { usualCaller, type UsualCaller } from '../support/test-app.js';

describe('projections in the application', () => {
  const tmp = tempDir();
  let app: NestFastifyApplication;
  let http: UsualCaller;
  let runner: ProjectionRunner;
  let store: EventStore;
  beforeAll(async () => {
    app = await startProjectionsApp(testConfig(tmp.dbPath));
    http = await usualCaller(app);
    runner = app.get(ProjectionRunner);
    store = app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await app?.close();
    tmp.remove();
  });

  const counter = async () => {
    const res = await http.get('/admin/projections').expect(200);
    return res.body.projections.find((p: { name: string }) => p.name === 'counter');
  };

  it('starts by itself when serving HTTP, and reads its writes: a query given minPosition answers after the write is applied', async () => {
    expect(runner.isRunning).toBe(true);
    const written = await http.post('/persons').send({ pseudonym: 'Chris', birthYear: 1980, occurredAt: '2003', provenance: 'interview' }).expect(201);
    const res = await http.get('/test/counts').query({ minPosition: written.body.position }).expect(200);
    expect(res.body).toEqual({ PersonRegistered: 1 });
    expect(res.headers['x-parcours-position']).toBe(written.body.position);
    expect(res.headers['x-parcours-stale']).toBeUndefined();
  });

  it('answers 400 naming minPosition when it is not a position, and says stale when it is not reached in time', async () => {
    const bad = await http.get('/test/counts').query({ minPosition: 'yesterday' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'minPosition' });
    const far = await http.get('/test/counts').query({ minPosition: positionFromSequence(10 ** 9), maxWaitMs: '20' }).expect(200);
    expect(far.headers['x-parcours-stale']).toBe('true');
    expect(far.headers['x-parcours-position']).toBe(runner.checkpoint('counter'));
  });

  it('GET /admin/projections shows the checkpoint, the head, the lag and the rate', async () => {
    const appended = await appendEvents(store, typesABC(30));
    await waitUntil(async () => (await counter())?.checkpoint === appended.position && (await counter()).state === 'live', 'caught up and live');
    expect(await counter()).toMatchObject({
      name: 'counter',
      state: 'live',
      activeVersion: 1,
      checkpoint: appended.position,
      headPosition: appended.position,
      lagEvents: 0,
      lagSeconds: 0,
      eventsPerSecond: expect.any(Number),
    });
    expect((await counter()).eventsPerSecond).toBeGreaterThan(0);

    await runner.stop();
    const behind = await appendEvents(store, typesABC(5));
    expect(await counter()).toMatchObject({ state: 'stopped', checkpoint: appended.position, headPosition: behind.position, lagEvents: 5 });
    expect((await counter()).lagSeconds).toBeGreaterThanOrEqual(0);
    runner.start();
    await waitUntil(async () => (await counter()).lagEvents === 0, 'caught up again');
  });
});

describe('projections in an application context (the CLI)', () => {
  it('does not start the runner by itself; rebuild still works', async () => {
    const tmp = tempDir();
    @Module({ imports: [AppModule.forRoot(testConfig(tmp.dbPath)), CountingFeatureModule] })
    class CliLikeModule {}
    const context = await NestFactory.createApplicationContext(CliLikeModule, { logger: false });
    try {
      await context.init();
      const runner = context.get(ProjectionRunner);
      expect(runner.isRunning).toBe(false);
      await appendEvents(context.get<EventStore>(EVENT_STORE), typesABC(12));
      expect((await runner.status())[0]).toMatchObject({ state: 'stopped', lagEvents: 12 });
      await expect(runner.rebuild('counter')).resolves.toMatchObject({ processed: 12, checkpoint: positionFromSequence(12) });
      expect(runner.isRunning).toBe(false);
    } finally {
      await context.close();
      tmp.remove();
    }
  });
});
