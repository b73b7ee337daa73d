'use client';

import Link from 'next/link';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { SearchField } from '@/components/ui/search-field';
import { SelectField } from '@/components/ui/select-field';
import type { TemplateListDto, TemplateSummary } from '@/lib/contracts/templates';
import { formatUtc } from '@/lib/domain/clock';
import { plural } from '@/lib/domain/plural';
import { TEMPLATE_SHOWS, templateCountLine, templateShowLabel, type TemplateShow } from '@/lib/domain/template-list';
import { ManageButtons, RenameForm } from './rename-form';
import { useTemplateActions } from './use-template-actions';
import { useTemplates } from './use-templates';

function summary(t: TemplateSummary) {
  const s = t.stats;
  return `${s.phases} phases · ${s.items} items · ${s.roles} roles · ${s.gates} gates · ${s.rules} rules`;
}

/** The library: every template (or those a search finds), with rename / duplicate / delete and a way into a new war room. */
export function TemplateLibrary({ initial }: { initial: TemplateListDto }) {
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<TemplateShow>('all');
  const {
    list: { templates, matching },
    searchedFor,
    searching,
  } = useTemplates(initial, search, show);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const actions = useTemplateActions({
    onDeleteRefused: (id, message) => setRefusals((r) => ({ ...r, [id]: message })),
  });

  if (initial.matching === 0 && matching === 0 && !search && show === 'all') {
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
    <>
      <div className="flex flex-wrap items-end gap-2">
        <SearchField
          label="Find a template"
          className="w-full sm:w-80"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Name or description"
        />
        <SelectField
          label="Show"
          value={show}
          onChoose={setShow}
          choices={TEMPLATE_SHOWS}
          labelOf={templateShowLabel}
        />
      </div>
      <p className="mt-2 mb-3 text-sm text-muted" role="status" data-testid="template-count">
        {searching ? 'Searching…' : templateCountLine(templates.length, matching, searchedFor, show)}
      </p>
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
              <Link href={`/templates/${t.id}#start`} className={buttonClass('primary')}>
                Start a deployment
              </Link>
              <Link href={`/templates/${t.id}`} className={buttonClass('ghost')}>
                Open
              </Link>
              <ManageButtons
                template={t}
                renaming={renaming === t.id}
                onRename={() => setRenaming(t.id)}
                deleteLabel={`“${t.name}”`}
                actions={actions}
                onDeleting={() => setRefusals(({ [t.id]: _, ...rest }) => rest)}
              />
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
    </>
  );
}
