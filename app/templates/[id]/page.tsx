import { notFound } from 'next/navigation';
import { TopNav } from '@/components/layout/top-nav';
import { TemplateDetail } from '@/components/templates/template-detail';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { isAppError } from '@/lib/server/errors';
import { getTemplate } from '@/lib/server/templates/get-template';

export const dynamic = 'force-dynamic';

async function load(actor: Awaited<ReturnType<typeof requirePageActor>>, id: string) {
  try {
    return await getTemplate(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'invalid_body')) notFound();
    throw error;
  }
}

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/templates/${id}`);
  const template = await load(actor, id);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <TemplateDetail initial={template} now={new Date().toISOString()} />
      </main>
    </>
  );
}
