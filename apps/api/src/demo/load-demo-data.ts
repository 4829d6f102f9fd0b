import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { personStream } from '@parcours/domain';
import type { EventStore } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { type EventInput, RecordPersonEventsCommand } from '../persons/commands/record-person-events.command.js';
import { RegisterPersonCommand } from '../persons/commands/register-person.command.js';
import { ChangeProgrammeCommand } from '../reference/programmes/programme.commands.js';
import { DEMO_CARE_ORGANISATION, loadDemoCohorts, loadDemoOrganisations, loadDemoTariffs } from './load-demo-reference.js';

export const DEMO_FILES = ['test/fixtures/chris.ndjson'];
/** Programmes of the demo, with their canvas periods (reference data). */
export const DEMO_PROGRAMMES = ['test/fixtures/article23.json'];

interface DemoProgramme {
  programmeId: string;
  eventId: string;
  name: string;
  description?: string;
  periods: { eventId: string; periodId: string; label: string; from: string; to: string; order: number }[];
}

interface DemoLine extends EventInput {
  person: string;
}

/**
 * Loads the demo histories (Chris's parcours) through the command bus, like any caseworker
 * would, after the reference data (programmes, tariffs, cohorts: load-demo-reference.ts). Event
 * ids are fixed, so loading again at every start writes nothing twice.
 */
export async function loadDemoData(app: INestApplication): Promise<number> {
  const commands = app.get(CommandBus);
  const store = app.get<EventStore>(EVENT_STORE);
  const root = packageRoot();
  await loadDemoOrganisations(commands, root);
  for (const file of DEMO_PROGRAMMES) await loadProgramme(commands, JSON.parse(readFileSync(join(root, file), 'utf8')) as DemoProgramme, file);
  await loadDemoTariffs(commands, root);
  await loadDemoCohorts(commands, root);
  let persons = 0;
  for (const file of DEMO_FILES) {
    const byPerson = new Map<string, DemoLine[]>();
    for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as DemoLine;
      byPerson.set(parsed.person, [...(byPerson.get(parsed.person) ?? []), parsed]);
    }
    for (const [personId, [first, ...rest]] of byPerson) {
      if (!first || first.type !== 'PersonRegistered') throw new Error(`${file}: ${personId} must start with PersonRegistered`);
      // Erased through the API since: an erasure is final, the demo does not bring the person back.
      if (await isErased(store, personId)) continue;
      // Recorded by the demo care service, so its caseworkers have the demo persons in their caseload.
      const metadata = { requestId: 'demo-data', source: file, recordedBy: { userId: 'demo', organisationId: DEMO_CARE_ORGANISATION } };
      const { person: _, eventId, type: __, data, ...envelope } = first;
      await commands.execute(new RegisterPersonCommand(personId, eventId, { ...data, ...envelope }, metadata));
      if (rest.length) await commands.execute(new RecordPersonEventsCommand(personId, rest, undefined, metadata, 'events'));
      persons += 1;
    }
  }
  return persons;
}

async function isErased(store: EventStore, personId: string): Promise<boolean> {
  for await (const last of store.readStream(personStream(personId), { direction: 'backwards', maxCount: 1 })) return last.type === 'PersonErased';
  return false;
}

async function loadProgramme(commands: CommandBus, programme: DemoProgramme, file: string): Promise<void> {
  const metadata = { requestId: 'demo-data', source: file, recordedBy: { userId: 'demo', organisationId: null } };
  const { programmeId, eventId, periods, ...definition } = programme;
  await commands.execute(new ChangeProgrammeCommand(programmeId, 'DefineProgramme', eventId, definition, undefined, metadata));
  for (const { eventId: periodEventId, ...period } of periods) {
    await commands.execute(new ChangeProgrammeCommand(programmeId, 'DefineCanvasPeriod', periodEventId, period, undefined, metadata));
  }
}

/** The demo organisations alone (the tests' tokens belong to them). */
export async function loadOrganisations(app: INestApplication): Promise<void> {
  await loadDemoOrganisations(app.get(CommandBus), packageRoot());
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the demo loader');
    dir = parent;
  }
  return dir;
}
