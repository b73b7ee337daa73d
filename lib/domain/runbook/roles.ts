import { IC_ROLE, ROLE_KEY, type TemplateRole } from '../template-definition';
import type { RoleRow } from './tables';
import { slugify, truncate } from './text';

/**
 * The roles of an imported runbook. Runbooks name one role many ways — "Database Admin" in
 * the team table, "DBA-001" as the person, "DBA" in a heading — so every raw name is resolved
 * to one role key, and each role keeps the raw names as aliases for the import preview.
 *
 * Without a mapping from the user, keys are slugs of the role name and two names are merged
 * only when that is unambiguous (same words up to common abbreviations, or one name is the
 * unique shorter form of another: "Operations" → "Operations Manager").
 */

const SYNONYMS: Record<string, string[]> = {
  technical: ['tech'],
  administrator: ['admin'],
  administration: ['admin'],
  database: ['db'],
  operations: ['ops'],
  operation: ['ops'],
  manager: ['mgr'],
  management: ['mgr'],
  engineer: ['eng'],
  engineering: ['eng'],
  communications: ['comms'],
  communication: ['comms'],
  comm: ['comms'],
  dba: ['db', 'admin'],
  ic: ['incident', 'commander'],
  sre: ['site', 'reliability', 'eng'],
  qa: ['qa'],
  quality: ['qa'],
  assurance: [],
  devops: ['devops'],
  lead: ['lead'],
  team: [],
};

/** Words of a role name with abbreviations spelled one way, so "DBA" = "Database Admin". */
export function canonicalRole(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.flatMap((w) => SYNONYMS[w] ?? [w]).join(' ');
}

const IC_CANON = new Set([canonicalRole('Incident Commander'), canonicalRole('IC'), canonicalRole('Incident Manager')]);

const ROLE_NOUN =
  /\b(lead|leads|admin|administrator|engineer|engineers|manager|commander|owner|team|officer|analyst|architect|developer|ops|sre|dba|qa|support|on-?call|coordinator|director|vp|cto|ceo|cio|ciso|specialist|tester|captain|champion|communications|comms|approver)\s*$/i;

/** Whether an unknown label reads like a role ("Security Lead", "SRE") rather than a topic. */
export function looksLikeRole(label: string): boolean {
  const text = label.trim();
  if (!text || text.length > 60) return false;
  return ROLE_NOUN.test(text) || /^[A-Z]{2,6}$/.test(text);
}

type Entry = {
  key: string;
  name: string;
  named: boolean;
  aliases: string[];
  contact: string | null;
  canon: Set<string>;
};

export class RoleBook {
  private readonly entries = new Map<string, Entry>();
  private readonly mapping = new Map<string, string>();

  constructor(mapping: Record<string, string> = {}) {
    for (const [raw, key] of Object.entries(mapping ?? {})) {
      const clean = typeof key === 'string' ? toKey(key) : null;
      if (clean) this.mapping.set(raw.trim().toLowerCase(), clean);
    }
    this.entries.set(IC_ROLE.key, { ...this.blank(IC_ROLE.key, IC_ROLE.name), canon: new Set(IC_CANON) });
  }

  /** Declares the rows of team and sign-off tables; call for all of them before resolving. */
  declare(rows: RoleRow[]): void {
    for (const row of rows) {
      // "Operations" (held by "Ops Manager") is the "Operations Manager" of another table:
      // the role takes the fuller name, the shorter one becomes an alias.
      // The user may have remapped the person ("DBA-001" → dba) rather than the role name.
      const personMapped = row.person ? (this.mapping.get(row.person.trim().toLowerCase()) ?? null) : null;
      const explicit =
        (row.key ? toKey(row.key) : null) ??
        personMapped ??
        (row.handle ? this.resolve(row.handle, { alias: false }) : null);
      const fullers = explicit ? [] : rows.filter((other) => other !== row && !other.key && extends_(other, row));
      const fuller = new Set(fullers.map((f) => canonicalRole(f.name))).size === 1 ? fullers[0] : undefined;
      const name = fuller?.name ?? row.name;
      const key = explicit ?? this.resolve(name, { create: true, alias: false });
      if (!key) continue;
      let entry = this.entries.get(key);
      if (!entry) {
        entry = this.blank(key, name);
        this.entries.set(key, entry);
      }
      if (!entry.named) {
        entry.name = name;
        entry.named = true;
      }
      this.addAlias(entry, row.name);
      if (row.person) this.addAlias(entry, row.person);
      if (row.contact && !entry.contact) entry.contact = row.contact;
    }
  }

