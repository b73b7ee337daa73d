'use client';

import { Badge, type Tone } from '@/components/ui/badges';
import { cn } from '@/components/ui/cn';
import { plural } from '@/lib/domain/plural';
import type { TemplateChange, TemplateChangeKind } from '@/lib/domain/template-diff';
import { useTemplateDiff } from './use-template-versions';

const LOOK: Record<TemplateChangeKind, { tone: Tone; icon: string; word: string }> = {
  added: { tone: 'green', icon: '+', word: 'Added' },
  removed: { tone: 'red', icon: '−', word: 'Removed' },
  changed: { tone: 'amber', icon: '~', word: 'Changed' },
};

/** A value from the diff in plain words: text as is, lists joined, a whole step or phase as its fields. */
function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-faint italic">(none)</span>;
  if (Array.isArray(value)) return <span>{value.length ? value.join(', ') : '(none)'}</span>;
  if (typeof value === 'object')
    return (
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs">
        {Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="font-mono break-words whitespace-pre-wrap">
                {Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}
              </dd>
            </div>
          ))}
      </dl>
    );
  return <span className="font-mono break-words whitespace-pre-wrap">{String(value)}</span>;
}

function Side({ version, value, present }: { version: number; value: unknown; present: boolean }) {
  return (
    <div className={cn('min-w-0 rounded-md border border-line p-2 text-sm', !present && 'bg-subtle')}>
      <p className="mb-1 text-xs font-medium text-muted">Version {version}</p>
      {present ? <Value value={value} /> : <span className="text-faint italic">not in this version</span>}
    </div>
  );
}

function ChangeRow({ change, from, to }: { change: TemplateChange; from: number; to: number }) {
  const look = LOOK[change.kind];
  return (
    <li className="flex flex-col gap-2 border-t border-line pt-3 first:border-t-0 first:pt-0">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={look.tone} icon={look.icon}>
          {look.word}
        </Badge>
        <span className="min-w-0 font-medium break-words">{change.label}</span>
      </p>
      {/* Side by side from a small tablet up; stacked (old above new) on a phone. */}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Side version={from} value={change.before} present={change.kind !== 'added'} />
        <Side version={to} value={change.after} present={change.kind !== 'removed'} />
      </div>
    </li>
  );
}

/** Every change between two versions of a template, old on the left and new on the right. */
export function VersionDiff({ templateId, from, to }: { templateId: string; from: number; to: number }) {
  const diff = useTemplateDiff(templateId, from, to);
  if (from === to) return <p className="text-sm text-muted">Pick two different versions to compare.</p>;
  if (diff.isPending)
    return (
      <p className="text-sm text-muted">
        Comparing version {from} with version {to}…
      </p>
    );
  if (diff.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        {diff.error.message}
      </p>
    );
  const changes = diff.data.changes;
  return (
    <div className="flex flex-col gap-3" data-testid="version-diff">
      <p className="text-sm text-muted tabular">
        Version {from} → version {to}:{' '}
        {changes.length === 0
          ? 'no change to the phases, steps, gates or rules (only import details such as source lines).'
          : `${plural(changes.length, 'change')}.`}
      </p>
      {changes.length ? (
        <ol className="flex flex-col gap-3">
          {changes.map((c, i) => (
            <ChangeRow key={`${c.path}-${i}`} change={c} from={from} to={to} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
