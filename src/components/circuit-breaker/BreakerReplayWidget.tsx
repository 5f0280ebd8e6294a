import { BreakerReplay } from './replay/BreakerReplay.tsx';

/** The breaker-outage run replayed, with the breaker's state diagram (widget id `breaker`). */
export default function BreakerReplayWidget() {
  return <BreakerReplay />;
}
