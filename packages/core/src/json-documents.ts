import { CoreError } from './error.js';

/** One JSON document of a file, with where it came from and its own text. */
export interface JsonDocument {
  /** `file` for a whole-file document, `file:line` for a JSON line. */
  source: string;
  text: string;
  json: unknown;
}

/**
 * The most documents one file of JSON lines may hold. `gh attestation download` writes one line
 * per attestation of a digest and `.intoto.jsonl` files a handful; a file of thousands is not
 * evidence anyone made, and every document costs a verification.
 */
export const MAX_JSON_DOCUMENTS = 1024;

/**
 * The deepest a JSON document (and a DSSE payload inside one) may nest arrays and objects. Real
 * bundles, statements and SBOMs stay under 20 levels; code that walks a value recursively
 * (JSON.stringify, canonicalisation, the Sigstore libraries) overflows the stack some thousands
 * of levels down, so deeper input is refused before anything walks it.
 */
export const MAX_JSON_DEPTH = 512;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;

/** The characters JSON text may hold outside strings: structure, numbers, true, false, null. */
const OUTSIDE_STRINGS = new Uint8Array(128);
for (const c of ' \t\n\r{}[],:0123456789+-.eEtruefalsn') OUTSIDE_STRINGS[c.charCodeAt(0)] = 1;

/**
 * Where JSON text first nests arrays and objects deeper than MAX_JSON_DEPTH, or -1: one pass
 * over the characters, no recursion, no parsing (brackets inside strings do not count). At the
 * first character JSON allows nowhere there (a control character in a string; outside strings,
 * anything but structure, numbers and literals) it answers -1: the text is no JSON, and the
 * parser, which stops there at the latest, says so. A binary or a JavaScript bundle thus reads
 * as not JSON, whatever brackets it holds. Bytes read as latin1 work as well: the characters
 * counted are ASCII, which no byte of a multi-byte UTF-8 character can be.
 */
function depthExceededAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c < SPACE) return -1;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    } else if (c >= 128 || OUTSIDE_STRINGS[c] !== 1) {
      return -1;
    }
  }
  return -1;
}

/** The 1-based line of offset `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function tooDeep(source: string, what = 'nests'): CoreError {
  return new CoreError({
    code: 'JSON_TOO_DEEP',
    message: `${source}: ${what} deeper than ${MAX_JSON_DEPTH} levels`,
  });
}

/**
 * JSON.parse for untrusted text: refuses documents nesting deeper than MAX_JSON_DEPTH
 * (JSON_TOO_DEEP) and names `source` in every error (INVALID_JSON).
 */
export function parseJson(text: string, source: string): unknown {
  if (depthExceededAt(text) !== -1) throw tooDeep(source);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CoreError({
      code: 'INVALID_JSON',
      message: `${source}: not JSON (${(err as Error).message})`,
      cause: err,
    });
  }
}

/**
 * A file of one JSON document, or of JSON lines (one document per line, as `gh attestation
 * download`, `.intoto.jsonl` files and trusted-root bundles hold them). Errors name the file
 * and, for a line, its number. At most MAX_JSON_DOCUMENTS documents (TOO_MANY_DOCUMENTS), each
 * nesting at most MAX_JSON_DEPTH levels (JSON_TOO_DEEP).
 */
export function parseJsonDocuments(text: string, source: string): JsonDocument[] {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new CoreError({ code: 'INVALID_JSON', message: `${source}: the file is empty` });
  }
  // Before any parsing: millions of nested arrays would cost gigabytes to build.
  const deep = depthExceededAt(text);
  if (deep !== -1) throw tooDeep(`${source}:${lineAt(text, deep)}`);
  try {
    return [{ source, text: trimmed, json: JSON.parse(trimmed) }];
  } catch {
    // Not one JSON document: read it as JSON lines.
  }
  // JSON lines, walked line by line: no array of every line of a large file.
  const out: JsonDocument[] = [];
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lineNumber++;
    const lineText = text.slice(start, end).trim();
    start = end + 1;
    if (lineText === '') continue;
    if (out.length === MAX_JSON_DOCUMENTS) {
      throw new CoreError({
        code: 'TOO_MANY_DOCUMENTS',
        message: `${source}: more than ${MAX_JSON_DOCUMENTS} JSON documents (line ${lineNumber}); at most ${MAX_JSON_DOCUMENTS} are read from one file`,
      });
    }
    try {
      out.push({ source: `${source}:${lineNumber}`, text: lineText, json: JSON.parse(lineText) });
    } catch (err) {
      throw new CoreError({
        code: 'INVALID_JSON',
        message: `${source}:${lineNumber}: not JSON (${(err as Error).message})`,
        cause: err,
      });
    }
  }
  return out;
}

/**
 * Refuses a Sigstore bundle whose DSSE payload (an in-toto statement, base64 inside the bundle,
 * so out of sight of the check of the file) nests deeper than MAX_JSON_DEPTH: JSON_TOO_DEEP,
 * naming `source`. Anything else passes: judging it is verification's job.
 */
export function checkPayloadDepth(bundle: unknown, source: string): void {
  if (typeof bundle !== 'object' || bundle === null) return;
  const envelope = (bundle as { dsseEnvelope?: unknown }).dsseEnvelope;
  if (typeof envelope !== 'object' || envelope === null) return;
  const payload = (envelope as { payload?: unknown }).payload;
  if (typeof payload !== 'string') return;
  // latin1: one character per byte, the cheapest decoding (see depthExceededAt).
  if (depthExceededAt(Buffer.from(payload, 'base64').toString('latin1')) !== -1) {
    throw tooDeep(source, 'the DSSE payload nests');
  }
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
