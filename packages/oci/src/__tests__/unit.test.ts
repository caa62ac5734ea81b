import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeCovered } from '../auth.js';
import {
  attachBundle,
  contextAnnotations,
  detectPlatform,
  detectWasm,
  formatReference,
  isLoopback,
  listReferrers,
  OciClient,
  OciError,
  OciLayout,
  parseChallenges,
  parsePlatform,
  parseReference,
  pull,
  pushFile,
  referrersTag,
  retryAfterMs,
} from './exports.js';
import { wasmComponent, wasmModule } from './wasm-fixture.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as OciError).code;
  }
  return undefined;
}

describe('parseReference', () => {
  it('reads registry references', () => {
    expect(parseReference('oci://127.0.0.1:5000/a/b:v1')).toEqual({
      kind: 'registry',
      registry: '127.0.0.1:5000',
      repository: 'a/b',
      tag: 'v1',
    });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseReference(`oci://ghcr.io/o/r@${digest}`)).toEqual({
      kind: 'registry',
      registry: 'ghcr.io',
      repository: 'o/r',
      digest,
    });
    expect(parseReference('ubuntu:24.04')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/ubuntu',
      tag: '24.04',
    });
    expect(parseReference('localhost/x')).toMatchObject({ registry: 'localhost', repository: 'x' });
    expect(parseReference('oci://[::1]:5000/x:y')).toMatchObject({
      registry: '[::1]:5000',
      repository: 'x',
      tag: 'y',
    });
    for (const text of ['oci://ghcr.io/o/r:v1', `oci://h:1/x:t@sha256:${'b'.repeat(64)}`]) {
      expect(formatReference(parseReference(text))).toBe(text);
    }
  });

  it('reads layout references', () => {
    expect(parseReference('oci-layout:./out:v1')).toEqual({
      kind: 'layout',
      path: './out',
      tag: 'v1',
    });
    expect(parseReference('oci-layout:/tmp/a:b/dir')).toEqual({
      kind: 'layout',
      path: '/tmp/a:b/dir',
    });
  });

  it('rejects bad ones with INVALID_REFERENCE', () => {
    for (const bad of [
      'oci://ghcr.io/Upper/x',
      'https://ghcr.io/x',
      'oci://ghcr.io/x@sha256:12',
      'oci://ghcr.io/x:-bad',
      'oci-layout:',
    ]) {
      expect(
        code(() => parseReference(bad)),
        bad,
      ).toBe('INVALID_REFERENCE');
    }
  });

  it('knows loopback hosts', () => {
    expect(['localhost:5000', '127.0.0.1', '127.5.6.7:80', '[::1]:5000'].every(isLoopback)).toBe(
      true,
    );
    expect(['ghcr.io', '10.0.0.1:5000', 'localhost.example'].some(isLoopback)).toBe(false);
  });

  it('names referrers tags', () => {
    expect(referrersTag(`sha256:${'c'.repeat(64)}`)).toBe(`sha256-${'c'.repeat(64)}`);
  });
});

