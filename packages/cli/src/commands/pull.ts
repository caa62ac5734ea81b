import { resolve } from 'node:path';
import { safeJson, safeText } from '@build-artifact/core';
import { formatReference, pull } from '@build-artifact/oci';
import { type Command, UsageError } from '../command.js';
import { ociReference, openOci, referenceTarget } from '../oci.js';
import { outputFormat } from '../output.js';
import { ociProgress } from '../progress.js';

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
    const ref = ociReference(positionals[0]!, 'REF');
    const target = openOci(ref, io, {
      plainHttp: values['plain-http'] === true,
      onProgress: ociProgress(io, 'pull'),
    });
    const out = resolve(io.cwd, String(values.output));
    const result = await pull(target, referenceTarget(ref), out, {
      referrers: values['no-referrers'] !== true,
    });
    const { tag: _t, ...base } = ref;
    if (format === 'json') {
      io.stdout.write(
        `${safeJson({ reference: formatReference({ ...base, digest: result.descriptor.digest }), files: result.files, skipped: result.skipped }, 2)}\n`,
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
        `attest pull: ${formatReference({ ...base, digest: result.descriptor.digest })}: ${result.files.length} files written to ${out}${skipped ? `, ${skipped} referrer${skipped === 1 ? '' : 's'} skipped` : ''}\n`,
      );
    }
    return 0;
  },
};
