import 'server-only';
import { runOffThread } from '@/lib/server/cpu-pool/pool';
import { AppError } from '@/lib/server/errors';
import type { RunbookSource } from './read-runbook-request';

/**
 * Markdown → template preview. Writes nothing: the import page calls it on every re-parse.
 * A document that yields no checklist is a 422 carrying the parser's reason and warnings.
 */
export async function importRunbook(
  source: Pick<RunbookSource, 'markdown' | 'roleMapping' | 'name'> & {
    roleNames?: RunbookSource['roleNames'];
    suggestRoles?: boolean;
  },
) {
  if (!source.markdown.trim())
    throw new AppError('invalid_runbook', 'The runbook is empty. Paste the Markdown or choose a .md file.', {
      warnings: [],
    });
  // On the CPU pool: a 5 000-item runbook still takes ~0.1 s of CPU, which sockets should not wait on.
  const result = await runOffThread('parseRunbook', {
    markdown: source.markdown,
    options: { name: source.name, roleMapping: source.roleMapping, suggestRoles: source.suggestRoles },
  });
  if (!result.ok) throw new AppError('invalid_runbook', result.reason, { warnings: result.warnings });
  // Display names the user typed in the preview; the parser only maps raw names to keys.
  const names = source.roleNames ?? {};
  const roles = result.template.roles.map((r) => (names[r.key] ? { ...r, name: names[r.key] } : r));
  return { template: { ...result.template, roles }, stats: result.stats, warnings: result.warnings };
}
