import fs from 'node:fs';
import path from 'node:path';

/**
 * Where this e2e run keeps what its server looks like, so a test can restart it. One file per
 * run (global setup names it), so runs side by side never stop each other's server.
 */
export function stateFile(): string {
  process.env.E2E_STATE_FILE ??= path.resolve('test-results', `e2e-server-${process.pid}.json`);
  return process.env.E2E_STATE_FILE;
}

export type ServerState = { pid: number; baseUrl: string; env: NodeJS.ProcessEnv; databaseUrl: string };

export function readState(): ServerState {
  return JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
}

export function writeState(state: ServerState) {
  fs.mkdirSync(path.dirname(stateFile()), { recursive: true });
  fs.writeFileSync(stateFile(), JSON.stringify(state));
}
