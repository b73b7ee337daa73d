import { inject } from 'vitest';

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/**
 * A tiny client for the real server (or, with `baseUrl`, a server of the test's own): bearer
 * token or cookie, JSON in and out. With a cookie it says where it comes from, as a browser on
 * our own pages does (a cookie write that says nothing is refused); `headers` may say otherwise.
 */
export function http(auth?: { token?: string; cookie?: string; baseUrl?: string }) {
  const baseUrl = auth?.baseUrl ?? inject('baseUrl');
  const request = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(auth?.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth?.cookie ? { cookie: auth.cookie, origin: baseUrl } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. Markdown)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => request<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('POST', path, body ?? {}, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('PUT', path, body ?? {}, headers),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('PATCH', path, body, headers),
    del: <T = any>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, undefined, headers),
    raw: request,
  };
}

export function baseUrl() {
  return inject('baseUrl');
}

/** Signs in through better-auth's HTTP endpoint and returns the session cookie. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookies.join('; ');
}
