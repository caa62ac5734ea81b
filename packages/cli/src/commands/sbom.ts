import { resolve } from 'node:path';
import { type Command, UsageError } from '../command.js';
import { writeOutput } from '../output.js';

export const sbomCommand: Command = {
  name: 'sbom',
  summary: 'write a CycloneDX SBOM for directories, lockfiles and binaries (Go, Rust, wasm)',
  usage: 'sbom [PATH...] [-o FILE] [--spec-version 1.6|1.7]',
  help: [
    ['PATH', 'a directory (every lockfile below it), a lockfile, or a binary (default: .)'],
    ['-o, --output FILE', 'write the SBOM to FILE (atomically) instead of stdout'],
    ['--spec-version V', 'CycloneDX version: 1.6 (default) or 1.7'],
  ],
  examples: [
    'attest sbom . -o bom.cdx.json',
    'attest sbom nats-server.wasm',
    'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) attest sbom Cargo.lock go.mod',
  ],
  options: {
    output: { type: 'string', short: 'o' },
    'spec-version': { type: 'string', default: '1.6' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const spec = String(values['spec-version']);
    if (spec !== '1.6' && spec !== '1.7') {
      throw new UsageError(`--spec-version must be 1.6 or 1.7, not "${spec}"`);
    }
    const epochText = io.env.SOURCE_DATE_EPOCH;
    let sourceDateEpoch: number | undefined;
    if (epochText !== undefined && epochText !== '') {
      if (!/^\d{1,12}$/.test(epochText)) {
        throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epochText}"`);
      }
      sourceDateEpoch = Number(epochText);
    }
    const paths = positionals.length > 0 ? positionals : ['.'];
    // Loaded on use, so other commands do not pay for the SBOM engine's start-up.
    const { generateSbom } = await import('@build-artifact/sbom');
    const result = await generateSbom(
      paths.map((p) => resolve(io.cwd, p)),
      {
        specVersion: spec,
        ...(sourceDateEpoch === undefined ? {} : { sourceDateEpoch }),
        onProgress: (e) => {
          if (e.level === 'warning') io.stderr.write(`attest sbom: warning: ${e.message}\n`);
        },
      },
    );
    await writeOutput(io, result.json, values.output as string | undefined);
    return 0;
  },
};
