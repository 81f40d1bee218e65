// `npm run bench`: bundles the TypeScript benchmark and runs it with the given flags.
import { runBundled } from './run-bundled.mjs';

await runBundled('bench/main.ts', 'bench');
