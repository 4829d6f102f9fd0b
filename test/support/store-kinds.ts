import type { StoreKind } from './test-app.js';

/**
 * The stores the end-to-end suites run against: the embedded SQLite store, and EventStoreDB
 * (the protocol-level fake from test/esdb-fake, or a real server when PARCOURS_ESDB_URL is set).
 */
export function storeKindsUnderTest(): StoreKind[] {
  return ['sqlite', 'esdb'];
}
