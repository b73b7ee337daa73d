'use client';

import { Badge } from '@/components/ui/badges';
import { cn } from '@/components/ui/cn';
import { plural } from '@/lib/domain/plural';
import { ROLE_KEY, type TemplateRole } from '@/lib/domain/template-definition';

export type RoleMappingState = {
  /** Raw name in the runbook → role key; sent to the parser on re-parse. Kept across re-parses. */
  mapping: Record<string, string>;
  /** Role key → display name, applied to the preview before the template is created. */
  names: Record<string, string>;
};

type Props = {
  roles: TemplateRole[];
  itemCounts: Map<string, number>;
  state: RoleMappingState;
  onChange: (next: RoleMappingState) => void;
};

export const isValidKey = (key: string) => ROLE_KEY.test(key);

/**
 * Each detected role with the raw names it came from. A raw name can be pointed at another key;
 * giving two names (or two whole roles) the same key merges them on the next parse.
 */
export function RoleMappingEditor({ roles, itemCounts, state, onChange }: Props) {
  const keyOf = (raw: string, role: TemplateRole) => state.mapping[raw] ?? role.key;
  const setKeys = (raws: string[], key: string) => {
    const mapping = { ...state.mapping };
    for (const raw of raws) mapping[raw] = key.trim().toLowerCase();
    onChange({ ...state, mapping });
  };
  const setName = (key: string, name: string) => onChange({ ...state, names: { ...state.names, [key]: name } });
  const knownKeys = [...new Set([...roles.map((r) => r.key), ...Object.values(state.mapping)])].filter(isValidKey);

  return (
    <div className="flex flex-col gap-3">
      <datalist id="role-keys">
        {knownKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <ul className="flex flex-col gap-3">
        {roles.map((role) => {
          const raws = role.aliases;
          const shared = raws.length ? keyOf(raws[0], role) : role.key;
          const allSame = raws.every((raw) => keyOf(raw, role) === shared);
          return (
            <li
              key={role.key}
              className="rounded-lg border border-line p-3"
              data-testid="role-mapping"
              data-role-key={role.key}
            >
              <div className="flex flex-wrap items-end gap-3">
                <label className="flex min-w-40 flex-1 flex-col gap-1 text-xs text-muted">
                  Role name
                  <input
                    value={state.names[role.key] ?? role.name}
                    onChange={(e) => setName(role.key, e.target.value)}
                    maxLength={120}
                    aria-label={`Name of role ${role.key}`}
                    className="min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm text-foreground"
                  />
                </label>
                <div className="flex flex-col gap-1 text-xs text-muted">
                  <span>Key</span>
                  <code className="min-h-9 rounded-md bg-subtle px-2 py-2 text-sm">{role.key}</code>
                </div>
                <div className="flex items-center gap-2 pb-2">
                  {role.isIc ? <Badge tone="blue">IC</Badge> : null}
                  <span className="text-xs text-faint tabular">{plural(itemCounts.get(role.key) ?? 0, 'item')}</span>
                </div>
              </div>
              {raws.length ? (
                <div className="mt-3 flex flex-col gap-2">
                  <p className="text-xs text-faint">
                    Names used in the runbook{raws.length > 1 && allSame ? ' (all map to one key)' : ''} — point a name
                    at another key to move or merge it:
                  </p>
                  <ul className="flex flex-col gap-2">
                    {raws.map((raw) => {
                      const value = keyOf(raw, role);
                      const invalid = !isValidKey(value);
                      return (
                        <li key={raw} className="flex flex-wrap items-center gap-2 text-sm">
                          <span
                            className="w-28 shrink-0 truncate rounded bg-subtle px-2 py-1 font-mono text-xs sm:w-40"
                            title={raw}
                          >
                            “{raw}”
                          </span>
                          <span aria-hidden>→</span>
                          <input
                            value={value}
                            onChange={(e) => setKeys([raw], e.target.value)}
                            list="role-keys"
                            aria-label={`Role key for “${raw}”`}
                            aria-invalid={invalid}
                            className={cn(
                              'min-h-9 min-w-0 flex-1 rounded-md border bg-field px-2 font-mono text-sm sm:max-w-72',
                              invalid ? 'border-red-500' : 'border-line-strong',
                            )}
                          />
                          {invalid ? (
                            <span className="basis-full text-xs text-danger">
                              ⚠ lower-case letters, digits, - or _, starting with a letter
                            </span>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                  {raws.length > 1 && !allSame ? (
                    <button
                      type="button"
                      className="self-start text-xs text-link underline"
                      onClick={() => setKeys(raws, shared)}
                    >
                      Map all of these names to “{shared}”
                    </button>
                  ) : null}
                </div>
              ) : (
                <p className="mt-2 text-xs text-faint">
                  {role.isIc
                    ? 'Added by the importer (every war room has an incident commander).'
                    : 'Suggested by the importer for steps the runbook gives no owner (see Owners below).'}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Applies the display names the user typed to a freshly parsed template. */
export function withRoleNames<T extends { roles: TemplateRole[] }>(template: T, names: Record<string, string>): T {
  return {
    ...template,
    roles: template.roles.map((r) => (names[r.key]?.trim() ? { ...r, name: names[r.key].trim() } : r)),
  };
}
