// `npm run torture`: bundles the torture suite (test/torture/main.ts) and runs it at full size
// with the given flags; `npm test` runs a short pass of the same probes.
import { runBundled } from './run-bundled.mjs';

await runBundled('test/torture/main.ts', 'torture');
