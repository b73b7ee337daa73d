import { describe, expect, it } from 'vitest';
import { breaches, convertUnit, parseThreshold } from './thresholds';

describe('parseThreshold', () => {
  it('reads the forms runbooks use', () => {
    expect(parseThreshold('<100ms')).toEqual({ comparison: '<', value: 100, unit: 'ms' });
    expect(parseThreshold('>1%')).toEqual({ comparison: '>', value: 1, unit: '%' });
    expect(parseThreshold('> 300 ms')).toEqual({ comparison: '>', value: 300, unit: 'ms' });
    expect(parseThreshold('<0.1%')).toEqual({ comparison: '<', value: 0.1, unit: '%' });
    expect(parseThreshold('>= 5 s')).toEqual({ comparison: '>', value: 5, unit: 's' });
  });
  it('uses the default comparison only when none is written', () => {
    expect(parseThreshold('200ms', '>')).toEqual({ comparison: '>', value: 200, unit: 'ms' });
    expect(parseThreshold('200ms')).toBeNull();
  });
  it('refuses prose', () => {
    expect(parseThreshold('Any errors')).toBeNull();
    expect(parseThreshold('')).toBeNull();
  });
});

describe('units and comparisons', () => {
  it('converts seconds and milliseconds', () => {
    expect(convertUnit(1.5, 's', 'ms')).toBe(1500);
    expect(convertUnit(250, 'ms', 's')).toBe(0.25);
  });
  it('compares in the rule direction', () => {
    expect(breaches(12, '>', 10)).toBe(true);
    expect(breaches(10, '>', 10)).toBe(false);
    expect(breaches(50, '<', 99.9)).toBe(true);
  });
});
