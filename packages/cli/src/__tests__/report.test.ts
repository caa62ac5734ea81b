// `attest report`: the flags and exit codes of `attest verify`, one HTML page out (to stdout
// or atomically to -o), the failure first. Real bundles from public-good Sigstore, offline.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

const BCR = join(import.meta.dirname, '../../../../../shared/testdata/bundles/slsa-verifier-bcr');
const RULES_LINT = join(BCR, 'rules_lint-v1.3.1.tar.gz');
const MODULE = join(BCR, 'MODULE.bazel');
const WRONG = join(BCR, 'MODULE-wrong-signer.bazel');

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-report-'));
  env = { ATTEST_CACHE_DIR: join(dir, 'cache'), ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9' };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function attest(...args: string[]) {
  const io = captureIO(env, dir);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('attest report', () => {
  it('writes one self-contained page of a verified artifact (exit 0)', async () => {
    const r = await attest(
      'report',
      RULES_LINT,
      '--repo',
      'aspect-build/rules_lint',
      '--signer-workflow',
      'bazel-contrib/.github/.github/workflows/release_ruleset.yaml',
      '-o',
      'report.html',
    );
    expect(r.err).toContain('the artifact verified; wrote report.html');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    // Written atomically: the page and nothing else (no temporary file left behind).
    expect((await readdir(dir)).filter((n) => n !== 'cache')).toEqual(['report.html']);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('✓ verified');
    expect(html).toContain('Build L3');
    // The public-good log entry links to the public search page.
    expect(html).toMatch(/href="https:\/\/search\.sigstore\.dev\/\?logIndex=\d+"/);
    // Nothing is loaded from anywhere: no src=, no stylesheet link, a CSP that allows none.
    expect(html).not.toMatch(/\ssrc=|<link\s/);
    expect(html).toMatch(/default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
  });

  it('puts the failure first and exits 1 when one artifact fails', async () => {
    const r = await attest(
      'report',
      MODULE,
      WRONG,
      '--repo',
      'aspect-build/rules_lint',
      '--signer-repo',
      'bazel-contrib/publish-to-bcr',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('1 of 2 artifacts FAILED');
    const html = r.out;
    const banner = html.indexOf('Verification FAILED');
    const failed = html.indexOf(`id="a1"`);
    expect(banner).toBeGreaterThan(0);
    expect(html.slice(failed, failed + 400)).toContain('MODULE-wrong-signer.bazel');
    expect(html.indexOf('MODULE-wrong-signer.bazel')).toBeLessThan(html.indexOf(`${MODULE}<`));
    expect(html).toContain('REPOSITORY_MISMATCH');
  });

  it('refuses bad usage with exit 2 and writes nothing', async () => {
    const none = await attest('report', '-o', 'x.html');
    expect(none.code).toBe(2);
    expect(none.err).toContain('report needs at least one ARTIFACT');
    const format = await attest('report', RULES_LINT, '--format', 'json', '-o', 'y.html');
    expect(format.code).toBe(2);
    const missing = await attest('report', join(dir, 'nope.tgz'), '--repo', 'o/r', '-o', 'z.html');
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(/\n\s+at /);
    expect((await readdir(dir)).filter((n) => n.endsWith('.html'))).toEqual(['report.html']);
  });
});
