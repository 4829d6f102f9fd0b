// Writes Chris's fixture as <count> persons to stdout, for measuring the importer:
//   node test/cli/generate-persons.mjs 1000 > /tmp/persons.ndjson
// Same id rewriting as chris-persons.ts (asPerson): every fixture id starts with 018f0000-.
import { readFileSync } from 'node:fs';

const count = Number(process.argv[2] ?? 1000);
const lines = readFileSync(new URL('../fixtures/chris.ndjson', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
for (let k = 1; k <= count; k++) {
  const group = `${k.toString(16).padStart(8, '0')}-`;
  const chunk = `${lines.map((l) => l.replaceAll('018f0000-', group)).join('\n')}\n`;
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
