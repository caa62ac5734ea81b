import { parse, YAMLParseError } from 'yaml';
import { malformed } from '../errors.js';

/** Parses YAML, turning a syntax error into a typed error that names the file and the line. */
export function parseYaml(text: string, file: string): unknown {
  try {
    // Lockfiles are large and flat: no aliases to expand, so keep the cap low against bombs.
    return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      throw malformed(
        file,
        `invalid YAML: ${err.message.split('\n')[0]}`,
        err.linePos?.[0]?.line,
        err,
      );
    }
    throw malformed(file, `invalid YAML: ${(err as Error).message}`, undefined, err);
  }
}
