import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { DeploymentState } from './deployment-state';
import { renderBadge, statusBadge, textWidth, TONE_FILL } from './status-badge';

function status(state: DeploymentState, level: 1 | 2 | 3 = 1, track: 'go-live' | 'rollback' = 'go-live') {
  const label = { 1: 'Healthy', 2: 'Degraded', 3: 'Critical' }[level];
  return { state, track, progress: { percent: 42, done: 5, total: 12 }, health: { level, label } };
}

describe('statusBadge', () => {
  it('says the state in words, with progress while work runs and health when it is not good', () => {
    expect(statusBadge(status('in_progress'))).toEqual({ label: 'go-live', message: 'in progress 42 %', tone: 'info' });
    expect(statusBadge(status('in_progress', 2))).toEqual({
      label: 'go-live',
      message: 'in progress 42 % · degraded',
      tone: 'warn',
    });
    expect(statusBadge(status('in_progress', 3)).tone).toBe('danger');
    expect(statusBadge(status('planned', 3))).toEqual({ label: 'go-live', message: 'planned', tone: 'quiet' });
    expect(statusBadge(status('on_hold'))).toEqual({ label: 'go-live', message: 'on hold 42 %', tone: 'warn' });
    expect(statusBadge(status('monitoring'))).toEqual({ label: 'go-live', message: 'monitoring', tone: 'ok' });
    expect(statusBadge(status('completed', 2))).toEqual({ label: 'go-live', message: 'completed', tone: 'ok' });
    expect(statusBadge(status('rolling_back', 1, 'rollback'))).toEqual({
      label: 'rollback',
      message: 'rolling back 42 %',
      tone: 'danger',
    });
    expect(statusBadge(status('aborted')).tone).toBe('danger');
  });
});

describe('renderBadge', () => {
  it('is a well-formed, accessible SVG sized to its text and coloured by its tone', () => {
    const svg = renderBadge({ label: 'go-live', message: 'in progress 42 %', tone: 'ok' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(parsed['@_role']).toBe('img');
    expect(parsed['@_aria-label']).toBe('go-live: in progress 42 %');
    expect(parsed.title).toBe('go-live: in progress 42 %');
    expect(svg).toContain(`fill="${TONE_FILL.ok}"`);
    const labelWidth = Math.ceil(textWidth('go-live') + 12);
    const messageWidth = Math.ceil(textWidth('in progress 42 %') + 12);
    expect(Number(parsed['@_width'])).toBe(labelWidth + messageWidth);
  });

  it('escapes whatever it is given', () => {
    const svg = renderBadge({ label: '<b>&', message: `"x" </text><script>alert(1)</script>`, tone: 'warn' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
  });
});

describe('textWidth', () => {
  it('estimates Verdana 11 px: wide letters wider, unknown characters never too narrow', () => {
    expect(textWidth('go-live')).toBeCloseTo(37.2, 1);
    expect(textWidth('mmm')).toBeGreaterThan(textWidth('iii') * 3);
    expect(textWidth('Ω')).toBeGreaterThanOrEqual(textWidth('a'));
    expect(textWidth('')).toBe(0);
  });
});
