// Worker threads do not inherit tsx's loader: register it here, then load the TypeScript thread.
import { register } from 'tsx/esm/api';

register();
await import('./storm-thread.ts');
