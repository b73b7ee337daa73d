import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './address';
import { cursorDecision } from './bundle';
import { mailLines } from './mail-events';
import { updateMail } from './render';

const at = (iso: string) => new Date(iso);

describe('status mail', () => {
  it('takes trimmed, lower-cased addresses and nothing else', () => {
    expect(normalizeEmail('  Ops@Example.COM ')).toBe('ops@example.com');
    for (const bad of ['ops', 'a@b', '', 42, null, undefined, ['a@example.com'], `${'x'.repeat(250)}@example.com`])
      expect(normalizeEmail(bad)).toBeNull();
  });

  it('mails the first news at once and bundles what follows within the window', () => {
    const now = at('2026-12-07T10:00:30Z');
    const window = { now, bundleMs: 60_000 };
    expect(cursorDecision({ ...window, mailableEvents: 0, lastMailAt: null })).toBe('skip');
    expect(cursorDecision({ ...window, mailableEvents: 1, lastMailAt: null })).toBe('mail');
    expect(cursorDecision({ ...window, mailableEvents: 3, lastMailAt: at('2026-12-07T10:00:00Z') })).toBe('wait');
    expect(cursorDecision({ ...window, mailableEvents: 3, lastMailAt: at('2026-12-07T09:59:30Z') })).toBe('mail');
  });

  it('says what the page says: updates, states, moves and phases, never ticks', () => {
    const lines = mailLines(
      [
        { seq: 3, type: 'phase.started', at: '2026-12-07T10:01:00Z', actorName: 'Iris', data: { title: 'Deploy' } },
        { seq: 2, type: 'status.posted', at: '2026-12-07T10:00:00Z', actorName: 'Iris', data: { message: 'Going' } },
        { seq: 4, type: 'item.updated', at: '2026-12-07T10:02:00Z', actorName: 'Dana', data: { status: 'done' } },
        {
          seq: 5,
          type: 'deployment.transitioned',
          at: '2026-12-07T10:03:00Z',
          actorName: null,
          data: { to: 'on_hold', reason: 'secret' },
        },
      ],
      false,
    );
    expect(lines.map((l) => l.title)).toEqual(['Going', 'Phase started: Deploy', 'State: On hold']);
    expect(lines.every((l) => l.author === null)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('renders a phone-readable mail that names the deployment, marks a rehearsal and escapes HTML', () => {
    const mail = updateMail(
      {
        deploymentName: 'Payments <v2>',
        rehearsal: true,
        pageUrl: 'https://wr.example/status/ws_x',
        unsubscribeUrl: 'https://wr.example/status/ws_x/unsubscribe?code=c',
      },
      [{ at: '2026-12-07T10:00:00.000Z', title: 'All <b>green</b>', text: 'All <b>green</b>', author: null }],
    );
    expect(mail.subject).toBe('[REHEARSAL] Payments <v2>: All <b>green</b>');
    expect(mail.text).toContain('REHEARSAL · Payments <v2>');
    expect(mail.text).toContain('Status page: https://wr.example/status/ws_x');
    expect(mail.text).toContain('Unsubscribe: https://wr.example/status/ws_x/unsubscribe?code=c');
    expect(mail.html).toContain('Payments &lt;v2&gt;');
    expect(mail.html).not.toContain('<b>green</b>');
    expect(mail.html).toContain('name="viewport"');
  });
});
