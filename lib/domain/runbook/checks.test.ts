import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema } from '../template-definition';
import { importOk, item } from './test-support';
import { templateToMarkdown } from './to-markdown';

const RUNBOOK = `# Checkout go-live

## Phase 1: Deploy (20 min)

- [ ] Deploy the API @devops
  \`\`\`bash
  kubectl rollout status deploy/api
  \`\`\`
  Expected: successfully rolled out
  Check: GET https://api.example.com/health → 200 contains "ok"
- [ ] Error rate stays low @sre
  Check: prometheus sum(rate(http_errors_total[5m])) < 0.01
- [ ] Migrations applied by the pipeline @dba

  Expected: Applied 1 migration
  Check: ci
- [ ] Smoke test @qa
- [ ] Readiness answers @devops

Check: GET https://api.example.com/ready -> 204
`;

/** The runbook imported, then exported as Markdown. */
function exported(markdown: string) {
  const { template } = importOk(markdown);
  return { template, markdown: templateToMarkdown(templateDefinitionSchema.parse(template)) };
}

describe('Check: lines under an item', () => {
  it('reads http, prometheus and ci checks, with → or ->, beside the expected output', () => {
    const { template } = importOk(RUNBOOK);
    expect(item(template, 'Deploy the API')).toMatchObject({
      expectedOutput: 'successfully rolled out',
      check: {
        kind: 'http',
        url: 'https://api.example.com/health',
        method: 'GET',
        expectStatus: 200,
        expectBodyContains: 'ok',
      },
    });
    expect(item(template, 'Error rate stays low')).toMatchObject({
      title: 'Error rate stays low',
      check: { kind: 'prometheus', query: 'sum(rate(http_errors_total[5m]))', comparison: '<', value: 0.01 },
    });
    expect(item(template, 'Migrations applied by the pipeline')).toMatchObject({
      expectedOutput: 'Applied 1 migration',
      check: { kind: 'ci' },
    });
    expect(item(template, 'Smoke test').check).toBeUndefined();
    expect(item(template, 'Readiness answers').check).toMatchObject({ kind: 'http', expectStatus: 204 });
  });

  it('writes them back, and reads back what it wrote', () => {
    const { template, markdown } = exported(RUNBOOK);
    expect(markdown).toContain('Check: GET https://api.example.com/health → 200 contains "ok"');
    expect(markdown).toContain('Check: prometheus sum(rate(http_errors_total[5m])) < 0.01');
    expect(markdown).toContain('Check: ci');
    const back = importOk(markdown).template;
    const checks = (t: typeof template) =>
      t.phases.flatMap((p) =>
        p.items.map((i) => ({ title: i.title, expected: i.expectedOutput, check: i.check ?? null })),
      );
    expect(checks(back)).toEqual(checks(template));
  });
});

const WITH_POLICY = `# Payments go-live

## Phase 1: Deploy

- [ ] Canary is healthy @devops
  Check: GET https://canary.example.com/health → 200 contains "ok", every 30s, 3 passes
- [ ] Error budget holds @sre

  Check: prometheus sum(rate(http_errors_total[5m])) < 0.01, every 1m, no autotick
- [ ] Pipeline green @devops
  Check: ci, no autotick
- [ ] Dashboards look fine @sre
  Check: look at the dashboard
- [ ] Warm the cache @devops

Check: GET https://api.example.com/ready, every 2h

Check: ci
`;

describe('Check: lines with their interval, passes and autotick', () => {
  it('reads the options, and warns with the line number about each line it cannot read', () => {
    const { template, warnings } = importOk(WITH_POLICY.replace(/\n\nCheck: ci\n$/, '\n'));
    expect(item(template, 'Canary is healthy').check).toEqual({
      kind: 'http',
      url: 'https://canary.example.com/health',
      method: 'GET',
      expectStatus: 200,
      expectBodyContains: 'ok',
      intervalSec: 30,
      passesNeeded: 3,
    });
    expect(item(template, 'Error budget holds').check).toMatchObject({ intervalSec: 60, autoTick: false });
    expect(item(template, 'Pipeline green').check).toEqual({ kind: 'ci', autoTick: false });
    expect(item(template, 'Dashboards look fine').check).toBeUndefined();
    expect(item(template, 'Warm the cache').check).toBeUndefined();
    const about = warnings.filter((w) => w.message.includes('"Check:" line'));
    expect(about).toEqual([
      { line: 13, message: expect.stringContaining('could not be read (it is none of') },
      {
        line: 16,
        message: expect.stringContaining('could not be read ("every 2h" is not between 1 s and 1 hour)'),
      },
    ]);
    expect(about[0].message).toContain('Check: look at the dashboard');
  });

  it('warns about a Check: line that follows no step', () => {
    const { warnings } = importOk('# Runbook\n\nCheck: ci\n\n## Phase 1\n\n- [ ] Deploy @devops\n');
    expect(warnings).toContainEqual({
      line: 3,
      message: 'This "Check:" line follows no checklist step, so it checks nothing.',
    });
  });

  it('exports the options and imports them back the same', () => {
    const { template, markdown } = exported(WITH_POLICY);
    expect(markdown).toContain('Check: GET https://canary.example.com/health → 200 contains "ok", every 30s, 3 passes');
    expect(markdown).toContain('Check: prometheus sum(rate(http_errors_total[5m])) < 0.01, every 1m, no autotick');
    expect(markdown).toContain('Check: ci, no autotick');
    const checks = (t: typeof template) =>
      t.phases.flatMap((p) => p.items.map((i) => ({ title: i.title, check: i.check ?? null })));
    const back = importOk(markdown);
    expect(checks(back.template)).toEqual(checks(template));
    expect(back.warnings.filter((w) => w.message.includes('"Check:"'))).toEqual([]);
  });
});
