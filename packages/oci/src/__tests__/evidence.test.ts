import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Registry,
  registryAvailable,
  sha256,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import {
  attachBundle,
  attachReferrer,
  attachSbom,
  fetchEvidence,
  hostPlatform,
  OciClient,
  OciError,
  type ProgressEventLike,
  pushFile,
  pushIndex,
} from './exports.js';

const bundle = (predicateType: string, marker: string) => ({
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: { tlogEntries: [{ integratedTime: '1700000000' }] },
  dsseEnvelope: {
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [],
        predicateType,
        predicate: { marker },
      }),
    ).toString('base64'),
    signatures: [{ sig: 'AAAA', keyid: '' }],
  },
});

describe('hostPlatform', () => {
  it('names the running platform in OCI terms', () => {
    const p = hostPlatform();
    expect(p.os).toBe(process.platform === 'win32' ? 'windows' : process.platform);
    if (process.arch === 'x64') expect(p.architecture).toBe('amd64');
  });

  it("uses Go's architecture names where Node's differ", () => {
    expect(hostPlatform('linux', 'ppc64')).toEqual({ os: 'linux', architecture: 'ppc64le' });
    expect(hostPlatform('aix', 'ppc64')).toEqual({ os: 'aix', architecture: 'ppc64' });
    expect(hostPlatform('linux', 'mipsel')).toEqual({ os: 'linux', architecture: 'mipsle' });
    expect(hostPlatform('win32', 'ia32')).toEqual({ os: 'windows', architecture: '386' });
    expect(hostPlatform('darwin', 'arm64')).toEqual({ os: 'darwin', architecture: 'arm64' });
    expect(hostPlatform('linux', 's390x')).toEqual({ os: 'linux', architecture: 's390x' });
  });
});

describe.skipIf(!registryAvailable())('fetchEvidence against docker-registry', () => {
  let registry: Registry;
  let dir: string;
  beforeAll(async () => {
    registry = await startRegistry({ referrersTagFallback: true });
    dir = await mkdtemp(join(tmpdir(), 'oci-evidence-test-'));
  });
  afterAll(async () => {
    await registry?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const client = (repository: string) =>
    new OciClient({ registry: registry.host, repository }, { retry: { baseDelayMs: 10 } });

  it('pulls the file and only its Sigstore bundles, with a progress callback', async () => {
    const file = join(dir, 'tool');
    await writeFile(file, 'a tool binary');
    const pushed = await pushFile(client('ev/tool'), file, { tag: 'v1' });
    const provenance = bundle('https://slsa.dev/provenance/v1', 'p');
    await attachBundle(pushed, JSON.stringify(provenance));
    await attachSbom(pushed, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6' }));
    const events: ProgressEventLike[] = [];
    const ref = `oci://${registry.host}/ev/tool:v1`;
    const evidence = await fetchEvidence(ref, {
      directory: join(dir, 'out'),
      onProgress: (e) => events.push(e),
    });
    expect(evidence.subject).toEqual({
      digest: sha256('a tool binary'),
      mediaType: pushed.layer!.mediaType,
      size: 13,
    });
    expect(evidence.artifactPath!.startsWith(join(dir, 'out'))).toBe(true);
    expect(evidence.artifactPath!.endsWith('/tool')).toBe(true);
    expect(await readFile(evidence.artifactPath!, 'utf8')).toBe('a tool binary');
    // The SBOM itself is not a bundle: only the provenance bundle is evidence.
    expect(evidence.bundles).toHaveLength(1);
    expect(evidence.bundles[0]!.json).toEqual(provenance);
    expect(evidence.bundles[0]!.source).toMatch(
      new RegExp(`^oci://${registry.host}/ev/tool@sha256:[0-9a-f]{64}$`),
    );
    // Downloads report no progress (only uploads and retries do); a callback must not break it.
    expect(events.every((e) => typeof e.message === 'string')).toBe(true);

    // Two calls never share a file; without a directory the file goes to a temporary folder.
    const again = await fetchEvidence(ref);
    expect(again.artifactPath).not.toBe(evidence.artifactPath);
    expect(dirname(dirname(again.artifactPath!)).startsWith(tmpdir())).toBe(true);
    expect((await stat(again.artifactPath!)).size).toBe(13);
  });

  it('takes the host platform from an index, with bundles of the manifest and the index', async () => {
    const host = hostPlatform();
    const other = { os: host.os === 'plan9' ? 'linux' : 'plan9', architecture: 'amd64' };
    await writeFile(join(dir, 'app-host'), 'host build');
    await writeFile(join(dir, 'app-other'), 'other build');
    const target = client('ev/app');
    const index = await pushIndex(
      target,
      [
        { path: join(dir, 'app-other'), platform: other },
        { path: join(dir, 'app-host'), platform: host },
      ],
      { tag: 'v1' },
    );
    await attachBundle(index, JSON.stringify(bundle('https://slsa.dev/provenance/v1', 'index')));
    const child = await fetchEvidence(`oci://${registry.host}/ev/app:v1`, { platform: host });
    expect(child.subject.digest).toBe(sha256('host build'));
    expect(await readFile(child.artifactPath!, 'utf8')).toBe('host build');
    expect(child.bundles.map((b) => b.json)).toEqual([
      bundle('https://slsa.dev/provenance/v1', 'index'),
    ]);
    const picked = await fetchEvidence(`oci://${registry.host}/ev/app:v1`, { platform: other });
    expect(picked.subject.digest).toBe(sha256('other build'));

    const err = await fetchEvidence(`oci://${registry.host}/ev/app:v1`, {
      platform: { os: 'linux', architecture: 's390x' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OciError);
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect((err as Error).message).toContain('none is for linux/s390x');
  });

  it('fails closed on a bundle that is not JSON and on a missing tag', async () => {
    await writeFile(join(dir, 'lib.so'), 'a library');
    const pushed = await pushFile(client('ev/lib'), join(dir, 'lib.so'), { tag: 'v1' });
    await attachReferrer(
      pushed,
      new TextEncoder().encode('not json'),
      'application/vnd.dev.sigstore.bundle.v0.3+json',
      {},
    );
    await expect(fetchEvidence(`oci://${registry.host}/ev/lib:v1`)).rejects.toMatchObject({
      code: 'INVALID_MANIFEST',
      message: expect.stringContaining('is not JSON'),
    });
    const missing = fetchEvidence(`oci://${registry.host}/ev/none:v1`);
    await expect(missing).rejects.toBeInstanceOf(OciError);
  });

  it('reads an oci-layout directory the same way', async () => {
    const layout = join(dir, 'layout');
    await writeFile(join(dir, 'data.bin'), 'layout data');
    const { openTarget } = await import('./exports.js');
    const target = openTarget(`oci-layout:${layout}:v1`);
    const pushed = await pushFile(target, join(dir, 'data.bin'), { tag: 'v1' });
    await attachBundle(pushed, JSON.stringify(bundle('https://slsa.dev/provenance/v1', 'l')));
    const evidence = await fetchEvidence('oci-layout:layout:v1', { cwd: dir });
    expect(evidence.subject.digest).toBe(sha256('layout data'));
    expect(evidence.bundles).toHaveLength(1);
    expect(evidence.bundles[0]!.source).toMatch(/^oci-layout:layout@sha256:/);
  });
});
