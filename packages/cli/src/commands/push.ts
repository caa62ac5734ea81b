import { resolve } from 'node:path';
import { type Command, type CommandIO, UsageError } from '../command.js';
import { ociContext } from '../oci.js';
import { outputFormat } from '../output.js';
import { renderAttached, renderPushed } from '../render/push.js';
import { annotationsFromFlags } from '../sign-flags.js';

/** Where `attest push` writes when no registry is named: an OCI image layout directory. */
export const DEFAULT_LAYOUT = 'oci-layout:./oci-layout';

export const pushCommand: Command = {
  name: 'push',
  summary: 'push files to an OCI registry (or layout) with their bundles and SBOM as referrers',
  usage:
    'push FILE... [oci://REGISTRY/REPO[:TAG] | oci-layout:DIR[:TAG]] [flags]\n       attest push --bundle FILE oci://REGISTRY/REPO@sha256:... (attach to a published manifest)',
  help: [
    [
      'FILE',
      'a wasm module (CNCF wasm artifact) or any file (a CLI, a tarball); a FILE.oci-manifest.json beside it (planned when it was attested) is pushed as planned',
    ],
    [
      'DEST',
      `oci://REGISTRY/REPO[:TAG] or oci-layout:DIR[:TAG] (default ${DEFAULT_LAYOUT}:latest)`,
    ],
    [
      '--platform OS/ARCH',
      'platform of each FILE, in order (default: read from the binary); several files make an OCI index',
    ],
    ['--bundle FILE', 'a Sigstore bundle to attach as a referrer (repeatable)'],
    ['--sbom FILE', 'a CycloneDX SBOM to attach as a referrer'],
    ['--annotation K=V', 'a manifest annotation (repeatable)'],
    [
      '--artifact-type T',
      'artifactType of non-wasm files (default application/vnd.build-artifact.file.v1)',
    ],
    [
      '--no-attestations',
      'do not attach FILE.sigstore.json, FILE.sbom.sigstore.json, FILE.cdx.json found beside FILE',
    ],
    ['--mount-from REPO', 'a repository on the same registry to mount blobs from (repeatable)'],
    ['--plain-http', 'use http:// for a registry that is not on loopback (loopback always is)'],
    ['--format text|json', 'output format (default text)'],
  ],
  examples: [
    'attest push nats-server.wasm oci://ghcr.io/acme/nats-server:v2.10.0',
    'attest push app-linux-amd64 app-darwin-arm64 oci://ghcr.io/acme/app:v1 --platform linux/amd64 --platform darwin/arm64',
    'attest push dist/app.tar.gz oci-layout:./out:v1',
    'attest push --bundle app.vsa.sigstore.json oci://ghcr.io/acme/app@sha256:...',
  ],
  options: {
    platform: { type: 'string', multiple: true },
    bundle: { type: 'string', multiple: true },
    sbom: { type: 'string' },
    annotation: { type: 'string', multiple: true },
    'artifact-type': { type: 'string' },
    'no-attestations': { type: 'boolean' },
    'mount-from': { type: 'string', multiple: true },
    'plain-http': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const format = outputFormat(values.format);
    const args = [...positionals];
    const last = args.at(-1);
    const destination =
      last && (last.startsWith('oci://') || last.startsWith('oci-layout:'))
        ? args.pop()!
        : DEFAULT_LAYOUT;
    if (args.length === 0 && destination.includes('@')) return attachOnly(values, destination, io);
    if (args.length === 0) throw new UsageError('push needs at least one FILE');
    const annotations = annotationsFromFlags(values.annotation as string[] | undefined);
    const { parsePlatform } = await import('@build-artifact/oci');
    const platforms = ((values.platform as string[] | undefined) ?? []).map(parsePlatform);
    if (platforms.length > 0 && platforms.length !== args.length)
      throw new UsageError(
        `give one --platform per FILE (${args.length} files, ${platforms.length} platforms)`,
      );
    const { publishFiles } = await import('@build-artifact/pipeline');
    const result = await publishFiles(
      {
        target: {
          reference: destination,
          grouping: args.length > 1 || platforms.length > 0 ? 'index' : 'each',
          ...(platforms.length > 0 ? { platforms } : {}),
          annotations,
          ...(values['artifact-type'] ? { artifactType: String(values['artifact-type']) } : {}),
          ...(values['mount-from'] ? { mountFrom: values['mount-from'] as string[] } : {}),
        },
        files: { paths: args.map((f) => resolve(io.cwd, f)) },
        bundles: ((values.bundle as string[] | undefined) ?? []).map((b) => resolve(io.cwd, b)),
        sboms: values.sbom ? [resolve(io.cwd, String(values.sbom))] : [],
        ...(values['no-attestations'] ? { attachSidecars: false } : {}),
      },
      ociContext(io, 'push', values['plain-http'] === true),
    );
    renderPushed(io, result, format);
    return 0;
  },
};

/**
 * `attest push --bundle B oci://REGISTRY/REPO@sha256:...`: attaches attestations to a manifest
 * already published (a verification summary signed after the push), pushing nothing again.
 */
async function attachOnly(
  values: Record<string, unknown>,
  destination: string,
  io: CommandIO,
): Promise<number> {
  const format = outputFormat(values.format);
  const bundles = ((values.bundle as string[] | undefined) ?? []).map((b) => resolve(io.cwd, b));
  if (bundles.length === 0 && !values.sbom)
    throw new UsageError('attaching to a published manifest needs --bundle FILE (or --sbom FILE)');
  const { attachToManifest } = await import('@build-artifact/pipeline');
  const referrers = await attachToManifest(
    {
      reference: destination,
      bundles,
      sboms: values.sbom ? [resolve(io.cwd, String(values.sbom))] : [],
    },
    ociContext(io, 'push', values['plain-http'] === true),
  );
  renderAttached(io, destination, referrers, format);
  return 0;
}
