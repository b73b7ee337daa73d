import 'server-only';
import type { SavedTemplateVersion } from '@/lib/contracts/templates';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { validateForStorage } from './create-template';
import { importRunbook } from './import-runbook';
import { ensureManage, loadTemplate, toTemplateDetail } from './load-template';
import type { EditedTemplate, RunbookSource } from './read-runbook-request';
import { saveTemplateVersion, templateVersionSummary } from './versions';

/**
 * `POST /api/templates/:id/versions`: the runbook imported again into this template (Markdown,
 * parsed exactly as a new import is, or the edited preview) becomes its next version. The
 * template keeps its name. The same content as the current version saves nothing (`created: false`).
 */
export async function importTemplateVersion(
  actor: SignedInActor,
  id: string,
  input: RunbookSource | EditedTemplate,
): Promise<SavedTemplateVersion> {
  const row = await loadTemplate(id);
  ensureManage(actor, row, 'add versions to');
  let definition: TemplateDefinition;
  let warnings: { line: number; message: string }[] = [];
  let sourceMarkdown: string | null;
  if (input.kind === 'markdown') {
    const parsed = await importRunbook({ ...input, name: row.name });
    definition = parsed.template;
    warnings = parsed.warnings;
    sourceMarkdown = input.markdown;
  } else {
    definition = input.template;
    sourceMarkdown = input.sourceMarkdown;
  }
  // Role references and the schema, checked on the CPU pool as a new template's are.
  const stored = await validateForStorage({ ...definition, name: row.name });
  const { row: saved, created } = await saveTemplateVersion(actor, id, {
    definition: stored.definition,
    summary: input.summary?.trim() || 'Imported again from the runbook',
    baseVersion: input.baseVersion,
    sourceMarkdown,
  });
  return {
    created,
    version: await templateVersionSummary(id, saved.currentVersion),
    template: await toTemplateDetail(actor, saved),
    warnings,
  };
}