  /** The role key for a raw name, creating the role when asked to; null when unknown. */
  resolve(raw: string, options: { create?: boolean; alias?: boolean; exact?: boolean } = {}): string | null {
    const name = raw
      .replace(/^@/, '')
      .replace(/[:*]+$/, '')
      .trim();
    if (!name) return null;
    const mapped = this.mapping.get(name.toLowerCase()) ?? this.mapping.get(raw.trim().toLowerCase());
    let key = mapped ?? this.find(name, options.exact ?? false);
    if (!key && !options.create) return null;
    if (!key) key = this.uniqueKey(slugify(name));
    let entry = this.entries.get(key);
    const created = !entry;
    if (!entry) {
      entry = this.blank(key, truncate(name, 120));
      entry.named = !mapped;
      this.entries.set(key, entry);
    }
    // "@dba" naming the "database-admin" role is worth showing; "@dba" for "dba" is not.
    if (options.alias !== false && (created || name.toLowerCase() !== key)) this.addAlias(entry, name);
    return key;
  }

  /** A role named at the very start of an item ("Incident Commander opens war room"). */
  leadingRole(text: string): string | null {
    const lower = ` ${text.toLowerCase()} `;
    let best: { key: string; length: number } | null = null;
    for (const entry of this.entries.values()) {
      for (const alias of [entry.name, ...entry.aliases]) {
        const a = alias.toLowerCase();
        if (a.length < 2 || !lower.startsWith(` ${a}`) || /[a-z0-9]/.test(lower[a.length + 1] ?? '')) continue;
        if (!best || a.length > best.length) best = { key: entry.key, length: a.length };
      }
    }
    return best?.key ?? null;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  roles(): TemplateRole[] {
    return [...this.entries.values()].map((e) => ({
      key: e.key,
      name: e.name,
      isIc: e.key === IC_ROLE.key,
      contact: e.contact,
      aliases: e.aliases,
    }));
  }

  private find(name: string, exact: boolean): string | null {
    const lower = name.toLowerCase();
    if (this.entries.has(lower) && ROLE_KEY.test(lower)) return lower;
    const canon = canonicalRole(name);
    if (!canon) return null;
    for (const entry of this.entries.values()) if (entry.canon.has(canon)) return entry.key;
    if (exact) return null;
    // "Operations" for "Operations Manager": a shorter form, but only when exactly one role fits.
    const words = canon.split(' ');
    const fits = [...this.entries.values()].filter((e) =>
      [...e.canon].some((c) => c.split(' ').length > words.length && c.startsWith(`${canon} `)),
    );
    return fits.length === 1 ? fits[0].key : null;
  }

  private addAlias(entry: Entry, alias: string): void {
    const text = truncate(alias.trim(), 120);
    if (!text) return;
    if (!entry.aliases.some((a) => a.toLowerCase() === text.toLowerCase())) entry.aliases.push(text);
    const canon = canonicalRole(text);
    if (canon) entry.canon.add(canon);
  }

  private blank(key: string, name: string): Entry {
    return {
      key,
      name,
      named: false,
      aliases: [],
      contact: null,
      canon: new Set([canonicalRole(name), canonicalRole(key)].filter(Boolean)),
    };
  }

  private uniqueKey(base: string): string {
    let key = toKey(base) ?? 'role';
    for (let n = 2; this.entries.has(key); n += 1) key = `${(toKey(base) ?? 'role').slice(0, 36)}-${n}`;
    return key;
  }
}

/** Whether `longer` is the unambiguous fuller name of `shorter`'s role. */
function extends_(longer: RoleRow, shorter: RoleRow): boolean {
  const a = canonicalRole(shorter.name);
  const b = canonicalRole(longer.name);
  if (!a || !b || a === b) return false;
  if (shorter.person && canonicalRole(shorter.person) === b) return true;
  return b.startsWith(`${a} `);
}

/** A valid role key from free text ("DBA" → "dba", "1st line" → "r-1st-line"), or null. */
export function toKey(text: string): string | null {
  const exact = text.trim().toLowerCase();
  if (ROLE_KEY.test(exact)) return exact;
  let key = slugify(text);
  if (!key) return null;
  if (!/^[a-z]/.test(key)) key = `r-${key}`;
  key = key.slice(0, 40).replace(/-+$/, '');
  return ROLE_KEY.test(key) ? key : null;
}
