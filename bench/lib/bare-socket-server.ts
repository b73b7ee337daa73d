/**
 * The yardstick for tick latency: a bare socket.io server, in its own process like the app, that
 * serves the same messages from memory — no database, no auth, no transaction. `POST /tick`
 * with {itemId, version} broadcasts an item.updated event shaped like the app's to every
 * subscribed watcher and answers {seq}; `deployment:subscribe` joins the room and acknowledges
 * like the app's (no events to replay). Run: `PORT=… node --import tsx bench/lib/bare-socket-server.ts`.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const ROOM = 'deployment:bare';
let seq = 1;

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/tick') return void res.writeHead(404).end();
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    const { itemId, version } = JSON.parse(raw) as { itemId: string; version: number };
    seq += 1;
    io.to(ROOM).emit('deployment:event', {
      seq,
      type: 'item.updated',
      at: new Date().toISOString(),
      deploymentId: 'bare',
      actorId: 'bench-ic',
      actor: 'Bench IC',
      role: 'ic',
      data: {
        itemId,
        title: 'step',
        status: 'done',
        from: 'pending',
        note: null,
        version,
        phaseId: 'phase',
        itemRole: 'ic',
      },
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ seq }));
  });
});

// WebSocket only, like the app's watchers; BARE_TRANSPORTS=polling,websocket for clients on
// socket.io-client's defaults (the connection storm).
const transports = (process.env.BARE_TRANSPORTS ?? 'websocket').split(',') as ('polling' | 'websocket')[];
const io = new Server(server, { transports });
io.on('connection', (socket) => {
  socket.on('deployment:subscribe', async (_payload: unknown, ack?: (reply: unknown) => void) => {
    await socket.join(ROOM);
    ack?.({ ok: true, events: [], seq, complete: true });
  });
});

// The same listen backlog as the app's server.ts: the yardstick must not lose SYNs the app keeps.
server.listen(Number(process.env.PORT), '127.0.0.1', 4096, () => console.log('ready'));

// A clean exit on SIGTERM, so `--cpu-prof` (BENCH_CPU_PROFILE) gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
