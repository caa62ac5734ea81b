import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { digestFile, envelopePayload } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { listReferrers, openTarget, parseReference } from '@build-artifact/oci';
import { loadTrustedRoot, type Trust, verifyArtifact } from '@build-artifact/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Registry, registryAvailable, startRegistry } from '../helpers/registry.ts';
import { goToolBinary, requireToolchain } from '../helpers/toolchains.ts';
import { repoRoot, runAction } from './runner.ts';

// The signing actions end to end, each run as the runner runs it (node ../dist/<name>.js, INPUT_*,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) against real local parts: the dev Sigstore (Fulcio, Rekor,
// TSA, a GitHub-shaped OIDC token endpoint), Debian's docker-registry, and a small HTTP server
// standing in for the GitHub attestations API. Every bundle is then verified with the verify
// package (@sigstore/verify underneath) against the dev trusted root.
const LOCKFILES = path.resolve(repoRoot, '../shared/testdata/lockfiles');
// A real Go binary with build info, for the SBOM's binary inspector.
const GO_BINARY = goToolBinary('gofmt');
// The dev issuer's default claims: a build through this repository's reusable workflow.
const SIGNER = 'build-artifact/build-artifact/.github/workflows/build-artifact.yml';
const USER = { username: 'ci', password: 's3cret-token' };

let dev: DevSigstore;
let registry: Registry;
let api: Server;
let apiURL: string;
const stored: { path: string; authorization?: string; body: any }[] = [];
let tmp: string;
let trust: Trust;
let env: Record<string, string>;

async function workdir(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  await copyFile(GO_BINARY!, path.join(dir, 'gofmt'));
  return dir;
}

function payloadOf(bundle: any): any {
  return JSON.parse(Buffer.from(envelopePayload(bundle.dsseEnvelope)).toString('utf8'));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'attest-actions-'));
  dev = await startDevSigstore({ issuer: 'https://token.actions.githubusercontent.com' });
  await dev.writeTrustedRoot(path.join(tmp, 'trusted_root.json'));
  trust = await loadTrustedRoot({ trustedRootPath: path.join(tmp, 'trusted_root.json') });
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      stored.push({
        path: `${req.method} ${req.url}`,
        authorization: req.headers.authorization,
        body: JSON.parse(body),
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 1000 + stored.length }));
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiURL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  env = {
    ...dev.env(),
    // The tokens carry GitHub's issuer; their keys are served by the dev issuer.
    ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL,
    GITHUB_API_URL: apiURL,
  };
}, 120_000);

