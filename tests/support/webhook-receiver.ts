import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
};

/**
 * A local webhook receiver. Each path answers from its script of status codes, the last one
 * repeating: 'hang' never answers, 'hold' answers 200 only once the test calls release() (and at
 * once from then on).
 */
export function webhookReceiver(scripts: Record<string, (number | 'hang' | 'hold')[]>) {
  const received: Received[] = [];
  const held: http.ServerResponse[] = [];
  let released = false;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, at: Date.now(), headers: req.headers, raw, body: JSON.parse(raw) });
      const script = scripts[path] ?? [200];
      const answer = script.length > 1 ? script.shift()! : script[0];
      if (answer === 'hang') return;
      if (answer === 'hold' && !released) return void held.push(res);
      res.writeHead(answer === 'hold' ? 200 : answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  const of = (path: string) => received.filter((r) => r.path === path);
  return {
    received,
    of,
    /** Requests held by 'hold' that are still waiting for their answer. */
    heldOpen: () => held.filter((res) => !res.writableEnded && !res.destroyed).length,
    release: () => {
      released = true;
      for (const res of held.splice(0)) if (!res.writableEnded && !res.destroyed) res.writeHead(200).end('ok');
    },
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    waitFor: async (path: string, n: number, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (of(path).length < n) {
        if (Date.now() > deadline) throw new Error(`${path}: ${of(path).length} of ${n} requests arrived`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return of(path);
    },
  };
}
