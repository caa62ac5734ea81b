import type { DigestAlgorithm } from './digest.js';
import { CoreError } from './error.js';

export interface ChecksumEntry {
  algorithm: DigestAlgorithm;
  hex: string;
  path: string;
  /** `*` mode in GNU output: the file was read in binary mode (the same on POSIX). */
  binary?: boolean;
}

/**
 * The largest checksums file read: some 100,000 lines of sha256sum output, far more than the
 * MAX_SUBJECTS a statement takes.
 */
export const MAX_CHECKSUM_FILE_BYTES = 16 * 1024 * 1024;

const HEX_LENGTH: Record<number, DigestAlgorithm> = { 64: 'sha256', 128: 'sha512' };

// GNU coreutils escapes a name holding a backslash, newline or carriage return and marks the
// line with a leading backslash, so every entry stays on one line.
function escapeName(name: string): { escaped: boolean; text: string } {
  if (!/[\\\n\r]/.test(name)) return { escaped: false, text: name };
  return {
    escaped: true,
    text: name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r'),
  };
}

function unescapeName(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** One line as `sha256sum` prints it: `<hex>  <path>`, escaped like GNU coreutils when needed. */
export function formatChecksumLine(hex: string, path: string): string {
  const { escaped, text } = escapeName(path);
  return `${escaped ? '\\' : ''}${hex}  ${text}`;
}

/**
 * Parses `sha256sum`/`sha512sum` output (GNU, with `*` binary markers and escaped names) and
 * the BSD tag form `SHA256 (name) = hex`. `source` names the file in errors.
 */
export function parseChecksumFile(text: string, source = 'checksums'): ChecksumEntry[] {
  const entries: ChecksumEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) return;
    const fail = (what: string): never => {
      throw new CoreError({
        code: 'INVALID_CHECKSUM_FILE',
        message: `${source}:${index + 1}: ${what}`,
      });
    };
    const bsd = /^(\\?)(SHA256|SHA512) \((.*)\) = ([0-9a-fA-F]+)$/.exec(line);
    if (bsd) {
      const algorithm = bsd[2]!.toLowerCase() as DigestAlgorithm;
      const hex = bsd[4]!.toLowerCase();
      if (HEX_LENGTH[hex.length] !== algorithm)
        fail(`${bsd[2]} digest has ${hex.length} hex characters`);
      entries.push({ algorithm, hex, path: bsd[1] ? unescapeName(bsd[3]!) : bsd[3]! });
      return;
    }
    const gnu = /^(\\?)([0-9a-fA-F]+) ([ *])(.+)$/.exec(line);
    if (!gnu) fail('expected "<hex>  <file>"');
    const hex = gnu![2]!.toLowerCase();
    const algorithm = HEX_LENGTH[hex.length];
    if (!algorithm) fail(`a digest of ${hex.length} hex characters is neither sha256 nor sha512`);
    entries.push({
      algorithm: algorithm!,
      hex,
      path: gnu![1] ? unescapeName(gnu![4]!) : gnu![4]!,
      ...(gnu![3] === '*' ? { binary: true } : {}),
    });
  });
  return entries;
}
