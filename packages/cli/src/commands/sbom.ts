import { safeText } from '@build-artifact/core';
import type { Command } from '../command.js';
import { writeOutput } from '../output.js';
import { sbomFormatFromFlags } from '../sbom-flags.js';

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
    const { format, specVersion } = sbomFormatFromFlags(
      values.format,
      values['spec-version'],
      '--format',
    );
    // Loaded on use, so other commands do not pay for the SBOM engine's start-up.
    const { describeArtifacts } = await import('@build-artifact/pipeline');
    const result = await describeArtifacts(
      {
        paths: positionals.length > 0 ? positionals : ['.'],
        format,
        ...(specVersion ? { specVersion } : {}),
      },
      {
        cwd: io.cwd,
        env: io.env,
        onProgress: (e) => {
          if (e.level === 'warning')
            io.stderr.write(`attest sbom: warning: ${safeText(e.message)}\n`);
        },
      },
    );
    await writeOutput(io, result.json, values.output as string | undefined);
    return 0;
  },
};
