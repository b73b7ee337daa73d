import type { DeploymentListQuery } from '@/lib/contracts/deployments';

/**
 * A Deployments list query as a query string, defaults left out ('' for the newest page of
 * everything): the page's own links (`/deployments?…`) and the API it reads live (`/api/deployments?…`)
 * are asked the same way.
 */
export function listSearchOf({ q, kind, finishedOffset }: DeploymentListQuery): string {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (kind !== 'all') query.set('kind', kind);
  if (finishedOffset) query.set('finishedOffset', String(finishedOffset));
  return query.toString();
}
