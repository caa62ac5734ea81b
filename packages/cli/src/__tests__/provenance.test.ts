import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestFile } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

let dir: string;
let dev: DevSigstore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-provenance-'));
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist', 'nats.wasm'), 'wasm bytes');
  await writeFile(join(dir, 'dist', 'cli'), 'cli bytes');
  dev = await startDevSigstore({
    claims: {
      repository: 'example/embedding-cli',
      repository_owner: 'example',
      repository_visibility: 'public',
    },
  });
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

describe('attest provenance', () => {
  it('outside Actions writes local provenance that cannot pass for GitHub', async () => {
    const r = await attest({}, 'provenance', 'dist', '-a', 'sha512');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(s._type).toBe('https://in-toto.io/Statement/v1');
    expect(s.predicate.buildDefinition.buildType).toBe(
      'https://build-artifact.dev/buildtypes/local/v1',
    );
    expect(s.predicate.runDetails.builder.id).toMatch(/^https:\/\/build-artifact\.dev\/local\//);
    expect(s.subject).toEqual([
      { name: 'cli', digest: await digestFile(join(dir, 'dist', 'cli'), ['sha512']) },
      { name: 'nats.wasm', digest: await digestFile(join(dir, 'dist', 'nats.wasm'), ['sha512']) },
    ]);
  });

  it('inside Actions builds GitHub provenance from the verified token, with consumed artifacts', async () => {
    const hex = 'ab'.repeat(32);
    const r = await attest(
      dev.env(),
      'provenance',
      'dist/cli',
      '-o',
      'prov.json',
      '--resolved-dependency',
      `oci://ghcr.io/example/nats-wasm@sha256:${hex}`,
    );
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(await readFile(join(dir, 'prov.json'), 'utf8'));
    const p = s.predicate;
    expect(p.buildDefinition.buildType).toBe('https://actions.github.io/buildtypes/workflow/v1');
    expect(p.runDetails.builder.id).toBe(
      'https://github.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
    );
    expect(p.buildDefinition.externalParameters.workflow.repository).toBe(
      'https://github.com/example/embedding-cli',
    );
    expect(p.buildDefinition.resolvedDependencies[1]).toEqual({
      uri: `oci://ghcr.io/example/nats-wasm@sha256:${hex}`,
      digest: { sha256: hex },
    });
  });

  it('refuses a token its issuer did not sign', async () => {
    const other = await startDevSigstore();
    try {
      const r = await attest(
        { ...dev.env(), ATTEST_OIDC_ISSUER: other.oidc.issuer },
        'provenance',
        'dist/cli',
      );
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/OIDC token rejected/);
      expect(r.out).toBe('');
    } finally {
      await other.close();
    }
  });

  it('takes a token from the enterprise form of the issuer, and signs with it', async () => {
    const iss = `${dev.oidc.issuer}/acme-corp`;
    dev.setClaims({ repository: 'example/embedding-cli', repository_visibility: 'public', iss });
    try {
      const r = await attest(dev.env(), 'provenance', 'dist/cli', '--sign', '-o', 'ent.json');
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`token verified against ${iss}`);
      const s = JSON.parse(await readFile(join(dir, 'ent.json'), 'utf8'));
      expect(s.predicate.buildDefinition.externalParameters.workflow.repository).toBe(
        'https://github.com/example/embedding-cli',
      );
      const bundle = JSON.parse(await readFile(join(dir, 'dist', 'cli.sigstore.json'), 'utf8'));
      const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(dev.trustedRoot)));
      const signer = verifier.verify(toSignedEntity(bundleFromJSON(bundle)), {
        subjectAlternativeName: '^https://github\\.com/.*$',
        extensions: { issuer: iss },
      });
      expect(signer.identity?.extensions?.issuer).toBe(iss);
      // Only that form: a deeper path is not an issuer GitHub has.
      dev.setClaims({ repository: 'example/embedding-cli', iss: `${iss}/team` });
      const deeper = await attest(dev.env(), 'provenance', 'dist/cli');
      expect(deeper.code).toBe(2);
      expect(deeper.err).toMatch(/claim "iss" is wrong/);
    } finally {
      dev.setClaims({ repository: 'example/embedding-cli', repository_visibility: 'public' });
    }
  });

  it("writes URLs on the runner's server (GITHUB_SERVER_URL) and refuses one that is not a server", async () => {
    const env = { ...dev.env(), GITHUB_SERVER_URL: 'https://octo-tenant.ghe.com' };
    const r = await attest(env, 'provenance', 'dist/cli');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).predicate.runDetails.builder.id).toBe(
      'https://octo-tenant.ghe.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
    );
    const bad = await attest(
      { ...dev.env(), GITHUB_SERVER_URL: 'https://octo-tenant.ghe.com/x\u001b[2J' },
      'provenance',
      'dist/cli',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/GitHub server URL .* is not an http\(s\) URL of a host/);
    expect(bad.err).not.toContain('\u001b');
    expect(bad.out).toBe('');
    // Without ATTEST_OIDC_ISSUER, the issuer is the server's own (here not the local one).
    const { ATTEST_OIDC_ISSUER: _, ...noIssuer } = dev.env();
    const ghe = await attest(
      { ...noIssuer, GITHUB_SERVER_URL: 'https://octo-tenant.ghe.com' },
      'provenance',
      'dist/cli',
    );
    expect(ghe.code).toBe(2);
    expect(ghe.err).toContain('https://token.actions.octo-tenant.ghe.com');
  });

  it('--sign writes <artifact>.sigstore.json that verifies against the dev trusted root', async () => {
    const r = await attest(dev.env(), 'provenance', 'dist/nats.wasm', '--sign');
    expect(r.code, r.err).toBe(0);
    const bundle = JSON.parse(await readFile(join(dir, 'dist', 'nats.wasm.sigstore.json'), 'utf8'));
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(dev.trustedRoot)));
    const signer = verifier.verify(toSignedEntity(bundleFromJSON(bundle)), {
      subjectAlternativeName:
        '^https://github\\.com/build-artifact/build-artifact/\\.github/workflows/build-artifact\\.yml@refs/tags/v1\\.0\\.0$',
      extensions: { issuer: dev.oidc.issuer },
    });
    expect(signer.identity?.extensions?.issuer).toBe(dev.oidc.issuer);
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    expect(statement.subject[0].digest.sha256).toBe(
      (await digestFile(join(dir, 'dist', 'nats.wasm'))).sha256,
    );
  });

  it('--sign on a directory writes a bundle next to each file in it', async () => {
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out', 'x'), 'x');
    await writeFile(join(dir, 'out', 'y'), 'y');
    const r = await attest(dev.env(), 'provenance', 'out', '--sign', '-o', 'out.json');
    expect(r.code, r.err).toBe(0);
    const x = await readFile(join(dir, 'out', 'x.sigstore.json'), 'utf8');
    expect(await readFile(join(dir, 'out', 'y.sigstore.json'), 'utf8')).toBe(x);
    const statement = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    expect(statement.subject.map((s: { name: string }) => s.name)).toEqual(['x', 'y']);
    // The bundle signs exactly the statement written with -o.
    expect(Buffer.from(JSON.parse(x).dsseEnvelope.payload, 'base64').toString()).toBe(
      await readFile(join(dir, 'out.json'), 'utf8'),
    );
  });

  it('takes subjects from a checksums file, and reports bad input with exit 2', async () => {
    await writeFile(join(dir, 'SHA256SUMS'), `${'cd'.repeat(32)}  app.tar.gz\n`);
    const ok = await attest({}, 'provenance', '--checksums', 'SHA256SUMS');
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).subject).toEqual([
      { name: 'app.tar.gz', digest: { sha256: 'cd'.repeat(32) } },
    ]);
    await writeFile(join(dir, 'BAD'), 'xyz  a\n');
    const bad = await attest({}, 'provenance', '--checksums', 'BAD');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/BAD:1/);
    const missing = await attest({}, 'provenance', 'dist/nope');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope: no such file/);
    const dep = await attest({}, 'provenance', 'dist/cli', '--resolved-dependency', 'oci://x');
    expect(dep.code).toBe(2);
    expect(dep.err).toMatch(/resolved dependency/);
    expect((await attest({}, 'provenance')).code).toBe(2);
  });

  it('takes a file given both as a path and in the checksums file once, a conflict not at all', async () => {
    const sha = createHash('sha256').update('cli bytes').digest('hex');
    await writeFile(join(dir, 'SAME'), `${sha}  cli\n`);
    const same = await attest({}, 'provenance', 'dist/cli', '--checksums', 'SAME');
    expect(same.code, same.err).toBe(0);
    expect(JSON.parse(same.out).subject).toEqual([{ name: 'cli', digest: { sha256: sha } }]);
    await writeFile(join(dir, 'OTHER'), `${'ab'.repeat(32)}  cli\n`);
    const other = await attest({}, 'provenance', 'dist/cli', '--checksums', 'OTHER');
    expect(other.code).toBe(2);
    expect(other.err).toContain('"cli"');
  });
});
