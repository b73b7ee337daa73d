import { afterAll, beforeAll, inject } from 'vitest';
import { makePeople, type ActorKey, type People } from './authorization-matrix';
import { http } from './http';

/**
 * The authorization matrix's people for one test file (made before its tests), an HTTP client
 * acting as any of them, and `track` for the sockets the file opens, closed after it.
 */
export function suitePeople() {
  const ctx = {} as { people: People };
  const sockets: { disconnect: () => void }[] = [];
  beforeAll(async () => {
    ctx.people = await makePeople(inject('adminToken'));
  });
  afterAll(() => sockets.splice(0).forEach((s) => s.disconnect()));
  return {
    ctx,
    track: <S extends { disconnect: () => void }>(s: S) => (sockets.push(s), s),
    as: (actor: ActorKey) => http(ctx.people.tokens[actor] ? { token: ctx.people.tokens[actor]! } : undefined),
  };
}
