// Before `npm test`: the browser and e2e projects need a Chromium binary. Say how to get one
// instead of failing later with a stack trace.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`npm test needs Chromium for its browser and end-to-end tests, and there is none at ${path}.
Install Debian's build:      sudo apt-get install -y chromium
or point to another one:     CHROMIUM_PATH=/path/to/chromium npm test
(only the model tests:       npm run test:node)`);
  process.exit(1);
}
