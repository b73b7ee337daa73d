import type { DeploymentListQuery } from '@/lib/contracts/deployments';
import { withQuery } from './query-string';

/**
 * `path` asked for a Deployments list query, defaults left out (`path` alone for the newest page
 * of everything): the page's own links (`/deployments?…`) and the API it reads live
 * (`/api/deployments?…`) are asked the same way.
 */
export function listUrlOf(path: string, { q, kind, finishedOffset }: DeploymentListQuery): string {
  return withQuery(path, { q, kind: kind === 'all' ? undefined : kind, finishedOffset: finishedOffset || undefined });
}
