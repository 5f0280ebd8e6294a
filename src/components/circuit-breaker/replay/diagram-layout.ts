import type { MachineDiagram } from '../../../resilience/circuit-breaker/breaker-diagram.ts';
import { textWidth } from '../../charts/text-metrics.ts';
import { operatorEvents } from './operator-events.ts';

export interface PlacedNode {
  readonly id: string;
  readonly description: string;
  /** Centre. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PlacedEdge {
  /** `from->to:event`, unique within a machine. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly description: string;
  /**
   * An event the machine accepts from most of its states (force-open,
   * disable, reset): an operator's action rather than the breaker's own
   * logic, drawn lighter so the breaker's cycle stands out.
   */
  readonly manual: boolean;
  /** SVG path, a quadratic curve between the two nodes' borders. */
  readonly d: string;
  /** Where the event's name goes; absent for an operator action already named on a shorter arrow to the same state. */
  readonly label: { readonly x: number; readonly y: number } | undefined;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** The arrow into the initial state. */
  readonly initialArrow: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
}

export const NODE_FONT = 13;
export const EDGE_FONT = 12;
const NODE_H = 34;
const NODE_PAD = 28;
/**
 * The drawing keeps about the same shape at every width: a taller one on a
 * phone would make the long transitions run nearly parallel and merge.
 */
const ASPECT = 0.6;
const MIN_HEIGHT = 340;
/** Below this width an operator action is named once per target state, not on every arrow. */
const TERSE_BELOW = 480;
const MAX_HEIGHT = 380;

/**
 * Where the breaker's states sit, as fractions of the drawing: its own cycle
 * (closed, open, half-open) as a triangle at the top, the two hand-operated
 * states at the bottom corners. A fixed layout reads better than a computed
 * one for five states; the nodes and edges themselves come from the machine.
 */
const PLACES: Readonly<Record<string, readonly [number, number]>> = {
  closed: [0.16, 0.13],
  open: [0.84, 0.13],
  'half-open': [0.5, 0.46],
  disabled: [0.16, 0.9],
  'forced-open': [0.84, 0.9],
};

/** Arcs between the same two states are spread this far apart (control-point offset, px). */
const SPREAD = 52;
/** Room kept between an edge and a state it passes by, px. */
const CLEARANCE = 18;

/**
 * Lays out a flat machine's diagram for a drawing `width` px wide: states at
 * their fixed places (any state without one goes on a circle), each
 * transition a curve from border to border. Transitions between the same two
 * states fan out so none hides another, and a curve that would cross a third
 * state bends around it.
 */
