/**
 * The memory baseline of bench:import, run as a child process: what streaming the same ndjson
 * file costs by itself — readline over a file stream, JSON.parse of every line, nothing kept.
 * Prints the number of lines read.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
if (!file) throw new Error('usage: stream-baseline.js <file.ndjson>');
let lines = 0;
let bytes = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  bytes += (JSON.parse(line) as { type: string }).type.length;
  lines += 1;
}
console.log(`${lines} lines (${bytes} type characters)`);
