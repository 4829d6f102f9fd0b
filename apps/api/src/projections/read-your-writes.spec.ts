import { describe, expect, it, jest } from '@jest/globals';
import { positionFromSequence } from '@parcours/event-store';
import type { FastifyReply } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';
import type { ProjectionRunner } from './projection-runner.js';
import { markFreshness, MAX_READ_WAIT_MS, ReadYourWrites } from './read-your-writes.js';

const at = positionFromSequence(7);

function helper(reached: boolean) {
  const waitForPosition = jest.fn(async (_name: string, _position: string, _timeoutMs: number) => ({ reached, checkpoint: at }));
  const runner = { checkpoint: () => at, waitForPosition } as unknown as ProjectionRunner;
  return { readYourWrites: new ReadYourWrites(runner), waitForPosition };
}

describe('ReadYourWrites', () => {
  it('answers at once, not stale, without a minPosition', async () => {
    const { readYourWrites, waitForPosition } = helper(false);
    await expect(readYourWrites.ensure('counter', undefined)).resolves.toEqual({ stale: false, position: at });
    expect(waitForPosition).not.toHaveBeenCalled();
  });

  it('refuses a minPosition that is not a position, naming it', async () => {
    const { readYourWrites } = helper(true);
    const error = await readYourWrites.ensure('counter', '42').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestParameterError);
    expect(error).toMatchObject({ field: 'minPosition', rule: 'isPosition' });
  });

  it('waits a bounded time and says whether the answer is stale', async () => {
    const reached = helper(true);
    await expect(reached.readYourWrites.ensure('counter', at)).resolves.toEqual({ stale: false, position: at });
    expect(reached.waitForPosition).toHaveBeenCalledWith('counter', at, 2000);
    const missed = helper(false);
    await expect(missed.readYourWrites.ensure('counter', positionFromSequence(9), { maxWaitMs: 10 ** 9 })).resolves.toEqual({ stale: true, position: at });
    expect(missed.waitForPosition).toHaveBeenCalledWith('counter', positionFromSequence(9), MAX_READ_WAIT_MS);
  });

  it('writes X-Parcours-Position always and X-Parcours-Stale only when stale', () => {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => ((headers[name] = value), reply) } as unknown as FastifyReply;
    markFreshness(reply, { stale: false, position: at });
    expect(headers).toEqual({ 'x-parcours-position': at });
    markFreshness(reply, { stale: true, position: at });
    expect(headers).toEqual({ 'x-parcours-position': at, 'x-parcours-stale': 'true' });
  });
});
