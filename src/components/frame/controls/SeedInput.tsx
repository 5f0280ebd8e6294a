import { useEffect, useState } from 'react';
import { MAX_SEED } from '../url/seed.ts';

export interface SeedInputProps {
  readonly id: string;
  readonly seed: number;
  readonly onChange: (seed: number) => void;
}

/**
 * The run's seed. While the reader types, the text may be briefly invalid
 * (empty, "-"); only whole numbers in range reach the widget, and leaving the
 * field puts back the seed in use.
 */
export function SeedInput({ id, seed, onChange }: SeedInputProps) {
  const [text, setText] = useState(String(seed));
  useEffect(() => setText(String(seed)), [seed]);
  const commit = (t: string) => {
    const n = Number(t);
    if (t.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_SEED) onChange(n);
  };
  return (
    <div className="rl-control rl-control--seed">
      <label htmlFor={id}>Seed</label>
      <div className="rl-seed">
        <input
          type="number"
          id={id}
          name="seed"
          inputMode="numeric"
          min={0}
          max={MAX_SEED}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commit(e.currentTarget.value);
          }}
          onBlur={() => setText(String(seed))}
        />
        <button type="button" onClick={() => onChange(seed >= MAX_SEED ? 0 : seed + 1)}>
          Next seed
        </button>
      </div>
    </div>
  );
}
