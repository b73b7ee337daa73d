import 'server-only';
import { MAX_RUNBOOK_BYTES } from '@/lib/domain/runbook';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import {
  versionNumberSchema,
  versionSummarySchema,
  roleMappingSchema,
  roleNamesSchema,
  runbookJsonSchema,
  templateJsonSchema,
  type RoleMapping,
  type RoleNames,
} from '@/lib/schemas/template';
import { AppError, isAppError } from '@/lib/server/errors';
import { readText } from '@/lib/server/http/route';

export type RunbookSource = {
  kind: 'markdown';
  markdown: string;
  roleMapping: RoleMapping;
  roleNames: RoleNames;
  name?: string;
  /** `?suggestRoles=false` (or `"suggestRoles": false`): unowned steps stay with the IC. */
  suggestRoles: boolean;
} & VersionFields;
export type EditedTemplate = {
  kind: 'template';
  template: TemplateDefinition;
  sourceMarkdown: string | null;
} & VersionFields;
/** Importing into an existing template (`?summary=&baseVersion=` or the JSON fields of those names). */
type VersionFields = { summary?: string; baseVersion?: number };

/**
 * JSON wraps the Markdown (escaping grows it) or carries a whole edited template, so its cap is
 * higher; the Markdown inside is still held to MAX_RUNBOOK_BYTES after decoding. (The front door
 * in lib/server/http/route.ts may refuse large bodies earlier: send big runbooks as text/markdown.)
 */
export const MAX_RUNBOOK_JSON_BYTES = 6 * MAX_RUNBOOK_BYTES;

const tooLarge = () =>
  new AppError(
    'payload_too_large',
    `The runbook is larger than ${MAX_RUNBOOK_BYTES / 1_000_000} MB. Split it into smaller runbooks.`,
  );

function checkSize(markdown: string) {
  if (Buffer.byteLength(markdown, 'utf8') > MAX_RUNBOOK_BYTES) throw tooLarge();
}

function queryJson<S extends typeof roleMappingSchema | typeof roleNamesSchema>(
  url: URL,
  param: string,
  schema: S,
  example: string,
): Record<string, string> {
  const raw = url.searchParams.get(param);
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_body', `${param} must be a JSON object such as ${example}.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_body', `${param}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function suggestRolesParam(url: URL): boolean | null {
  const raw = url.searchParams.get('suggestRoles');
  if (raw === null) return null;
  if (/^(?:true|1|yes)$/i.test(raw)) return true;
  if (/^(?:false|0|no)$/i.test(raw)) return false;
  throw new AppError('invalid_body', 'suggestRoles must be true or false.');
}

function versionParams(url: URL): VersionFields {
  const out: VersionFields = {};
  const summary = url.searchParams.get('summary');
  if (summary !== null) {
    const parsed = versionSummarySchema.safeParse(summary);
    if (!parsed.success) throw new AppError('invalid_body', `summary: ${parsed.error.issues[0]?.message}`);
    out.summary = parsed.data;
  }
  const base = url.searchParams.get('baseVersion');
  if (base !== null) {
    const parsed = versionNumberSchema.safeParse(/^\d+$/.test(base) ? Number(base) : NaN);
    if (!parsed.success) throw new AppError('invalid_body', 'baseVersion must be a version number (1, 2, …).');
    out.baseVersion = parsed.data;
  }
  return out;
}

function validationError(issues: { path: PropertyKey[]; message: string }[]) {
  const issue = issues[0];
  const where = issue?.path?.length ? `${issue.path.join('.')}: ` : '';
  return new AppError('invalid_body', `${where}${issue?.message ?? 'invalid body'}`);
}

/**
 * The body of `POST /api/runbooks/parse` and `POST /api/templates`: raw Markdown (any non-JSON
 * content type, role mapping in `?roleMapping=`), JSON `{markdown, roleMapping?, name?}`, or —
 * when `allowTemplate` — the edited preview `{template, sourceMarkdown?}`. The size is checked
 * while the body streams in, before anything is parsed.
 */
export async function readRunbookRequest(request: Request, allowTemplate: false): Promise<RunbookSource>;
export async function readRunbookRequest(
  request: Request,
  allowTemplate: true,
): Promise<RunbookSource | EditedTemplate>;
export async function readRunbookRequest(
  request: Request,
  allowTemplate: boolean,
): Promise<RunbookSource | EditedTemplate> {
  const url = new URL(request.url);
  const isJson = (request.headers.get('content-type') ?? '').toLowerCase().includes('json');
  let text: string;
  try {
    text = await readText(request, isJson ? MAX_RUNBOOK_JSON_BYTES : MAX_RUNBOOK_BYTES);
  } catch (error) {
    if (isAppError(error) && error.code === 'payload_too_large') throw tooLarge();
    throw error;
  }
  const name = url.searchParams.get('name')?.trim() || undefined;
  const suggestParam = suggestRolesParam(url);
  const version = versionParams(url);
  if (!isJson) {
    return {
      ...version,
      kind: 'markdown',
      markdown: text,
      name,
      suggestRoles: suggestParam ?? true,
      roleMapping: queryJson(url, 'roleMapping', roleMappingSchema, '{"DBA-001":"dba"}'),
      roleNames: queryJson(url, 'roleNames', roleNamesSchema, '{"dba":"Database Admin"}'),
    };
  }
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('invalid_body', 'The body is not valid JSON.');
  }
  if (allowTemplate && raw && typeof raw === 'object' && 'template' in raw) {
    const parsed = templateJsonSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error.issues);
    if (parsed.data.sourceMarkdown) checkSize(parsed.data.sourceMarkdown);
    return {
      kind: 'template',
      template: parsed.data.template,
      sourceMarkdown: parsed.data.sourceMarkdown ?? null,
      summary: parsed.data.summary ?? version.summary,
      baseVersion: parsed.data.baseVersion ?? version.baseVersion,
    };
  }
  const parsed = runbookJsonSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  checkSize(parsed.data.markdown);
  const data = parsed.data;
  return {
    kind: 'markdown',
    markdown: data.markdown,
    roleMapping: data.roleMapping ?? {},
    roleNames: data.roleNames ?? {},
    name: data.name ?? name,
    suggestRoles: data.suggestRoles ?? suggestParam ?? true,
    summary: data.summary ?? version.summary,
    baseVersion: data.baseVersion ?? version.baseVersion,
  };
}
