import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema, templateStats } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';

// Small on purpose: the list reads stored summaries, and 501 copies of the demo are megabytes.
const definition = templateDefinitionSchema.parse({
  name: 'Small runbook',
  roles: [{ key: 'ic', name: 'IC', isIc: true }],
  phases: [{ title: 'Do it', items: [{ title: 'The one step', roleKey: 'ic' }] }],
});
const ids = (list: { id: string }[]) => list.map((t) => t.id);

/** The template library's search: a runbook last changed years ago is still one search away. */
describe('finding templates', () => {
  it('finds any template by part of its name or description, however many newer ones there are', async () => {
    const api = http({ token: await makeToken((await makeUser({ name: 'Tara Templates' })).id) });
    const tag = Math.random().toString(36).slice(2, 10);
    const at = (year: number) => new Date(Date.UTC(year, 0, 1));
    // Changed before everything else, and 500 changed after it (but before any other test's).
    const ancient = await prisma.template.create({
      data: {
        name: `Mainframe cut-over ${tag}`,
        description: 'The 100% batch window',
        definition,
        stats: templateStats(definition),
        createdAt: at(1999),
        updatedAt: at(1999),
      },
    });
    await prisma.template.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        name: `Filler ${tag} ${i}`,
        description: `Payments drill ${i}`,
        definition,
        stats: templateStats(definition),
        createdAt: at(2000),
        updatedAt: at(2000),
      })),
    });

    const everything = await api.get('/api/templates');
    expect(everything.status).toBe(200);
    expect(everything.body.templates).toHaveLength(500);
    expect(ids(everything.body.templates)).not.toContain(ancient.id);
    expect(everything.body.matching).toBe(await prisma.template.count());

    const byName = await api.get(`/api/templates?q=${encodeURIComponent(`MAINFRAME cut-over ${tag}`)}`);
    expect(byName.body).toMatchObject({
      matching: 1,
      templates: [{ id: ancient.id, name: `Mainframe cut-over ${tag}` }],
    });
    const fillers = await api.get(`/api/templates?q=filler ${tag}`);
    expect(fillers.body.matching).toBe(500);
    // By description; `%` is a letter, not LIKE's "anything".
    const byDescription = await api.get(`/api/templates?q=${encodeURIComponent('100% batch')}`);
    expect(ids(byDescription.body.templates)).toContain(ancient.id);
    expect(ids(byDescription.body.templates)).not.toContain(everything.body.templates[0].id);

    for (const hostile of ['x'.repeat(101), 'a%0Ab', '%07']) {
      const refused = await api.get(`/api/templates?q=${hostile}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('`q`') });
    }
  });

  it('shows the templates one made (?show=mine), with or without a search, and refuses any other choice', async () => {
    const [maker, colleague] = [await makeUser({ name: 'Mo Maker' }), await makeUser({ name: 'Col League' })];
    const tag = Math.random().toString(36).slice(2, 10);
    const make = (name: string, createdById: string) =>
      prisma.template.create({ data: { name, definition, stats: templateStats(definition), createdById } });
    const mine = await make(`Payroll freeze ${tag}`, maker.id);
    const theirs = await make(`Payroll thaw ${tag}`, colleague.id);
    const api = http({ token: await makeToken(maker.id) });

    const made = await api.get('/api/templates?show=mine');
    expect(made.status).toBe(200);
    expect(ids(made.body.templates)).toContain(mine.id);
    expect(ids(made.body.templates)).not.toContain(theirs.id);
    expect(made.body.matching).toBe(await prisma.template.count({ where: { createdById: maker.id } }));
    expect((await api.get(`/api/templates?show=mine&q=${tag}`)).body).toMatchObject({
      matching: 1,
      templates: [{ id: mine.id, createdBy: 'Mo Maker' }],
    });
    // Everyone's, as before, with the choice spelt out or left out.
    for (const path of [`/api/templates?q=${tag}`, `/api/templates?show=all&q=${tag}`])
      expect((await api.get(path)).body.matching).toBe(2);

    const refused = await api.get('/api/templates?show=theirs');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_query', message: '`show` is one of all, mine.' });
  });
});
