import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { eventFor } from '@/lib/domain/identity';
import { can } from '@/lib/domain/rbac';
import { subscribeSchema } from '@/lib/schemas/subscribe';
import { bearerOf, findActor, findTokenActors, type SignedInActor } from '@/lib/server/auth/get-actor';
import { accessKey, ensureAllowed, loadAccesses, notFound } from '@/lib/server/deployments/load-access';
import { env } from '@/lib/server/env';
import { toAppError } from '@/lib/server/errors';
import { readEventsAfter } from '@/lib/server/events/list-events';
import { logger } from '@/lib/server/logger';
import { redisNamespace } from '@/lib/server/redis-namespace';
import {
  deploymentOfRoom,
  deploymentRoom,
  RESYNC_PAGE_SIZE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/events';
import { setIoServer, type IoServer } from './io-server';
import { isIsolated, setIsolated } from './isolation';
import { announcePresence, answerPresence } from './presence';
import { attachPublicStatus } from './public-status-server';
import { resyncLocalWatchers } from './resync-local-watchers';
import { watchSocketSessions } from './revalidate-sockets';
import { sharedRead, sharedReads } from './shared-lookup';
import { unwatchList, watchList } from './watch-list';

type SocketData = {
  userId: string;
  name: string;
  isAdmin: boolean;
  actor: SignedInActor;
  roleKeys: Record<string, string[]>;
};
type WarRoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function headersOf(socket: WarRoomSocket): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(socket.handshake.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  const token = (socket.handshake.auth as { token?: unknown })?.token;
  if (typeof token === 'string' && token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/** What a cookie session's lookup reads: the cookie, and the client it records on the actor. */
const sessionKeyOf = (headers: Headers) =>
  ['cookie', 'x-forwarded-for', 'user-agent'].map((name) => headers.get(name) ?? '').join('\n');

/**
 * With REDIS_URL, rooms span processes: an event committed on one process reaches watchers
 * connected to any other of the same installation (its channels are in the installation's
 * namespace, see redis-namespace.ts). If Redis goes away each process keeps serving its own watchers;
 * clients resync missed events by seq when delivery resumes.
 */
async function attachRedisAdapter(io: IoServer, url: string) {
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const { Redis } = await import('ioredis');
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false } as const;
  const pub = new Redis(url, options);
  const sub = pub.duplicate();
  for (const client of [pub, sub])
    client.on('error', (error: Error) => logger.warn('redis.error', { message: error.message }));
  io.adapter(createAdapter(pub, sub, { key: `${redisNamespace()}:socket.io`, requestsTimeout: 3000 }));
  answerPresence(io);
  let lost = false;
  sub.on('close', () => {
    lost = true;
    setIsolated(io, true);
  });
  sub.on('ready', async () => {
    if (!lost) return;
    lost = false;
    try {
      // ioredis re-subscribes before 'ready' is emitted; a PING answered on the same connection
      // proves those subscriptions are live, so nothing published from here on is missed.
      await sub.ping();
      await resyncLocalWatchers(io);
      setIsolated(io, false);
      logger.info('socket.redis_resumed', {});
    } catch (error) {
      logger.warn('socket.redis_resync_failed', { message: String(error) });
    }
  });
  logger.info('socket.redis_adapter', { enabled: true });
}

/** socket.io on the app's own HTTP server: authenticated like HTTP, rooms per deployment. */
export async function attachSocketServer(httpServer: HttpServer, origins: string[]): Promise<IoServer> {
  const io: IoServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // A foreign page must not ride a signed-in user's cookie into the war room.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || origins.includes(origin));
    },
  });

  // A crowd on one credential, or of one person in one deployment, connecting at once shares
  // reads (see shared-lookup.ts): each caller's answer is read after it asked, once per round.
  const sharedSession = sharedRead<string, SignedInActor | null>();
  const tokenActors = sharedReads((tokens: string[]) => findTokenActors(tokens, true));
  // A crowd of people subscribing at once is asked for in one statement, as their tokens were.
  const accesses = sharedReads((keys: string[]) =>
    loadAccesses(
      keys.map((key) => {
        const [deploymentId, userId] = JSON.parse(key) as [string, string];
        return { deploymentId, userId };
      }),
    ),
  );
  // The events a subscriber missed are read after it joined the room, shared the same way.
  const missedEvents = sharedRead<string, Awaited<ReturnType<typeof readEventsAfter>>>();

  io.use(async (socket, next) => {
    try {
      const headers = headersOf(socket as WarRoomSocket);
      // A bearer token (how integrations and crowds connect) is looked up with the others arriving
      // at the same time; a cookie session through better-auth, shared per cookie.
      const bearer = bearerOf(headers);
      const actor = bearer
        ? ((await tokenActors(bearer)) ?? null)
        : headers.get('authorization')
          ? null
          : await sharedSession(sessionKeyOf(headers), () => findActor(headers));
      if (!actor) return next(new Error('unauthenticated'));
      Object.assign(socket.data, {
        userId: actor.userId,
        name: actor.name,
        isAdmin: actor.isAdmin,
        actor,
        roleKeys: {},
      });
      next();
    } catch (error) {
      next(new Error(toAppError(error).code));
    }
  });

  io.on('connection', (raw) => {
    const socket = raw as WarRoomSocket;
    if (isIsolated()) socket.emit('server:isolated', { isolated: true });
    socket.on('deployment:subscribe', async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success)
        return reply({ ok: false, error: { code: 'invalid_body', message: 'Send { deploymentId, afterSeq }.' } });
      const { deploymentId, afterSeq } = parsed.data;
      try {
        const { actor } = socket.data;
        const access = (await accesses(accessKey(deploymentId, actor.userId))) ?? notFound();
        ensureAllowed(socket.data.actor, 'deployment.read', access);
        // Join before reading so nothing committed in between can fall through the crack;
        // the client drops the duplicates by seq.
        await socket.join(deploymentRoom(deploymentId));
        socket.data.roleKeys[deploymentId] = access.heldRoles.map((r) => r.key);
        const viewer = {
          userId: socket.data.actor.userId,
          seesNetwork: can(socket.data.actor, 'identity.read', { deploymentId, heldRoles: access.heldRoles }),
        };
        const missed = await missedEvents(`${deploymentId}\n${afterSeq}`, () =>
          readEventsAfter(deploymentId, afterSeq, RESYNC_PAGE_SIZE),
        );
        const events = missed.map((event) => eventFor(viewer, event));
        const last = events.length ? events[events.length - 1].seq : afterSeq;
        reply({
          ok: true,
          events,
          seq: Math.max(last, access.deployment.seq),
          complete: events.length < RESYNC_PAGE_SIZE,
        });
        announcePresence(io, deploymentId, socket.id);
      } catch (error) {
        const appError = toAppError(error);
        reply({ ok: false, error: { code: appError.code, message: appError.message } });
      }
    });
    socket.on('deployments:watch', async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      reply(await watchList(socket, socket.data.actor, payload));
    });
    socket.on('deployments:unwatch', () => void unwatchList(socket));
    socket.on('deployment:unsubscribe', async (payload) => {
      const deploymentId = typeof payload?.deploymentId === 'string' ? payload.deploymentId : null;
      if (!deploymentId) return;
      await socket.leave(deploymentRoom(deploymentId));
      announcePresence(io, deploymentId);
    });
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        const deploymentId = deploymentOfRoom(room);
        if (deploymentId) announcePresence(io, deploymentId);
      }
    });
  });

  const redisUrl = env().REDIS_URL;
  if (redisUrl) await attachRedisAdapter(io, redisUrl);

  io.engine.on('connection_error', (error: { code: number; message: string }) => {
    logger.info('socket.connection_refused', { code: error.code, message: error.message });
  });
  // Share-link watchers: their own namespace, same engine and Origin check (see public-status-server).
  attachPublicStatus(io);
  watchSocketSessions(io);
  setIoServer(io);
  return io;
}
