import fs from 'node:fs';
import path from 'node:path';

/** Where the e2e run keeps what its server looks like, so a test can restart it. */
export const STATE_FILE = path.resolve('test-results', 'e2e-server.json');

export type ServerState = { pid: number; baseUrl: string; env: NodeJS.ProcessEnv; databaseUrl: string };

export function readState(): ServerState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

export function writeState(state: ServerState) {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}
