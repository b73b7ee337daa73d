import { describe, expect, inject, it } from 'vitest';

/** A fetch with no session and no token, that reports a redirect instead of following it. */
const anonymous = (path: string) => fetch(`${inject('baseUrl')}${path}`, { redirect: 'manual' });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the files in public/, for anyone who is not signed in', () => {
  it('serves the favicon, the manifest and robots.txt with their content types', async () => {
    const expected = {
      '/favicon.svg': 'image/svg+xml',
      '/manifest.webmanifest': 'application/manifest+json',
      '/robots.txt': 'text/plain',
      '/apple-touch-icon.png': 'image/png',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await anonymous(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type'), path).toContain(type);
    }
    expect(await (await anonymous('/favicon.svg')).text()).toMatch(/^<svg /);
    expect(pngSize(Buffer.from(await (await anonymous('/apple-touch-icon.png')).arrayBuffer()))).toEqual({
      width: 180,
      height: 180,
    });
  });

  it('has a manifest a phone can install: name, theme colour and every icon it lists, at its size', async () => {
    const manifest = await (await anonymous('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({
      name: 'War Room',
      short_name: 'War Room',
      display: 'standalone',
      start_url: '/deployments',
      theme_color: '#0b1220',
    });
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const response = await anonymous(icon.src);
      expect({ src: icon.src, status: response.status, type: response.headers.get('content-type') }).toEqual({
        src: icon.src,
        status: 200,
        type: expect.stringContaining(icon.type),
      });
      if (icon.type !== 'image/png') continue;
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(Buffer.from(await response.arrayBuffer())), icon.src).toEqual({ width, height });
    }
  });

  it('keeps status pages and invitation links out of search engines: robots.txt and an X-Robots-Tag', async () => {
    const robots = await (await anonymous('/robots.txt')).text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/status\/$/m);
    const status = await anonymous('/status/ws_not-a-real-token');
    expect(status.headers.get('x-robots-tag')).toContain('noindex');
    const invite = await anonymous('/invite/not-a-real-invitation');
    expect(invite.headers.get('x-robots-tag')).toContain('noindex');
    expect(invite.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('links them from every page', async () => {
    const html = await (await anonymous('/sign-in')).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(html).toMatch(/<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png" sizes="180x180"/);
    expect(html).toMatch(/<meta name="theme-color" content="#0b1220"/);
  });
});
