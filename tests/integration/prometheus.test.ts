import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { freePort } from '../../scripts/test-env.mjs';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';

/**
 * Polling against a REAL Prometheus (the Debian `prometheus` binary), scraping a tiny exporter in
 * this process whose values the test sets. Nothing is mocked between the app and Prometheus.
 *
 * Prometheus listens on loopback, which the egress guard refuses by default: these tests run a
 * server of their own that allows it (OUTBOUND_ALLOW=127.0.0.1) on a fresh database, so its
 * poller is the one that polls.
 */

const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const exported: Record<string, number> = { test_error_rate: 0.5, test_latency_seconds: 0.25 };

let exporter: Server;
let gateway: Server;
/** What the gateway in front of Prometheus does: hang, fail with 503, or pass requests through. */
let gatewayMode: 'hang' | 'down' | 'up' = 'hang';
let prometheus: ChildProcess;
let prometheusUrl: string;
let gatewayUrl: string;
let dir: string;
let own: OwnServer;
let previousDatabaseUrl: string | undefined;
const client = (auth: { token: string }) => http({ ...auth, baseUrl: own.baseUrl });

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

async function promValue(query: string): Promise<number | null> {
  try {
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
    const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
    const value = body.data?.result?.[0]?.value?.[1];
    return value === undefined ? null : Number(value);
  } catch {
    return null;
  }
}

