import 'server-only';
import type { TemplateDiff } from '@/lib/contracts/templates';
import { diffTemplates } from '@/lib/domain/template-diff';
import { loadTemplateVersion, parseVersionParam } from './versions';

/** `GET /api/templates/:id/diff?from=&to=`: what changed from one version to another (either order). */
export async function diffTemplateVersions(templateId: string, query: URLSearchParams): Promise<TemplateDiff> {
  const from = parseVersionParam(query.get('from'), 'from');
  const to = parseVersionParam(query.get('to'), 'to');
  const [before, after] = await Promise.all([
    loadTemplateVersion(templateId, from),
    loadTemplateVersion(templateId, to),
  ]);
  return { from, to, changes: diffTemplates(before.definition, after.definition) };
}
