import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

const DATA = join(import.meta.dirname, '../../../../../shared/testdata/bundles');
const GH = join(DATA, 'gh-cli');
const BCR = join(DATA, 'slsa-verifier-bcr');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-inspect-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function attest(...args: string[]) {
  const io = captureIO();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('attest inspect', () => {
  it('decodes a bundle: statement, certificate fields, tlog entry', async () => {
    const r = await attest('inspect', join(BCR, 'MODULE.bazel.intoto.jsonl'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(r.out).toMatch(/predicate type\s+https:\/\/slsa\.dev\/provenance\/v1/);
    expect(r.out).toMatch(/builder id\s+https:\/\/github\.com\/bazel-contrib\/publish-to-bcr/);
    expect(r.out).toMatch(/buildSignerURI\s+https:\/\/github\.com\/bazel-contrib\/publish-to-bcr/);
    expect(r.out).toMatch(/sourceRepositoryURI\s+https:\/\/github\.com\/aspect-build\/rules_lint/);
    expect(r.out).toMatch(
      /tlog entry\s+index \d+ dsse\/0\.0\.1 at 2025-.*proof yes, checkpoint yes, SET yes/,
    );
  });

  it('does not judge: an invalid-signature bundle is decoded too, exit 0', async () => {
    const r = await attest(
      'inspect',
      join(GH, 'sigstoreBundle-invalid-signature.json'),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.kind).toBe('bundle');
    expect(x.certificate.subjectAlternativeName).toBe('brian@dehamer.com');
    // A 2022 certificate: only the deprecated issuer extension (.1).
    expect(x.certificate.deprecatedExtensions).toContain('issuer');
  });

  it('reads a GitHub-instance bundle with an RFC 3161 timestamp and no tlog entry', async () => {
    const r = await attest(
      'inspect',
      join(GH, 'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'),
      '--format',
      'json',
    );
    const x = JSON.parse(r.out);
    expect(x.rfc3161Timestamps[0].time).toMatch(/^2024-04-22T/);
    expect(x.certificate.certificateIssuer).toContain('GitHub, Inc.');
    expect(x.certificate.sourceRepositoryVisibilityAtSigning).toBe('private');
  });

  it('inspects the bundles found beside an artifact', async () => {
    const artifact = join(dir, 'pkg.tgz');
    await copyFile(join(GH, 'sigstore-js-2.1.0.tgz'), artifact);
    await copyFile(join(GH, 'sigstore-js-2.1.0-bundle.json'), `${artifact}.sigstore.json`);
    const r = await attest('inspect', artifact);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${artifact}.sigstore.json: bundle`);
    expect(r.out).toContain('pkg:npm/sigstore@2.1.0');
  });

  it('an artifact with no bundle, or a missing file, is exit 2', async () => {
    const lone = join(dir, 'lone.bin');
    await writeFile(lone, Buffer.from([0, 1, 2, 255]));
    const r = await attest('inspect', lone);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no bundle was found beside it/);
    expect((await attest('inspect', join(dir, 'absent'))).code).toBe(2);
  });
});
