// Text from evidence (subject names, certificate fields, SBOM names) is written by whoever
// signed it, and a failing verification must not be able to paint itself as a passing one.

// C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text
// (bidirectional overrides and isolates, line and paragraph separators, zero-width joiners and
// the byte-order mark).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

// What JSON.stringify leaves raw inside strings (C0 controls it escapes itself; outside strings
// they are only the indentation's newlines).
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

function escapeChar(c: string): string {
  const code = c.codePointAt(0)!;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * One line of text safe for a terminal and a workflow log: every control and reordering
 * character shown as an escape (`\x1b`, `\n`, `\u{202e}`), and a leading `::` (a GitHub
 * Actions workflow command) broken with a backslash.
 */
export function safeText(text: string): string {
  const escaped = text.replace(UNSAFE, escapeChar);
  return escaped.startsWith('::') ? `\\${escaped}` : escaped;
}

/**
 * JSON for a terminal or a log: `JSON.stringify` escapes C0 controls but leaves C1 controls
 * and reordering characters raw; these become `\uXXXX` too. The value parses back unchanged.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    UNESCAPED_BY_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
