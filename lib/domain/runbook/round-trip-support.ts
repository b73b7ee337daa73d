import {
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
  type TemplateItem,
} from '../template-definition';
import { importOk } from './test-support';
import { templateToMarkdown } from './to-markdown';

/**
 * Shared by the round-trip tests (round-trip-examples.test.ts, round-trip-generated.test.ts):
 * parse(export(t)) must give t back, ignoring source lines and aliases.
 */

export function normalise(t: TemplateDefinitionInput | TemplateDefinition) {
  const parsed = templateDefinitionSchema.parse(t);
  const item = (i: TemplateItem): unknown => ({
    title: i.title,
    roleKey: i.roleKey,
    section: i.section ?? null,
    command: i.command ?? null,
    expectedOutput: i.expectedOutput ?? null,
    doneBeforeStart: Boolean(i.doneBeforeStart),
    children: i.children.map(item),
  });
  return {
    ...parsed,
    roles: parsed.roles.map(({ aliases: _aliases, ...r }) => ({ ...r, contact: r.contact ?? null })),
    phases: parsed.phases.map((p) => ({
      ...p,
      items: p.items.map(item),
      gates: p.gates.map((g) => ({ ...g, offsetMin: g.offsetMin ?? null })),
    })),
  };
}

export function roundTrip(template: TemplateDefinitionInput | TemplateDefinition) {
  const markdown = templateToMarkdown(templateDefinitionSchema.parse(template));
  return { markdown, back: importOk(markdown).template };
}
