/**
 * The `route` label of the HTTP metrics: the path with ids and tokens folded to placeholders, so
 * `/api/deployments/ck…/items/ck…` is one series and a share token never reaches Prometheus.
 */
const ID = /^(?=.*\d)[A-Za-z0-9_-]{16,}$/;

export function routeLabel(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] || '/';
  if (path.startsWith('/_next/')) return '/_next';
  const segments = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < segments.length && i < 8; i++) {
    const segment = segments[i];
    out.push(segments[i - 1] === 'status' || ID.test(segment) ? ':id' : segment.length > 40 ? ':long' : segment);
  }
  return `/${out.join('/')}`;
}
