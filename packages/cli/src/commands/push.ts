import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  digestFile,
  fileError,
  MediaType,
  PredicateType,
  parseJsonDocuments,
  unwrapAttestationRecord,
} from '@build-artifact/core';
import {
  attachBundle,
  attachSbom,
  bundleFacts,
  contextAnnotations,
  type Descriptor,
  detectPlatform,
  formatReference,
  type PlatformFile,
  type PushedArtifact,
  parsePlatform,
  pushArtifact,
  pushIndex,
  type Reference,
  sourceDateEpoch,
} from '@build-artifact/oci';
import { type Command, UsageError } from '../command.js';
import { ociReference, openOci } from '../oci.js';
import { outputFormat } from '../output.js';
import { ociProgress } from '../progress.js';

/** Where `attest push` writes when no registry is named: an OCI image layout directory. */
export const DEFAULT_LAYOUT = 'oci-layout:./oci-layout';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw fileError(path, err);
  }
}

function isBundle(json: unknown): boolean {
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
  return (
    typeof mediaType === 'string' && mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  );
}

/**
 * Reads attestations to attach: one CycloneDX SBOM, or Sigstore bundles (one JSON document, or
 * JSON lines of them as gh writes), each checked to be what it claims before anything is pushed.
 */
async function readAttachments(
  path: string,
  kind: 'bundle' | 'sbom',
  forFile?: string,
): Promise<Attachment[]> {
  const text = await readText(path);
  const base = { path, kind, ...(forFile ? { forFile } : {}) };
  if (kind === 'sbom') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${path}: not JSON (${(err as Error).message})`);
    }
    if ((json as { bomFormat?: unknown } | null)?.bomFormat !== 'CycloneDX') {
      throw new UsageError(`${path}: not a CycloneDX SBOM (no "bomFormat": "CycloneDX")`);
    }
    return [{ ...base, text, json }];
  }
  // As attest verify --bundle reads them: one document or JSON lines, attestation API records
  // unwrapped. What goes to the registry is the bundle's own JSON.
  return parseJsonDocuments(text, path).map((doc) => {
    const json = unwrapAttestationRecord(doc.json);
    if (!isBundle(json))
      throw new UsageError(
        `${doc.source}: not a Sigstore bundle (no "mediaType": "application/vnd.dev.sigstore.bundle...")`,
      );
    const whole = doc.source === path ? text : doc.text;
    return { ...base, text: json === doc.json ? whole : JSON.stringify(json), json };
  });
}

interface Attachment {
  path: string;
  kind: 'bundle' | 'sbom';
  text: string;
  json: unknown;
  /** The file it sits beside (side files), else matched by the statement's subjects. */
  forFile?: string;
}

/** The digests (`sha256:`/`sha512:`) a bundle's in-toto statement names as subjects. */
function statementSubjects(json: unknown): Set<string> {
  const statement = bundleFacts(json).statement as
    | { subject?: { digest?: Record<string, string> }[] }
    | undefined;
  const out = new Set<string>();
  for (const s of statement?.subject ?? []) {
    for (const alg of ['sha256', 'sha512']) if (s.digest?.[alg]) out.add(`${alg}:${s.digest[alg]}`);
  }
  return out;
}

export const pushCommand: Command = {
  name: 'push',
  summary: 'push files to an OCI registry (or layout) with their bundles and SBOM as referrers',
  usage: 'push FILE... [oci://REGISTRY/REPO[:TAG] | oci-layout:DIR[:TAG]] [flags]',
  help: [
    ['FILE', 'a wasm module (CNCF wasm artifact) or any file (a CLI, a tarball)'],
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
    const destText =
      last && (last.startsWith('oci://') || last.startsWith('oci-layout:'))
        ? args.pop()!
        : DEFAULT_LAYOUT;
    if (args.length === 0) throw new UsageError('push needs at least one FILE');
    const dest: Reference = ociReference(destText, 'DEST');
    if (dest.digest)
      throw new UsageError(`cannot push to a digest (${destText}): give a tag or none`);
    const tag = dest.tag ?? 'latest';
    const files = args.map((f) => resolve(io.cwd, f));
    for (const f of files)
      if (!(await exists(f))) throw fileError(f, Object.assign(new Error(), { code: 'ENOENT' }));

    const annotations: Record<string, string> = {};
    for (const a of (values.annotation as string[] | undefined) ?? []) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new UsageError(`--annotation must be KEY=VALUE, not "${a}"`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }

    // Attestations: explicit ones, then the side files the sign and sbom commands write.
    const attachments: Attachment[] = [];
    for (const b of (values.bundle as string[] | undefined) ?? []) {
      const path = resolve(io.cwd, b);
      attachments.push(...(await readAttachments(path, 'bundle')));
    }
    if (values.sbom) {
      const path = resolve(io.cwd, String(values.sbom));
      attachments.push(...(await readAttachments(path, 'sbom')));
    }
    if (!values['no-attestations']) {
      for (const f of files) {
        for (const [suffix, kind] of [
          ['.sigstore.json', 'bundle'],
          ['.sbom.sigstore.json', 'bundle'],
          ['.cdx.json', 'sbom'],
        ] as const) {
          const path = f + suffix;
          if (attachments.some((a) => a.path === path) || !(await exists(path))) continue;
          attachments.push(...(await readAttachments(path, kind, f)));
        }
      }
    }

    // The standard annotations: environment, then what the provenance and SBOM say.
    const provenance = attachments
      .filter((a) => a.kind === 'bundle')
      .map((a) => bundleFacts(a.json))
      .find((f) => f.predicateType === PredicateType.SLSA_PROVENANCE_V1)?.statement;
    const sbom = attachments.find((a) => a.kind === 'sbom')?.json;
    const created = sourceDateEpoch(io.env);
    const allAnnotations = {
      ...contextAnnotations({ env: io.env, provenance, sbom }),
      ...(created ? { 'org.opencontainers.image.created': created } : {}),
      ...annotations,
    };

    const onProgress = ociProgress(io, 'push');
    const target = openOci(dest, io, { plainHttp: values['plain-http'] === true, onProgress });
    const platforms = ((values.platform as string[] | undefined) ?? []).map(parsePlatform);
    if (platforms.length > 0 && platforms.length !== files.length) {
      throw new UsageError(
        `give one --platform per FILE (${files.length} files, ${platforms.length} platforms)`,
      );
    }
    const common = {
      tag,
      annotations: allAnnotations,
      ...(created ? { created } : {}),
      ...(values['artifact-type'] ? { artifactType: String(values['artifact-type']) } : {}),
      ...(values['mount-from'] ? { mountFrom: values['mount-from'] as string[] } : {}),
      onProgress,
    };
    let pushed: PushedArtifact;
    if (files.length === 1 && platforms.length === 0) {
      pushed = await pushArtifact(target, files[0]!, common);
    } else {
      const items: PlatformFile[] = [];
      for (const [i, path] of files.entries()) {
        const platform = platforms[i] ?? (await detectPlatform(path));
        if (!platform)
          throw new UsageError(
            `cannot tell the platform of ${path}: give --platform OS/ARCH for each FILE`,
          );
        items.push({ path, platform });
      }
      pushed = await pushIndex(target, items, common);
    }

    // Each attestation goes to the manifest of the file it is about.
    const manifests = pushed.children ?? [pushed];
    const referrers: { file: string; subject: string; descriptor: Descriptor }[] = [];
    // A statement may name its subjects by SHA-512 (the layers say SHA-256): each file is
    // hashed so at most once, whatever the number of bundles.
    const sha512s = new Map<string, Promise<string | undefined>>();
    const sha512Of = (file: string) => {
      let digest = sha512s.get(file);
      if (!digest) {
        digest = digestFile(file, ['sha512']).then((d) => d.sha512);
        sha512s.set(file, digest);
      }
      return digest;
    };
    for (const a of attachments) {
      let subjects: PushedArtifact[];
      if (a.forFile) subjects = manifests.filter((m) => files[manifests.indexOf(m)] === a.forFile);
      else if (a.kind === 'bundle') {
        const named = statementSubjects(a.json);
        const namesSha512 = [...named].some((d) => d.startsWith('sha512:'));
        subjects = [];
        for (const [i, m] of manifests.entries()) {
          if (m.layer && named.has(m.layer.digest)) subjects.push(m);
          else if (namesSha512 && named.has(`sha512:${await sha512Of(files[i]!)}`))
            subjects.push(m);
        }
        if (subjects.length === 0) subjects = [pushed];
      } else subjects = pushed.children ? [pushed] : manifests;
      for (const subject of subjects) {
        const descriptor =
          a.kind === 'bundle'
            ? await attachBundle(subject, a.text, undefined, { onProgress })
            : await attachSbom(subject, a.text, {
                onProgress,
                ...(subject.title ? { title: `${subject.title}.cdx.json` } : {}),
              });
        referrers.push({ file: a.path, subject: subject.descriptor.digest, descriptor });
      }
    }

    const { tag: _t, ...base } = dest;
    const byDigest = formatReference({ ...base, digest: pushed.descriptor.digest });
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          {
            reference: formatReference({ ...base, tag }),
            digest: pushed.descriptor.digest,
            mediaType: pushed.descriptor.mediaType,
            size: pushed.descriptor.size,
            uploadedBytes: pushed.uploadedBytes,
            manifests: manifests.map((m) => ({
              digest: m.descriptor.digest,
              title: m.title,
              platform: m.platform,
              layer: m.layer,
            })),
            referrers: referrers.map((r) => ({
              file: r.file,
              subject: r.subject,
              digest: r.descriptor.digest,
              artifactType: r.descriptor.artifactType,
            })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout.write(`${byDigest}\n`);
      io.stderr.write(
        `attest push: ${formatReference({ ...base, tag })} (${pushed.descriptor.mediaType === MediaType.OCI_INDEX ? `index of ${manifests.length}` : 'manifest'}, ${pushed.uploadedBytes} bytes uploaded, ${referrers.length} referrer${referrers.length === 1 ? '' : 's'})\n`,
      );
    }
    return 0;
  },
};
