import { LB_PAGE, LB_WIDGETS } from './lb-page.ts';
import { slidersChangeThePlot } from './widget-checks.ts';

for (const id of LB_WIDGETS) slidersChangeThePlot(LB_PAGE, id);
