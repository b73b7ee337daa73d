import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRunbook } from '@/lib/domain/runbook';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { collect, connect, connected, subscribe } from '../support/socket';
import { until } from '../support/until';

/**
 * CPU-heavy requests run on a pool of worker threads (lib/server/cpu-pool), behind a bounded
 * queue. This server has one thread and room for one waiting task, so two big parses fill it.
 */
let server: OwnServer;
let token: string;
// Close to the 1 MB cap: parsing it takes seconds, so it is still running while the test acts.
const BIG = generateRunbook(14_000);

beforeAll(async () => {
  server = await startOwnServer({ CPU_POOL_THREADS: '1', CPU_POOL_QUEUE: '1', WRITE_RATE_LIMIT: '0' });
  token = await makeToken((await makeUser({ name: 'Ingrid Importer' })).id);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** The pool's gauges from GET /metrics. */
async function pool() {
  const text = (await server.request('GET', '/metrics')).body as string;
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  return {
    inFlight: value(/^warroom_cpu_pool_tasks\{state="in_flight"\} (\d+)$/m),
    queued: value(/^warroom_cpu_pool_tasks\{state="queued"\} (\d+)$/m),
    refused: value(/^warroom_cpu_pool_refused_total (\d+)$/m),
  };
}

/** A parse over HTTP, remembering when its answer arrived. */
function parse(markdown: string) {
  const state = { answered: false };
  const response = fetch(`${server.baseUrl}/api/runbooks/parse`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/markdown' },
    body: markdown,
  }).then(async (res) => {
    const body = await res.json();
    state.answered = true;
    return { status: res.status, headers: res.headers, body };
  });
  return { state, response };
}

const poolIsIdle = async () => {
  const now = await pool();
  return now.inFlight === 0 && now.queued === 0;
};

describe('CPU-heavy requests on the worker pool', () => {
  it('parses a runbook over HTTP, with the same errors as before (422 with warnings, 413)', async () => {
    const ok = await parse('# Go-live\n\n## Prepare\n\n- [ ] Freeze merges (DBA)\n').response;
    expect(ok.status).toBe(200);
    expect(ok.body.stats).toMatchObject({ phases: 1, items: 1 });

    const empty = await parse('# Only a title\n\nNo checklist here.\n').response;
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({ code: 'invalid_runbook', warnings: expect.any(Array) });

    const huge = await parse('- [ ] step\n'.repeat(100_001)).response;
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('answers 503 busy with Retry-After when the queue is full, and finishes what it accepted', async () => {
    await until(poolIsIdle, 30_000, 'an idle pool');
    const before = (await pool()).refused;
    const running = parse(BIG);
    await until(async () => (await pool()).inFlight === 1, 30_000, 'the first parse on the thread');
    const waiting = parse(BIG);
    await until(async () => (await pool()).queued === 1, 30_000, 'the second parse in the queue');

    const refused = await parse('# Go-live\n\n## Prepare\n\n- [ ] Freeze merges\n').response;
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: 'busy', message: expect.stringMatching(/try again/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The two accepted were not the ones refused.
    expect(running.state.answered).toBe(false);
    expect(waiting.state.answered).toBe(false);

    const [first, second] = await Promise.all([running.response, waiting.response]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.stats.items).toBe(14_000);
    expect((await pool()).refused).toBe(before + 1);
  }, 120_000);

  it('keeps serving sockets while a big parse runs: a tick reaches a watcher before the parse answers', async () => {
    await until(poolIsIdle, 30_000, 'an idle pool');
    const crew = await makeCrew();
    const watcher = connect({ token: crew.tokens.dba, baseUrl: server.baseUrl });
    try {
      await connected(watcher);
      const live = collect(watcher);
      const ack = await subscribe(watcher, crew.deployment.id, 1);
      expect(ack.ok).toBe(true);

      const big = parse(BIG);
      await until(async () => (await pool()).inFlight === 1, 30_000, 'the big parse on the pool');
      const tick = await server.request(
        'PATCH',
        `/api/deployments/${crew.deployment.id}/items/${crew.itemOf('ic').id}`,
        crew.tokens.ic,
        { status: 'done', version: 1 },
      );
      expect(tick.status).toBe(200);
      await live.until(1);
      expect(live.events[0]).toMatchObject({ type: 'item.updated' });
      // Served while the parse was still being worked on, not after it.
      expect(big.state.answered).toBe(false);
      expect((await big.response).status).toBe(200);
    } finally {
      watcher.disconnect();
    }
  }, 120_000);
});
