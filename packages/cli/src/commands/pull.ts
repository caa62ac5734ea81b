import { safeJson, safeText } from '@build-artifact/core';
import { type Command, UsageError } from '../command.js';
import { ociContext, ociReference } from '../oci.js';
import { outputFormat } from '../output.js';

export const pullCommand: Command = {
  name: 'pull',
  summary: 'pull an OCI artifact and its attestations (bundles, SBOM), every digest checked',
  usage: 'pull oci://REGISTRY/REPO[:TAG|@DIGEST] [-o DIR] [flags]',
  help: [
    ['REF', 'oci://REGISTRY/REPO[:TAG][@DIGEST] or oci-layout:DIR[:TAG]'],
    ['-o, --output DIR', 'where to write the files (default .)'],
    ['--no-referrers', 'only the artifact, not its bundles and SBOM'],
    ['--plain-http', 'use http:// for a registry that is not on loopback'],
    ['--format text|json', 'output format (default text)'],
  ],
  examples: [
    'attest pull oci://ghcr.io/acme/nats-server:v2.10.0 -o dist/',
    'attest verify dist/nats-server.wasm',
  ],
  options: {
    output: { type: 'string', short: 'o', default: '.' },
    'no-referrers': { type: 'boolean' },
    'plain-http': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const format = outputFormat(values.format);
    if (positionals.length !== 1) throw new UsageError('pull needs exactly one REF');
    const { pullArtifact } = await import('@build-artifact/pipeline');
    const result = await pullArtifact(
      {
        reference: ociReference(positionals[0]!, 'REF'),
        output: String(values.output),
        referrers: values['no-referrers'] !== true,
      },
      ociContext(io, 'pull', values['plain-http'] === true),
    );
    if (format === 'json') {
      io.stdout.write(
        `${safeJson({ reference: result.reference, files: result.files, skipped: result.skipped }, 2)}\n`,
      );
    } else {
      for (const f of result.files)
        io.stdout.write(`${safeText(`${f.digest.replace(/^sha256:/, '')}  ${f.path}`)}\n`);
      for (const s of result.skipped) {
        io.stderr.write(
          `${safeText(`attest pull: skipped referrer ${s.digest} (${s.artifactType ?? 'no artifactType'}) of ${s.manifest}: ${s.reason}`)}\n`,
        );
      }
      const skipped = result.skipped.length;
      io.stderr.write(
        `${safeText(`attest pull: ${result.reference}: ${result.files.length} files written to ${result.output}${skipped ? `, ${skipped} referrer${skipped === 1 ? '' : 's'} skipped` : ''}`)}\n`,
      );
    }
    return 0;
  },
};
