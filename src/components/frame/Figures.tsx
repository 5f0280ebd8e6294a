import { drawChart, Figure } from '../charts/Figure.tsx';
import type { FigureModel } from './figure-model.ts';

/** A widget's figures in order, shared charts and custom drawings alike, each with its summary. */
export function Figures({ figures, idPrefix }: { figures: readonly FigureModel[]; idPrefix: string }) {
  return (
    <div className="rl-widget__charts">
      {figures.map((f) => (
        <Figure key={f.id} idPrefix={idPrefix} id={f.id} summary={f.summary} draw={f.kind === 'custom' ? f.draw : drawChart(f)} />
      ))}
    </div>
  );
}
