import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandBus } from '@nestjs/cqrs';
import { ChangeCohortCommand } from '../cohorts/cohort.commands.js';
import { ChangeOrganisationCommand } from '../reference/organisations/organisation.commands.js';
import { ChangeTariffCommand } from '../reference/tariffs/tariff.commands.js';

/** Tariffs of the demo: illustrative ones for Chris's path, and the real French aid per insertion post. */
export const DEMO_TARIFFS = ['test/fixtures/tariffs.json'];
/** Organisations of the demo: the care service that registered Chris and an employment-side workshop. */
export const DEMO_ORGANISATIONS = ['test/fixtures/organisations.json'];
export const DEMO_CARE_ORGANISATION = '018f0000-0000-7000-8000-0000000c5a9a';
export const DEMO_JOB_ORGANISATION = '018f0000-0000-7000-8000-0000000e3901';
/** Cohorts of the demo (Article 23, entries 2009-2012). */
export const DEMO_COHORTS = ['test/fixtures/cohorts.json'];

interface DemoTariff {
  tariffId: string;
  eventId: string;
  /** Why the figure is what it is: for readers of the fixture, not stored. */
  note?: string;
  withdrawn?: { eventId: string; reason: string; at: string };
  [field: string]: unknown;
}

interface DemoCohort {
  cohortId: string;
  eventId: string;
  [field: string]: unknown;
}

const metadataOf = (file: string) => ({ requestId: 'demo-data', source: file, recordedBy: { userId: 'demo', organisationId: null } });

/** Through the command bus like any administrator; fixed event ids make a second load write nothing. */
export async function loadDemoTariffs(commands: CommandBus, root: string): Promise<void> {
  for (const file of DEMO_TARIFFS) {
    const metadata = metadataOf(file);
    for (const { tariffId, eventId, note: _, withdrawn, ...data } of JSON.parse(readFileSync(join(root, file), 'utf8')) as DemoTariff[]) {
      await commands.execute(new ChangeTariffCommand(tariffId, 'CreateTariff', eventId, data, undefined, metadata));
      if (withdrawn) {
        const { eventId: withdrawalId, ...withdrawal } = withdrawn;
        await commands.execute(new ChangeTariffCommand(tariffId, 'WithdrawTariff', withdrawalId, withdrawal, undefined, metadata));
      }
    }
  }
}

export async function loadDemoOrganisations(commands: CommandBus, root: string): Promise<void> {
  for (const file of DEMO_ORGANISATIONS) {
    for (const { organisationId, eventId, ...data } of JSON.parse(readFileSync(join(root, file), 'utf8')) as DemoCohort[]) {
      await commands.execute(new ChangeOrganisationCommand(organisationId as string, 'RegisterOrganisation', eventId, data, undefined, metadataOf(file)));
    }
  }
}

/** Cohorts name a programme: load them after the programmes. */
export async function loadDemoCohorts(commands: CommandBus, root: string): Promise<void> {
  for (const file of DEMO_COHORTS) {
    for (const { cohortId, eventId, ...definition } of JSON.parse(readFileSync(join(root, file), 'utf8')) as DemoCohort[]) {
      await commands.execute(new ChangeCohortCommand(cohortId, 'DefineCohort', eventId, definition, metadataOf(file)));
    }
  }
}
