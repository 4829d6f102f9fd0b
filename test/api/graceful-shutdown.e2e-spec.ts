import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { bearer, TEST_SECRETS_ENV } from '../support/auth.js';

const IN_FLIGHT = 40;

describe('graceful shutdown', () => {
  it('given appends received but not yet answered, when the app closes, then each is answered 201 and stored once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parcours-shutdown-'));
    const dbPath = join(dir, 'parcours.sqlite');
    try {
      const app = await createApp(loadConfig({ ...TEST_SECRETS_ENV, PARCOURS_DB: dbPath, LOG_LEVEL: 'silent' }, []));
      // Start closing the moment the server has received every append, before answering them.
      let received = 0;
      let closing: Promise<void> | undefined;
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onRequest', async (request) => {
          if (request.url.endsWith('/events') && ++received === IN_FLIGHT) closing = app.close();
        });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = await app.getUrl();
      const authorization = await bearer('caseworker');
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
      const person = (await (await post('/persons', { pseudonym: 'P', occurredAt: '2010', provenance: 'service_record' })).json()) as { id: string };

      const eventIds = Array.from({ length: IN_FLIGHT }, () => uuidv7());
      const statuses = await Promise.all(
        eventIds.map((eventId) =>
          post(`/persons/${person.id}/events`, { eventId, type: 'NarrativeRecorded', occurredAt: '2011', provenance: 'interview', data: { text: 'x' } }).then((r) => r.status),
        ),
      );
      await closing;

      const store = new SqliteEventStore({ filename: dbPath });
      const stored: string[] = [];
      for await (const e of store.readStream(`person-${person.id}`)) stored.push(e.eventId);
      await store.close();
      expect(statuses).toEqual(eventIds.map(() => 201));
      expect(stored.slice(1).sort()).toEqual([...eventIds].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
