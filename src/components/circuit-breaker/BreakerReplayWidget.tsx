import { replayWidget } from './replay/replay-widget.ts';

export { replayWidget as definition };

/** The breaker-outage run replayed, with the breaker's state diagram (widget id `breaker`). */
export { BreakerReplay as default } from './replay/BreakerReplay.tsx';
