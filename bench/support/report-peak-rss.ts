/**
 * Preloaded (`node --import`) into a process bench:import measures: at exit it writes its own
 * peak resident set (VmHWM from /proc/self/status, which the kernel keeps exactly) to the file
 * named by PARCOURS_BENCH_PEAK_FILE, so the peak of the last moments is not missed by polling.
 */
import { writeFileSync } from 'node:fs';
import { procStatusBytes } from './memory.js';

const target = process.env['PARCOURS_BENCH_PEAK_FILE'];
if (target) process.on('exit', () => writeFileSync(target, String(procStatusBytes('VmHWM') ?? '')));
