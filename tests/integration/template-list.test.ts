import { describe, expect, it } from 'vitest';
import { templateStats, templateDefinitionSchema } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { DEMO_TEMPLATE } from '@/lib/server/seed/demo-template';
import { makeTemplate, makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';

const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };
const DEMO_STATS = templateStats(templateDefinitionSchema.parse(DEMO_TEMPLATE));

/** GET /api/templates reads each template's stored summary, never its whole definition. */
describe('GET /api/templates: summaries', () => {
  it('stores the summary with the template and lists it without reading the definition', async () => {
    const api = http({ token: await makeToken((await makeUser({ name: 'Lena Library' })).id) });
    const created = await api.post(
      '/api/templates',
      '# Go-live\n\n## Prepare\n\n- [ ] Freeze merges (DBA)\n- [x] Book the room\n\n## Cut over\n\n- [ ] Switch traffic\n',
      MARKDOWN,
    );
    expect(created.status).toBe(201);
    const row = await prisma.template.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.stats).toEqual(created.body.stats);
    expect(created.body.stats).toMatchObject({ phases: 2, items: 3, checkedItems: 1 });

    // A definition the list would refuse if it read it: the list still shows the stored summary,
    // and the detail view (which reads it) still reports the damage.
    await prisma.template.update({
      where: { id: row.id },
      data: { definition: { broken: true }, updatedAt: row.updatedAt },
    });
    const listed = (await api.get('/api/templates')).body.templates.find((t: { id: string }) => t.id === row.id);
    expect(listed).toMatchObject({ name: 'Go-live', stats: created.body.stats, hasSource: true });
    const detail = await api.get(`/api/templates/${row.id}`);
    expect(detail.status).toBe(422);
    expect(detail.body.error.message).toMatch(/damaged/);
  });

  it('derives and keeps the summary of a template stored before summaries were, without reordering the list', async () => {
    const api = http({ token: await makeToken((await makeUser({ name: 'Olaf Older' })).id) });
    const template = await makeTemplate();
    await prisma.$executeRaw`UPDATE "Template" SET stats = NULL WHERE id = ${template.id}`;
    const before = await prisma.template.findUniqueOrThrow({ where: { id: template.id } });
    expect(before.stats).toBeNull();

    const listed = (await api.get('/api/templates')).body.templates.find((t: { id: string }) => t.id === template.id);
    expect(listed.stats).toEqual(DEMO_STATS);
    const after = await prisma.template.findUniqueOrThrow({ where: { id: template.id } });
    expect(after.stats).toEqual(DEMO_STATS);
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
  });
});
