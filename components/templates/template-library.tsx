'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TemplateSummary } from '@/lib/contracts/templates';
import { formatUtc } from '@/lib/domain/clock';
import { plural } from '@/lib/domain/plural';
import { DeleteButton, RenameForm } from './rename-form';
import { useTemplateActions } from './use-template-actions';
import { useTemplates } from './use-templates';

function summary(t: TemplateSummary) {
  const s = t.stats;
  return `${s.phases} phases · ${s.items} items · ${s.roles} roles · ${s.gates} gates · ${s.rules} rules`;
}

/** The library: every template, with rename / duplicate / delete and a way into a new war room. */
export function TemplateLibrary({ initial }: { initial: TemplateSummary[] }) {
  const templates = useTemplates(initial);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const actions = useTemplateActions({
    onDeleteRefused: (id, message) => setRefusals((r) => ({ ...r, [id]: message })),
  });

  if (templates.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-muted dark:border-slate-700">
        No templates yet.{' '}
        <Link href="/import" className="text-link underline">
          Import a runbook
        </Link>{' '}
        to make the first one.
      </p>
    );
  }

  return (
    <ul className="flex flex-col gap-3" data-testid="template-list">
      {templates.map((t) => (
        <li key={t.id} className="rounded-lg border border-line bg-surface p-4" data-testid="template-card">
          {renaming === t.id ? (
            <RenameForm
              name={t.name}
              pending={actions.rename.isPending}
              onCancel={() => setRenaming(null)}
              onSave={(name) => actions.rename.mutate({ id: t.id, name }, { onSuccess: () => setRenaming(null) })}
            />
          ) : (
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <Link href={`/templates/${t.id}`} className="text-base font-semibold hover:underline">
                {t.name}
              </Link>
              <span className="text-xs text-faint">
                {t.deployments ? `used by ${plural(t.deployments, 'deployment')}` : 'not used yet'}
              </span>
            </div>
          )}
          <p className="mt-1 text-sm text-muted tabular">{summary(t)}</p>
          <p className="mt-1 text-xs text-faint">
            {t.createdBy ? `by ${t.createdBy} · ` : ''}updated {formatUtc(new Date(t.updatedAt))}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Link
              href={`/templates/${t.id}#start`}
              className="inline-flex min-h-9 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
            >
              Start a deployment
            </Link>
            <Link
              href={`/templates/${t.id}`}
              className="inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium hover:bg-subtle"
            >
              Open
            </Link>
            {t.canManage && renaming !== t.id ? (
              <Button type="button" variant="ghost" onClick={() => setRenaming(t.id)}>
                Rename
              </Button>
            ) : null}
            <Button
              type="button"
              variant="ghost"
              onClick={() => actions.duplicate.mutate(t.id)}
              disabled={actions.duplicate.isPending}
            >
              Duplicate
            </Button>
            {t.canManage ? (
              <DeleteButton
                label={`“${t.name}”`}
                pending={actions.remove.isPending}
                onConfirm={() => {
                  setRefusals(({ [t.id]: _, ...rest }) => rest);
                  actions.remove.mutate(t.id);
                }}
              />
            ) : null}
          </div>
          {refusals[t.id] ? (
            <p
              role="alert"
              className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            >
              ⚠ {refusals[t.id]}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
