import { formatTimeHint } from './time-hints';

/**
 * A synthetic runbook of any size in the importer's dialect — team table, timed phases,
 * sections, owned items with commands and expected output, nested items, sign-off tables —
 * for benchmarks and tests. Deterministic: the same count gives the same text.
 */

const ROLES: Array<[name: string, key: string, contact: string]> = [
  ['Incident Commander', 'ic', '@ic'],
  ['Database Admin', 'dba', 'dba@example.com'],
  ['DevOps Engineer', 'devops', 'devops@example.com'],
  ['QA Lead', 'qa', 'qa@example.com'],
  ['Communications', 'comms', '#go-live'],
];
const PHASES = ['Preparation', 'Database Migration', 'Deployment', 'Smoke Tests', 'Cutover', 'Post-Go-Live Monitoring'];
const ITEMS_PER_PHASE = 120;
const ITEMS_PER_SECTION = 20;

export function generateRunbook(itemCount: number): string {
  const total = Math.max(0, Math.floor(itemCount));
  const out: string[] = [
    `# Generated go-live runbook (${total} items)`,
    '',
    '**Go-Live Time:** 2026-01-15 08:00Z',
    '',
    '## Team',
    '',
    '| Role | Name | Contact |',
    '| --- | --- | --- |',
    ...ROLES.map(([name, key, contact]) => `| ${name} | ${key.toUpperCase()}-001 | ${contact} |`),
    '',
  ];
  let written = 0;
  for (let p = 0; written < total; p += 1) {
    const title = `Phase ${p + 1}: ${PHASES[p % PHASES.length]}`;
    out.push(`## ${title} (${formatTimeHint(-60 + p * 30, 30)})`, '');
    const phaseEnd = Math.min(total, written + ITEMS_PER_PHASE);
    for (let s = 0; written < phaseEnd; s += 1) {
      out.push(`### Section ${p + 1}.${s + 1}`, '');
      const sectionEnd = Math.min(phaseEnd, written + ITEMS_PER_SECTION);
      while (written < sectionEnd) {
        const n = written + 1;
        const [, key] = ROLES[n % ROLES.length];
        out.push(`- [${n % 11 === 0 ? 'x' : ' '}] Step ${n}: verify service-${n % 37} is healthy @${key}`);
        written += 1;
        if (n % 5 === 0) {
          out.push('  ```bash', `  curl -fsS https://service-${n % 37}.internal/health`, '  ```', '  Expected: 200 OK');
        }
        // Every seventh item gets two sub-steps while the count allows.
        if (n % 7 === 0 && sectionEnd - written >= 2) {
          out.push(
            `  - [ ] Step ${n}a: check logs of service-${n % 37} @${key}`,
            `  - [ ] Step ${n}b: check metrics of service-${n % 37} @${key}`,
          );
          written += 2;
        }
      }
      out.push('');
    }
    out.push(
      `**Gate: ${title} sign-off**`,
      '',
      '| Role | Sign-off |',
      '| --- | --- |',
      '| Incident Commander (@ic) |  |',
      '| QA Lead (@qa) |  |',
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
