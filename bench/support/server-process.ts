import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A server in a child process (the real API from dist/, or the baseline): started, awaited until
 * it prints its ready line, stopped with SIGTERM (graceful) or killed with SIGKILL (crash test).
 * Its stdout and stderr are kept (the last 64 KB) to explain a failure to start.
 */
/** Servers still running: killed when this process ends, so an interrupted bench leaves no server behind. */
const running = new Set<ChildProcess>();
let hooked = false;
function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
  // Ctrl-C or `timeout`: exit normally so that the hook above runs.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

export class ServerProcess {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  /**
   * Spawns `node [...nodeArgs] script` with `env` added to this process's (PORT set to a free
   * port), and resolves once a stdout line matches `ready`.
   */
  static async start(script: string, env: Record<string, string>, ready: RegExp, options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    killOnExit(child);
    const server = new ServerProcess(child, port);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`not ready after ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
      const onData = () => {
        if (ready.test(server.output)) done();
      };
      const onExit = (code: number | null, signal: string | null) => fail(new Error(`exited (${code ?? signal}) before it was ready`));
      function done() {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
      function fail(error: Error) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        child.kill('SIGKILL');
        reject(new Error(`${script}: ${error.message}\n${server.output}`));
      }
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
    });
    return server;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. Resolves once it is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat; undefined off Linux. */
export function cpuSeconds(pid: number | 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux that Node supports. */
const CLOCK_TICKS = 100;