describe('auth and retry headers', () => {
  it('parses challenges with quoted commas', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/r:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://ghcr.io/token',
          service: 'ghcr.io',
          scope: 'repository:o/r:pull,push',
        },
      },
    ]);
    expect(parseChallenges('Basic realm="x", Bearer realm="y"').map((c) => c.scheme)).toEqual([
      'basic',
      'bearer',
    ]);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('binaries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oci-unit-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('tells wasip1 modules from components', async () => {
    await writeFile(join(dir, 'm.wasm'), wasmModule({ customBytes: 10 }));
    await writeFile(join(dir, 'c.wasm'), wasmComponent());
    await writeFile(join(dir, 'plain.wasm'), wasmModule({ imports: ['env'] }));
    expect(await detectWasm(join(dir, 'm.wasm'))).toMatchObject({
      kind: 'module',
      os: 'wasip1',
      importModules: ['wasi_snapshot_preview1'],
    });
    expect(await detectWasm(join(dir, 'c.wasm'))).toMatchObject({
      kind: 'component',
      os: 'wasip2',
    });
    expect(await detectWasm(join(dir, 'plain.wasm'))).toMatchObject({
      os: 'wasip1',
      importModules: ['env'],
    });
    await writeFile(join(dir, 'cut.wasm'), wasmModule().subarray(0, 20));
    const err = await detectWasm(join(dir, 'cut.wasm')).catch((e: unknown) => e);
    expect((err as OciError).code).toBe('INVALID_WASM');
  });

  it('reads the platform of ELF, PE and Mach-O headers', async () => {
    expect(await detectPlatform(process.execPath)).toEqual({
      os: 'linux',
      architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
    });
    const pe = Buffer.alloc(0x90);
    pe.write('MZ', 0);
    pe.writeUInt32LE(0x80, 0x3c);
    pe.writeUInt32BE(0x50450000, 0x80);
    pe.writeUInt16LE(0xaa64, 0x84);
    await writeFile(join(dir, 'a.exe'), pe);
    expect(await detectPlatform(join(dir, 'a.exe'))).toEqual({
      os: 'windows',
      architecture: 'arm64',
    });
    const macho = Buffer.alloc(32);
    macho.writeUInt32LE(0xfeedfacf, 0);
    macho.writeUInt32LE(0x0100000c, 4);
    await writeFile(join(dir, 'mac'), macho);
    expect(await detectPlatform(join(dir, 'mac'))).toEqual({ os: 'darwin', architecture: 'arm64' });
    await writeFile(join(dir, 'text'), 'just some text, not a binary');
    expect(await detectPlatform(join(dir, 'text'))).toBeUndefined();
    expect(parsePlatform('linux/arm/v7')).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
    });
    expect(code(() => parsePlatform('linux'))).toBe('INVALID_PLATFORM');
  });

  it('keeps referrers in an OCI layout and pulls them', async () => {
    const layout = new OciLayout(join(dir, 'layout'));
    await writeFile(join(dir, 'tool'), 'a tool');
    const pushed = await pushFile(layout, join(dir, 'tool'), { tag: 'v1' });
    const bundle =
      '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","messageSignature":{}}';
    await attachBundle(pushed, bundle);
    expect(await listReferrers(layout, pushed.descriptor.digest)).toMatchObject([
      {
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        annotations: { 'dev.sigstore.bundle.content': 'message-signature' },
      },
    ]);
    expect(JSON.parse(await readFile(join(dir, 'layout', 'oci-layout'), 'utf8'))).toEqual({
      imageLayoutVersion: '1.0.0',
    });
    await pull(layout, 'v1', join(dir, 'out'));
    expect(await readFile(join(dir, 'out', 'tool.sigstore.json'), 'utf8')).toBe(bundle);
    // A blob whose bytes changed on disk is refused.
    const [, hex] = pushed.layer!.digest.split(':');
    await writeFile(join(dir, 'layout', 'blobs', 'sha256', hex!), 'tampered');
    const err = await pull(layout, 'v1', join(dir, 'out2')).catch((e: unknown) => e);
    expect((err as OciError).code).toBe('DIGEST_MISMATCH');
    expect((err as OciError & { exitCode?: number }).exitCode).toBe(1);
  });
});

describe('contextAnnotations', () => {
  it('takes source, revision, version and licenses from the build', () => {
    const statement = {
      predicate: {
        buildDefinition: {
          resolvedDependencies: [
            {
              uri: 'git+https://github.com/acme/app@refs/tags/v1.2.3',
              digest: { gitCommit: 'abc123' },
            },
          ],
        },
      },
    };
    const sbom = { metadata: { component: { licenses: [{ expression: 'MIT OR Apache-2.0' }] } } };
    expect(
      contextAnnotations({
        env: { GITHUB_REPOSITORY: 'x/y', GITHUB_SHA: 'def' },
        provenance: statement,
        sbom,
      }),
    ).toEqual({
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.version': 'v1.2.3',
      'org.opencontainers.image.licenses': 'MIT OR Apache-2.0',
    });
    expect(
      contextAnnotations({
        env: { GITHUB_REPOSITORY: 'x/y', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v9' },
      }),
    ).toEqual({
      'org.opencontainers.image.source': 'https://github.com/x/y',
      'org.opencontainers.image.version': 'v9',
    });
  });
});

it('says which registry could not be reached', async () => {
  const { freePort } = await import('../../../../test/helpers/registry.js');
  const host = `127.0.0.1:${await freePort()}`;
  const client = new OciClient(
    { registry: host, repository: 'x/y' },
    { retry: { attempts: 2, baseDelayMs: 5 } },
  );
  const err = (await client
    .hasBlob(`sha256:${'0'.repeat(64)}`)
    .catch((e: unknown) => e)) as OciError;
  expect(err.code).toBe('NETWORK');
  expect(err.message).toContain(host);
  expect(err.message).toContain('ECONNREFUSED');
});

it('OciError carries the code', () => {
  expect(new OciError({ code: 'NETWORK', message: 'x' }).code).toBe('NETWORK');
});

describe('scopeCovered', () => {
  it('counts a scope granted when the same resource has every action it names', () => {
    const push = ['repository:t/three:pull,push'];
    expect(scopeCovered(push, 'repository:t/three:pull')).toBe(true);
    expect(scopeCovered(push, 'repository:t/three:pull,push')).toBe(true);
    expect(scopeCovered(push, 'repository:t/three:delete')).toBe(false);
    expect(scopeCovered(push, 'repository:t/other:pull')).toBe(false);
    expect(scopeCovered(['repository:t/three:pull'], 'repository:t/three:push')).toBe(false);
    expect(scopeCovered([], 'registry:catalog:*')).toBe(false);
  });
});