export function layoutDiagram(diagram: MachineDiagram, width: number): DiagramLayout {
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, width * ASPECT));
  const margin = 8;
  const unplaced = diagram.nodes.filter((n) => PLACES[n.id] === undefined);
  const nodes: PlacedNode[] = diagram.nodes.map((n) => {
    const w = textWidth(n.id, NODE_FONT) + NODE_PAD;
    const [fx, fy] = PLACES[n.id] ?? onCircle(unplaced.indexOf(n), unplaced.length);
    const x = Math.min(width - margin - w / 2, Math.max(margin + w / 2, fx * width));
    return { id: n.id, description: n.description, x, y: fy * height, w, h: NODE_H };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = new Map(nodes.map((n, i) => [n.id, i]));

  const operator = operatorEvents(diagram);

  // Edges grouped by the unordered pair of states they join, in definition order.
  const pairs = new Map<string, typeof diagram.edges>();
  for (const e of diagram.edges) {
    const k = pairKey(e.from, e.to, order);
    pairs.set(k, [...(pairs.get(k) ?? []), e]);
  }

  const curves: Curve[] = [];
  for (const group of pairs.values()) {
    const [first] = group;
    // The pair's own frame: from the lower-indexed state to the other, so two
    // opposite transitions get offsets on opposite sides.
    const [aId, bId] = (order.get(first.from) ?? 0) <= (order.get(first.to) ?? 0) ? [first.from, first.to] : [first.to, first.from];
    const a = byId.get(aId)!;
    const b = byId.get(bId)!;
    const frame = pairFrame(a, b);
    const bend = bendAround(a, b, frame, nodes);
    group.forEach((e, i) => {
      const offset = bend + (i - (group.length - 1) / 2) * SPREAD;
      const from = byId.get(e.from)!;
      const to = byId.get(e.to)!;
      const manual = operator.has(e.event);
      if (from === to) {
        curves.push({ edge: e, manual, ...selfLoop(from) });
        return;
      }
      const c = { x: (a.x + b.x) / 2 + frame.nx * offset, y: (a.y + b.y) / 2 + frame.ny * offset };
      const start = border(from, c.x - from.x, c.y - from.y, 2);
      const end = border(to, c.x - to.x, c.y - to.y, 6);
      // Labels sit on the outer side of their curve; a straight edge's on its left.
      const side = Math.sign(offset) || 1;
      curves.push({ edge: e, manual, start, c, end, normal: { x: frame.nx * side, y: frame.ny * side } });
    });
  }

  // The breaker's own transitions get the first pick of label positions.
  const placedBoxes: Box[] = nodes.map((n) => ({ x0: n.x - n.w / 2, y0: n.y - n.h / 2, x1: n.x + n.w / 2, y1: n.y + n.h / 2 }));
  const labels = new Map<Curve, { x: number; y: number }>();
  const named = new Set<string>();
  const manual = curves.filter((c) => c.manual).sort((a, b) => curveLength(a) - curveLength(b));
  for (const curve of [...curves.filter((c) => !c.manual), ...manual]) {
    const target = `${curve.edge.event}->${curve.edge.to}`;
    if (curve.manual && width < TERSE_BELOW && named.has(target)) continue;
    named.add(target);
    const spot = labelSpot(curve, placedBoxes);
    placedBoxes.push(spot.box);
    labels.set(curve, spot.at);
  }
  const edges: PlacedEdge[] = curves.map((curve) => {
    const { edge: e, start, c, end } = curve;
    const at = labels.get(curve);
    return {
      key: edgeKey(e.from, e.to, e.event),
      from: e.from,
      to: e.to,
      event: e.event,
      description: e.description,
      manual: curve.manual,
      d: `M${r(start.x)},${r(start.y)}Q${r(c.x)},${r(c.y)} ${r(end.x)},${r(end.y)}`,
      label: at && { x: r(at.x), y: r(at.y + EDGE_FONT / 3) },
    };
  });

  const initial = byId.get(diagram.initial)!;
  const initialArrow = { x1: initial.x, y1: Math.max(4, initial.y - initial.h / 2 - 26), x2: initial.x, y2: initial.y - initial.h / 2 - 6 };
  return { width, height, nodes, edges, initialArrow };
}

export function edgeKey(from: string, to: string, event: string): string {
  return `${from}->${to}:${event}`;
}

function pairKey(a: string, b: string, order: Map<string, number>): string {
  return (order.get(a) ?? 0) <= (order.get(b) ?? 0) ? `${a}|${b}` : `${b}|${a}`;
}

function onCircle(i: number, n: number): readonly [number, number] {
  const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
  return [0.5 + 0.4 * Math.cos(angle), 0.5 + 0.4 * Math.sin(angle)];
}

interface Frame {
  readonly ux: number;
  readonly uy: number;
  /** Unit normal, to the left of a -> b. */
  readonly nx: number;
  readonly ny: number;
  readonly length: number;
}

function pairFrame(a: PlacedNode, b: PlacedNode): Frame {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  return { ux: dx / length, uy: dy / length, nx: -dy / length, ny: dx / length, length };
}

/**
 * The control-point offset that takes the a–b curve clear of every other
 * state lying across the straight line. A quadratic curve with control offset
 * C is displaced 2u(1-u)·C at fraction u of the way, which gives the C that
 * puts the curve `needed` px beyond the state, on the side away from it.
 */
function bendAround(a: PlacedNode, b: PlacedNode, f: Frame, nodes: readonly PlacedNode[]): number {
  let bend = 0;
  for (const c of nodes) {
    if (c === a || c === b) continue;
    const along = ((c.x - a.x) * f.ux + (c.y - a.y) * f.uy) / f.length;
    if (along <= 0.1 || along >= 0.9) continue;
    const across = (c.x - a.x) * f.nx + (c.y - a.y) * f.ny;
    const needed = Math.abs(f.nx) * (c.w / 2) + Math.abs(f.ny) * (c.h / 2) + CLEARANCE + SPREAD / 2;
    if (Math.abs(across) >= needed) continue;
    const target = across - (Math.sign(across) || 1) * needed;
    const c2 = target / (2 * along * (1 - along));
    if (Math.abs(c2) > Math.abs(bend)) bend = c2;
  }
  return bend;
}

/** Where the ray from a node's centre in direction (dx, dy) leaves its box, `gap` px further out. */
function border(n: PlacedNode, dx: number, dy: number, gap: number): { x: number; y: number } {
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const t = Math.min(ux === 0 ? Infinity : n.w / 2 / Math.abs(ux), uy === 0 ? Infinity : n.h / 2 / Math.abs(uy));
  return { x: n.x + ux * (t + gap), y: n.y + uy * (t + gap) };
}

/** A transition back into the same state: a loop over the node's top right. */
function selfLoop(n: PlacedNode): Omit<Curve, 'edge' | 'manual'> {
  return {
    start: { x: n.x + n.w / 4, y: n.y - n.h / 2 - 2 },
    c: { x: n.x + n.w / 2 + 40, y: n.y - n.h / 2 - 40 },
    end: { x: n.x + n.w / 2 + 4, y: n.y - 4 },
    normal: { x: 0.7, y: -0.7 },
  };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** One transition's quadratic curve: from `start` to `end`, pulled towards `c`; labels go to the `normal` side. */
interface Curve {
  readonly edge: MachineDiagram['edges'][number];
  readonly manual: boolean;
  readonly start: Point;
  readonly c: Point;
  readonly end: Point;
  readonly normal: Point;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Fractions along a curve tried for its label, middle first. */
const LABEL_SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];

/**
 * Where a transition's label goes: the first spot along its curve where it
 * overlaps neither a state nor a label already placed, or, failing that, the
 * spot where it overlaps least.
 */
function labelSpot(curve: Curve, taken: readonly Box[]): { at: Point; box: Box } {
  const w = textWidth(curve.edge.event, EDGE_FONT) + 4;
  const h = EDGE_FONT + 4;
  let best: { at: Point; box: Box; overlap: number } | undefined;
  for (const u of LABEL_SPOTS) {
    const p = onCurve(curve, u);
    const at = { x: p.x + curve.normal.x * 9, y: p.y + curve.normal.y * 9 };
    const box = { x0: at.x - w / 2, y0: at.y - h / 2, x1: at.x + w / 2, y1: at.y + h / 2 };
    const overlap = taken.reduce((sum, b) => sum + overlapArea(box, b), 0);
    if (overlap === 0) return { at, box };
    if (!best || overlap < best.overlap) best = { at, box, overlap };
  }
  return best!;
}

function curveLength({ start: s, end: e }: Curve): number {
  return Math.hypot(e.x - s.x, e.y - s.y);
}

function onCurve({ start: s, c, end: e }: Curve, u: number): Point {
  const a = (1 - u) * (1 - u);
  const b = 2 * u * (1 - u);
  const d = u * u;
  return { x: a * s.x + b * c.x + d * e.x, y: a * s.y + b * c.y + d * e.y };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

function r(v: number): number {
  return Math.round(v * 10) / 10;
}
