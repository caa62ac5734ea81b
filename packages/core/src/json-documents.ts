import { CoreError } from './error.js';

/** One JSON document of a file, with where it came from and its own text. */
export interface JsonDocument {
  /** `file` for a whole-file document, `file:line` for a JSON line. */
  source: string;
  text: string;
  json: unknown;
}

/**
 * A file of one JSON document, or of JSON lines (one document per line, as `gh attestation
 * download`, `.intoto.jsonl` files and trusted-root bundles hold them). Errors name the file
 * and, for a line, its number.
 */
export function parseJsonDocuments(text: string, source: string): JsonDocument[] {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new CoreError({ code: 'INVALID_JSON', message: `${source}: the file is empty` });
  }
  try {
    return [{ source, text: trimmed, json: JSON.parse(trimmed) }];
  } catch {
    // Not one JSON document: read it as JSON lines.
  }
  const out: JsonDocument[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const lineText = line.trim();
    if (lineText === '') continue;
    try {
      out.push({ source: `${source}:${i + 1}`, text: lineText, json: JSON.parse(lineText) });
    } catch (err) {
      throw new CoreError({
        code: 'INVALID_JSON',
        message: `${source}:${i + 1}: not JSON (${(err as Error).message})`,
      });
    }
  }
  return out;
}

/**
 * A Sigstore bundle inside a GitHub attestation API record (`{"bundle": {...}}`, as the API and
 * `gh attestation download` give them); anything else as it is.
 */
export function unwrapAttestationRecord(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record.mediaType === undefined && typeof record.bundle === 'object') return record.bundle;
  }
  return value;
}
