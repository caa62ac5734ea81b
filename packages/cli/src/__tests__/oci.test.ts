import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetchOciArtifact } from '@build-artifact/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Registry,
  registryAvailable,
  sha256,
  skopeoAvailable,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import { main } from '../index.js';
import { captureIO } from './io.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/attest.js');
const testdata = join(import.meta.dirname, '../../../../../shared/testdata/bundles/gh-cli');

// A small wasm module importing wasi_snapshot_preview1 (what GOOS=wasip1 writes).
const WASM = Buffer.concat([
  Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
  Buffer.from([1, 9, 1, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f]),
  Buffer.from([
    2,
    0x23,
    1,
    22,
    ...Buffer.from('wasi_snapshot_preview1'),
    8,
    ...Buffer.from('fd_write'),
    0,
    0,
  ]),
]);

describe('attest push / pull / discover', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attest-oci-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects bad arguments with exit 2', async () => {
    let io = captureIO({}, dir);
    expect(await main(['push'], io)).toBe(2);
    io = captureIO({}, dir);
    expect(await main(['push', 'missing.wasm', 'oci://127.0.0.1:1/x:y'], io)).toBe(2);
    expect(io.err()).toContain('missing.wasm');
    io = captureIO({}, dir);
    expect(await main(['pull', 'ghcr.io/x/y'], io)).toBe(2);
    expect(io.err()).toContain('oci://');
    io = captureIO({}, dir);
    expect(await main(['pull', 'oci://127.0.0.1:5000/Bad_Name'], io)).toBe(2);
    expect(io.err()).toContain('not a repository name');
  });

  it('pushes to an OCI image layout by default, which skopeo reads', async () => {
    const work = join(dir, 'layout');
    await rm(work, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
    await writeFile(join(work, 'app.wasm'), WASM);
    const io = captureIO({}, work);
    expect(await main(['push', 'app.wasm'], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/^oci-layout:.*oci-layout@sha256:[0-9a-f]{64}\n$/);
    const index = JSON.parse(await readFile(join(work, 'oci-layout', 'index.json'), 'utf8'));
    expect(index.manifests[0].annotations['org.opencontainers.image.ref.name']).toBe('latest');
    if (skopeoAvailable()) {
      const { stdout } = await run('skopeo', [
        'inspect',
        '--raw',
        `oci:${join(work, 'oci-layout')}:latest`,
      ]);
      expect(JSON.parse(stdout).layers[0]).toMatchObject({
        mediaType: 'application/wasm',
        digest: sha256(WASM),
      });
    }
    const pulled = captureIO({}, work);
    expect(await main(['pull', 'oci-layout:./oci-layout:latest', '-o', 'out'], pulled)).toBe(0);
    expect(await readFile(join(work, 'out', 'app.wasm'))).toEqual(WASM);
  });

  it('pulls past a referrer it does not know, and says so', async () => {
    const work = join(dir, 'skipped');
    await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
    await writeFile(join(work, 'app.wasm'), WASM);
    expect(await main(['push', 'app.wasm', 'oci-layout:./l:v1'], captureIO({}, work))).toBe(0);
    // Another tool's referrer: a scan report.
    const { OciLayout, attachReferrer, readManifest } = await import('@build-artifact/oci');
    const layout = new OciLayout(join(work, 'l'));
    const subject = await readManifest(layout, 'v1');
    const report = await attachReferrer(
      { target: layout, descriptor: subject.descriptor },
      new TextEncoder().encode('{"findings":[]}'),
      'application/vnd.example.scan+json',
      {},
    );
    const text = captureIO({}, work);
    expect(await main(['pull', 'oci-layout:./l:v1', '-o', 'out'], text), text.err()).toBe(0);
    expect(text.err()).toContain(
      `attest pull: skipped referrer ${report.digest} (application/vnd.example.scan+json) of ${subject.descriptor.digest}`,
    );
    expect(text.err()).toMatch(/1 files written to .*, 1 referrer skipped\n$/);
    expect(await readdir(join(work, 'out'))).toEqual(['app.wasm']);
    const json = captureIO({}, work);
    expect(await main(['pull', 'oci-layout:./l:v1', '-o', 'out2', '--format', 'json'], json)).toBe(
      0,
    );
    expect(JSON.parse(json.out()).skipped).toEqual([
      expect.objectContaining({ digest: report.digest, manifest: subject.descriptor.digest }),
    ]);
  });

  describe.skipIf(!registryAvailable())('against docker-registry', () => {
    let registry: Registry;
    beforeAll(async () => {
      registry = await startRegistry();
    });
    afterAll(async () => {
      await registry?.close();
    });

    it('pushes a file with its bundle beside it, discovers, pulls, and verifies it from the registry', async () => {
      const work = join(dir, 'e2e');
      await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
      const artifact = join(work, 'sigstore-js-2.1.0.tgz');
      await copyFile(join(testdata, 'sigstore-js-2.1.0.tgz'), artifact);
      await copyFile(join(testdata, 'sigstore-js-2.1.0-bundle.json'), `${artifact}.sigstore.json`);
      const sbom = JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
        version: 1,
        metadata: {
          timestamp: '2026-01-01T00:00:00Z',
          component: {
            type: 'library',
            name: 'sigstore',
            licenses: [{ license: { id: 'Apache-2.0' } }],
          },
        },
      });
      await writeFile(`${artifact}.cdx.json`, sbom);
      const ref = `oci://${registry.host}/sigstore/sigstore-js:2.1.0`;

      const io = captureIO(
        { GITHUB_SERVER_URL: 'https://github.com', SOURCE_DATE_EPOCH: '1700000000' },
        work,
      );
      expect(
        await main(
          [
            'push',
            'sigstore-js-2.1.0.tgz',
            ref,
            '--annotation',
            'org.example=yes',
            '--format',
            'json',
          ],
          io,
        ),
      ).toBe(0);
      const pushed = JSON.parse(io.out());
      expect(pushed.referrers).toHaveLength(2);
      expect(pushed.uploadedBytes).toBeGreaterThan(37_000);

      const manifest = JSON.parse(
        (
          await run('skopeo', [
            'inspect',
            '--raw',
            '--tls-verify=false',
            `docker://${registry.host}/sigstore/sigstore-js:2.1.0`,
          ])
        ).stdout,
      );
      expect(manifest.annotations).toMatchObject({
        'org.opencontainers.image.source': 'https://github.com/sigstore/sigstore-js',
        'org.opencontainers.image.revision': '26d16513386ffaa790b1c32f927544f1322e4194',
        'org.opencontainers.image.licenses': 'Apache-2.0',
        'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
        'org.example': 'yes',
      });

      const again = captureIO({}, work);
      expect(await main(['push', 'sigstore-js-2.1.0.tgz', ref, '--format', 'json'], again)).toBe(0);
      expect(JSON.parse(again.out()).uploadedBytes).toBe(0);

      const disc = captureIO({}, work);
      expect(await main(['discover', ref], disc)).toBe(0);
      expect(disc.out()).toContain(
        'application/vnd.dev.sigstore.bundle.v0.3+json  https://slsa.dev/provenance/v1',
      );
      expect(disc.out()).toContain('application/vnd.cyclonedx+json');
      const discJson = captureIO({}, work);
      expect(await main(['discover', ref, '--format', 'json'], discJson)).toBe(0);
      expect(JSON.parse(discJson.out()).referrers).toHaveLength(2);

      const pulled = captureIO({}, work);
      expect(await main(['pull', ref, '-o', 'pulled'], pulled)).toBe(0);
      const names = (await readdir(join(work, 'pulled'))).sort();
      expect(names).toEqual([
        'sigstore-js-2.1.0.tgz',
        'sigstore-js-2.1.0.tgz.cdx.json',
        'sigstore-js-2.1.0.tgz.sigstore.json',
      ]);
      for (const name of names) {
        expect(await readFile(join(work, 'pulled', name))).toEqual(
          await readFile(join(work, name)),
        );
      }

      const evidence = await fetchOciArtifact(ref, { cwd: work, env: {} });
      expect(evidence.fileDigest).toBe(sha256(await readFile(artifact)));
      expect(sha256(await readFile(evidence.path))).toBe(sha256(await readFile(artifact)));
      expect(evidence.evidence).toHaveLength(1);
      expect(evidence.evidence[0]!.json).toEqual(
        JSON.parse(await readFile(`${artifact}.sigstore.json`, 'utf8')),
      );

      const verify = captureIO({}, work);
      const code = await main(
        [
          'verify',
          ref,
          '--trusted-root',
          join(testdata, 'trusted_root.json'),
          '--owner',
          'sigstore',
        ],
        verify,
      );
      expect(verify.err()).toBe('');
      expect(code).toBe(0);
    });

    it('push, discover and pull, each as its own attest process, finish and exit', async () => {
      // The client keeps connections open between requests: a connection left unread would
      // keep the process alive after its work is done. Each command must exit by itself.
      const work = join(dir, 'processes');
      await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
      await writeFile(join(work, 'tool.wasm'), WASM);
      await writeFile(
        join(work, 'tool.wasm.cdx.json'),
        '{"bomFormat":"CycloneDX","specVersion":"1.6","version":1}',
      );
      const ref = `oci://${registry.host}/processes/tool:v1`;
      const attest = (...args: string[]) =>
        run(process.execPath, [bin, ...args], {
          cwd: work,
          timeout: 60_000,
          killSignal: 'SIGKILL',
        });
      const pushed = await attest('push', 'tool.wasm', ref);
      expect(pushed.stdout).toMatch(/@sha256:[0-9a-f]{64}\n$/);
      const digest = pushed.stdout.trim().split('@')[1]!;
      const discovered = JSON.parse((await attest('discover', ref, '--format', 'json')).stdout);
      expect(discovered.digest).toBe(digest);
      expect(discovered.referrers.map((r: { artifactType: string }) => r.artifactType)).toEqual([
        'application/vnd.cyclonedx+json',
      ]);
      await attest('pull', ref, '-o', join(work, 'pulled'));
      expect(await readFile(join(work, 'pulled', 'tool.wasm'))).toEqual(WASM);
    });

    it('groups --platform builds in an index and pulls each', async () => {
      const work = join(dir, 'multi');
      await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
      await writeFile(join(work, 'app-linux'), 'linux');
      await writeFile(join(work, 'app-windows.exe'), 'windows');
      const ref = `oci://${registry.host}/acme/app:v1`;
      const io = captureIO({}, work);
      expect(
        await main(
          [
            'push',
            'app-linux',
            'app-windows.exe',
            ref,
            '--platform',
            'linux/amd64',
            '--platform',
            'windows/amd64',
          ],
          io,
        ),
      ).toBe(0);
      const disc = captureIO({}, work);
      expect(await main(['discover', ref], disc)).toBe(0);
      expect(disc.out()).toContain('linux/amd64');
      expect(disc.out()).toContain('windows/amd64');
      expect(
        await main(
          ['push', 'app-linux', ref, '--platform', 'linux/amd64', '--platform', 'x/y'],
          captureIO({}, work),
        ),
      ).toBe(2);
      const pulled = captureIO({}, work);
      expect(await main(['pull', ref, '-o', 'out'], pulled)).toBe(0);
      expect((await readdir(join(work, 'out'))).sort()).toEqual(['app-linux', 'app-windows.exe']);
    });

    it('attaches JSON-lines bundles to the platform build their statement names', async () => {
      const work = join(dir, 'jsonl');
      await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
      await copyFile(join(testdata, 'sigstore-js-2.1.0.tgz'), join(work, 'sigstore-js-2.1.0.tgz'));
      await writeFile(join(work, 'other'), 'another build');
      const ref = `oci://${registry.host}/acme/jsonl:v1`;
      const io = captureIO({}, work);
      const args = [
        'push',
        'sigstore-js-2.1.0.tgz',
        'other',
        ref,
        '--platform',
        'linux/amd64',
        '--platform',
        'linux/arm64',
      ];
      const bundles = join(testdata, 'sigstore-js-2.1.0_with_2_bundles.jsonl');
      expect(await main([...args, '--bundle', bundles, '--format', 'json'], io), io.err()).toBe(0);
      const pushed = JSON.parse(io.out());
      // Both bundles name the tarball (by sha512): they go to its manifest, not to the other.
      expect(pushed.referrers).toHaveLength(2);
      expect(new Set(pushed.referrers.map((r: { subject: string }) => r.subject))).toEqual(
        new Set([pushed.manifests[0].digest]),
      );

      // GitHub attestation API records (as gh attestation download writes them) are taken as
      // attest verify --bundle takes them: the bundle inside is attached.
      const first = JSON.parse((await readFile(bundles, 'utf8')).split('\n')[0]!);
      await writeFile(
        join(work, 'record.jsonl'),
        `${JSON.stringify({ bundle: first, repository_id: 1 })}\n`,
      );
      const viaRecord = captureIO({}, work);
      expect(
        await main(
          [...args, '--bundle', 'record.jsonl', '--format', 'json'].map((a) =>
            a === ref ? `oci://${registry.host}/acme/record:v1` : a,
          ),
          viaRecord,
        ),
        viaRecord.err(),
      ).toBe(0);
      expect(JSON.parse(viaRecord.out()).referrers).toHaveLength(1);

      const bad = captureIO({}, work);
      await writeFile(join(work, 'not-a-bundle.json'), '{"bomFormat":"CycloneDX"}');
      expect(await main([...args, '--bundle', 'not-a-bundle.json'], bad)).toBe(2);
      expect(bad.err()).toContain('not-a-bundle.json: not a Sigstore bundle');
    });
  });
});
