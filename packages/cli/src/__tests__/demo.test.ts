// attest demo on small example trees: the orchestration (skips with reasons, a failing stage
// named with its artifact, usage errors) without the Go and Rust builds, which
// test/e2e/demo.test.ts runs for real.
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoReport } from '@build-artifact/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

const examples = join(import.meta.dirname, '..', '..', '..', '..', 'examples');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'demo-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('attest demo', () => {
  it('runs the pipeline on what it can build and says what it skipped and why', async () => {
    const ex = join(tmp, 'only-node');
    await mkdir(ex);
    await cp(join(examples, 'node-app'), join(ex, 'node-app'), { recursive: true });
    const out = join(tmp, 'out-node');
    const io = captureIO({ ...process.env });
    const code = await main(['demo', '--examples', ex, '--out', out, '--format', 'json'], io);
    expect(code, io.err()).toBe(0);
    const report = JSON.parse(io.out()) as DemoReport;
    expect(report.artifacts.map((a) => a.name)).toEqual(['node-app.tgz']);
    expect(report.skipped.map((s) => s.artifact)).toEqual([
      'nats-server.wasm',
      'embedding-cli',
      'python-app.tgz',
    ]);
    expect(report.skipped[0]!.reason).toMatch(/nats-wasip1\/build\.sh not found/);
    expect(report.skipped[1]!.reason).toMatch(/nats-server\.wasm, which was not built/);
    expect(report.checks.map((c) => [c.from, c.verified])).toEqual([
      ['file', true],
      ['oci', true],
    ]);
    const a = report.artifacts[0]!;
    expect(a.sbomPath).toBe(join(out, 'node-app.tgz.cdx.json'));
    const bom = JSON.parse(await readFile(a.sbomPath, 'utf8'));
    expect(bom.bomFormat).toBe('CycloneDX');
    await readFile(join(out, 'trusted_root.json'));
    await readFile(join(out, 'oci', 'index.json'));
    // A signed verification summary per artifact, attached in OCI, and verified through it alone.
    expect(report.summaries.summaries).toEqual([
      expect.objectContaining({
        artifact: 'node-app.tgz',
        verified: true,
        verifier:
          'https://github.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
        verifiedLevels: ['SLSA_BUILD_LEVEL_3', 'BUILD_ARTIFACT_SBOM_VERIFIED'],
        dependencyLevels: {},
        referrer: expect.stringMatching(/^sha256:/),
        resourceUri: expect.stringMatching(/^oci-layout:.*@sha256:[0-9a-f]{64}$/),
      }),
    ]);
    const summaryLines = (await readFile(report.summaries.file, 'utf8')).trim().split('\n');
    expect(summaryLines).toHaveLength(1);
    const vsa = captureIO({ ...process.env });
    expect(await main(report.summaries.summaries[0]!.command, vsa), vsa.out()).toBe(0);
    // --recursive on an artifact that records no dependency: verified, nothing to follow.
    const rec = captureIO({ ...process.env });
    const [, , ...flags] = report.checks[0]!.command;
    expect(await main(['verify', a.path, '--recursive', ...flags, '--format', 'json'], rec)).toBe(
      0,
    );
    expect(JSON.parse(rec.out())).toMatchObject({ verified: true, dependencies: [] });
    // The text report names the re-verification command with the identity flags.
    const text = captureIO({ ...process.env });
    expect(await main(['demo', '--examples', ex, '--out', out], text)).toBe(0);
    expect(text.out()).toContain('everything verified');
    expect(text.out()).toMatch(
      /Verification summaries \(SLSA VSA v1\.1.*\n\s+✓ node-app\.tgz\s+PASSED/,
    );
    expect(text.out()).toMatch(
      /attest verify oci-layout:\S+ --policy \S+policy\.yml --vsa-verifier https:/,
    );
    expect(text.out()).toContain('Skipped:');
    expect(text.out()).toMatch(
      /attest verify \S+node-app\.tgz --trusted-root \S+trusted_root\.json --repo example\/build-artifact-demo --signer-repo build-artifact\/build-artifact --slsa-level 3 --require-sbom/,
    );
  }, 120_000);

  it('packages the same sources to the same bytes', async () => {
    const ex = join(tmp, 'repro');
    await mkdir(ex);
    await cp(join(examples, 'python-app'), join(ex, 'python-app'), { recursive: true });
    const digests: string[] = [];
    for (const n of [1, 2]) {
      const io = captureIO({ ...process.env });
      const args = ['demo', '--examples', ex, '--out', join(tmp, `repro-${n}`), '--format', 'json'];
      expect(await main(args, io), io.err()).toBe(0);
      digests.push((JSON.parse(io.out()) as DemoReport).artifacts[0]!.sha256);
    }
    expect(digests[0]).toBe(digests[1]);
  }, 120_000);

  it('names the stage and the artifact when a build fails (exit 1)', async () => {
    const ex = join(tmp, 'broken');
    await mkdir(join(ex, 'nats-wasip1'), { recursive: true });
    await writeFile(
      join(ex, 'nats-wasip1', 'build.sh'),
      '#!/usr/bin/env bash\necho "go: something broke" >&2\nexit 3\n',
    );
    await chmod(join(ex, 'nats-wasip1', 'build.sh'), 0o755);
    const io = captureIO({ ...process.env });
    const code = await main(['demo', '--examples', ex, '--out', join(tmp, 'out-broken')], io);
    const { findGo } = await import('@build-artifact/pipeline');
    const go = await findGo(process.env);
    const sources = (await import('node:fs')).existsSync(
      '/usr/share/gocode/src/github.com/nats-io/nats-server',
    );
    if (!go || !sources) {
      // Without Go nothing is built at all: that is a failure too, with every reason.
      expect(code).toBe(1);
      expect(io.err()).toMatch(/nothing could be built/);
      return;
    }
    expect(code).toBe(1);
    expect(io.err()).toMatch(/stage "build" failed for nats-server\.wasm: .*exit 3/);
    expect(io.err()).toContain('go: something broke');
  }, 120_000);

  it('rejects bad flags and a missing examples directory (exit 2)', async () => {
    const io = captureIO({ ...process.env });
    expect(await main(['demo', '--registry', 'not a host'], io)).toBe(2);
    expect(io.err()).toContain('--registry must be HOST:PORT');
    const io2 = captureIO({ ...process.env });
    expect(
      await main(['demo', '--examples', join(tmp, 'nope'), '--out', join(tmp, 'x')], io2),
    ).toBe(2);
    expect(io2.err()).toContain('no examples directory');
    const io3 = captureIO({ ...process.env });
    expect(await main(['demo', '--format', 'yaml'], io3)).toBe(2);
    // An --out that cannot be a folder is named, not reported as a bug.
    const file = join(tmp, 'a-file');
    await writeFile(file, '');
    const io4 = captureIO({ ...process.env });
    expect(await main(['demo', '--examples', examples, '--out', join(file, 'x')], io4)).toBe(2);
    expect(io4.err()).toContain(`${join(file, 'x')}: ENOTDIR`);
    expect(io4.err()).not.toContain('internal error');
  });
});
