import { generateKeyPairSync } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

let dir: string;
let dev: DevSigstore;
const statement = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'a', digest: { sha256: 'ab'.repeat(32) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {},
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-sign-'));
  await writeFile(join(dir, 'stmt.json'), JSON.stringify(statement));
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

async function attest(env: NodeJS.ProcessEnv, ...args: string[]) {
  const io = captureIO(env, dir);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

describe('attest sign', () => {
  it('signs keyless through the dev Sigstore picked from the environment', async () => {
    const r = await attest(dev.env(), 'sign', 'stmt.json', '--bundle', 'stmt.sigstore.json');
    expect(r.code, r.err).toBe(0);
    const bundle = JSON.parse(await readFile(join(dir, 'stmt.sigstore.json'), 'utf8'));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(dev.trustedRoot)));
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(bundle)))).not.toThrow();
    expect(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()).toBe(
      JSON.stringify(statement),
    );
  });

  it('signs with explicit URLs and token, to stdout', async () => {
    const r = await attest(
      {},
      'sign',
      'stmt.json',
      '--fulcio-url',
      dev.fulcioURL,
      '--tsa-url',
      dev.tsaURL,
      '--identity-token',
      await dev.mintToken('sigstore'),
    );
    expect(r.code, r.err).toBe(0);
    const bundle = JSON.parse(r.out);
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
  });

  it('signs with a P-256 key', async () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await writeFile(join(dir, 'key.pem'), key.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const r = await attest({}, 'sign', 'stmt.json', '--key', 'key.pem');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).verificationMaterial.publicKey.hint).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(
      join(dir, 'rsa.pem'),
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        format: 'pem',
        type: 'pkcs8',
      }),
    );
    const bad = await attest({}, 'sign', 'stmt.json', '--key', 'rsa.pem');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/expected ECDSA P-256/);
  });

  it('names the failing service and leaves no bundle', async () => {
    dev.injectFailures('fulcio', 1, 400);
    const r = await attest(dev.env(), 'sign', 'stmt.json', '--bundle', 'failed.sigstore.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Fulcio \(http:\/\/127\.0\.0\.1:\d+\/fulcio\) failed/);
    expect(await exists(join(dir, 'failed.sigstore.json'))).toBe(false);
  });

  it('refuses a file that is not an in-toto statement, naming it', async () => {
    await writeFile(join(dir, 'not.json'), '{"hello":1}');
    const r = await attest(dev.env(), 'sign', 'not.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not\.json: _type/);
    const none = await attest({}, 'sign', 'stmt.json');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/id-token: write/);
  });
});

describe('attest sign --github-attestations', () => {
  it('stores the bundle for the repository of the token', async () => {
    const { createServer } = await import('node:http');
    const seen: { url?: string; auth?: string; body: { bundle?: { mediaType?: string } } }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"id":42}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const env = { ...dev.env(), GITHUB_TOKEN: 'ghs_x', GITHUB_API_URL: api };
      const r = await attest(
        env,
        'sign',
        'stmt.json',
        '--bundle',
        'stored.sigstore.json',
        '--github-attestations',
      );
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/id 42/);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe('/repos/example/nats-wasm/attestations');
      expect(seen[0]!.auth).toBe('Bearer ghs_x');
      expect(seen[0]!.body.bundle).toEqual(
        JSON.parse(await readFile(join(dir, 'stored.sigstore.json'), 'utf8')),
      );
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('attest sign --sbom', () => {
  it('signs an SBOM attestation over the artifact that attest verify --require-sbom accepts', async () => {
    const artifact = join(dir, 'app.bin');
    await writeFile(artifact, 'app');
    await writeFile(
      join(dir, 'Cargo.lock'),
      'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n',
    );
    const env = dev.env();
    const sbom = await attest(env, 'sbom', 'Cargo.lock', '-o', 'app.cdx.json');
    expect(sbom.code, sbom.err).toBe(0);
    const prov = await attest(env, 'provenance', 'app.bin', '--local', '-o', 'app.prov.json');
    expect(prov.code, prov.err).toBe(0);
    expect(
      (await attest(env, 'sign', 'app.prov.json', '--bundle', 'app.bin.sigstore.json')).code,
    ).toBe(0);
    const signed = await attest(
      env,
      'sign',
      '--sbom',
      'app.cdx.json',
      'app.bin',
      '--bundle',
      'app.bin.sbom.sigstore.json',
    );
    expect(signed.code, signed.err).toBe(0);

    const bundle = JSON.parse(await readFile(join(dir, 'app.bin.sbom.sigstore.json'), 'utf8'));
    const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    expect(payload.predicateType).toBe('https://cyclonedx.org/bom');
    expect(payload.subject).toEqual([
      { name: 'app.bin', digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    ]);
    expect(payload.predicate).toEqual(
      JSON.parse(await readFile(join(dir, 'app.cdx.json'), 'utf8')),
    );

    await writeFile(join(dir, 'trusted_root.json'), JSON.stringify(dev.trustedRoot));
    const flags = [
      '--trusted-root',
      'trusted_root.json',
      '--certificate-identity-regexp',
      'https://github\\.com/.*',
      '--certificate-oidc-issuer',
      env.ATTEST_OIDC_ISSUER!,
    ];
    const ok = await attest({}, 'verify', artifact, ...flags, '--require-sbom');
    expect(ok.code, ok.out + ok.err).toBe(0);
    // Without the SBOM bundle the same policy fails: the check is real.
    await rm(join(dir, 'app.bin.sbom.sigstore.json'));
    const missing = await attest({}, 'verify', artifact, ...flags, '--require-sbom');
    expect(missing.code).toBe(1);
  });

  it('refuses a file that is not a CycloneDX BOM, and needs subjects', async () => {
    expect((await attest(dev.env(), 'sign', '--sbom', 'stmt.json', 'stmt.json')).code).toBe(2);
    expect((await attest(dev.env(), 'sign', '--sbom', 'stmt.json')).code).toBe(2);
  });
});
