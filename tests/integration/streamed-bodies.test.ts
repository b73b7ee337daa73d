import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { prisma } from '@/lib/server/db';
import { baseUrl } from '../support/http';

/**
 * Sends `body` in chunks with no Content-Length (Transfer-Encoding: chunked), as a client that
 * streams does, and returns the answer. The chunks go out as fast as the socket takes them.
 */
function sendChunked(
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl());
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', origin: url.origin, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    // The server may answer (and close) before the whole body is sent: that is the point.
    request.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(error),
    );
    const piece = 64 * 1024;
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + piece);
        offset += piece;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

const eightMegabytesOfJson = () =>
  Buffer.from(JSON.stringify({ email: 'big@example.com', password: 'x'.repeat(8 * 1024 * 1024) }));

describe('bodies streamed without a declared length', () => {
  it('an 8 MB chunked body to the sign-in route is refused with 413 payload_too_large', async () => {
    const answer = await sendChunked('/api/auth/sign-in/email', eightMegabytesOfJson());
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('an 8 MB chunked body to an API route is refused with 413 and stores nothing', async () => {
    const before = await prisma.template.count();
    const body = Buffer.from(
      JSON.stringify({ name: 'Huge', definition: { phases: [], filler: 'x'.repeat(8 * 1024 * 1024) } }),
    );
    const answer = await sendChunked('/api/templates', body, { authorization: `Bearer ${inject('adminToken')}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await prisma.template.count()).toBe(before);
  });

  it('a small chunked body reaches its route whole', async () => {
    const answer = await sendChunked(
      '/api/auth/sign-in/email',
      Buffer.from(JSON.stringify({ email: 'nobody@example.com', password: 'not-a-real-password' })),
    );
    // better-auth read the whole body and judged the credentials: not a 413, not a parse error.
    expect(answer.status).toBe(401);
  });
});
