import { axeClean, defaultPlotsWithoutJavaScript, pageLoads } from '../load-balancing/widget-checks.ts';
import { HEALTH_PAGE, HEALTH_WIDGETS } from './health-page.ts';

pageLoads(HEALTH_PAGE);
defaultPlotsWithoutJavaScript(HEALTH_PAGE, HEALTH_WIDGETS);
axeClean(HEALTH_PAGE, HEALTH_WIDGETS);
