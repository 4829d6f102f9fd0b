import { readFileSync, writeFileSync } from 'node:fs';
import { type ParcoursTiming, timeParcours } from './http-queries.js';
import { LeanHttpClient } from './lean-http.js';
import type { PhaseProcess } from './replay-phases.js';

/**
 * bench:replay's timed GETs, from a client process of its own (as autocannon is for bench:api): the
 * bench's own process has run the whole orchestration and holds its state, and a client that shares
 * a process with anything else measures that too (docs/benchmarks.md, "GET parcours and the
 * rebuild on a quiet machine").
 */
export interface ClientSpec {
  readonly base: string;
  readonly warmup: readonly string[];
  readonly ids: readonly string[];
  /** `http`: Node's http client on one keep-alive connection (judged); `fetch`: shown beside. */
  readonly client: 'http' | 'fetch';
}

/** Child: warms up, says so, waits for 'go' (the parent starts the server's own timing meanwhile), then times. */
export async function clientPhase(specFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as ClientSpec;
  const client = spec.client === 'http' ? new LeanHttpClient() : undefined;
  const go = new Promise<void>((resolve) => process.on('message', (message: { type?: string }) => message?.type === 'go' && resolve()));
  const timing = await timeParcours(spec.base, spec.warmup, spec.ids, {
    ...(client ? { client } : {}),
    afterWarmup: async () => {
      process.send!({ type: 'warmed-up' });
      await go;
    },
  });
  client?.close();
  process.send!({ type: 'timed', timing }, () => process.exit(0));
}

/** Parent: runs `spec` in a client child; `afterWarmup` runs between its warm-up and its timed requests. */
export async function timeInClient(
  start: (specFile: string) => PhaseProcess,
  specFile: string,
  spec: ClientSpec,
  afterWarmup?: () => Promise<void>,
): Promise<ParcoursTiming> {
  writeFileSync(specFile, JSON.stringify(spec));
  const child = start(specFile);
  try {
    await child.next('warmed-up');
    await afterWarmup?.();
    child.send({ type: 'go' });
    const { timing } = await child.next<{ type: 'timed'; timing: ParcoursTiming }>('timed');
    await child.exited;
    return timing;
  } finally {
    child.child.kill();
  }
}
