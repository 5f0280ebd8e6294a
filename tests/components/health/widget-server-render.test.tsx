import HealthTimelineWidget from '../../../src/components/health/HealthTimelineWidget.tsx';
import { timelineWidget } from '../../../src/components/health/timeline/timeline-widget.ts';
import { describeServerRender } from '../load-balancing/server-render-contract.tsx';

describeServerRender([{ C: HealthTimelineWidget, d: timelineWidget, charts: ['check-timeline', 'traffic-share', 'detection-times'] }]);
