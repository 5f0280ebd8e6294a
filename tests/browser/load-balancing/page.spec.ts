import { LB_PAGE, LB_WIDGETS } from './lb-page.ts';
import { axeClean, defaultPlotsWithoutJavaScript, pageLoads } from './widget-checks.ts';

pageLoads(LB_PAGE);
defaultPlotsWithoutJavaScript(LB_PAGE, LB_WIDGETS);
axeClean(LB_PAGE, LB_WIDGETS);
