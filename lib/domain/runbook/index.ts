/**
 * The runbook importer and exporter: Markdown go-live runbooks ⇄ TemplateDefinition.
 * Pure functions, no I/O; the API maps `ok: false` to 422 and oversized bodies to 413.
 */
export {
  parseRunbook,
  MAX_RUNBOOK_BYTES,
  type ParseResult,
  type ParseWarning,
  type ParseOptions,
} from './parse-runbook';
export { templateToMarkdown } from './to-markdown';
export { repairEncoding } from './encoding';
export { generateRunbook } from './generate-runbook';
