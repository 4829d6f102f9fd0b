import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERSON_EVENT_TYPES } from '@parcours/domain';
import { renderEventsMarkdown } from '../../apps/cli/src/docs/events-markdown.js';

describe('docs/events.md', () => {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'events.md');

  it('is exactly what the catalogue renders (run `npm run cli -- docs:events` after changing events)', () => {
    expect(readFileSync(file, 'utf8')).toBe(renderEventsMarkdown());
  });

  it('documents every event type', () => {
    const text = renderEventsMarkdown();
    for (const type of PERSON_EVENT_TYPES) expect(text).toContain(`### ${type}\n`);
  });
});
