import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '@/lib/server/env';

/** The variables named in the first column of the README's configuration table. */
function documentedVariables(): Set<string> {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

describe('README configuration table', () => {
  it('lists every variable the server reads (lib/server/env.ts)', () => {
    const documented = documentedVariables();
    expect(documented.size).toBeGreaterThan(0);
    expect(ENV_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
