/**
 * Text inside XML (the Atom feed, the SVG badge). Names and updates are typed by people: every
 * markup character is escaped, and characters XML 1.0 cannot carry at all (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped, or the whole document would not parse.
 */

// Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, and astral characters as proper pairs.
const NOT_XML_CHAR =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped for an element's text or an attribute value (either quote style). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITY[c]);
}
