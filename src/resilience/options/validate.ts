/**
 * How a mechanism checks its options: state each number's allowed range once,
 * as a `NumberRange` constant in the mechanism's options file (beside its
 * defaults, the way Polly keeps `RetryConstants` beside `RetryStrategyOptions`),
 * and call `checkNumber('retry.maxDelayMs', value, maxDelayRange)` in the
 * constructor or factory. A value outside the range throws a RangeError that
 * names the option, its value and the allowed range, e.g.
 * "maxConcurrent must be an integer >= 1, got 0". Ranges are finite unless
 * they say `infinity: true` (for options where Infinity means "no limit"),
 * and NaN is never allowed, so a division by zero upstream cannot slip through
 * as an option. `checkOneOf` does the same for string choices. Checks run once,
 * at construction: never on a per-call path.
 */

/** Where a number may lie. Bounds are inclusive (`min`, `max`) or exclusive (`above`, `below`). */
export interface NumberRange {
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly below?: number;
  /** Only whole numbers. */
  readonly integer?: boolean;
  /** Infinity is allowed too (meaning "no limit"); otherwise the value must be finite. */
  readonly infinity?: boolean;
}

/** Returns `value` when it lies in `range`; otherwise throws a RangeError naming the option, the value and the range. */
export function checkNumber(name: string, value: number, range: NumberRange): number {
  if (!inRange(value, range)) throw new RangeError(`${name} must be ${describeRange(range)}, got ${String(value)}`);
  return value;
}

/** Whether `value` lies in `range` (for a caller that clamps instead of throwing). */
export function inRange(value: number, range: NumberRange): boolean {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (value === Infinity && range.infinity === true) return checkBounds(value, range);
  if (!Number.isFinite(value)) return false;
  if (range.integer === true && !Number.isInteger(value)) return false;
  return checkBounds(value, range);
}

function checkBounds(value: number, { min, above, max, below }: NumberRange): boolean {
  return (min === undefined || value >= min) && (above === undefined || value > above) && (max === undefined || value <= max) && (below === undefined || value < below);
}

/** The range in words: "an integer >= 1", "a finite number in (0, 1]", "a number > 0 or Infinity". */
export function describeRange(range: NumberRange): string {
  const kind = range.integer === true ? 'an integer' : range.infinity === true ? 'a number' : 'a finite number';
  const low = range.min !== undefined ? { value: range.min, open: false } : range.above !== undefined ? { value: range.above, open: true } : undefined;
  const high = range.max !== undefined ? { value: range.max, open: false } : range.below !== undefined ? { value: range.below, open: true } : undefined;
  let bounds = '';
  if (low !== undefined && high !== undefined) {
    bounds = ` in ${low.open ? '(' : '['}${low.value}, ${high.value}${high.open ? ')' : ']'}`;
  } else if (low !== undefined) {
    bounds = ` ${low.open ? '>' : '>='} ${low.value}`;
  } else if (high !== undefined) {
    bounds = ` ${high.open ? '<' : '<='} ${high.value}`;
  }
  return `${kind}${bounds}${range.infinity === true ? ' or Infinity' : ''}`;
}

/** Returns `value` when it is one of `allowed`; otherwise throws a RangeError listing them. */
export function checkOneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new RangeError(`${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`);
  return value;
}
