/**
 * The baseline of bench:api: what a hand-written minimal service does — a bare Fastify route that
 * inserts the event row with better-sqlite3, one transaction (so one fsync) per request, on the
 * same table (the adapter's own migration) with the same pragmas (WAL, synchronous = FULL). No
 * auth, no validation, no decider, no revision check (the revision comes from an in-memory
 * counter), no projections. Run as a child process: `node baseline-http-server.js` with PORT and
 * BASELINE_DB; prints `listening <port>` when ready.
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { MIGRATIONS } from '../../libs/event-store/src/sqlite/schema.js';

const port = Number(process.env['PORT']);
const file = process.env['BASELINE_DB'];
if (!file || !Number.isInteger(port)) throw new Error('PORT and BASELINE_DB are required');

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
if (db.pragma('user_version', { simple: true }) === 0) for (const migration of MIGRATIONS) db.exec(migration.sql);

const insert = db.prepare<[string, string, number, string, string, string, string]>(
  'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const insertOne = db.transaction((row: [string, string, number, string, string, string, string]) => Number(insert.run(...row).lastInsertRowid));
// Streams preloaded before the run (bench/support/api-preload.ts) go on from their last revision.
const revisions = new Map<string, number>(
  (db.prepare('SELECT stream_id, MAX(revision) AS revision FROM events GROUP BY stream_id').all() as { stream_id: string; revision: number }[]).map((r) => [r.stream_id, r.revision]),
);

/** The row the API would store: the envelope fields folded into data, as the domain does. */
function append(personId: string, type: string, eventId: string, data: Record<string, unknown>, requestId: string) {
  const stream = `person-${personId}`;
  const revision = (revisions.get(stream) ?? -1) + 1;
  const position = insertOne([eventId, stream, revision, type, JSON.stringify(data), JSON.stringify({ requestId, schemaVersion: 1 }), new Date().toISOString()]);
  revisions.set(stream, revision);
  return { personId, revision, position };
}

const app = Fastify({ logger: false });
app.post<{ Body: Record<string, unknown> }>('/persons', async (request, reply) => {
  const { id, eventId, ...data } = request.body;
  return reply.code(201).send(append(String(id), 'PersonRegistered', String(eventId), data, request.id));
});
app.post<{ Params: { id: string }; Body: { type: string; eventId: string; data: Record<string, unknown> } & Record<string, unknown> }>(
  '/persons/:id/events',
  async (request, reply) => {
    const { type, eventId, data, ...envelope } = request.body;
    return reply.code(201).send(append(request.params.id, type, eventId, { ...data, ...envelope }, request.id));
  },
);
await app.listen({ port, host: '127.0.0.1' });
console.log(`listening ${port}`);
process.on('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
