import type { StoreKind } from './test-app.js';

/** The stores the end-to-end suites run against. */
export function storeKindsUnderTest(): StoreKind[] {
  return ['sqlite'];
}
