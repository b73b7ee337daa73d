import Link from 'next/link';
import { TopNav } from '@/components/layout/top-nav';
import { ImportRunbook } from '@/components/templates/import-runbook';
import { requirePageActor } from '@/lib/server/auth/page-actor';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Import a runbook · War Room' };

export default async function ImportPage() {
  const actor = await requirePageActor('/import');
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="mb-1 text-2xl font-bold">Import a runbook</h1>
        <p className="mb-6 max-w-3xl text-sm text-muted">
          Bring the Markdown runbook you already have. Check what the war room understood, fix the roles, and save it as
          a template in the{' '}
          <Link href="/templates" className="text-link underline">
            library
          </Link>
          .
        </p>
        <ImportRunbook />
      </main>
    </>
  );
}
