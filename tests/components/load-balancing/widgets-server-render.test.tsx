import BalancerCompareWidget from '../../../src/components/load-balancing/BalancerCompareWidget.tsx';
import ConsistentHashingWidget from '../../../src/components/load-balancing/ConsistentHashingWidget.tsx';
import MaxLoadWidget from '../../../src/components/load-balancing/MaxLoadWidget.tsx';
import SupermarketWidget from '../../../src/components/load-balancing/SupermarketWidget.tsx';
import { compareWidget } from '../../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import { binsWidget } from '../../../src/components/load-balancing/bins/bins-widget.ts';
import { hashingWidget } from '../../../src/components/load-balancing/hashing/hashing-widget.ts';
import { supermarketWidget } from '../../../src/components/load-balancing/supermarket/supermarket-widget.ts';
import { describeServerRender } from './server-render-contract.tsx';

describeServerRender([
  { C: BalancerCompareWidget, d: compareWidget, charts: ['backend-share', 'latency', 'faulty-share', 'p99-over-time', 'errors'] },
  { C: MaxLoadWidget, d: binsWidget, charts: ['max-load', 'excess', 'final-max-load'] },
  { C: SupermarketWidget, d: supermarketWidget, charts: ['mean-time', 'queue-tails'] },
  { C: ConsistentHashingWidget, d: hashingWidget, charts: ['key-moves', 'moved-fraction', 'key-balance'] },
]);
