import { parse, TomlError } from 'smol-toml';
import { malformed } from '../errors.js';

/** Parses TOML, turning a syntax error into a typed error that names the file and the line. */
export function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      const first = err.message.split('\n')[0] ?? 'invalid TOML';
      throw malformed(file, `invalid TOML: ${first}`, err.line, err);
    }
    throw malformed(file, `invalid TOML: ${(err as Error).message}`, undefined, err);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a mapping: a fast reader's Map or a parser's object; else undefined. */
export function entriesOf(value: unknown): Iterable<[string, unknown]> | undefined {
  if (value instanceof Map) return value as Map<string, unknown>;
  return isRecord(value) ? Object.entries(value) : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * String(value), also for the fast YAML reader's mappings, which have no prototype (String()
 * throws on those): a lockfile with a mapping where a string belongs gets an error, not a crash.
 */
export function toText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
