import Link from 'next/link';
import { TopNav } from '@/components/layout/top-nav';
import { TemplateLibrary } from '@/components/templates/template-library';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listTemplates } from '@/lib/server/templates/list-templates';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Templates · War Room' };

export default async function TemplatesPage() {
  const actor = await requirePageActor('/templates');
  const templates = await listTemplates(actor);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-5xl px-4 py-6">
        <div className="mb-6 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">Templates</h1>
          <Link
            href="/import"
            className="ml-auto inline-flex min-h-9 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
          >
            Import a runbook
          </Link>
        </div>
        <TemplateLibrary initial={templates} />
      </main>
    </>
  );
}
