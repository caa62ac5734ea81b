// What we push to a registry must verify with gh's rules, and what actions/attest pushes must
// verify with ours (issue 16, point 1). Against a real registry (distribution 2.8: no referrers
// API, so the referrers tag schema) and the local Sigstore:
// - gh's lookup, as cli/cli's attestation code does it for `gh attestation verify oci://REF
//   --bundle-from-oci`: resolve REF to the image manifest's digest, list the Sigstore bundles
//   among that manifest's referrers, and require the manifest digest among the statement's
//   subjects (sigstore-go's WithArtifactDigest) after the signature verifies;
// - actions/attest with push-to-registry: the statement's subject is `REGISTRY/REPO` at the
//   manifest digest, signed by its own signing code, attached by @sigstore/oci.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import { describeBundle, MediaType, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { attachBundle, openTarget, pushFile } from '@build-artifact/oci';
import { attachmentsOf, attest, publish } from '@build-artifact/pipeline';
import { bundleFromJSON, bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { attachArtifactToImage } from '@sigstore/oci';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIntotoStatement } from '../../node_modules/@actions/attest/lib/intoto.js';
import { signPayload } from '../../node_modules/@actions/attest/lib/sign.js';
import { runAttestCli } from '../helpers/attest-cli.ts';
import { type Registry, registryAvailable, startRegistry } from '../helpers/registry.ts';

const BUNDLE_TYPE = MediaType.SIGSTORE_BUNDLE_V03;
const SAN =
  'https://github.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0';
const ENV_KEYS = [
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'DOCKER_CONFIG',
] as const;
// @sigstore/oci signs in before it writes (it takes an auth challenge as given): the registry
// asks for basic auth, and every client here has the credentials (ours from DOCKER_CONFIG).
const USER = { username: 'ci', password: 'p4ss' };
const AUTHORIZATION = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`;

let dev: DevSigstore;
let registry: Registry;
let dir: string;
let trustedRootPath: string;
const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

async function get(url: string, accept: string): Promise<{ digest: string; body: Buffer }> {
  const res = await fetch(url, { headers: { accept, authorization: AUTHORIZATION } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return {
    digest: res.headers.get('docker-content-digest') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/**
 * gh's rules for `gh attestation verify oci://HOST/REPO:TAG --bundle-from-oci`: the manifest
 * digest, then the Sigstore bundles among its referrers (referrers API, else the
 * `sha256-<hex>` tag), each verified by the reference verifier and required to name the
 * manifest digest as a subject. Returns the bundles that pass.
 */
async function ghLookup(repo: string, tag: string): Promise<SerializedBundle[]> {
  const base = `http://${registry.host}/v2/${repo}`;
  const manifest = await get(`${base}/manifests/${tag}`, MediaType.OCI_MANIFEST);
  const digest = manifest.digest;
  let index: { manifests?: { digest: string; artifactType?: string }[] };
  const api = await fetch(`${base}/referrers/${digest}`, {
    headers: { authorization: AUTHORIZATION },
  });
  if (api.ok) index = (await api.json()) as typeof index;
  else {
    const fallback = await fetch(`${base}/manifests/${digest.replace(':', '-')}`, {
      headers: { accept: MediaType.OCI_INDEX, authorization: AUTHORIZATION },
    });
    index = fallback.ok ? ((await fallback.json()) as typeof index) : { manifests: [] };
  }
  const passed: SerializedBundle[] = [];
  for (const entry of index.manifests ?? []) {
    if (entry.artifactType !== BUNDLE_TYPE) continue;
    const referrer = JSON.parse(
      (await get(`${base}/manifests/${entry.digest}`, MediaType.OCI_MANIFEST)).body.toString(),
    );
    const layer = referrer.layers[0];
    const bundle = JSON.parse((await get(`${base}/blobs/${layer.digest}`, '*/*')).body.toString());
    try {
      referenceVerify(bundle);
    } catch {
      continue;
    }
    const named = describeBundle(bundle).subjects.some(
      (s) => s.digest.sha256 === digest.slice('sha256:'.length),
    );
    if (named) passed.push(bundle);
  }
  return passed;
}

