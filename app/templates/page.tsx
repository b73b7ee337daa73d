import Link from 'next/link';
import { TopNav } from '@/components/layout/top-nav';
import { TemplateLibrary } from '@/components/templates/template-library';
import { buttonClass } from '@/components/ui/button';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listTemplates } from '@/lib/server/templates/list-templates';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Templates · War Room' };

export default async function TemplatesPage() {
  const actor = await requirePageActor('/templates');
  const library = await listTemplates(actor);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-5xl px-4 py-6">
        <div className="mb-6 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">Templates</h1>
          <Link href="/import" className={buttonClass('primary', 'ml-auto')}>
            Import a runbook
          </Link>
        </div>
        <TemplateLibrary initial={library} />
      </main>
    </>
  );
}
