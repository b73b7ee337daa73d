import { describe, expect, it } from 'vitest';
import { csvCell, csvLines } from './csv';

describe('CSV exports', () => {
  it('quote what needs it and double the quotes inside', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('keep a spreadsheet from running a cell as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://evil","x")', '+1+1', '-2', '@SUM(A1)', '\tx'])
      expect(csvCell(hostile).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    // Numbers are numbers, negative ones too.
    expect(csvCell(-3)).toBe('-3');
  });

  it('end every line with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b'],
        ['c', null],
      ]),
    ).toBe('a,b\r\nc,\r\n');
  });
});
