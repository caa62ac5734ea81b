import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, stringFlag, UsageError } from '../command.js';
import { outputFormat, writeSafeJson } from '../output.js';
import { formatReport } from '../render/demo.js';

/**
 * The examples of the build-artifact checkout this CLI runs from, or of the one `cwd` is; only
 * a folder beside the repository's own packages counts (an installed CLI has none). The path is
 * joined at run time so the bundler does not take the folder for an asset: from `src/commands`,
 * `dist/commands` and `dist/bundle` alike, the checkout is four levels up.
 */
export function defaultExamplesDir(cwd: string): string | undefined {
  const up = ['..', '..', '..', '..'].join('/');
  const checkouts = [fileURLToPath(new URL(`${up}/`, import.meta.url)), cwd];
  for (const root of checkouts)
    if (
      existsSync(join(root, 'packages', 'pipeline', 'package.json')) &&
      existsSync(join(root, 'examples'))
    )
      return join(root, 'examples');
  return undefined;
}

export const demoCommand: Command = {
  name: 'demo',
  summary:
    'run the whole pipeline on the examples, offline: build, SBOM, provenance, sign (local Sigstore), push, verify',
  usage: 'demo [--out DIR] [--registry HOST:PORT] [--examples DIR]',
  help: [
    [
      '--out DIR',
      'keep everything here: artifacts, *.cdx.json, *.sigstore.json, trusted_root.json, oci/ (default: a new temporary directory, also kept)',
    ],
    ['--registry HOST:PORT', 'push to this registry (plain HTTP on loopback) instead of DIR/oci'],
    ['--examples DIR', "the examples to build (default: this checkout's examples/)"],
    ['--format FORMAT', 'text (default) or json (the whole report)'],
  ],
  examples: ['attest demo', 'attest demo --out demo-out', 'attest demo --registry 127.0.0.1:5000'],
  options: {
    out: { type: 'string' },
    registry: { type: 'string' },
    examples: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run({ values }, io) {
    const format = outputFormat(values.format);
    const registry = stringFlag(values, 'registry');
    if (
      registry !== undefined &&
      !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(registry)
    )
      throw new UsageError(`--registry must be HOST:PORT, not "${registry}"`);
    const examples =
      values.examples !== undefined ? String(values.examples) : defaultExamplesDir(io.cwd);
    if (examples === undefined)
      throw new UsageError(
        'attest demo runs on the examples of the build-artifact repository, and none are here: ' +
          'git clone https://github.com/build-artifact/build-artifact && cd build-artifact && scripts/dev npx attest demo ' +
          '(or give --examples DIR)',
      );
    const { runDemo } = await import('@build-artifact/pipeline');
    const report = await runDemo(
      {
        examples,
        ...(values.out !== undefined ? { out: String(values.out) } : {}),
        ...(registry ? { registry } : {}),
        log: (line) => io.stderr.write(`attest demo: ${line}\n`),
      },
      { cwd: io.cwd, env: io.env },
    );
    if (format === 'json') writeSafeJson(io.stdout, report, 2);
    else io.stdout.write(formatReport(report, io.cwd));
    return report.verified ? 0 : 1;
  },
};
