import { createRequire } from 'node:module';
import { malformed } from '../errors.js';
import { parseYamlSubset } from './fastyaml.js';

/**
 * Parses YAML, turning a syntax error into a typed error that names the file and the line.
 * `skip`: entry fields the caller does not read, which the fast reader need not build (the full
 * parser, for files outside its subset, builds them anyway).
 */
export function parseYaml(text: string, file: string, skip?: ReadonlySet<string>): unknown {
  // The fast reader handles what lockfile tools write; anything else goes to the full parser.
  const fast = parseYamlSubset(text, skip);
  if (fast !== undefined) return fast;
  // Loaded only when needed: most runs never reach it, and it costs start-up time.
  const { parse, YAMLParseError } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
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
