/**
 * Small-cell suppression for published aggregates about people (docs/statistics.md).
 *
 * The rule: a count of 1 to 10 people is never published (CASD's rule for health data, « aucune
 * case ne doit concerner moins de 11 unités », the ≥ 11 norm the Health Data Hub and ATIH apply).
 * A count of 0 is shown as 0 by default: it designates no one, and masking it would make every
 * structural zero look like a small count. Pass `suppressZeros` when a zero would itself disclose
 * something (everyone in a group sharing a sensitive attribute).
 *
 * Secondary (complementary) suppression: a hidden cell must not be recoverable by subtraction
 * from a published total (« le secret secondaire »), so more cells are hidden until every
 * published equation has at least two unknowns.
 *
 * The reason of a suppression is for audit and tests only: a published table must render every
 * suppressed value the same way, or readers learn which hidden cell is the small one.
 */
export const SMALL_CELL_THRESHOLD = 11;

export type SuppressionReason = 'small_cell' | 'complementary' | 'derived';

export interface Suppressed<R extends SuppressionReason = SuppressionReason> {
  readonly suppressed: true;
  readonly reason: R;
}

/** A published count: the number, or a marker saying it is hidden. */
export type CellValue = number | Suppressed<'small_cell' | 'complementary'>;
/** Any published figure, including those derived from counts (shares, means). */
export type ProtectedValue = number | Suppressed;

export interface SuppressionOptions {
  /** Counts from 1 to threshold − 1 are hidden. Default 11. */
  readonly threshold?: number;
  /** Hide zeros too (as small cells). Default false. */
  readonly suppressZeros?: boolean;
}

export function isSuppressed(value: unknown): value is Suppressed {
  return typeof value === 'object' && value !== null && (value as { suppressed?: unknown }).suppressed === true;
}

export function suppressed<R extends SuppressionReason>(reason: R): Suppressed<R> {
  return { suppressed: true, reason };
}

/** Whether a count must be hidden on its own (primary suppression). */
export function isSmallCount(count: number, options: SuppressionOptions = {}): boolean {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  return count === 0 ? options.suppressZeros === true : count < threshold;
}

export function assertCount(count: number, what: string): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${what} must be a count (a non-negative integer), got ${String(count)}`);
}

export interface BreakdownCell<K> {
  readonly key: K;
  readonly count: number;
}

export interface SuppressedBreakdown<K> {
  readonly cells: readonly { readonly key: K; readonly value: CellValue }[];
  /** The published total, when one was given. */
  readonly total?: CellValue;
}

/**
 * A one-dimensional breakdown (people by category), with its total when published. The total
 * must equal the sum of the cells (add an "unknown" cell for people in no category). Without a
 * total, the sum is still assumed known — the cohort's size is usually published elsewhere — so a
 * lone hidden cell is still protected by a complementary one.
 */
export function suppressBreakdown<K>(cells: readonly BreakdownCell<K>[], total?: number, options: SuppressionOptions = {}): SuppressedBreakdown<K> {
  cells.forEach((cell) => assertCount(cell.count, `The count of ${String(cell.key)}`));
  const sum = cells.reduce((acc, cell) => acc + cell.count, 0);
  if (total !== undefined && total !== sum) throw new RangeError(`The total (${total}) must equal the sum of the cells (${sum})`);
  type Reason = Suppressed<'small_cell' | 'complementary'> | null;
  const reasons: Reason[] = cells.map((cell) => (isSmallCount(cell.count, options) ? suppressed('small_cell') : null));
  let totalReason: Reason = total !== undefined && isSmallCount(total, options) ? suppressed('small_cell') : null;

  const hidden = reasons.filter((reason) => reason !== null).length + (totalReason ? 1 : 0);
  if (hidden === 1) {
    // The one equation (Σ cells = total) would give the hidden value away: hide the smallest
    // other cell, preferring one with people in it (a hidden 0 is easily guessed), else the
    // total, else a zero.
    const visible = cells.map((cell, index) => ({ count: cell.count, index })).filter(({ index }) => reasons[index] === null);
    const positive = visible.filter(({ count }) => count > 0).sort((a, b) => a.count - b.count)[0];
    if (positive) reasons[positive.index] = suppressed('complementary');
    else if (total !== undefined && !totalReason) totalReason = suppressed('complementary');
    else if (visible[0]) reasons[visible[0].index] = suppressed('complementary');
  }
  const result = cells.map((cell, index) => ({ key: cell.key, value: reasons[index] ?? cell.count }));
  return total === undefined ? { cells: result } : { cells: result, total: totalReason ?? total };
}

type Numbers<T extends readonly unknown[]> = { -readonly [I in keyof T]: number };

/**
 * A figure computed from published values (a share, a rate, a mean over a group): hidden when any
 * value it is computed from is hidden, since publishing it would let a reader undo the division.
 */
export function protectDerived<const T extends readonly ProtectedValue[]>(sources: T, compute: (...values: Numbers<T>) => number): ProtectedValue {
  if (sources.some(isSuppressed)) return suppressed('derived');
  // No source is hidden, so every source is a number.
  return compute(...(sources as unknown as Numbers<T>));
}
