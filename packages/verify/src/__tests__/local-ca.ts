import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { bundleToJSON } from '@sigstore/bundle';
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import {
  DSSEBundleBuilder,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type Signer,
  TSAWitness,
  type Witness,
} from '@sigstore/sign';
import type { CertificateIdentity } from '../certificate.js';
import { loadTrustedRoot, type Trust } from '../trust.js';

/**
 * A local CA that issues Fulcio-shaped certificates with whatever SAN and 1.3.6.1.4.1.57264.1.*
 * values a test chooses (an attacker's view of a trusted CA's output, or a tenant's real one),
 * trusted beside the local Sigstore's Rekor and timestamp authority, which really run behind
 * node:http (`@build-artifact/dev-sigstore`). Bundles are made by `@sigstore/sign`'s builders.
 */
export interface LocalCA {
  dev: DevSigstore;
  /** The trusted root: the local Sigstore's plus this CA and its CT log. */
  trustedRootPath: string;
  trust(options?: { publicKeyPem?: string }): Promise<Trust>;
  /** The CA's clock: the `notBefore` of the next certificates (and their SCTs). */
  clock: Date;
  /** Signs DSSE `payload` bytes as they are (duplicate keys and all). */
  signPayload(
    payload: Buffer | string,
    identity: Identity,
    witnesses?: WitnessChoice,
  ): Promise<unknown>;
  /** A message signature (cosign sign-blob) over `data`. */
  signMessage(data: Buffer, identity: Identity, witnesses?: WitnessChoice): Promise<unknown>;
  close(): Promise<void>;
}

/** The SAN, and certificate fields by the names `certificateIdentity` reads them as. */
export type Identity = { san: string } & Partial<
  Omit<CertificateIdentity, 'deprecatedExtensions' | 'subjectAlternativeName' | 'workflowName'>
>;

export interface WitnessChoice {
  tlog?: boolean;
  tsa?: boolean;
}

const OID: Record<keyof Omit<Identity, 'san'>, number> = {
  issuer: 8,
  buildSignerURI: 9,
  buildSignerDigest: 10,
  runnerEnvironment: 11,
  sourceRepositoryURI: 12,
  sourceRepositoryDigest: 13,
  sourceRepositoryRef: 14,
  sourceRepositoryIdentifier: 15,
  sourceRepositoryOwnerURI: 16,
  sourceRepositoryOwnerIdentifier: 17,
  buildConfigURI: 18,
  buildConfigDigest: 19,
  buildTrigger: 20,
  runInvocationURI: 21,
  sourceRepositoryVisibilityAtSigning: 22,
};

/** A GitHub Actions identity on `host` (github.com, or a `*.ghe.com` tenant). */
export function githubIdentity(
  options: {
    host?: string;
    issuer?: string;
    repo?: string;
    signer?: string;
    ref?: string;
    runner?: string;
  } = {},
): Identity {
  const host = options.host ?? 'github.com';
  const repo = options.repo ?? 'example/app';
  const ref = options.ref ?? 'refs/heads/main';
  const signer = `https://${host}/${options.signer ?? `${repo}/.github/workflows/release.yml@${ref}`}`;
  return {
    san: signer,
    issuer: options.issuer ?? 'https://token.actions.githubusercontent.com',
    buildSignerURI: signer,
    buildSignerDigest: 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678',
    runnerEnvironment: options.runner ?? 'github-hosted',
    sourceRepositoryURI: `https://${host}/${repo}`,
    sourceRepositoryDigest: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    sourceRepositoryRef: ref,
    sourceRepositoryOwnerURI: `https://${host}/${repo.split('/')[0]}`,
    buildConfigURI: `https://${host}/${repo}/.github/workflows/release.yml@${ref}`,
    buildTrigger: 'push',
  };
}

const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

export async function startLocalCA(dir: string): Promise<LocalCA> {
  const dev = await startDevSigstore({ issuer: 'https://token.actions.githubusercontent.com' });
  const clock = new Date(dev.clock.getTime());
  const ec = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(ec(), clock);
  const ca = await initializeCA(ec(), ctlog, clock);
  // The mock dates its root with the real time at creation (whole seconds in the certificate):
  // every clock starts after it, or leaves and log entries would predate their root.
  const start = Math.ceil(Date.now() / 1000) * 1000;
  clock.setTime(start);
  dev.clock.setTime(start);
  const validFrom = new Date(Date.now() - 60_000).toISOString();
  const root = structuredClone(dev.trustedRoot) as {
    certificateAuthorities: unknown[];
    ctlogs: unknown[];
  };
  root.certificateAuthorities.push({
    subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
    uri: 'https://local-ca.invalid',
    certChain: { certificates: [{ rawBytes: bytes(ca.rootCertificate).toString('base64') }] },
    validFor: { start: validFrom },
  });
  root.ctlogs.push({
    baseUrl: 'https://local-ca.invalid/ct',
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: ctlog.publicKey.toString('base64'),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: validFrom },
    },
    logId: { keyId: bytes(ctlog.logID).toString('base64') },
  });
  const trustedRootPath = join(dir, 'local-ca-trusted-root.json');
  await writeFile(trustedRootPath, JSON.stringify(root));

  async function signer(identity: Identity): Promise<Signer> {
    const { privateKey, publicKey } = ec();
    const { san, ...fields } = identity;
    const der = await ca.issueCertificate({
      publicKey: publicKey.export({ format: 'der', type: 'spki' }),
      subjectAltName: san,
      extensions: Object.entries(fields).map(([name, value]) => ({
        oid: `1.3.6.1.4.1.57264.1.${OID[name as keyof typeof OID]}`,
        value: String(value),
      })),
    });
    const certificate = pem(bytes(der));
    return {
      sign: async (data: Buffer) => ({
        signature: sign('sha256', data, privateKey as KeyObject),
        key: { $case: 'x509Certificate', certificate },
      }),
    };
  }
  const witnesses = (choice: WitnessChoice = {}): Witness[] => [
    ...(choice.tlog === false
      ? []
      : [new RekorWitness({ rekorBaseURL: dev.rekorURL, entryType: 'intoto' })]),
    ...(choice.tsa === false ? [] : [new TSAWitness({ tsaBaseURL: dev.tsaURL })]),
  ];

  return {
    dev,
    trustedRootPath,
    clock,
    trust: (options = {}) => loadTrustedRoot({ trustedRootPath, ...options }),
    async signPayload(payload, identity, choice) {
      const builder = new DSSEBundleBuilder({
        signer: await signer(identity),
        witnesses: witnesses(choice),
      });
      const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
      return bundleToJSON(await builder.create({ data, type: MediaType.IN_TOTO }));
    },
    async signMessage(data, identity, choice) {
      const builder = new MessageSignatureBundleBuilder({
        signer: await signer(identity),
        witnesses: witnesses(choice),
      });
      return bundleToJSON(await builder.create({ data }));
    },
    close: () => dev.close(),
  };
}

/** A bundle signed with a bare key (no certificate, no witnesses): fast, for property tests. */
export function keyedPayloadBundle(payload: Buffer | string, privateKey: KeyObject): unknown {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const type = MediaType.IN_TOTO;
  const pae = Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `),
    body,
  ]);
  return {
    mediaType: MediaType.SIGSTORE_BUNDLE_V03,
    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: body.toString('base64'),
      payloadType: type,
      signatures: [{ sig: sign('sha256', pae, privateKey).toString('base64'), keyid: '' }],
    },
  };
}
