import type { TemplateDefinition } from './template-definition';

/**
 * What is wrong with the roles a definition refers to, or null. An edited preview could name roles
 * it does not declare; a deployment would silently hand such items to the IC, so callers refuse
 * with these words instead.
 */
export function templateReferenceProblem(definition: TemplateDefinition): string | null {
  const keys = new Set(definition.roles.map((r) => r.key));
  if (keys.size !== definition.roles.length) return 'Two roles share one key; merge them in the role mapping first.';
  const missing = new Set<string>();
  const walk = (items: TemplateDefinition['phases'][number]['items']) => {
    for (const item of items) {
      if (!keys.has(item.roleKey)) missing.add(item.roleKey);
      walk(item.children);
    }
  };
  for (const phase of definition.phases) {
    walk(phase.items);
    for (const gate of phase.gates) for (const key of gate.requiredRoles) if (!keys.has(key)) missing.add(key);
  }
  return missing.size ? `The template uses roles it does not declare: ${[...missing].join(', ')}.` : null;
}
