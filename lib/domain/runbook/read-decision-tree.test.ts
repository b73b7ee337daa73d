import { describe, expect, it } from 'vitest';
import { importOk } from './test-support';

const withTask = (body: string) => `# R\n\n- [ ] Go\n\n${body}`;

describe('rollback decision trees', () => {
  it('reads "metric > value → action" bullets into the level the action names', () => {
    const { template, warnings } = importOk(
      withTask(`## Rollback Triggers

- Error rate > 10% → immediate rollback
- p95 latency > 2000ms → prepare rollback
- Error rate > 2% → no rollback, keep watching
- Error rate > 5% → page the on-call engineer
`),
    );
    expect(template.decisionTree).toEqual([
      {
        level: 1,
        title: 'Minor issues',
        action: 'no rollback, keep watching',
        conditions: [
          { series: 'error_rate', comparison: '>', value: 2, unit: '%', sustainSec: 0, text: 'Error rate > 2%' },
        ],
        symptoms: [],
      },
      {
        level: 2,
        title: 'Major issues',
        action: 'prepare rollback',
        conditions: [
          {
            series: 'p95_latency',
            comparison: '>',
            value: 2000,
            unit: 'ms',
            sustainSec: 0,
            text: 'p95 latency > 2000ms',
          },
        ],
        symptoms: [],
      },
      {
        level: 3,
        title: 'Critical issues',
        action: 'immediate rollback',
        conditions: [
          { series: 'error_rate', comparison: '>', value: 10, unit: '%', sustainSec: 0, text: 'Error rate > 10%' },
        ],
        symptoms: [],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads "Level N" headings with symptom bullets, and skips the action bullets', () => {
    const { template } = importOk(
      withTask(`## Rollback Decision Tree

### Level 2: Major Issues (Prepare Rollback)

**Symptoms**:
- Error rate 3-10%
- p95 latency > 1000ms
- Core functionality degraded

**Action**:
- Engage incident commander
- Prepare rollback (don't execute yet)
`),
    );
    expect(template.decisionTree).toEqual([
      {
        level: 2,
        title: 'Major Issues',
        action: 'Prepare Rollback',
        conditions: [
          { series: 'error_rate', comparison: '>', value: 3, unit: '%', sustainSec: 0, text: 'Error rate 3-10%' },
          {
            series: 'p95_latency',
            comparison: '>',
            value: 1000,
            unit: 'ms',
            sustainSec: 0,
            text: 'p95 latency > 1000ms',
          },
        ],
        symptoms: ['Core functionality degraded'],
      },
    ]);
  });

  it('reads bold severity labels under an "issues" heading', () => {
    const { template } = importOk(
      withTask(`### Action If Issues Found

**Minor Issues (continue monitoring):**
- Single API error with automatic recovery ✅

**Serious Issues (consider rollback):**
- ❌ Error rate >5% sustained for 10 minutes
`),
    );
    expect(template.decisionTree.map((l) => [l.level, l.title, l.action])).toEqual([
      [1, 'Minor Issues', 'continue monitoring'],
      [2, 'Serious Issues', 'consider rollback'],
    ]);
    expect(template.decisionTree[0].symptoms).toEqual(['Single API error with automatic recovery']);
    expect(template.decisionTree[1].conditions).toEqual([
      {
        series: 'error_rate',
        comparison: '>',
        value: 5,
        unit: '%',
        sustainSec: 600,
        text: 'Error rate >5% sustained for 10 minutes',
      },
    ]);
  });

  it('reads a one-line "CRITICAL (Immediate Rollback): …" trigger list', () => {
    const { template } = importOk(withTask('CRITICAL (Immediate Rollback): Error rate >10%, p99 latency > 3000ms\n'));
    expect(template.decisionTree).toEqual([
      {
        level: 3,
        title: 'CRITICAL',
        action: 'Immediate Rollback',
        conditions: [
          { series: 'error_rate', comparison: '>', value: 10, unit: '%', sustainSec: 0, text: 'Error rate >10%' },
          {
            series: 'p99_latency',
            comparison: '>',
            value: 3000,
            unit: 'ms',
            sustainSec: 0,
            text: 'p99 latency > 3000ms',
          },
        ],
        symptoms: [],
      },
    ]);
  });

  it('puts values in the unit of the metric rule they refer to', () => {
    const { template } = importOk(
      withTask(`| Metric | Target | Alert If |
|---|---|---|
| API latency (p95) | <100ms | >300ms |

### Immediate Rollback
- p95 latency above 2 s for 5 minutes
`),
    );
    expect(template.decisionTree[0].conditions).toEqual([
      {
        series: 'p95_latency',
        comparison: '>',
        value: 2000,
        unit: 'ms',
        sustainSec: 300,
        text: 'p95 latency above 2 s for 5 minutes',
      },
    ]);
  });

  it('warns, with the line, only about a trigger with a threshold on no known metric', () => {
    const { template, warnings } = importOk(
      withTask(`## Rollback Triggers

### Planned Rollback
- Performance degradation >50% for >30 minutes
- Stakeholder decision
- p95 latency < 200ms
`),
    );
    expect(template.decisionTree[0].symptoms).toEqual([
      'Performance degradation >50% for >30 minutes',
      'Stakeholder decision',
      'p95 latency < 200ms',
    ]);
    expect(warnings).toEqual([
      { line: 8, message: expect.stringContaining('Performance degradation >50% for >30 minutes') },
    ]);
  });

  it('does not read alerting or escalation lists as rollback levels', () => {
    const { template } = importOk(
      withTask(`## Health Monitoring

### Critical Alerts

- Error rate > 10% → Page on-call engineer
- Service down → Page incident commander

**Escalation Criteria**:
- p95 latency > 1000ms → Escalation
`),
    );
    expect(template.decisionTree).toEqual([]);
  });
});
