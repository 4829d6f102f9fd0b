import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { personStream } from '@parcours/domain';
import type { EventStore, RecordedEvent } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../bootstrap.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { RecordPersonEventsCommand } from '../persons/commands/record-person-events.command.js';
import { RegisterPersonCommand } from '../persons/commands/register-person.command.js';
import { KeyStore, type PlannedErasure } from '../privacy/key-store.js';
import { ErasePersonCommand } from './erase-person.command.js';

const by = { requestId: 'spec', recordedBy: { userId: 'spec', organisationId: null } };

/**
 * A crash between the two steps of an erasure (key destroyed, PersonErased not yet appended):
 * the person already reads as erased, nothing can be appended, and the erasure completes with
 * the event planned before the crash — on the next DELETE, or by itself at the next start.
 */
describe('erasure interrupted after the key was destroyed', () => {
  let dir: string;
  let config: AppConfig;
  let app: NestFastifyApplication | undefined;
  const personId = uuidv7();
  const planned: PlannedErasure = { eventId: uuidv7(), data: { occurredAt: '2026-01-01', provenance: 'service_record', reason: 'request' }, metadata: by };

  const start = async () => {
    app = await createApp(config);
    await app.init();
    return app;
  };
  const history = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const e of app!.get<EventStore>(EVENT_STORE).readStream(personStream(personId))) events.push(e);
    return events;
  };
  /** Registers the person with a note, then "crashes" right after step 2 of the erasure. */
  const crashMidErasure = async () => {
    const commands = app!.get(CommandBus);
    await commands.execute(new RegisterPersonCommand(personId, uuidv7(), { pseudonym: 'Ana', occurredAt: '2010', provenance: 'interview', note: 'secret note' }, by));
    app!.get(KeyStore).destroy(personId, planned);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-erasure-'));
    const secrets = { PARCOURS_JWT_SECRET: randomBytes(36).toString('base64'), PARCOURS_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    config = loadConfig({ PARCOURS_DB: join(dir, 'parcours.sqlite'), LOG_LEVEL: 'silent', ...secrets }, []);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads as erased and refuses appends at once; the next erasure appends the planned PersonErased', async () => {
    await start();
    await crashMidErasure();
    expect(JSON.stringify(await history())).not.toContain('secret note');
    const commands = app!.get(CommandBus);
    const late = { eventId: uuidv7(), type: 'HousingStatusChanged', occurredAt: '2020', provenance: 'interview', data: { status: 'street' } };
    await expect(commands.execute(new RecordPersonEventsCommand(personId, [late], undefined, by, ''))).rejects.toMatchObject({ code: 'PERSON_ERASED' });
    const outcome = await commands.execute(new ErasePersonCommand(personId, 'another reason', by));
    expect(outcome).toMatchObject({ eventIds: [planned.eventId], revision: 1, replayed: false });
    expect((await history()).map((e) => [e.type, e.data['reason']])).toEqual([['PersonRegistered', undefined], ['PersonErased', 'request']]);
    expect(app!.get(KeyStore).pendingErasures()).toEqual([]);
  });

  it('completes by itself at the next start of the API', async () => {
    await start();
    await crashMidErasure();
    await app!.close();
    await start();
    expect((await history()).map((e) => [e.type, e.eventId])).toEqual([['PersonRegistered', expect.any(String)], ['PersonErased', planned.eventId]]);
    expect(app!.get(KeyStore).pendingErasures()).toEqual([]);
  });
});
