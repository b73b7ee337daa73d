import 'server-only';
import { templateToMarkdown } from '@/lib/domain/runbook';
import { loadTemplate } from './load-template';
import { definitionOf } from './template-dto';
import { loadTemplateVersion } from './versions';

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'runbook';

/**
 * The template — its newest version, or the version asked for — as a Markdown runbook that
 * imports back to the same structure.
 */
export async function exportTemplate(id: string, version: number | null = null) {
  if (version === null) {
    const row = await loadTemplate(id);
    return { markdown: templateToMarkdown(definitionOf(row)), fileName: `${slugOf(row.name)}.md` };
  }
  const { definition } = await loadTemplateVersion(id, version);
  return { markdown: templateToMarkdown(definition), fileName: `${slugOf(definition.name)}-v${version}.md` };
}
