import { describe, expect, it } from 'vitest';
import { MAX_ITEM_DEPTH, templateDefinitionSchema, type TemplateItem } from './template-definition';

const nested = (depth: number): TemplateItem => {
  let item: TemplateItem = { title: `level ${depth}`, roleKey: 'ic', children: [] };
  for (let level = depth - 1; level >= 1; level--) item = { title: `level ${level}`, roleKey: 'ic', children: [item] };
  return item;
};
const template = (item: TemplateItem) => ({
  name: 'Deep',
  roles: [{ key: 'ic', name: 'Incident Commander', isIc: true }],
  phases: [{ title: 'Only phase', items: [item] }],
});

describe('template nesting limit', () => {
  it(`takes steps nested ${MAX_ITEM_DEPTH} levels deep`, () => {
    expect(MAX_ITEM_DEPTH).toBe(8);
    expect(templateDefinitionSchema.safeParse(template(nested(8))).success).toBe(true);
  });

  it('refuses a ninth level, naming the limit', () => {
    const parsed = templateDefinitionSchema.safeParse(template(nested(9)));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/at most 8 levels/);
  });

  it('refuses a body nested thousands of levels deep without overflowing the stack', () => {
    const parsed = templateDefinitionSchema.safeParse(template(nested(5000)));
    expect(parsed.success).toBe(false);
  });
});
