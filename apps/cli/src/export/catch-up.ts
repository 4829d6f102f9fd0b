import type { INestApplicationContext } from '@nestjs/common';
import { START, type EventStore } from '@parcours/event-store';
import { EVENT_STORE } from '../../../api/src/infrastructure/tokens.js';
import { ProjectionRunner } from '../../../api/src/projections/index.js';

const CATCH_UP_MS = 10 * 60_000;

/**
 * Cohort members come from the parcours projection, which the CLI does not keep running: bring it
 * up to the head of the log first, or an export would miss the latest events.
 */
export async function catchUpParcours(app: INestApplicationContext): Promise<void> {
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  if (head === START) return;
  const runner = app.get(ProjectionRunner);
  runner.start();
  const { reached } = await runner.waitForPosition('parcours', head, CATCH_UP_MS);
  if (!reached) throw new Error(`the parcours projection did not catch up with the log within ${CATCH_UP_MS / 60_000} minutes; run \`rebuild parcours\` and retry`);
}
