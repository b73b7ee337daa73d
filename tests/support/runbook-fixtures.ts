import fs from 'node:fs';
import path from 'node:path';
import type { TemplateDefinition, TemplateItem } from '@/lib/domain/template-definition';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from './http';

/**
 * What the template tests (templates-parse.test.ts, templates-library.test.ts) share: the real
 * runbooks in tests/fixtures/runbooks, the header they are posted with, a flat view of a
 * template's items, and a signed-in person to post them as.
 */

const DIR = path.resolve(__dirname, '../fixtures/runbooks');
export const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
export const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
export const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };

export const allItems = (t: TemplateDefinition) => {
  const out: TemplateItem[] = [];
  const walk = (list: TemplateItem[]) => list.forEach((i) => (out.push(i), walk(i.children)));
  t.phases.forEach((p) => walk(p.items));
  return out;
};

export async function person(name: string, isAdmin = false) {
  const user = await makeUser({ name, isAdmin });
  return { user, api: http({ token: await makeToken(user.id) }) };
}
