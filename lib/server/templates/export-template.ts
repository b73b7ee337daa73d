import 'server-only';
import { templateToMarkdown } from '@/lib/domain/runbook';
import { loadTemplate } from './load-template';
import { definitionOf } from './template-dto';

/** The template as a Markdown runbook that imports back to the same structure. */
export async function exportTemplate(id: string) {
  const row = await loadTemplate(id);
  const slug =
    row.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'runbook';
  return { markdown: templateToMarkdown(definitionOf(row)), fileName: `${slug}.md` };
}
