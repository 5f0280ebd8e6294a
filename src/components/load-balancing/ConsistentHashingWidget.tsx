import { FigureWidget } from './frame/FigureWidget.tsx';
import { hashingWidget } from './hashing/hashing-widget.ts';

/** Which keys move when a backend joins or leaves: hash mod n vs ring hash vs Maglev (widget id `hash`). */
export default function ConsistentHashingWidget() {
  return <FigureWidget definition={hashingWidget} />;
}
