import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fingerprint, makePeople, makeRoom, type People } from '../support/authorization-matrix';
import { baseUrl, http, signIn } from '../support/http';

let people: People;
let cookie: string;
beforeAll(async () => {
  people = await makePeople(inject('adminToken'));
  cookie = await signIn(people.users.ic.email, people.users.ic.password);
});

const post = (path: string, headers: Record<string, string>, body = JSON.stringify({ message: 'csrf?' })) =>
  fetch(`${baseUrl()}${path}`, { method: 'POST', headers, body }).then(async (r) => ({
    status: r.status,
    body: await r.json().catch(() => null),
  }));

describe('cross-site writes and token auth', () => {
  it('a non-Bearer Authorization header does not skip the Origin check', async () => {
    const crew = await makeRoom(people);
    const before = await fingerprint(crew);
    for (const authorization of [
      'Basic Zm9vOmJhcg==',
      'Bearer',
      'Bearer ',
      'Token abc',
      'whatever',
      `Bearer ${people.tokens.ic} extra`,
    ]) {
      const res = await post(crew.url('/status-updates'), {
        cookie,
        authorization,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      });
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 403 });
    }
    expect(await fingerprint(crew)).toBe(before);
  });

  it('a non-Bearer Authorization header never falls back to the cookie session', async () => {
    const crew = await makeRoom(people);
    const before = await fingerprint(crew);
    for (const authorization of ['Basic Zm9vOmJhcg==', 'Bearer', 'Token abc']) {
      const res = await post(crew.url('/status-updates'), {
        cookie,
        authorization,
        origin: baseUrl(),
        'content-type': 'application/json',
      });
      expect({ authorization, status: res.status, code: res.body?.error?.code }).toEqual({
        authorization,
        status: 401,
        code: 'unauthenticated',
      });
      const read = await fetch(`${baseUrl()}/api/me`, { headers: { cookie, authorization } });
      expect({ authorization, status: read.status }).toEqual({ authorization, status: 401 });
    }
    expect(await fingerprint(crew)).toBe(before);
  });

  it('a valid Bearer token needs no Origin, and the cookie alone still works from our own pages', async () => {
    const crew = await makeRoom(people);
    expect(
      (
        await post(crew.url('/status-updates'), {
          authorization: `Bearer ${people.tokens.ic}`,
          origin: 'https://ci.example',
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(crew.url('/status-updates'), { cookie, origin: baseUrl(), 'content-type': 'application/json' }))
        .status,
    ).toBe(201);
  });

  it('a JSON route answers 415 to any other Content-Type and changes nothing', async () => {
    const crew = await makeRoom(people);
    const before = await fingerprint(crew);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'text/json',
    ]) {
      const bySession = await post(crew.url('/status-updates'), { cookie, origin: baseUrl(), 'content-type': type });
      expect({ type, status: bySession.status, code: bySession.body?.error?.code }).toEqual({
        type,
        status: 415,
        code: 'unsupported_media_type',
      });
      const byToken = await post(crew.url('/status-updates'), {
        authorization: `Bearer ${people.tokens.ic}`,
        'content-type': type,
      });
      expect({ type, status: byToken.status }).toEqual({ type, status: 415 });
    }
    expect(await fingerprint(crew)).toBe(before);
    expect(
      (
        await post(crew.url('/status-updates'), {
          authorization: `Bearer ${people.tokens.ic}`,
          'content-type': 'application/json; charset=utf-8',
        })
      ).status,
    ).toBe(201);
    expect(
      (await http({ token: people.tokens.ic! }).post(crew.url('/status-updates'), { message: 'plain json' })).status,
    ).toBe(201);
  });
});
