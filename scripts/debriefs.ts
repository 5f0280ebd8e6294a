// Writes src/components/debrief/debriefs.json: every "What to try" exercise's
// expected results as ranges over seeds 1-20, computed by the widgets' own
// plan and reduce. Run with `npm run debriefs` after changing a widget or a
// scenario; tests/components/debrief/debriefs.test.ts fails until you do.
import { writeFileSync } from 'node:fs';
import { debriefsJson } from './debriefs/debriefs-json.ts';

const file = 'src/components/debrief/debriefs.json';
writeFileSync(file, debriefsJson());
console.log(`wrote ${file}`);
