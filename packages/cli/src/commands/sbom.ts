import { resolve } from 'node:path';
import { type Command, UsageError } from '../command.js';
import { writeOutput } from '../output.js';

export const sbomCommand: Command = {
  name: 'sbom',
  summary:
    'write a CycloneDX or SPDX SBOM for directories, lockfiles and binaries (Go, Rust, wasm)',
  usage: 'sbom [PATH...] [-o FILE] [--format cyclonedx-json|spdx-json] [--spec-version 1.6|1.7]',
  help: [
    ['PATH', 'a directory (every lockfile below it), a lockfile, or a binary (default: .)'],
    ['-o, --output FILE', 'write the SBOM to FILE (atomically) instead of stdout'],
    ['--format F', 'cyclonedx-json (default) or spdx-json (SPDX 2.3)'],
    ['--spec-version V', 'CycloneDX version: 1.6 (default) or 1.7'],
  ],
  examples: [
    'attest sbom . -o bom.cdx.json',
    'attest sbom . --format spdx-json -o bom.spdx.json',
    'attest sbom nats-server.wasm',
    'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) attest sbom Cargo.lock go.mod',
  ],
  options: {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'spec-version': { type: 'string' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const spec = values['spec-version'] as string | undefined;
    if (spec !== undefined && spec !== '1.6' && spec !== '1.7') {
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
    const { DEFAULT_SBOM_FORMAT, generateSbom, isSbomFormat, SBOM_FORMATS } = await import(
      '@build-artifact/sbom'
    );
    const format = (values.format as string | undefined) ?? DEFAULT_SBOM_FORMAT;
    if (!isSbomFormat(format)) {
      const names = Object.keys(SBOM_FORMATS).join(' or ');
      throw new UsageError(`--format must be ${names}, not "${format}"`);
    }
    if (spec !== undefined && format !== 'cyclonedx-json') {
      throw new UsageError(`--spec-version is a CycloneDX version: not for --format ${format}`);
    }
    const result = await generateSbom(
      paths.map((p) => resolve(io.cwd, p)),
      {
        format,
        ...(spec === undefined ? {} : { specVersion: spec }),
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
