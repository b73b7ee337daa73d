'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { TemplateDetail as Detail } from '@/lib/contracts/templates';
import { formatUtc } from '@/lib/domain/clock';
import { plural } from '@/lib/domain/plural';
import { RedlineReview } from './redline-review';
import { ManageButtons, RenameForm } from './rename-form';
import { SinceLastRun } from './since-last-run';
import { StartDeploymentForm } from './start-deployment-form';
import { StatsRow } from './template-extras';
import { TemplateOwnersPanel } from './template-owners-panel';
import { itemsPerRole, TemplatePreview } from './template-preview';
import { TemplateTiming } from './template-timing';
import { useTemplateActions } from './use-template-actions';
import { useTemplate } from './use-templates';
import { VersionHistory } from './version-history';

/** One template: its structure, export, library actions and the form that starts a war room. */
export function TemplateDetail({ initial, now }: { initial: Detail; now: string }) {
  const router = useRouter();
  const t = useTemplate(initial);
  const [renaming, setRenaming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const actions = useTemplateActions({
    onDuplicated: (copy) => router.push(`/templates/${copy.id}`),
    onDeleted: () => router.push('/templates'),
    onDeleteRefused: (_, message) => setRefusal(message),
  });
  const counts = itemsPerRole(t.definition);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/templates" className="text-sm text-link hover:underline">
          ← Templates
        </Link>
        {renaming ? (
          <RenameForm
            name={t.name}
            pending={actions.rename.isPending}
            onCancel={() => setRenaming(false)}
            onSave={(name) => actions.rename.mutate({ id: t.id, name }, { onSuccess: () => setRenaming(false) })}
          />
        ) : (
          <h1 className="text-2xl font-bold break-words">{t.name}</h1>
        )}
        <p className="text-sm text-muted">
          <span className="tabular">Version {t.currentVersion}</span> ·{' '}
          {t.createdBy ? `Created by ${t.createdBy} · ` : ''}updated {formatUtc(new Date(t.updatedAt))} ·{' '}
          {t.deployments ? `used by ${plural(t.deployments, 'deployment')}` : 'not used yet'}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/templates/${t.id}/export.md`} download className={buttonClass('secondary')}>
            ⤓ Export to Markdown
          </a>
          <ManageButtons
            template={t}
            renaming={renaming}
            onRename={() => setRenaming(true)}
            deleteLabel="this template"
            actions={actions}
            onDeleting={() => setRefusal(null)}
          />
        </div>
        {refusal ? (
          <p
            role="alert"
            className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            ⚠ {refusal}
          </p>
        ) : null}
        {t.definition.description ? (
          <p className="max-w-3xl whitespace-pre-line text-sm text-soft">{t.definition.description.slice(0, 1200)}</p>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <StatsRow stats={t.stats} />
          <section aria-labelledby="roles-title">
            <h2 id="roles-title" className="mb-2 text-base font-semibold">
              Roles
            </h2>
            <ul className="flex flex-wrap gap-2 text-sm">
              {t.definition.roles.map((r) => (
                <li key={r.key} className="rounded-md border border-line px-2 py-1">
                  {r.name} <code className="text-xs text-faint">{r.key}</code>{' '}
                  <span className="text-xs text-faint tabular">· {plural(counts.get(r.key) ?? 0, 'item')}</span>
                </li>
              ))}
            </ul>
          </section>
          {t.canManage ? <TemplateOwnersPanel template={t} /> : null}
          <RedlineReview template={t} />
          <TemplateTiming template={t} />
          <VersionHistory template={t} />
          <TemplatePreview template={t.definition} />
        </div>
        <aside className="order-first flex flex-col gap-3 lg:order-none">
          <SinceLastRun template={t} />
          <StartDeploymentForm templateId={t.id} templateName={t.name} now={now} openRedlines={t.openRedlines} />
        </aside>
      </div>
    </div>
  );
}
