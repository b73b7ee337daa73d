/**
 * Repairs "mojibake": UTF-8 bytes that some tool decoded as Windows-1252 ("âœ…" for ✅) or
 * Mac Roman ("‚úÖ" for ✅) and saved again. Runbooks pass through many editors and wikis,
 * so both turn up in real documents.
 *
 * The repair maps each suspicious character back to the byte it came from and accepts the
 * result only where those bytes form a complete, well-formed UTF-8 sequence. A lone "é" or
 * "≥" maps to one byte that is not valid UTF-8 on its own, so correct text is left alone.
 */

// Bytes 0x80–0xFF as Windows-1252 shows them. The five bytes 1252 leaves undefined decode to
// the C1 control of the same value in lenient decoders, which is what we see in the wild.
const CP1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ' +
  '\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

type ByteMap = Map<string, number>;

function byteMap(high: string, lenientC1: boolean): ByteMap {
  const map: ByteMap = new Map();
  Array.from(high).forEach((char, i) => map.set(char, 0x80 + i));
  if (lenientC1) {
    for (let b = 0x80; b <= 0x9f; b += 1) {
      const char = String.fromCharCode(b);
      if (!map.has(char)) map.set(char, b);
    }
  }
  return map;
}

const ENCODINGS: ByteMap[] = [byteMap(CP1252_HIGH, true), byteMap(MAC_ROMAN_HIGH, false)];

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one UTF-8 sequence; null for overlong forms, surrogates and C1 controls. */
function decodeSequence(bytes: number[]): string | null {
  const [lead, ...rest] = bytes;
  if (rest.some((b) => b < 0x80 || b > 0xbf)) return null;
  let code = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  for (const b of rest) code = (code << 6) | (b & 0x3f);
  const min = bytes.length === 2 ? 0x80 : bytes.length === 3 ? 0x800 : 0x10000;
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  const char = String.fromCodePoint(code);
  // A C1 control, a lone combining mark or a private-use character is never what the author
  // typed; rejecting them is what lets one of the two encodings win when both "decode".
  // Variation selectors and the keycap mark are marks too, but belong to emoji (⚠️, 1️⃣).
  const emojiMark = (code >= 0xfe00 && code <= 0xfe0f) || code === 0x20e3;
  if (code <= 0x9f || (!emojiMark && /[\p{M}\p{Co}\p{Cn}]/u.test(char))) return null;
  return char;
}

/** Repairs one run of suspicious characters under one encoding; counts repaired sequences. */
function repairRun(chars: string[], map: ByteMap): { text: string; fixed: number } {
  let text = '';
  let fixed = 0;
  let i = 0;
  while (i < chars.length) {
    const lead = map.get(chars[i]);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length > 0 && i + length <= chars.length) {
      const bytes = chars.slice(i, i + length).map((c) => map.get(c));
      if (bytes.every((b): b is number => b !== undefined)) {
        const decoded = decodeSequence(bytes);
        if (decoded) {
          text += decoded;
          fixed += 1;
          i += length;
          continue;
        }
      }
    }
    text += chars[i];
    i += 1;
  }
  return { text, fixed };
}

function isSuspicious(char: string): boolean {
  return ENCODINGS.some((map) => map.has(char));
}

export function repairEncoding(text: string): { text: string; repaired: boolean } {
  // Fast path: every mojibake character sits outside ASCII.
  if (!/[^\x00-\x7f]/.test(text)) return { text, repaired: false };
  let out = '';
  let repaired = false;
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const original = run.join('');
      const [a, b] = ENCODINGS.map((map) => repairRun(run, map));
      // When both readings repair equally much but disagree, the text is ambiguous: keep it.
      const best = a.fixed === b.fixed ? (a.text === b.text ? a : null) : a.fixed > b.fixed ? a : b;
      if (best && best.fixed > 0) {
        repaired = true;
        out += best.text;
      } else {
        out += original;
      }
    } else {
      out += run.join('');
    }
    run = [];
  };
  for (const char of text) {
    if (char.charCodeAt(0) >= 0x80 && isSuspicious(char)) {
      run.push(char);
    } else {
      flush();
      out += char;
    }
  }
  flush();
  return { text: out, repaired };
}
