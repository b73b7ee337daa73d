import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { SearchField } from '@/components/ui/search-field';
import { SelectField } from '@/components/ui/select-field';
import type { DeploymentListQuery } from '@/lib/contracts/deployments';
import { DEPLOYMENT_KINDS, deploymentKindLabel } from '@/lib/domain/deployment-kind';
import { listUrlOf } from '@/lib/domain/deployment-list-query';

/** The list's address for a query (the newest page of everything by default). */
const listHref = (query: DeploymentListQuery) => listUrlOf('/deployments', query);

/** Older and newer pages of finished go-lives (the server sends a page at a time), keeping the search. */
export function FinishedPages({ query, next }: { query: DeploymentListQuery; next: number | null }) {
  if (query.finishedOffset === 0 && next === null) return null;
  const link = buttonClass('secondary');
  return (
    <nav aria-label="Finished go-lives" className="mt-4 flex flex-wrap gap-2">
      {query.finishedOffset > 0 ? (
        <Link href={listHref({ ...query, finishedOffset: 0 })} className={link}>
          Newest go-lives
        </Link>
      ) : null}
      {next !== null ? (
        <Link href={listHref({ ...query, finishedOffset: next })} className={link}>
          Older go-lives
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * "What did we do for payments last quarter?": a plain form the server answers, so it works
 * before the page has hydrated and its address can be shared.
 */
export function FindGoLives({ q, kind }: DeploymentListQuery) {
  return (
    <form role="search" action="/deployments" className="mb-6 flex flex-wrap items-end gap-2">
      <SearchField
        label="Find a go-live"
        name="q"
        defaultValue={q}
        placeholder="Name, version or environment"
        className="w-full sm:w-80"
      />
      <SelectField
        label="Show"
        name="kind"
        defaultValue={kind}
        choices={DEPLOYMENT_KINDS}
        labelOf={deploymentKindLabel}
      />
      <Button type="submit">Find</Button>
      {q || kind !== 'all' ? (
        <Link href="/deployments" className={buttonClass('ghost')}>
          Show all
        </Link>
      ) : null}
    </form>
  );
}
