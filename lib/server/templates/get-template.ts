import 'server-only';
import type { Actor } from '@/lib/domain/rbac';
import { loadTemplate, toTemplateDetail } from './load-template';

/** One template with its whole structure, for the detail page and `GET /api/templates/:id`. */
export async function getTemplate(actor: Actor, id: string) {
  return toTemplateDetail(actor, await loadTemplate(id));
}