beforeAll(async () => {
  own = await startOwnServer({ OUTBOUND_ALLOW: '127.0.0.1' }, { freshDatabase: true });
  previousDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = own.databaseUrl;
  exporter = createServer((req, res) => {
    res.setHeader('content-type', 'text/plain; version=0.0.4');
    res.end(
      Object.entries(exported)
        .map(([name, value]) => `# TYPE ${name} gauge\n${name} ${value}\n`)
        .join(''),
    );
  });
  const exporterPort = await listen(exporter);
  gateway = createServer((req, res) => {
    if (gatewayMode === 'hang') return;
    if (gatewayMode === 'down') {
      res.statusCode = 503;
      res.end('<html>Service Unavailable</html>');
      return;
    }
    fetch(`${prometheusUrl}${req.url}`)
      .then(async (answer) => {
        res.statusCode = answer.status;
        res.setHeader('content-type', answer.headers.get('content-type') ?? 'application/json');
        res.end(await answer.text());
      })
      .catch(() => res.destroy());
  });
  gatewayUrl = `http://127.0.0.1:${await listen(gateway)}`;

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warroom-prometheus-'));
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: exporter',
      '    scrape_interval: 1s',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${exporterPort}']`,
    ].join('\n'),
  );
  const port = await freePort();
  prometheusUrl = `http://127.0.0.1:${port}`;
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  // Ready once it has scraped the exporter at least once (expect.poll is for tests, not hooks).
  const deadline = Date.now() + 60_000;
  while ((await promValue('test_error_rate')) !== 0.5) {
    if (Date.now() > deadline || prometheus.exitCode !== null)
      throw new Error(`Prometheus did not start scraping (exit code ${prometheus.exitCode}).`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 90_000);

afterAll(async () => {
  if (prometheus && prometheus.exitCode === null) {
    await new Promise<void>((resolve) => {
      prometheus.once('exit', () => resolve());
      prometheus.kill('SIGTERM');
    });
  }
  await new Promise((resolve) => exporter?.close(resolve));
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await own?.stop();
  process.env.DATABASE_URL = previousDatabaseUrl;
});

async function level(token: string, deploymentId: string): Promise<number> {
  return (await client({ token }).get(`/api/deployments/${deploymentId}`)).body.health.level;
}

async function prometheusSource(deploymentId: string) {
  return prisma.metricSource.findFirst({ where: { deploymentId, kind: 'prometheus' } });
}

describe('Prometheus source against a real Prometheus', () => {
  it(
    'polls the queries and moves the deployment across levels as the error rate moves',
    { timeout: 150_000 },
    async () => {
      const crew = await makeCrew();
      const id = crew.deployment.id;
      const ic = client({ token: crew.tokens.ic });
      // Short sustain windows keep the test quick; the decision tree's 30 s windows never fill here.
      const rules = await ic.put(`/api/deployments/${id}/rules`, {
        rules: [{ series: 'error_rate', comparison: '>', unit: '%', target: 1, warn: 3, critical: 10, sustainSec: 2 }],
      });
      expect(rules.status).toBe(200);

      const body = {
        baseUrl: prometheusUrl,
        intervalSec: 1,
        queries: { error_rate: 'test_error_rate', p95_latency: { query: 'test_latency_seconds', unit: 's' } },
      };
      expect(
        (await client({ token: crew.tokens.dba }).put(`/api/deployments/${id}/sources/prometheus`, body)).status,
      ).toBe(403);
      const saved = await ic.put(`/api/deployments/${id}/sources/prometheus`, body);
      expect(saved.status).toBe(200);
      expect(saved.body.source).toMatchObject({ kind: 'prometheus', active: true });

      const chart = async () =>
        (await ic.get(`/api/deployments/${id}/metrics`)).body.series as {
          key: string;
          unit: string;
          last: { value: number } | null;
        }[];
      await expect
        .poll(async () => (await chart()).find((s) => s.key === 'error_rate')?.last?.value, { timeout: 20_000 })
        .toBe(0.5);
      const latency = (await chart()).find((s) => s.key === 'p95_latency');
      expect(latency).toMatchObject({ unit: 's', last: { value: 0.25 } });
      expect(await level(crew.tokens.ic, id)).toBe(1);

      exported.test_error_rate = 5;
      await expect.poll(() => level(crew.tokens.ic, id), { timeout: 30_000, interval: 250 }).toBe(2);
      exported.test_error_rate = 20;
      await expect.poll(() => level(crew.tokens.ic, id), { timeout: 30_000, interval: 250 }).toBe(3);
      const state = await ic.get(`/api/deployments/${id}`);
      expect(state.body.health.reasons[0]).toMatch(/^error rate 20 % > 10 % for \d+ s$/);
      exported.test_error_rate = 0.5;
      await expect.poll(() => level(crew.tokens.ic, id), { timeout: 30_000, interval: 250 }).toBe(1);

      const changes = await prisma.event.findMany({
        where: { deploymentId: id, type: 'health.level_changed' },
        orderBy: { seq: 'asc' },
      });
      expect(changes.map((e) => (e.payload as { level: number }).level)).toEqual([2, 3, 1]);
      const source = await prometheusSource(id);
      expect(source).toMatchObject({ healthy: true, lastError: null });
      expect(source?.lastPolledAt).toBeInstanceOf(Date);

      const off = await ic.del(`/api/deployments/${id}/sources/prometheus`);
      expect(off.body).toMatchObject({ disconnected: true });
    },
  );

  it(
    'marks the source unhealthy when Prometheus is unreachable, hangs, refuses the query or fails — and healthy again on its own',
    { timeout: 90_000 },
    async () => {
      const crew = await makeCrew();
      const id = crew.deployment.id;
      const ic = client({ token: crew.tokens.ic });
      const nobody = `http://127.0.0.1:${await freePort()}`;
      const lastError = async () => (await prometheusSource(id))?.lastError ?? null;

      await ic.put(`/api/deployments/${id}/sources/prometheus`, {
        baseUrl: nobody,
        intervalSec: 1,
        queries: { error_rate: 'test_error_rate' },
      });
      await expect.poll(lastError, { timeout: 15_000 }).toMatch(/^error_rate: connection refused by 127\.0\.0\.1:\d+$/);
      const listed = await client({ token: crew.tokens.stakeholder }).get(`/api/deployments/${id}/sources`);
      expect(listed.body.sources[0]).toMatchObject({
        kind: 'prometheus',
        healthy: false,
        lastError: expect.stringMatching(/connection refused/),
      });
      expect(listed.body.sources[0].config).toBeUndefined();

      gatewayMode = 'hang';
      await ic.put(`/api/deployments/${id}/sources/prometheus`, {
        baseUrl: gatewayUrl,
        intervalSec: 1,
        timeoutMs: 300,
        queries: { error_rate: 'test_error_rate' },
      });
      await expect.poll(lastError, { timeout: 15_000 }).toMatch(/no answer from 127\.0\.0\.1:\d+ within 300 ms/);

      await ic.put(`/api/deployments/${id}/sources/prometheus`, {
        baseUrl: prometheusUrl,
        intervalSec: 1,
        queries: { error_rate: 'sum(test_error_rate' },
      });
      await expect.poll(lastError, { timeout: 15_000 }).toMatch(/Prometheus refused the query \(bad_data/);

      // Saving clears the source's health; from there it must fail and recover on its own.
      gatewayMode = 'down';
      await ic.put(`/api/deployments/${id}/sources/prometheus`, {
        baseUrl: gatewayUrl,
        intervalSec: 1,
        queries: { error_rate: 'test_error_rate' },
      });
      await expect
        .poll(lastError, { timeout: 15_000 })
        .toMatch(/HTTP 503 from 127\.0\.0\.1:\d+, not a Prometheus answer/);
      expect((await prometheusSource(id))?.healthy).toBe(false);
      const flipsBefore = await prisma.event.count({
        where: { deploymentId: id, type: 'metrics.source_changed', actorId: null },
      });
      gatewayMode = 'up';
      await expect.poll(async () => (await prometheusSource(id))?.healthy, { timeout: 15_000 }).toBe(true);
      expect(await lastError()).toBeNull();

      const flips = await prisma.event.findMany({
        where: { deploymentId: id, type: 'metrics.source_changed', actorId: null },
        orderBy: { seq: 'asc' },
      });
      expect(flips).toHaveLength(flipsBefore + 1);
      expect(flips.at(-2)?.payload).toMatchObject({
        healthy: false,
        summary: expect.stringMatching(/^Prometheus is failing: error_rate: HTTP 503/),
      });
      expect(flips.at(-1)?.payload).toMatchObject({ healthy: true, summary: 'Prometheus answers again' });
    },
  );

  it('refuses a bad source configuration with 422', async () => {
    const crew = await makeCrew();
    const ic = client({ token: crew.tokens.ic });
    const path = `/api/deployments/${crew.deployment.id}/sources/prometheus`;
    for (const body of [
      { baseUrl: 'ftp://prom', queries: { error_rate: 'x' } },
      { baseUrl: prometheusUrl, queries: {} },
      { baseUrl: prometheusUrl, intervalSec: 0, queries: { error_rate: 'x' } },
      { baseUrl: prometheusUrl, queries: { 'bad key': 'x' } },
    ]) {
      const res = await ic.put(path, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    // One GET per query per poll: six queries every second would be six requests a second.
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => [key, 'up']));
    const flood = await ic.put(path, { baseUrl: prometheusUrl, intervalSec: 1, queries: six });
    expect(flood.status).toBe(422);
    expect(flood.body.error.message).toBe(
      'intervalSec: 6 queries every 1 s is more than 5 requests a second to Prometheus: poll every 2 s or more, or use fewer queries',
    );
    // The listed loopback address is open; the one beside it is not.
    const beside = await ic.put(path, {
      baseUrl: prometheusUrl.replace('127.0.0.1', '[::1]'),
      queries: { error_rate: 'x' },
    });
    expect(beside.body.error).toMatchObject({
      code: 'outbound_refused',
      message: '::1 is a loopback address; set OUTBOUND_ALLOW to allow it',
    });
    expect(await prometheusSource(crew.deployment.id)).toBeNull();
  });
});
