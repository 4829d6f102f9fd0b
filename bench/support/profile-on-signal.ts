/**
 * Preloaded (`node --import`) into the API process by `bench:api --cpu-prof DIR`, so that the
 * profile covers the measured run only (not the start-up, the set-up or the warm-up): the first
 * SIGWINCH (not one of the signals Nest's shutdown hooks take) starts V8's CPU profiler, the second writes `DIR/api-<pid>.cpuprofile` and exits.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env['PARCOURS_BENCH_PROFILE_DIR'] ?? '.';
const session = new Session();
let profiling = false;

process.on('SIGWINCH', () => {
  void (async () => {
    if (!profiling) {
      profiling = true;
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(profile));
    process.exit(0);
  })();
});
