// `npm start` runs this before a first build: a mistyped setting is named in a second rather
// than after the build's minute. The server checks the same way again when it starts (server.ts).
import { env } from '../lib/server/env';

try {
  env();
} catch (error) {
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
}
