// Bundles made by GitHub's own signing code (`@actions/attest` 3.2: its provenance predicate,
// statement and `signPayload` over its own pinned @sigstore/sign) against the local Sigstore, in
// the two shapes actions/attest signs in: Fulcio + Rekor (public repositories, public-good) and
// Fulcio + TSA (GitHub's instance). Each must verify with the reference verifier
// (@sigstore/verify, given the local trusted root), with ours (verifyArtifact) and with
// `attest verify` run as the installed binary.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import { PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { signStatement } from '@build-artifact/sign';
import { loadTrustedRoot, verifyArtifact } from '@build-artifact/verify';
import { bundleFromJSON, bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Neither is exported from the package's entry point (its `exports` map allows only "."): they
// are the modules `attest()` itself calls, loaded by path.
import { buildIntotoStatement } from '../../node_modules/@actions/attest/lib/intoto.js';
import { signPayload } from '../../node_modules/@actions/attest/lib/sign.js';
import { runAttestCli } from '../helpers/attest-cli.ts';

const SAN =
  'https://github.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0';
const ENV_KEYS = [
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'GITHUB_SERVER_URL',
] as const;

let dev: DevSigstore;
let dir: string;
let trustedRootPath: string;
let artifact: string;
const content = Buffer.from('an artifact attested by actions/attest');
const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actions-attest-signing-'));
  dev = await startDevSigstore();
  trustedRootPath = join(dir, 'trusted_root.json');
  await dev.writeTrustedRoot(trustedRootPath);
  artifact = join(dir, 'app.tgz');
  await writeFile(artifact, content);
  // What a runner gives a job with `id-token: write`: @actions/attest's CIContextProvider (and
  // @actions/core's getIDToken) read these from the process environment.
  for (const key of ENV_KEYS) saved[key] = process.env[key];
  Object.assign(process.env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: dev.oidc.requestURL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: dev.oidc.requestToken,
    GITHUB_SERVER_URL: 'https://github.com',
  });
});
afterAll(async () => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

/** actions/attest's `attestProvenance` without the storage step, against the local Sigstore. */
async function actionsAttest(endpoints: {
  fulcioURL: string;
  rekorURL?: string;
  tsaServerURL?: string;
}): Promise<SerializedBundle> {
  const predicate = await buildSLSAProvenancePredicate(dev.oidc.issuerURL);
  const digest = createHash('sha256').update(content).digest('hex');
  const statement = buildIntotoStatement([{ name: 'app.tgz', digest: { sha256: digest } }], {
    type: predicate.type,
    params: predicate.params,
  });
  const bundle = await signPayload(
    { body: Buffer.from(JSON.stringify(statement)), type: 'application/vnd.in-toto+json' },
    endpoints,
  );
  return bundleToJSON(bundle) as SerializedBundle;
}

/** @sigstore/verify over a trusted root, requiring an entry in each kind of log the root lists. */
function referenceVerify(bundle: SerializedBundle, trustedRoot = dev.trustedRoot) {
  const root = TrustedRoot.fromJSON(trustedRoot);
  const verifier = new Verifier(toTrustMaterial(root), {
    tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1,
  });
  return verifier.verify(toSignedEntity(bundleFromJSON(bundle)), {
    subjectAlternativeName: `^${SAN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    extensions: { issuer: dev.oidc.issuer },
  });
}

async function ourVerify(bundle: SerializedBundle, rootPath = trustedRootPath) {
  const trust = await loadTrustedRoot({ trustedRootPath: rootPath });
  return verifyArtifact(
    { path: artifact, evidence: [{ source: 'actions-attest.sigstore.json', json: bundle }] },
    { certificateIdentity: SAN, certificateOidcIssuer: dev.oidc.issuer },
    trust,
  );
}

/** `attest verify` as its own process (the CLI as a user runs it): exit code and JSON result. */
async function cliVerify(bundle: SerializedBundle, name: string, rootPath = trustedRootPath) {
  const bundlePath = join(dir, name);
  await writeFile(bundlePath, JSON.stringify(bundle));
  const args = [
    'verify',
    artifact,
    '--bundle',
    bundlePath,
    '--trusted-root',
    rootPath,
    '--certificate-identity',
    SAN,
    '--certificate-oidc-issuer',
    dev.oidc.issuer,
    '--format',
    'json',
  ];
  const r = await runAttestCli(args, { timeoutMs: 60_000 });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe("bundles from @actions/attest's signing code against the local Sigstore", () => {
  it('Fulcio + Rekor: a dsse/0.0.1 entry that @sigstore/verify, verifyArtifact and `attest verify` accept', async () => {
    const bundle = await actionsAttest({ fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL });
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).toEqual(
      [],
    );

    const signer = referenceVerify(bundle);
    expect(signer.identity?.subjectAlternativeName).toBe(SAN);

    const ours = await ourVerify(bundle);
    expect(ours.failure).toBeUndefined();
    expect(ours.verified).toBe(true);
    expect(ours.tlogEntries.map((e) => e.kind)).toEqual(['dsse/0.0.1']);
    expect(ours.certificate?.subjectAlternativeName).toBe(SAN);

    const cli = await cliVerify(bundle, 'rekor.sigstore.json');
    expect(cli.code, cli.err).toBe(0);
    const result = JSON.parse(cli.out);
    expect(result.verified).toBe(true);
    expect(result.tlogEntries[0].kind).toBe('dsse/0.0.1');
  });

  it("Fulcio + TSA (GitHub's instance shape): no tlog entry, an RFC 3161 timestamp, accepted by all three", async () => {
    const before = dev.requestCounts().rekor;
    // actions/attest passes the TSA's base URL (https://timestamp.githubapp.com) and its
    // @sigstore/sign 3 appends /api/v1/timestamp; dev.tsaURL is the full endpoint.
    const tsaServerURL = dev.tsaURL.replace(/\/api\/v1\/timestamp$/, '');
    const bundle = await actionsAttest({ fulcioURL: dev.fulcioURL, tsaServerURL });
    expect(dev.requestCounts().rekor).toBe(before);
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
      1,
    );

    // GitHub's instance publishes a root with its Fulcio and TSA and no transparency log: the
    // local root in that shape is what such a bundle verifies against. (The CT log stays: the
    // local Fulcio embeds SCTs, and a verifier must be able to check every SCT it is shown.)
    const githubShaped = { ...dev.trustedRoot, tlogs: [] };
    expect(referenceVerify(bundle, githubShaped).identity?.subjectAlternativeName).toBe(SAN);

    const githubRootPath = join(dir, 'github_shaped_trusted_root.json');
    await writeFile(githubRootPath, JSON.stringify(githubShaped));
    const ours = await ourVerify(bundle, githubRootPath);
    expect(ours.failure).toBeUndefined();
    expect(ours.verified).toBe(true);
    expect(ours.timestamps.map((t) => t.kind)).toContain('timestamp-authority');

    const cli = await cliVerify(bundle, 'tsa.sigstore.json', githubRootPath);
    expect(cli.code, cli.err).toBe(0);
    expect(JSON.parse(cli.out).verified).toBe(true);

    // As gh's verifier for a custom root: a root that lists a transparency log requires an entry
    // in it, so the full local root refuses the bundle.
    expect((await ourVerify(bundle)).failure?.reason).toBe('TLOG_ERROR');
  });

  it('the statement is the provenance actions/attest writes, for the artifact verified', async () => {
    const bundle = await actionsAttest({ fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL });
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString());
    expect(statement.predicateType).toBe(PredicateType.SLSA_PROVENANCE_V1);
    expect(statement.predicate.runDetails.builder.id).toBe(SAN);
    // A bundle for other content must not verify for this artifact.
    const other = join(dir, 'other.tgz');
    await writeFile(other, 'something else');
    const trust = await loadTrustedRoot({ trustedRootPath });
    const r = await verifyArtifact(
      { path: other, evidence: [{ source: 'b', json: bundle }] },
      { certificateIdentity: SAN, certificateOidcIssuer: dev.oidc.issuer },
      trust,
    );
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('SUBJECT_MISMATCH');
  });

  it('our own bundles log the same dsse/0.0.1 entry shape, and verify with @sigstore/verify', async () => {
    const theirs = await actionsAttest({ fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL });
    const statement = JSON.parse(Buffer.from(theirs.dsseEnvelope!.payload, 'base64').toString());
    const ours = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    expect(referenceVerify(ours).identity?.subjectAlternativeName).toBe(SAN);
    const shape = (bundle: SerializedBundle) => {
      const entry = bundle.verificationMaterial.tlogEntries[0]!;
      const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString());
      const certificate = new X509Certificate(
        Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, 'base64'),
      );
      return {
        kindVersion: entry.kindVersion,
        body: { apiVersion: body.apiVersion, kind: body.kind, spec: Object.keys(body.spec) },
        signatureIsTheEnvelopes:
          body.spec.signatures[0].signature === bundle.dsseEnvelope!.signatures[0]!.sig,
        verifierIsTheCertificate:
          Buffer.from(body.spec.signatures[0].verifier, 'base64').toString() ===
          certificate.toString(),
      };
    };
    expect(shape(ours)).toEqual(shape(theirs));
    expect(shape(ours)).toEqual({
      kindVersion: { kind: 'dsse', version: '0.0.1' },
      body: {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: ['envelopeHash', 'payloadHash', 'signatures'],
      },
      signatureIsTheEnvelopes: true,
      verifierIsTheCertificate: true,
    });
  });
});
