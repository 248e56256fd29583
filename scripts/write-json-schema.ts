/** Writes scenario.schema.json from the zod schema (zod 4's own JSON Schema export). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/model/scenario.ts';

writeFileSync(new URL('../scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenario.schema.json');
