'use client';

import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { formatUtc } from '@/lib/domain/clock';
import { ImportVersionForm } from './import-version-form';
import { useTemplateVersions } from './use-template-versions';
import { VersionDiff } from './version-diff';

const select = 'min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm tabular';

/**
 * The template's versions, newest first: who made each, when and why, and a side-by-side diff of
 * any two. Owners import the runbook again here to make the next version.
 */
export function VersionHistory({ template }: { template: TemplateDetail }) {
  const versions = useTemplateVersions(template.id);
  const current = template.currentVersion;
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const numbers = versions.data?.map((v) => v.version) ?? [current];

  return (
    // No accessible name on purpose: the start form's release "Version" field must stay the only
    // thing labelled "version" on this page (getByLabel, screen readers' form lists).
    <section data-testid="version-history" className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">
        Versions <span className="text-sm font-normal text-muted tabular">· now version {current}</span>
      </h2>
      <p className="text-sm text-muted">
        Every change to this template is a new version; a deployment keeps the version it was created from.
      </p>
      {template.canManage ? <ImportVersionForm template={template} /> : null}
      {versions.isError ? (
        <p role="alert" className="text-sm text-danger">
          {versions.error.message}
        </p>
      ) : null}
      <ol className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
        {(versions.data ?? []).map((v) => (
          <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium break-words">
                <span className="tabular">Version {v.version}</span>
                {v.summary ? <span className="font-normal"> — {v.summary}</span> : null}
                {v.version === current ? (
                  <span className="ml-2 text-xs whitespace-nowrap text-ok">✓ current</span>
                ) : null}
              </p>
              <p className="text-xs text-muted tabular">
                {v.createdBy ? `${v.createdBy} · ` : ''}
                {formatUtc(new Date(v.createdAt))}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-1">
              {v.version > 1 ? (
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => setCompare({ from: v.version - 1, to: v.version })}
                >
                  What changed<span className="sr-only"> in version {v.version}</span>
                </Button>
              ) : null}
              <a
                href={`/api/templates/${template.id}/export.md?version=${v.version}`}
                download
                className={buttonClass('ghost')}
              >
                ⤓ Markdown<span className="sr-only"> of version {v.version}</span>
              </a>
            </div>
          </li>
        ))}
      </ol>
      {numbers.length > 1 ? (
        <div className="flex flex-wrap items-end gap-2 text-sm">
          <span className="self-center text-muted">Compare</span>
          <label className="flex flex-col gap-1">
            From
            <select
              className={select}
              value={compare?.from ?? numbers[1]}
              onChange={(e) => setCompare({ from: Number(e.target.value), to: compare?.to ?? numbers[0] })}
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            To
            <select
              className={select}
              value={compare?.to ?? numbers[0]}
              onChange={(e) => setCompare({ from: compare?.from ?? numbers[1], to: Number(e.target.value) })}
            >
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {!compare ? (
            <Button type="button" onClick={() => setCompare({ from: numbers[1], to: numbers[0] })}>
              Compare
            </Button>
          ) : (
            <Button type="button" variant="ghost" onClick={() => setCompare(null)}>
              Hide the comparison
            </Button>
          )}
        </div>
      ) : null}
      {compare ? <VersionDiff templateId={template.id} from={compare.from} to={compare.to} /> : null}
    </section>
  );
}
