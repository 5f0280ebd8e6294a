import type { MachineDiagram } from '../../../resilience/circuit-breaker/breaker-diagram.ts';
import { chartHeader } from '../../charts/ChartHeader.tsx';
import type { LegendItem } from '../../charts/Legend.tsx';
import { EDGE_FONT, NODE_FONT, edgeKey, layoutDiagram } from './diagram-layout.ts';
import { stateColor } from './state-colors.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';

export interface StateDiagramProps {
  readonly diagram: MachineDiagram;
  readonly width: number;
  readonly title: string;
  readonly titleId: string;
  readonly summaryId: string;
  /** Prefix for the arrowhead markers' ids, unique on the page. */
  readonly idPrefix: string;
  /** The state to highlight; undefined when no run has a breaker. */
  readonly current: string | undefined;
  /** The transition just taken, if any. */
  readonly last: { readonly from: string; readonly to: string; readonly event: string } | undefined;
}

const ARROW = 9;

/**
 * The breaker's state diagram, drawn from the XState machine definition
 * itself: every state and every transition, with their names and (as
 * tooltips) their descriptions. The current state and the transition just
 * taken are highlighted, and marked with data attributes for tests.
 */
export function StateDiagram({ diagram, width, title, titleId, summaryId, idPrefix, current, last }: StateDiagramProps) {
  const states = diagram.nodes.map((n) => n.id);
  const legend: LegendItem[] = [
    ...(current
      ? [{ key: 'current', label: `Current state: ${current}`, swatch: { kind: 'bar', color: stateColor(current, states) } } satisfies LegendItem]
      : []),
    { key: 'last', label: 'Transition just taken', swatch: { kind: 'line', color: 1 } },
    { key: 'manual', label: 'Operator action', swatch: { kind: 'line', color: 8, dash: 'dashed' } },
  ];
  const header = chartHeader({ title, legend, width, left: 4 });
  const layout = layoutDiagram(diagram, width);
  const top = header.top + 6;
  const height = top + layout.height;
  const lastKey = last ? edgeKey(last.from, last.to, last.event) : undefined;
  const marker = (kind: string) => `${idPrefix}-arrow-${kind}`;

  return (
    <ChartSvg chartId={'diagram'} title={title} titleId={titleId} summaryId={summaryId} width={width} height={height} extraClass="rl-diagram">
      <defs>
        {(['plain', 'manual', 'last'] as const).map((kind) => (
          <marker
            key={kind}
            id={marker(kind)}
            viewBox="0 0 10 10"
            refX={8}
            refY={5}
            markerWidth={ARROW}
            markerHeight={ARROW}
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" className={`rl-diagram__arrowhead rl-diagram__arrowhead--${kind}`} />
          </marker>
        ))}
      </defs>
      {header.element}
      <g transform={`translate(0,${top})`}>
        <g className="rl-diagram__initial">
          <circle cx={layout.initialArrow.x1} cy={layout.initialArrow.y1} r={4} />
          <line {...layout.initialArrow} markerEnd={`url(#${marker('plain')})`} />
        </g>
        {layout.edges.map((e) => {
          const isLast = e.key === lastKey;
          const kind = isLast ? 'last' : e.manual ? 'manual' : 'plain';
          return (
            <g key={e.key} data-edge={e.key} data-last={isLast} className={`rl-diagram__edge rl-diagram__edge--${kind}`}>
              <title>{`${e.event} (${e.from} → ${e.to}): ${e.description}`}</title>
              <path d={e.d} markerEnd={`url(#${marker(kind)})`} />
              {e.label ? (
                <text x={e.label.x} y={e.label.y} textAnchor="middle" style={{ fontSize: EDGE_FONT }}>
                  {e.event}
                </text>
              ) : null}
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          const isCurrent = n.id === current;
          const color = stateColor(n.id, states);
          return (
            <g key={n.id} data-node={n.id} data-current={isCurrent} className={`rl-diagram__node${isCurrent ? ' rl-diagram__node--current' : ''}`}>
              <title>{`${n.id}: ${n.description}`}</title>
              <rect
                className={`rl-state-stroke--${color}${isCurrent ? ` rl-state-fill--${color}` : ''}`}
                x={n.x - n.w / 2}
                y={n.y - n.h / 2}
                width={n.w}
                height={n.h}
                rx={n.h / 2}
              />
              <text x={n.x} y={n.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize: NODE_FONT }}>
                {n.id}
              </text>
            </g>
          );
        })}
      </g>
    </ChartSvg>
  );
}
