import { describe, expect, it } from 'vitest';
import { templateCountLine } from './template-list';

describe("the template library's count line", () => {
  it('says how many it shows, and how to find those it leaves out', () => {
    expect(templateCountLine(1, 1, '')).toBe('1 template.');
    expect(templateCountLine(2, 2, 'payroll')).toBe('2 templates matching “payroll”.');
    expect(templateCountLine(500, 731, '')).toBe(
      'Showing the 500 most recently changed of 731 templates: search by name or description to find the others.',
    );
    expect(templateCountLine(0, 0, 'zed')).toBe('No template matches “zed”.');
    // The last one deleted while the page is open.
    expect(templateCountLine(0, 0, '')).toBe('No templates yet.');
  });

  it('says "you made" when only one\'s own templates are shown', () => {
    expect(templateCountLine(2, 2, '', 'mine')).toBe('2 templates you made.');
    expect(templateCountLine(1, 1, 'payroll', 'mine')).toBe('1 template you made matching “payroll”.');
    expect(templateCountLine(0, 0, '', 'mine')).toBe('You have made no templates yet.');
    expect(templateCountLine(0, 0, 'zed', 'mine')).toBe('No template you made matches “zed”.');
    expect(templateCountLine(500, 612, '', 'mine')).toBe(
      'Showing the 500 most recently changed of 612 templates you made: search by name or description to find the others.',
    );
  });
});