function referenceVerify(bundle: SerializedBundle) {
  const root = TrustedRoot.fromJSON(dev.trustedRoot);
  return new Verifier(toTrustMaterial(root), {
    tlogThreshold: 1,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1,
  }).verify(toSignedEntity(bundleFromJSON(bundle)), {
    subjectAlternativeName: `^${SAN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    extensions: { issuer: dev.oidc.issuer },
  });
}

const cli = (args: string[]) => runAttestCli(args);

describe.skipIf(!registryAvailable())('OCI attestations with gh and actions/attest', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oci-interop-'));
    registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
    dev = await startDevSigstore();
    trustedRootPath = join(dir, 'trusted_root.json');
    await dev.writeTrustedRoot(trustedRootPath);
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    const docker = join(dir, 'docker');
    await mkdir(docker);
    await writeFile(
      join(docker, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: AUTHORIZATION.slice(6) } } }),
    );
    Object.assign(process.env, {
      ACTIONS_ID_TOKEN_REQUEST_URL: dev.oidc.requestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: dev.oidc.requestToken,
      DOCKER_CONFIG: docker,
    });
  });
  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await dev?.close();
    await registry?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('what the attest and publish flows push, gh finds by the manifest digest and verifies', async () => {
    const file = join(dir, 'tool');
    await writeFile(file, 'a tool built by us');
    const reference = `oci://${registry.host}/acme/tool:v1`;
    const context = { cwd: dir, env: process.env };
    const attested = await attest(
      {
        artifacts: { paths: [file] },
        sbom: false,
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
        publishTo: { reference },
      },
      context,
    );
    const published = await publish(
      {
        target: { reference },
        artifacts: [{ name: 'tool', path: file, digest: attested.artifacts[0]!.digest }],
        publication: attested.publication!,
        attachments: attachmentsOf(attested),
      },
      context,
    );
    const manifestDigest = published.artifacts[0]!.manifest.digest;
    const found = await ghLookup('acme/tool', 'v1');
    expect(found).toHaveLength(1);
    // The statement names the file too: `gh attestation verify tool` and `attest verify tool`.
    const subjects = describeBundle(found[0]).subjects;
    expect(subjects).toEqual([
      { name: 'tool', digest: attested.artifacts[0]!.digest },
      { name: `${registry.host}/acme/tool`, digest: { sha256: manifestDigest.slice(7) } },
    ]);
    const ours = await cli([
      'verify',
      reference,
      '--trusted-root',
      trustedRootPath,
      '--certificate-identity',
      SAN,
      '--certificate-oidc-issuer',
      dev.oidc.issuer,
      '--format',
      'json',
    ]);
    expect(ours.code, ours.stderr).toBe(0);
  });

  it('a statement naming only the file is not found by gh (why the manifest is a subject)', async () => {
    const file = join(dir, 'old');
    await writeFile(file, 'attested the old way');
    const context = { cwd: dir, env: process.env };
    const attested = await attest(
      {
        artifacts: { paths: [file] },
        sbom: false,
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
      },
      context,
    );
    await publish(
      {
        target: { reference: `oci://${registry.host}/acme/old:v1` },
        artifacts: [{ name: 'old', path: file, digest: attested.artifacts[0]!.digest }],
        attachments: attachmentsOf(attested),
      },
      context,
    );
    expect(await ghLookup('acme/old', 'v1')).toEqual([]);
  });

  it('what actions/attest signs and @sigstore/oci attaches, attest verify oci:// accepts', async () => {
    const file = join(dir, 'image-like');
    await writeFile(file, 'pushed by another tool');
    const target = openTarget(`oci://${registry.host}/acme/theirs`, { env: process.env });
    const pushed = await pushFile(target, file, { tag: 'v1' });
    const imageName = `${registry.host}/acme/theirs`;
    // actions/attest with push-to-registry: subject REGISTRY/REPO at the manifest digest.
    const predicate = await buildSLSAProvenancePredicate(dev.oidc.issuerURL);
    const statement = buildIntotoStatement(
      [{ name: imageName, digest: { sha256: pushed.descriptor.digest.slice(7) } }],
      { type: predicate.type, params: predicate.params },
    );
    const bundle = bundleToJSON(
      await signPayload(
        { body: Buffer.from(JSON.stringify(statement)), type: MediaType.IN_TOTO },
        { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
      ),
    ) as SerializedBundle;
    await attachArtifactToImage({
      credentials: USER,
      imageName,
      imageDigest: pushed.descriptor.digest,
      artifact: Buffer.from(JSON.stringify(bundle)),
      mediaType: BUNDLE_TYPE,
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': PredicateType.SLSA_PROVENANCE_V1,
      },
    });
    const args = [
      'verify',
      `oci://${imageName}:v1`,
      '--trusted-root',
      trustedRootPath,
      '--format',
      'json',
    ];
    // The statement's builder is a caller workflow of example/..., signed in the reusable one.
    const ok = await cli([
      ...args,
      '--certificate-identity',
      SAN,
      '--certificate-oidc-issuer',
      dev.oidc.issuer,
    ]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verified: true });
    // The same bundle against another artifact's manifest: not about it.
    expect((await ghLookup('acme/theirs', 'v1')).length).toBe(1);
  });

  it('our referrer manifest equals what @sigstore/oci writes for the same bundle and subject', async () => {
    const file = join(dir, 'same');
    await writeFile(file, 'one subject, two writers');
    const ours = openTarget(`oci://${registry.host}/acme/ours`, { env: process.env });
    const theirs = openTarget(`oci://${registry.host}/acme/sigstore-oci`, { env: process.env });
    const created = '2026-12-06T00:00:00Z';
    const a = await pushFile(ours, file, { tag: 'v1', created });
    const b = await pushFile(theirs, file, { tag: 'v1', created });
    expect(a.descriptor.digest).toBe(b.descriptor.digest);
    const bundle = JSON.stringify(
      bundleToJSON(
        await signPayload(
          {
            body: Buffer.from(
              JSON.stringify(
                buildIntotoStatement(
                  [{ name: 'same', digest: { sha256: a.descriptor.digest.slice(7) } }],
                  { type: PredicateType.SLSA_PROVENANCE_V1, params: {} },
                ),
              ),
            ),
            type: MediaType.IN_TOTO,
          },
          { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
        ),
      ),
    );
    const annotations = {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': PredicateType.SLSA_PROVENANCE_V1,
      'org.opencontainers.image.created': created,
    };
    const mine = await attachBundle({ target: ours, descriptor: a.descriptor }, bundle, undefined, {
      created,
    });
    const other = await attachArtifactToImage({
      credentials: USER,
      imageName: `${registry.host}/acme/sigstore-oci`,
      imageDigest: b.descriptor.digest,
      artifact: Buffer.from(bundle),
      mediaType: BUNDLE_TYPE,
      annotations,
    });
    const read = async (repo: string, digest: string) =>
      JSON.parse(
        (
          await get(
            `http://${registry.host}/v2/${repo}/manifests/${digest}`,
            `${MediaType.OCI_MANIFEST}, ${MediaType.OCI_INDEX}`,
          )
        ).body.toString(),
      );
    // Field by field: the referrer manifests, and the referrers tag index entry for each.
    expect(await read('acme/ours', mine.digest)).toEqual(
      await read('acme/sigstore-oci', other.digest),
    );
    const fallback = (repo: string) => read(repo, a.descriptor.digest.replace(':', '-'));
    // (Key order differs between the two writers, so the referrers' own digests do too.)
    const entry = (index: { manifests: { digest: string }[] }) =>
      index.manifests.map(({ digest: _d, ...rest }) => rest);
    expect(entry(await fallback('acme/ours'))).toEqual(entry(await fallback('acme/sigstore-oci')));
  });
});
