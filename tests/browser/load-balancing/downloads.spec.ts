import { LB_PAGE, LB_WIDGETS } from './lb-page.ts';
import { downloadsWork } from './widget-checks.ts';

for (const id of LB_WIDGETS) downloadsWork(LB_PAGE, id);
