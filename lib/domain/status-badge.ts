/**
 * The status badge for wikis and READMEs: "go-live · in progress 42 %", in the shape of the
 * familiar shields — a grey label and a message coloured by state and health. The message always
 * says in words what the colour says, and the SVG carries a <title> for screen readers.
 */
import { isTerminal, stateLabel } from './deployment-state';
import type { PublicStatus } from './public-status';
import { escapeXml } from './xml-text';

export type BadgeTone = 'ok' | 'info' | 'warn' | 'danger' | 'quiet';

export type Badge = { label: string; message: string; tone: BadgeTone };

/** Fills with at least 4.5:1 contrast to white 11 px text (WCAG AA). */
export const TONE_FILL: Record<BadgeTone, string> = {
  ok: '#1a7f37',
  info: '#0969da',
  warn: '#9a6700',
  danger: '#cf222e',
  quiet: '#57606a',
};
const LABEL_FILL = '#3d444d';

const SHOWS_PROGRESS = new Set(['preflight', 'in_progress', 'on_hold', 'rolling_back']);

/** What the badge says, from the same snapshot the public page shows. */
export function statusBadge(status: Pick<PublicStatus, 'state' | 'track' | 'progress' | 'health'>): Badge {
  const label = status.track === 'rollback' ? 'rollback' : 'go-live';
  const words = stateLabel(status.state).toLowerCase();
  const parts = [SHOWS_PROGRESS.has(status.state) ? `${words} ${status.progress.percent} %` : words];
  const running = !isTerminal(status.state) && status.state !== 'planned';
  if (running && status.health.level > 1) parts.push(status.health.label.toLowerCase());
  return { label, message: parts.join(' · '), tone: toneOf(status, running) };
}

function toneOf(status: Pick<PublicStatus, 'state' | 'health'>, running: boolean): BadgeTone {
  switch (status.state) {
    case 'completed':
      return 'ok';
    case 'rolling_back':
    case 'rolled_back':
    case 'aborted':
      return 'danger';
    case 'planned':
      return 'quiet';
    case 'on_hold':
      return status.health.level === 3 ? 'danger' : 'warn';
  }
  if (running && status.health.level === 3) return 'danger';
  if (running && status.health.level === 2) return 'warn';
  return status.state === 'monitoring' ? 'ok' : 'info';
}

/**
 * Advance widths of Verdana at 11 px (the font badges are drawn in), for the characters a badge
 * says; anything else is taken as a wide letter, so the box is never too small.
 */
const WIDTH: Record<string, number> = {
  ' ': 3.9,
  '%': 11.9,
  '-': 4.7,
  '.': 3.9,
  ',': 3.9,
  ':': 4.6,
  '·': 3.9,
  '(': 4.5,
  ')': 4.5,
  '/': 4.6,
  a: 6.7,
  b: 6.8,
  c: 5.7,
  d: 6.8,
  e: 6.6,
  f: 3.8,
  g: 6.8,
  h: 7.0,
  i: 3.0,
  j: 3.8,
  k: 6.4,
  l: 3.0,
  m: 10.7,
  n: 7.0,
  o: 6.7,
  p: 6.8,
  q: 6.8,
  r: 4.7,
  s: 5.7,
  t: 4.3,
  u: 7.0,
  v: 6.4,
  w: 9.0,
  x: 6.4,
  y: 6.4,
  z: 5.7,
};
const DIGIT = 7.0;
const UPPER = 7.6;
const OTHER = 8.5;

/** Estimated width in pixels of `text` in Verdana 11 px. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char in WIDTH) width += WIDTH[char];
    else if (char >= '0' && char <= '9') width += DIGIT;
    else if (char >= 'A' && char <= 'Z') width += UPPER;
    else width += OTHER;
  }
  return Math.round(width * 10) / 10;
}

const PAD = 6;
const HEIGHT = 20;

/** The badge as a self-contained SVG document. */
export function renderBadge(badge: Badge): string {
  const labelText = textWidth(badge.label);
  const messageText = textWidth(badge.message);
  const labelWidth = Math.ceil(labelText + 2 * PAD);
  const messageWidth = Math.ceil(messageText + 2 * PAD);
  const width = labelWidth + messageWidth;
  const title = escapeXml(`${badge.label}: ${badge.message}`);
  const label = escapeXml(badge.label);
  const message = escapeXml(badge.message);
  const fill = TONE_FILL[badge.tone];
  // textLength makes the drawn text exactly as wide as estimated, whatever font the viewer has.
  const text = (x: number, length: number, value: string) =>
    `<text x="${x}" y="14" textLength="${length}" lengthAdjust="spacingAndGlyphs">${value}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    '<g clip-path="url(#r)">',
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_FILL}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${fill}"/>`,
    '</g>',
    '<g fill="#fff" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    text(PAD, labelText, label),
    text(labelWidth + PAD, messageText, message),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