afterAll(async () => {
  await dev?.close();
  await registry?.close();
  await new Promise((r) => api?.close(r));
  await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!registryAvailable() || !requireToolchain('go'))(
  'signing actions against the dev Sigstore and a local registry',
  () => {
    it('attest: SBOMs, one signed provenance for all artifacts, signed SBOMs, stored in the attestations API', async () => {
      const dir = await workdir('attest');
      await copyFile(
        path.join(LOCKFILES, 'cargo-ripgrep', 'Cargo.lock'),
        path.join(dir, 'notes.lock.txt'),
      );
      const out = path.join(dir, 'attestations');
      const run = await runAction('attest', {
        cwd: dir,
        env,
        inputs: {
          'subject-path': 'gofmt\nnotes.lock.txt',
          'source-directory': LOCKFILES,
          'sbom-paths': 'cargo-ripgrep',
          'output-directory': out,
          'github-attestations': 'true',
          token: 'ghs_example',
          'resolved-dependencies': `oci://ghcr.io/example/nats-server@sha256:${'ab'.repeat(32)}`,
        },
      });
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);

      const files = (await readdir(out)).sort();
      expect(files).toEqual([
        'gofmt.cdx.json',
        'gofmt.sbom.sigstore.json',
        'gofmt.sigstore.json',
        'notes.lock.txt.cdx.json',
        'notes.lock.txt.sbom.sigstore.json',
        'notes.lock.txt.sigstore.json',
      ]);
      const gofmtSha = (await digestFile(path.join(dir, 'gofmt'))).sha256!;
      expect(run.outputs.digests).toContain(`${gofmtSha}  gofmt\n`);
      expect(run.outputs['bundle-paths']!.split('\n')).toEqual([
        path.join(out, 'gofmt.sigstore.json'),
        path.join(out, 'notes.lock.txt.sigstore.json'),
      ]);

      // One provenance statement names both artifacts, with the consumed module as a dependency.
      const provenance = JSON.parse(await readFile(path.join(out, 'gofmt.sigstore.json'), 'utf8'));
      expect(await readFile(path.join(out, 'notes.lock.txt.sigstore.json'), 'utf8')).toBe(
        `${JSON.stringify(provenance)}\n`,
      );
      const statement = payloadOf(provenance);
      expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
      expect(statement.subject.map((s: any) => s.name).sort()).toEqual(['gofmt', 'notes.lock.txt']);
      expect(statement.predicate.buildDefinition.buildType).toBe(
        'https://actions.github.io/buildtypes/workflow/v1',
      );
      expect(JSON.stringify(statement.predicate.buildDefinition.resolvedDependencies)).toContain(
        'oci://ghcr.io/example/nats-server',
      );

      // The SBOM of the Go binary has Go modules from its build info and the Rust lockfile's crates.
      const sbom = JSON.parse(await readFile(path.join(out, 'gofmt.cdx.json'), 'utf8'));
      expect(sbom.bomFormat).toBe('CycloneDX');
      const sbomStatement = payloadOf(
        JSON.parse(await readFile(path.join(out, 'gofmt.sbom.sigstore.json'), 'utf8')),
      );
      expect(sbomStatement.predicateType).toBe('https://cyclonedx.org/bom');
      expect(sbomStatement.subject).toEqual([{ name: 'gofmt', digest: { sha256: gofmtSha } }]);
      expect(sbomStatement.predicate.serialNumber).toBe(sbom.serialNumber);

      // Every bundle verifies against the dev trusted root, signed by the workflow in the token.
      for (const name of ['gofmt', 'notes.lock.txt']) {
        const result = await verifyArtifact(
          {
            path: path.join(dir, name),
            evidence: [
              {
                source: 'provenance',
                json: JSON.parse(await readFile(path.join(out, `${name}.sigstore.json`), 'utf8')),
              },
              {
                source: 'sbom',
                json: JSON.parse(
                  await readFile(path.join(out, `${name}.sbom.sigstore.json`), 'utf8'),
                ),
              },
            ],
          },
          { repo: 'example/nats-wasm', signerWorkflow: SIGNER, requireSbom: true },
          trust,
        );
        expect(result.failure).toBeUndefined();
        expect(result.verified).toBe(true);
      }

      // Three bundles (the provenance once, one SBOM attestation per artifact) went to the API.
      expect(stored.map((s) => s.path)).toEqual(
        Array(3).fill('POST /repos/example/nats-wasm/attestations'),
      );
      expect(stored[0]!.authorization).toBe('Bearer ghs_example');
      expect(stored[0]!.body.bundle.dsseEnvelope.payload).toBe(provenance.dsseEnvelope.payload);
      expect(run.outputs['attestation-ids']).toBe('1001\n1002\n1003');

      // Transparency log entries: one per bundle, linked to the dev Rekor.
      const tlog = run.outputs['tlog-entries']!.split('\n');
      expect(tlog).toHaveLength(3);
      expect(tlog[0]).toMatch(
        new RegExp(`^\\d+ ${dev.rekorURL}/api/v1/log/entries\\?logIndex=\\d+$`),
      );

      // The job summary, per artifact: digest, level and signer as signed, log entry, SBOM
      // counts per ecosystem, the chain as Mermaid.
      expect(run.summary).toContain('### `gofmt`: signed');
      expect(run.summary).toContain(`| SHA-256 | \`sha256:${gofmtSha}\` |`);
      expect(run.summary).toMatch(/\| SBOM \| \d+ components: .*golang \d+/);
      expect(run.summary).toContain(
        `| Signer | \`https://github.com/${SIGNER}@refs/tags/v1.0.0\` |`,
      );
      expect(run.summary).toMatch(
        /\| SLSA \| \*\*Build L\d\*\*: .*as the signing certificate states/,
      );
      expect(run.summary).toMatch(/\| Log entry \| `\d+` \(dsse\/0\.0\.1\) \|/);
      expect(run.summary).toContain('```mermaid\nflowchart LR');
      expect(run.stdout).toContain('::group::SBOMs, provenance and signatures');
    });

    it('attest: fails before any work without id-token: write, writing nothing', async () => {
      const dir = await workdir('no-id-token');
      const {
        ACTIONS_ID_TOKEN_REQUEST_URL: _u,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t,
        ...noToken
      } = env;
      const run = await runAction('attest', {
        cwd: dir,
        env: noToken,
        inputs: { 'subject-path': 'gofmt', 'github-attestations': 'false' },
      });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toContain('missing "id-token: write" permission');
      expect((await readdir(dir)).sort()).toEqual(['gofmt']);
    });

    it('provenance: an unsigned statement from the verified token', async () => {
      const dir = await workdir('provenance');
      const run = await runAction('provenance', {
        cwd: dir,
        env,
        inputs: { 'subject-path': 'gofmt', output: 'gofmt.intoto.json' },
      });
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);
      const statement = JSON.parse(await readFile(path.join(dir, 'gofmt.intoto.json'), 'utf8'));
      expect(statement._type).toBe('https://in-toto.io/Statement/v1');
      expect(statement.subject[0].digest.sha256).toBe(
        (await digestFile(path.join(dir, 'gofmt'))).sha256,
      );
      expect(statement.predicate.buildDefinition.externalParameters.workflow.repository).toBe(
        'https://github.com/example/nats-wasm',
      );
      expect(run.outputs['statement-path']).toBe('gofmt.intoto.json');
    });

    it('provenance: refuses a token from an issuer it does not trust', async () => {
      const dir = await workdir('provenance-bad-issuer');
      const run = await runAction('provenance', {
        cwd: dir,
        env: { ...env, ATTEST_OIDC_ISSUER: 'https://issuer.example.com' },
        inputs: { 'subject-path': 'gofmt' },
      });
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toMatch(/issuer|iss/i);
    });

    it('root action: builds, attests and pushes in one step; push attaches bundles and SBOM as referrers', async () => {
      const dir = await workdir('all-in-one');
      const repo = `oci://${registry.host}/example/gofmt`;
      const run = await runAction('.', {
        cwd: dir,
        env,
        inputs: {
          'build-command':
            'mkdir -p out && cp gofmt out/gofmt && echo "::set-output name=digests::forged"',
          'subject-path': 'out/gofmt',
          'sbom-paths': path.join(LOCKFILES, 'golang-nats-server'),
          'github-attestations': 'false',
          'oci-repository': repo,
          'registry-token': USER.password,
          'registry-username': USER.username,
        },
      });
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);
      // The build ran with workflow commands stopped: its forged command is inert text.
      const stop = /::stop-commands::([0-9a-f]{64})/.exec(run.stdout);
      expect(stop).not.toBeNull();
      expect(run.stdout.indexOf('::set-output name=digests::forged')).toBeGreaterThan(stop!.index);
      expect(run.stdout.indexOf(`::${stop![1]}::`)).toBeGreaterThan(run.stdout.indexOf('forged'));

      const sha = (await digestFile(path.join(dir, 'out', 'gofmt'))).sha256!;
      expect(run.outputs.digests).toBe(`${sha}  gofmt\n`);
      const reference = run.outputs['oci-reference']!;
      expect(reference).toMatch(new RegExp(`^${repo}@sha256:[0-9a-f]{64}$`));

      // Read back with the OCI client: the manifest's referrers are the two bundles and the SBOM.
      const ref = parseReference(reference);
      const target = openTarget(ref, {
        credentials: { username: USER.username, password: USER.password },
      });
      const referrers = await listReferrers(target, ref.digest!);
      expect(referrers.map((r: any) => r.artifactType).sort()).toEqual([
        'application/vnd.cyclonedx+json',
        'application/vnd.dev.sigstore.bundle.v0.3+json',
        'application/vnd.dev.sigstore.bundle.v0.3+json',
      ]);
      expect(run.summary).toContain(`| Published | \`${reference}\` |`);

      const result = await verifyArtifact(
        { path: path.join(dir, 'out', 'gofmt') },
        { repo: 'example/nats-wasm', signerWorkflow: SIGNER, requireSbom: true },
        trust,
      );
      expect(result.failure).toBeUndefined();
      expect(result.verified).toBe(true);
      // The verify action's token is a GitHub token, for ghcr.io only: this registry gets
      // nothing from it, and refuses the anonymous read.
      const tokenOnly = await runAction('verify', {
        env: { ...env, GITHUB_ACTOR: USER.username },
        inputs: {
          artifacts: reference,
          'trusted-root': path.join(tmp, 'trusted_root.json'),
          repo: 'example/nats-wasm',
          token: USER.password,
        },
      });
      expect(tokenOnly.code).toBe(1);
      expect(tokenOnly.errors.join('\n')).toMatch(/needs credentials/);
      // With the registry's credentials in a Docker config (as docker login writes them), the
      // verify action checks it straight from the registry (oci:// reference).
      const dockerConfig = path.join(tmp, 'docker');
      await mkdir(dockerConfig, { recursive: true });
      await writeFile(
        path.join(dockerConfig, 'config.json'),
        JSON.stringify({
          auths: {
            [registry.host]: {
              auth: Buffer.from(`${USER.username}:${USER.password}`).toString('base64'),
            },
          },
        }),
      );
      const withConfig = { ...env, DOCKER_CONFIG: dockerConfig };
      const verify = await runAction('verify', {
        env: withConfig,
        inputs: {
          artifacts: reference,
          'trusted-root': path.join(tmp, 'trusted_root.json'),
          repo: 'example/nats-wasm',
          'signer-workflow': SIGNER,
          'require-sbom': 'true',
        },
      });
      expect(verify.errors).toEqual([]);
      expect(verify.code).toBe(0);
      expect(verify.outputs.verified).toBe('true');
      const verified = JSON.parse(verify.outputs.results!)[0];
      expect(verified.artifact).toBe(reference);
      expect(verified.digest.sha256).toBe(sha);

      // Another repository's signer policy fails closed on the same reference.
      const wrong = await runAction('verify', {
        env: withConfig,
        inputs: {
          artifacts: reference,
          'trusted-root': path.join(tmp, 'trusted_root.json'),
          repo: 'example/other',
        },
      });
      expect(wrong.code).toBe(1);
      expect(wrong.outputs.verified).toBe('false');
    });

    it('root action: a failing build fails the step and signs nothing', async () => {
      const dir = await workdir('build-fails');
      const run = await runAction('.', {
        cwd: dir,
        env,
        inputs: {
          'build-command': 'echo compiling; exit 3',
          'subject-path': 'gofmt',
          'github-attestations': 'false',
        },
      });
      expect(run.code).toBe(1);
      expect(run.errors).toEqual(['build-command failed (exit 3)']);
      expect((await readdir(dir)).sort()).toEqual(['gofmt']);
    });

    it('push: refuses a wrong registry password with the registry named', async () => {
      const dir = await workdir('push-denied');
      const run = await runAction('push', {
        cwd: dir,
        env,
        inputs: {
          repository: `oci://${registry.host}/example/denied`,
          paths: 'gofmt',
          token: 'wrong',
          username: USER.username,
        },
      });
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toContain(registry.host);
    });
  },
);
