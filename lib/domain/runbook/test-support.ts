import type { TemplateDefinition, TemplateItem } from '../template-definition';
import { parseRunbook, type ParseOptions } from './parse-runbook';

/** Shared by the runbook tests only: parse that must succeed, and a flat view of the items. */

export function importOk(markdown: string, options?: ParseOptions) {
  const result = parseRunbook(markdown, options);
  if (!result.ok) throw new Error(`expected the runbook to import: ${result.reason}`);
  return result;
}

export function allItems(template: TemplateDefinition): TemplateItem[] {
  const out: TemplateItem[] = [];
  const walk = (items: TemplateItem[]) => items.forEach((i) => (out.push(i), walk(i.children)));
  template.phases.forEach((p) => walk(p.items));
  return out;
}

export function item(template: TemplateDefinition, title: string): TemplateItem {
  const found = allItems(template).find((i) => i.title === title);
  if (!found) throw new Error(`no item titled "${title}"`);
  return found;
}

/** Task lines as the brief counts them: `- [ ]` / `- [x]` lines outside fenced code. */
export function countTaskLines(markdown: string): number {
  let inFence = false;
  let count = 0;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^\s*[-*+] \[[ xX]\]/.test(line)) count += 1;
  }
  return count;
}
