import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedDatabaseUrlFile, publishEmbeddedDatabaseUrl, resolveDatabaseUrl } from '@/lib/server/embedded-db';

// What `npm run token:create` connects to: DATABASE_URL, else the running server's embedded database.
describe('resolveDatabaseUrl', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warroom-data-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prefers DATABASE_URL', () => {
    const dir = dataDir();
    publishEmbeddedDatabaseUrl(dir, 'postgresql://postgres:postgres@127.0.0.1:5555/postgres?sslmode=disable');
    expect(resolveDatabaseUrl('postgresql://db/warroom', dir)).toEqual({
      url: 'postgresql://db/warroom',
      embedded: false,
    });
  });

  it('finds the address a running server published, and nothing once it withdrew it', () => {
    const dir = dataDir();
    const url = 'postgresql://postgres:postgres@127.0.0.1:5555/postgres?sslmode=disable';
    const withdraw = publishEmbeddedDatabaseUrl(dir, url);
    expect(resolveDatabaseUrl(undefined, dir)).toEqual({ url, embedded: true });
    withdraw();
    expect(fs.existsSync(embeddedDatabaseUrlFile(dir))).toBe(false);
    expect(resolveDatabaseUrl(undefined, dir)).toBeNull();
  });

  it('leaves a newer server’s address in place when an older one withdraws', () => {
    const dir = dataDir();
    const withdrawOld = publishEmbeddedDatabaseUrl(dir, 'postgresql://postgres:postgres@127.0.0.1:5555/postgres');
    publishEmbeddedDatabaseUrl(dir, 'postgresql://postgres:postgres@127.0.0.1:6666/postgres');
    withdrawOld();
    expect(resolveDatabaseUrl(undefined, dir)?.url).toBe('postgresql://postgres:postgres@127.0.0.1:6666/postgres');
  });

  it('is null with no DATABASE_URL and no server (or no data folder at all)', () => {
    expect(resolveDatabaseUrl(undefined, dataDir())).toBeNull();
    expect(resolveDatabaseUrl(undefined, path.join(dataDir(), 'missing'))).toBeNull();
  });
});
