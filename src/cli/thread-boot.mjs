// Starts a simulation thread under tsx (worker threads do not inherit the
// TypeScript loader of the command line in Node 20), then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./thread-worker.ts');
