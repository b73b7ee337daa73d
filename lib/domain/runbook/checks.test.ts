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
    const { template } = importOk(RUNBOOK);
    const markdown = templateToMarkdown(templateDefinitionSchema.parse(template));
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
