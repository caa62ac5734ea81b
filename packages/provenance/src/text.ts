/**
 * A value from a token, a discovery document or the environment, quoted for an error message:
 * anything but printable ASCII is escaped and long values are cut, so that what a token or a
 * server says cannot move a terminal's cursor or forge a line of a workflow log.
 */
export function quoted(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > max ? text.slice(0, max) : text;
  const escaped = cut.replace(/[^\x20-\x7e]|["\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"${cut.length < text.length ? '...' : ''}`;
}
