// Text from evidence and SBOMs is written by whoever signed or built the artifact. In the page
// it is always text (never markup, never an attribute break-out, never a script URL); in
// Markdown it is inert (no links, emphasis, tables or HTML); in Mermaid it is a quoted label
// made of entity codes. Control and reordering characters are shown as escapes (`\x1b`,
// `\u{202e}`) everywhere, so no name can hide or reorder what follows it.
import { safeText } from '@build-artifact/core';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return safeText(String(text)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A link target the page may use, or undefined: an in-page anchor (`#a1`), or an absolute
 * `https:` URL without credentials. Anything else (javascript:, data:, relative paths that
 * would resolve against wherever the file was opened) is not a link.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  if (/^#[A-Za-z0-9_-]{1,200}$/.test(href)) return href;
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/**
 * Plain text from evidence in Markdown: controls escaped, HTML and Markdown syntax inert
 * (backslash escapes), `|` and the backtick entities (a backslash does not stop `|` splitting a
 * table cell in every renderer), and autolinks broken with an empty element (GitHub links bare URLs,
 * `www.` names and e-mail addresses in text).
 */
export function markdownText(text: string): string {
  return safeText(String(text))
    .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!)
    .replace(/[\\*_[\]#!~]/g, (c) => `\\${c}`)
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/:\/\//g, ':<span></span>//')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}<span></span>.`)
    .replace(/@/g, '<span></span>@');
}

/**
 * Text from evidence as a Markdown code span, whose content is never parsed (no emphasis, no
 * HTML, no autolink): the fence is longer than any run of backticks inside, and `|` is
 * escaped as GitHub's tables require even inside code spans.
 */
export function markdownCode(text: string): string {
  const body = safeText(String(text)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

// What a Mermaid label may hold literally; everything else is written as `#<decimal>;`, the
// entity code syntax Mermaid decodes inside labels (quotes, brackets, `#` itself, non-ASCII).
const MERMAID_PLAIN = /^[A-Za-z0-9 .,:/@+_=-]$/;

/** A Mermaid node label (to be put in double quotes), at most `max` characters of text. */
export function mermaidLabel(text: string, max = 48): string {
  const chars = [...safeText(String(text))];
  const shown = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  return shown
    .map((c) => (MERMAID_PLAIN.test(c) ? c : `#${c.codePointAt(0)!};`))
    .join('')
    .replace(/--/g, '-#45;');
}
