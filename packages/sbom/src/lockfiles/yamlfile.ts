import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { malformed } from '../errors.js';
import { parseYamlSubset } from './fastyaml.js';

// The full parser: large (tens of ms to load), and most files never need it.
let fullYaml: typeof Yaml | undefined;

/**
 * Thrown by `parseYaml` when a file needs the full YAML parser and it cannot be loaded
 * synchronously (inside a bundle, where there is no node_modules to require it from): call
 * `loadYamlParser()` and parse again. `generateSbom` does that.
 */
export class YamlParserNeeded extends Error {
  constructor(file: string) {
    super(`${file}: needs the full YAML parser: await loadYamlParser() and parse again`);
  }
}

/** Loads the full YAML parser (a chunk of its own in a bundle), once. */
export async function loadYamlParser(): Promise<void> {
  fullYaml ??= await import('yaml');
}

function fullParser(file: string): typeof Yaml {
  if (fullYaml) return fullYaml;
  try {
    // Synchronous callers outside a bundle: the package is in node_modules.
    fullYaml = createRequire(import.meta.url)('yaml') as typeof Yaml;
    return fullYaml;
  } catch {
    throw new YamlParserNeeded(file);
  }
}

/**
 * Parses YAML, turning a syntax error into a typed error that names the file and the line.
 * `skip`: entry fields the caller does not read, which the fast reader need not build (the full
 * parser, for files outside its subset, builds them anyway).
 */
export function parseYaml(text: string, file: string, skip?: ReadonlySet<string>): unknown {
  // The fast reader handles what lockfile tools write; anything else goes to the full parser.
  const fast = parseYamlSubset(text, skip);
  if (fast !== undefined) return fast;
  const { parse, YAMLParseError } = fullParser(file);
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
