import fs from 'node:fs';
import path from 'node:path';
import { CASES } from './cases';

/**
 * The endpoints the matrix must cover, found by scanning app/api: every route file's POST, PUT,
 * PATCH and DELETE, plus the "(variant)" rows of CASES.
 */

export function mutatingEndpoints(root = path.resolve('app/api')): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const route = `/${path.relative(path.resolve('app'), path.dirname(full)).split(path.sep).join('/')}`;
        for (const [, method] of source.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(POST|PUT|PATCH|DELETE)\b/g,
        ))
          found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The endpoints, plus their "(variant)" rows in CASES. */
export function matrixRows(endpoints: string[]): string[] {
  const variants = Object.keys(CASES).filter(
    (key) => key.includes(' (') && endpoints.includes(key.slice(0, key.indexOf(' ('))),
  );
  return [...endpoints, ...variants].sort();
}
