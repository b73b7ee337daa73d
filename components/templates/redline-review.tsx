'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { RedlineDto } from '@/lib/contracts/redlines';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { formatUtc } from '@/lib/domain/clock';
import { useAcceptRedlines, useOpenRedlines, useRejectRedline } from './use-redlines';

const KIND_WORDS = { edit: 'Change', add: 'Add a step after', remove: 'Remove' } as const;

function PatchLines({ redline }: { redline: RedlineDto }) {
  const p = redline.patch;
  const lines = [
    p.title !== undefined && ['Title', p.title],
    p.command !== undefined && ['Command', p.command ?? '(none)'],
    p.expected !== undefined && ['Expected output', p.expected ?? '(none)'],
    p.plannedDurationMin !== undefined && ['Phase planned duration', `${p.plannedDurationMin ?? '—'} min`],
  ].filter(Boolean) as [string, string][];
  if (!lines.length) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-sm">
      {lines.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="break-words font-mono text-xs leading-5">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function RedlineRow({
  redline,
  selected,
  onSelect,
  templateId,
}: {
  redline: RedlineDto;
  selected: boolean;
  onSelect: (on: boolean) => void;
  templateId: string;
}) {
  const accept = useAcceptRedlines(templateId);
  const reject = useRejectRedline(templateId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className="flex gap-2 border-t border-line py-2 first:border-t-0" data-testid="redline">
      <input
        type="checkbox"
        className="mt-1 h-4 w-4"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={`Select the redline on “${redline.target.title}”`}
      />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          <span className="font-semibold">{KIND_WORDS[redline.kind]}</span> “{redline.target.title}”{' '}
          <span className="text-muted">in {redline.target.phaseTitle}</span>
        </p>
        <PatchLines redline={redline} />
        <p className="mt-1 text-sm text-soft">“{redline.reason}”</p>
        <p className="text-xs text-faint">
          {redline.person.name} · {redline.deployment.name}
          {redline.deployment.rehearsal ? ' (rehearsal)' : ''} · runbook version {redline.templateVersion} ·{' '}
          {formatUtc(new Date(redline.createdAt))}
        </p>
        {rejecting ? (
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) reject.mutate({ id: redline.id, reason: reason.trim() });
            }}
          >
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
              Why not
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={2000}
                required
                className="min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm"
              />
            </label>
            <Button type="submit" disabled={!reason.trim() || reject.isPending}>
              Reject
            </Button>
            <Button type="button" variant="ghost" onClick={() => setRejecting(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <div className="mt-1 flex flex-wrap gap-2">
            <Button
              type="button"
              variant="primary"
              onClick={() => accept.mutate([redline.id])}
              disabled={accept.isPending}
            >
              Accept
            </Button>
            <Button type="button" variant="ghost" onClick={() => setRejecting(true)}>
              Reject…
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}

/** The owners' review of changes proposed during runs: accept (one, or the selected as one version) or reject. */
export function RedlineReview({ template }: { template: TemplateDetail }) {
  const { data: redlines } = useOpenRedlines(template.id, template.canManage);
  const acceptMany = useAcceptRedlines(template.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (!template.canManage || !redlines) return null;
  const chosen = redlines.filter((r) => selected.has(r.id)).map((r) => r.id);
  return (
    <section aria-labelledby="redlines-title" className="rounded-lg border border-line bg-surface p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="redlines-title" className="text-base font-semibold">
          Redlines from runs <span className="text-sm font-normal text-muted tabular">({redlines.length} open)</span>
        </h2>
        {redlines.length > 1 ? (
          <Button
            type="button"
            disabled={!chosen.length || acceptMany.isPending}
            onClick={() => acceptMany.mutate(chosen, { onSuccess: () => setSelected(new Set()) })}
          >
            Accept selected ({chosen.length})
          </Button>
        ) : null}
      </div>
      {redlines.length ? (
        <ul className="mt-2">
          {redlines.map((r) => (
            <RedlineRow
              key={r.id}
              redline={r}
              templateId={template.id}
              selected={selected.has(r.id)}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(r.id);
                  else next.delete(r.id);
                  return next;
                })
              }
            />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-muted">Nothing to review: no change was proposed in a run.</p>
      )}
    </section>
  );
}
