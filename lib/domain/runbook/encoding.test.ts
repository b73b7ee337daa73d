import { describe, expect, it } from 'vitest';
import { repairEncoding } from './encoding';
import { parseRunbook } from './parse-runbook';

describe('repairEncoding', () => {
  it('repairs UTF-8 that was read as Windows-1252', () => {
    expect(repairEncoding('âœ… done').text).toBe('✅ done');
    expect(repairEncoding('A â†’ B').text).toBe('A → B');
    expect(repairEncoding('Celebrate! ðŸŽ‰').text).toBe('Celebrate! 🎉');
    expect(repairEncoding('now â€” later').text).toBe('now — later');
    expect(repairEncoding('P95 â‰¤2.0s').text).toBe('P95 ≤2.0s');
    expect(repairEncoding('cafÃ©').text).toBe('café');
  });

  it('repairs UTF-8 that was read as Mac Roman', () => {
    expect(repairEncoding('‚úÖ APPROVED').text).toBe('✅ APPROVED');
    expect(repairEncoding('Readiness ‚Äì Production').text).toBe('Readiness – Production');
    expect(repairEncoding('‚ö†Ô∏è Issues').text).toBe('⚠️ Issues');
    expect(repairEncoding('\uF8FFüü¢ PROCEEDING').text).toBe('🟢 PROCEEDING');
  });

  it('says whether it changed anything', () => {
    expect(repairEncoding('âœ…')).toEqual({ text: '✅', repaired: true });
    expect(repairEncoding('plain ascii')).toEqual({ text: 'plain ascii', repaired: false });
  });

  it('leaves correct text alone, accented letters and symbols included', () => {
    for (const text of [
      'café crème',
      'Load test (≥ 1000 RPS)',
      '✅ → ⏱️ ⬚',
      'Zürich, São Paulo, Ærø',
      '≤ 5 ms · ±2 %',
      '日本語のテキスト',
      '',
    ]) {
      expect(repairEncoding(text), text).toEqual({ text, repaired: false });
    }
  });

  it('keeps the line structure, so line numbers stay true', () => {
    const text = 'a â†’ b\nâœ… c\n\nðŸŽ‰';
    expect(repairEncoding(text).text.split('\n')).toHaveLength(4);
  });

  it('is applied by the importer before anything else', () => {
    const result = parseRunbook('# Go-live â€” v2\n\n- [ ] Celebrate ðŸŽ‰\n');
    expect(result.ok && result.template.name).toBe('Go-live — v2');
    expect(result.ok && result.template.phases[0].items[0].title).toBe('Celebrate 🎉');
  });
});
