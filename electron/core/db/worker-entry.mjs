// Runs the TypeScript worker from source (headless mode, tests): registers tsx in this worker
// thread first. The desktop build bundles worker.ts to JavaScript and does not use this file.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
