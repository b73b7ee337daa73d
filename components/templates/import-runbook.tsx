'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ApiError } from '@/lib/client/api';
import { plural } from '@/lib/domain/plural';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { carryHandEdits } from '@/lib/domain/template-owners-carry';
import { OwnerEditor } from './owner-editor';
import { RoleMappingEditor, isValidKey, withRoleNames, type RoleMappingState } from './role-mapping-editor';
import { RunbookSource } from './runbook-source';
import { StatsRow } from './template-extras';
import { itemsPerRole, TemplatePreview } from './template-preview';
import {
  MAX_RUNBOOK_BYTES,
  useCreateTemplate,
  useParseRunbook,
  type ParseResponse,
  type RunbookWarning,
} from './use-runbook-import';

type Problem = { message: string; warnings: RunbookWarning[] };

/**
 * Import: paste or drop a Markdown runbook → preview (nothing stored) → fix the role mapping and
 * re-parse → create the template. The mapping lives here across re-parses; role names the user
 * typed are applied to the preview sent to `POST /api/templates`.
 */
export function ImportRunbook() {
  const sourceRef = useRef<HTMLTextAreaElement>(null);
  const previewRef = useRef<HTMLElement>(null);
  const [markdown, setMarkdown] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<RoleMappingState>({ mapping: {}, names: {} });
  const [result, setResult] = useState<ParseResponse | null>(null);
  const [parsedWith, setParsedWith] = useState<{ markdown: string; mapping: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Owners moved by hand, roles added or removed: the preview as edited. A re-parse keeps the
  // owners set by hand on the steps it finds again, and the roles added by hand (carryHandEdits).
  const [edited, setEdited] = useState<TemplateDefinition | null>(null);
  const [carried, setCarried] = useState<{ kept: number; lost: number } | null>(null);

  const parse = useParseRunbook({
    onSuccess: (data, input) => {
      const carry = edited && result ? carryHandEdits(result.template, edited, data.template) : null;
      const keeps = carry && (carry.kept > 0 || carry.template.roles.length > data.template.roles.length);
      setResult(data);
      setEdited(keeps ? carry.template : null);
      setCarried(carry && (carry.kept > 0 || carry.lost > 0) ? { kept: carry.kept, lost: carry.lost } : null);
      setProblem(null);
      setParsedWith({ markdown: input.markdown, mapping: JSON.stringify(input.mapping) });
      if (!name.trim()) setName(data.template.name);
      // On a phone the preview is below the source: bring it into view, but never yank a desktop.
      requestAnimationFrame(() => {
        const top = previewRef.current?.getBoundingClientRect().top ?? 0;
        if (top > window.innerHeight * 0.8) previewRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    },
    onError: (error) => {
      setResult(null);
      setParsedWith(null);
      const warnings =
        error instanceof ApiError && Array.isArray(error.details.warnings)
          ? (error.details.warnings as RunbookWarning[])
          : [];
      setProblem({ message: error.message, warnings });
    },
  });

  const create = useCreateTemplate();
  // Edited by hand: store the edited preview itself (with its source) instead of re-parsing.
  const createFromPreview = () => {
    const title = name.trim() || result!.template.name;
    create.mutate(
      edited
        ? {
            kind: 'edited',
            template: { ...withRoleNames(edited, cleanNames(roles.names)), name: title },
            sourceMarkdown: parsedWith!.markdown,
          }
        : {
            kind: 'markdown',
            fields: {
              markdown: parsedWith!.markdown,
              roleMapping: JSON.parse(parsedWith!.mapping),
              roleNames: cleanNames(roles.names),
              name: title,
            },
          },
    );
  };

  const tooBig = new Blob([markdown]).size > MAX_RUNBOOK_BYTES;
  const preview = (text = markdown) => {
    if (new Blob([text]).size > MAX_RUNBOOK_BYTES) return;
    parse.mutate({ markdown: text, mapping: roles.mapping });
  };
  const loadFile = async (file: File) => {
    if (file.size > MAX_RUNBOOK_BYTES) {
      setProblem({
        message: `“${file.name}” is larger than 1 MB. Split the runbook into smaller files.`,
        warnings: [],
      });
      return;
    }
    const text = await file.text();
    setMarkdown(text);
    preview(text);
  };
  const jumpTo = (line: number) => {
    const area = sourceRef.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  const stale =
    result !== null &&
    parsedWith !== null &&
    (parsedWith.markdown !== markdown || parsedWith.mapping !== JSON.stringify(roles.mapping));
  const mappingValid = Object.values(roles.mapping).every(isValidKey);
  const warnings = result?.warnings ?? problem?.warnings ?? [];
  const working = edited ?? result?.template ?? null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="source-title" className="flex min-w-0 flex-col gap-3">
        <h2 id="source-title" className="text-lg font-semibold">
          1. Your runbook
        </h2>
        <RunbookSource ref={sourceRef} value={markdown} onChange={setMarkdown} onFile={loadFile} tooBig={tooBig} />
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="button"
            variant="primary"
            onClick={() => preview()}
            disabled={!markdown.trim() || tooBig || parse.isPending}
          >
            {parse.isPending ? 'Reading…' : result ? 'Preview again' : 'Preview'}
          </Button>
          <span className="text-xs text-faint">Nothing is saved until you create the template.</span>
        </div>
        {problem ? (
          <div
            role="alert"
            className="rounded-md border border-red-400 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            ⚠ {problem.message}
          </div>
        ) : null}
        {warnings.length ? (
          <section
            aria-labelledby="warnings-title"
            className="rounded-md border border-amber-400/70 p-3"
            data-testid="import-warnings"
          >
            <h3 id="warnings-title" className="mb-2 text-sm font-semibold">
              ▲ {plural(warnings.length, 'warning')} — what could not be understood
            </h3>
            <ul className="flex flex-col gap-1 text-sm">
              {warnings.map((w, i) => (
                <li key={i} className="flex gap-2">
                  <button
                    type="button"
                    onClick={() => jumpTo(w.line)}
                    className="shrink-0 font-mono text-xs text-link underline tabular"
                    title="Show this line"
                  >
                    line {w.line}
                  </button>
                  <span>{w.message}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>

      <section ref={previewRef} aria-labelledby="preview-title" className="flex min-w-0 scroll-mt-4 flex-col gap-4">
        <h2 id="preview-title" className="text-lg font-semibold">
          2. Preview
        </h2>
        {!result ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-faint dark:border-slate-700">
            Paste a runbook (or drop a .md file) and press Preview. Task lines (<code>- [ ]</code>) become checklist
            items, headings become phases and sections, sign-off tables become gates, metric tables become rules.
          </p>
        ) : (
          <>
            <StatsRow stats={result.stats} />
            <label className="flex flex-col gap-1 text-sm">
              Template name
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={200}
                className="min-h-9 rounded-md border border-line-strong bg-surface px-3"
              />
              <span className="text-xs text-faint">
                This creates a separate template. A new edition of a runbook already in the library goes into that
                template instead: open it and choose “Import a new version”, so its history shows what changed.
              </span>
            </label>
            <section aria-labelledby="roles-title" className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id="roles-title" className="text-base font-semibold">
                  Roles
                </h3>
                <Button
                  type="button"
                  onClick={() => preview()}
                  disabled={!stale || !mappingValid || parse.isPending}
                  className="ml-auto"
                >
                  Re-parse with this mapping
                </Button>
              </div>
              <RoleMappingEditor
                roles={result.template.roles}
                itemCounts={itemsPerRole(working!)}
                state={roles}
                onChange={setRoles}
              />
            </section>
            {carried ? <CarriedNote {...carried} /> : null}
            <OwnerEditor template={withRoleNames(working!, roles.names)} onChange={setEdited} />
            <CreateBar stale={stale} pending={create.isPending} onCreate={createFromPreview} name={name} />
            <TemplatePreview template={withRoleNames(working!, roles.names)} />
          </>
        )}
      </section>
    </div>
  );
}

function cleanNames(names: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(names)
      .filter(([, v]) => v.trim())
      .map(([k, v]) => [k, v.trim()]),
  );
}

/** After a re-parse: whether the owners set by hand survived it. */
function CarriedNote({ kept, lost }: { kept: number; lost: number }) {
  const steps = (n: number) => plural(n, 'step');
  return (
    <p role="status" data-testid="carried-owners" className="text-sm text-muted">
      {kept > 0 ? `Kept the owners you set by hand for ${steps(kept)}.` : null}
      {kept > 0 && lost > 0 ? ' ' : null}
      {lost > 0
        ? `${steps(lost)} you had set by hand could not be found again (the step or its role changed): check the owners below.`
        : null}
    </p>
  );
}

function CreateBar({
  stale,
  pending,
  onCreate,
  name,
}: {
  stale: boolean;
  pending: boolean;
  onCreate: () => void;
  name: string;
}) {
  return (
    <div className="sticky bottom-2 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 p-3 shadow dark:border-slate-700 dark:bg-slate-900/95">
      <Button type="button" variant="primary" onClick={onCreate} disabled={stale || pending || !name.trim()}>
        {pending ? 'Creating…' : 'Create template'}
      </Button>
      <span className={cn('text-sm text-muted', stale ? '' : 'hidden sm:inline')} role="status">
        {stale ? 'The runbook or the mapping changed: re-parse before creating.' : 'Creates the template shown below.'}
      </span>
    </div>
  );
}
