import { Readable } from 'node:stream';
import { csvLine, type ResearchExport } from '@parcours/domain';

const CHUNK_CHARS = 64 * 1024;

/**
 * A research file as a byte stream: rows are computed person by person as the client reads, in
 * chunks of about 64 KiB, so a cohort of tens of thousands never sits in memory as one string.
 */
export function csvStream(file: ResearchExport, onBatch?: (done: number, total: number) => void): Readable {
  return Readable.from(csvChunks(file, onBatch), { objectMode: false });
}

export function* csvChunks(file: ResearchExport, onBatch?: (done: number, total: number) => void): Generator<Buffer> {
  let buffer = csvLine(file.header);
  let done = 0;
  for (const batch of file.batches) {
    for (const row of batch) buffer += csvLine(row);
    done += 1;
    onBatch?.(done, file.batchCount);
    if (buffer.length >= CHUNK_CHARS) {
      yield Buffer.from(buffer, 'utf8');
      buffer = '';
    }
  }
  if (buffer) yield Buffer.from(buffer, 'utf8');
}
