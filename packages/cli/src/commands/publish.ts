import { resolve } from 'node:path';
import { parseResolvedDependency } from '@build-artifact/provenance';
import { type Command, UsageError } from '../command.js';
import { ociContext } from '../oci.js';
import { outputFormat, writeSafeJson } from '../output.js';
import { sbomFormatFromFlags } from '../sbom-flags.js';
import {
  annotationsFromFlags,
  signHelp,
  signingRequest,
  signOptions,
  storeRequest,
} from '../sign-flags.js';

export const publishCommand: Command = {
  name: 'publish',
  summary:
    'attest and push built files in one go: SBOM, provenance naming the files and their manifests, signatures, push, referrers',
  usage: 'publish FILE... oci://REGISTRY/REPO[:TAG] | oci-layout:DIR[:TAG] [flags]',
  help: [
    ['FILE', 'a built file (a wasm module goes as a CNCF wasm artifact)'],
    ['DEST', 'oci://REGISTRY/REPO[:TAG] or oci-layout:DIR[:TAG]'],
    ['--sbom-input PATH', 'lockfiles (or a directory of them) for every SBOM (repeatable)'],
    ['--no-sbom', 'no SBOM and no SBOM attestation'],
    ['--sbom-format F', 'cyclonedx-json (default) or spdx-json (SPDX 2.3)'],
    ['--spec-version V', 'CycloneDX 1.6 (default) or 1.7'],
    [
      '--resolved-dependency D',
      'an artifact the build consumed: URI=sha256:HEX, or oci://...@sha256:HEX (repeatable)',
    ],
    ['--local', 'local provenance even inside GitHub Actions'],
    ['--oidc-issuer URL', 'issuer to verify the Actions token against'],
    [
      '--output-directory DIR',
      'where the bundles and SBOMs are written (default beside each FILE)',
    ],
    ['--tag-by-name', 'tag each FILE by its name (default: DEST tag for one FILE)'],
    ['--artifact-type T', 'artifactType of non-wasm files'],
    ['--annotation K=V', 'a manifest annotation (repeatable)'],
    ['--plain-http', 'use http:// for a registry that is not on loopback'],
    ['--format text|json', 'output format (default text)'],
    ...signHelp,
  ],
  examples: [
    'attest publish dist/nats.wasm oci://ghcr.io/acme/nats-wasm:v2.10.0 --sbom-input .',
    'attest publish target/release/cli oci://ghcr.io/acme/cli:v1 --resolved-dependency oci://ghcr.io/acme/nats-wasm@sha256:<hex>',
  ],
  options: {
    'sbom-input': { type: 'string', multiple: true },
    'no-sbom': { type: 'boolean' },
    'sbom-format': { type: 'string' },
    'spec-version': { type: 'string' },
    'resolved-dependency': { type: 'string', multiple: true },
    local: { type: 'boolean' },
    'oidc-issuer': { type: 'string' },
    'output-directory': { type: 'string' },
    'tag-by-name': { type: 'boolean' },
    'artifact-type': { type: 'string' },
    annotation: { type: 'string', multiple: true },
    'plain-http': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
    ...signOptions,
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const format = outputFormat(values.format);
    const args = [...positionals];
    const destination = args.pop();
    if (!destination || !/^(oci:\/\/|oci-layout:)/.test(destination) || args.length === 0)
      throw new UsageError('publish needs FILE... and a destination oci://... or oci-layout:...');
    const sbomFormat = sbomFormatFromFlags(
      values['sbom-format'],
      values['spec-version'],
      '--sbom-format',
    );
    const annotations = annotationsFromFlags(values.annotation as string[] | undefined);
    const at = (p: string) => resolve(io.cwd, p);
    const target = {
      reference: destination,
      annotations,
      ...(values['tag-by-name'] ? { tagByName: true } : {}),
      ...(values['artifact-type'] ? { artifactType: String(values['artifact-type']) } : {}),
    };
    const context = ociContext(io, 'publish', values['plain-http'] === true);
    const { attest, publishAttested } = await import('@build-artifact/pipeline');
    const attested = await attest(
      {
        artifacts: { paths: args.map(at) },
        sbom: values['no-sbom']
          ? false
          : {
              ...sbomFormat,
              inputs: ((values['sbom-input'] as string[]) ?? []).map(at),
            },
        provenance: {
          builder: values.local ? 'local' : 'auto',
          ...(values['oidc-issuer'] ? { issuer: String(values['oidc-issuer']) } : {}),
          resolvedDependencies: ((values['resolved-dependency'] as string[]) ?? []).map(
            parseResolvedDependency,
          ),
        },
        signing: signingRequest(values),
        publishTo: target,
        sidecars: values['output-directory']
          ? { directory: at(String(values['output-directory'])) }
          : {},
        ...storeRequest(values, io),
      },
      context,
    );
    const published = await publishAttested(attested, context);
    if (format === 'json')
      writeSafeJson(
        io.stdout,
        { attested: attested.artifacts.map(({ sbom: _, ...a }) => a), published },
        2,
      );
    else {
      for (const a of published.artifacts) io.stdout.write(`${a.reference}\n`);
      io.stderr.write(
        `attest publish: ${published.artifacts.length} artifact(s), ${published.referrers.length} referrers, signed with ${attested.signer?.describe ?? 'no signature'}\n`,
      );
    }
    return 0;
  },
};
