'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/domain/plural';
import type { TemplateRole } from '@/lib/domain/template-definition';

/** The roles with their step counts: add one, rename one, remove one (saying where its steps go). */
export function OwnerRoles({
  roles,
  counts,
  onAdd,
  onRename,
  onRemove,
}: {
  roles: TemplateRole[];
  counts: Map<string, number>;
  onAdd: (name: string) => void;
  onRename: (key: string, name: string) => void;
  onRemove: (key: string, moveTo: string) => void;
}) {
  const [adding, setAdding] = useState('');
  const [removing, setRemoving] = useState<{ key: string; moveTo: string } | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-wrap gap-2" aria-label="Roles and their steps">
        {roles.map((role) => (
          <li
            key={role.key}
            className="flex items-center gap-1 rounded-md border border-slate-200 px-2 py-1 text-sm dark:border-slate-700"
            data-testid="owner-role"
            data-role-key={role.key}
          >
            <input
              defaultValue={role.name}
              key={role.name}
              onBlur={(e) =>
                e.target.value.trim() && e.target.value.trim() !== role.name && onRename(role.key, e.target.value)
              }
              onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
              aria-label={`Rename role ${role.name}`}
              maxLength={120}
              className="w-40 rounded border border-transparent bg-transparent px-1 hover:border-line-strong focus:border-slate-400"
            />
            <span className="text-xs text-faint tabular" data-testid="owner-role-count">
              {plural(counts.get(role.key) ?? 0, 'step')}
            </span>
            {role.isIc ? null : (
              <button
                type="button"
                onClick={() =>
                  setRemoving({ key: role.key, moveTo: roles.find((r) => r.key !== role.key)?.key ?? 'ic' })
                }
                aria-label={`Remove role ${role.name}`}
                className="rounded px-1 text-slate-500 hover:bg-subtle"
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {removing ? (
        <div
          role="dialog"
          aria-label="Remove role"
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-400 p-2 text-sm"
        >
          <span>
            Remove {roles.find((r) => r.key === removing.key)?.name}: its{' '}
            {plural(counts.get(removing.key) ?? 0, 'step')} go to
          </span>
          <select
            value={removing.moveTo}
            onChange={(e) => setRemoving({ ...removing, moveTo: e.target.value })}
            aria-label="Role that takes its steps"
            className="min-h-9 rounded-md border border-line-strong bg-field px-2"
          >
            {roles
              .filter((r) => r.key !== removing.key)
              .map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
          </select>
          <Button
            type="button"
            variant="danger"
            onClick={() => (onRemove(removing.key, removing.moveTo), setRemoving(null))}
          >
            Remove role
          </Button>
          <Button type="button" variant="ghost" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
        </div>
      ) : null}
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!adding.trim()) return;
          onAdd(adding);
          setAdding('');
        }}
      >
        <input
          value={adding}
          onChange={(e) => setAdding(e.target.value)}
          placeholder="New role, e.g. Security Lead"
          aria-label="New role name"
          maxLength={120}
          className="min-h-9 min-w-0 flex-1 rounded-md border border-line-strong bg-field px-2 text-sm sm:max-w-64"
        />
        <Button type="submit" disabled={!adding.trim()}>
          Add role
        </Button>
      </form>
    </div>
  );
}
