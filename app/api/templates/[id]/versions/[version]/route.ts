import type { TemplateVersionDetail } from '@/lib/contracts/templates';
import { authed, json } from '@/lib/server/http/route';
import { loadTemplateVersion, parseVersionParam } from '@/lib/server/templates/versions';

export const dynamic = 'force-dynamic';

/** The version's definition, its fields at the top level (a valid template body) and under `definition`. */
export const GET = authed<{ id: string; version: string }>(async ({ params }) => {
  const found = await loadTemplateVersion(params.id, parseVersionParam(params.version, 'version'));
  const body: TemplateVersionDetail = { ...found.definition, ...found };
  return json(body);
});
