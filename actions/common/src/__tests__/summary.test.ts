// The job summaries as the runner leaves them: files written through @actions/core's summary
// (GITHUB_STEP_SUMMARY) and outputs (GITHUB_OUTPUT), from real public-good bundles, offline.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishResult } from '@build-artifact/pipeline';
import { reportTargets } from '@build-artifact/pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportPublished, reportVerified } from '../report.js';
import { summaryMarkdown } from '../summary.js';

const BCR = join(import.meta.dirname, '../../../../../shared/testdata/bundles/slsa-verifier-bcr');
const MODULE = join(BCR, 'MODULE.bazel');
const WRONG = join(BCR, 'MODULE-wrong-signer.bazel');
const MODULE_SHA = '06ce330900a7d6403bc8d88e5dfad6aeeb8ae40179f66bb89e69c8bf6f6b1a0b';

let dir: string;
const saved = { ...process.env };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-'));
});
afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md');
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  await writeFile(process.env.GITHUB_STEP_SUMMARY, '');
  await writeFile(process.env.GITHUB_OUTPUT, '');
});

const context = {
  cwd: tmpdir(),
  env: {
    ATTEST_CACHE_DIR: join(tmpdir(), 'summary-cache'),
    ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9',
  },
};

describe('the verify summary', () => {
  it('has per artifact the digest, level, signer, log link, a table of checks with each failed reason, and the chain', async () => {
    const outcome = await reportTargets(
      {
        targets: [MODULE, WRONG],
        policy: { repo: 'aspect-build/rules_lint', signerRepo: 'bazel-contrib/publish-to-bcr' },
      },
      context,
    );
    const html = join(dir, 'report.html');
    await reportVerified(outcome, html);
    const md = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('❌ **Verification FAILED**: 1 of 2 artifacts failed.');
    // The failure first.
    expect(md.indexOf('MODULE-wrong-signer.bazel')).toBeLessThan(md.indexOf(`${MODULE}\``));
    expect(md).toContain(`| SHA-256 | \`sha256:${MODULE_SHA}\` |`);
    expect(md).toContain('| SLSA | **Build L3**:');
    expect(md).toMatch(
      /\| Signer \| `https:\/\/github\.com\/bazel-contrib\/publish-to-bcr\/\.github\/workflows\/publish\.yaml@refs\/tags\/v0\.0\.1` \|/,
    );
    expect(md).toMatch(
      /\| Log entry \| \[\d+\]\(https:\/\/search\.sigstore\.dev\/\?logIndex=\d+\) \|/,
    );
    expect(md).toMatch(
      /\| Signer and source match the policy \| ❌ \*\*failed\*\* `REPOSITORY_MISMATCH` \| source repository is/,
    );
    expect(md).toMatch(/```mermaid\nflowchart LR\n[\s\S]*built from[\s\S]*\n```/);
    // Outputs: the results without the statements the report kept; the page's path.
    const outputs = await readFile(join(dir, 'output'), 'utf8');
    expect(outputs).toContain(`report<<`);
    const results = JSON.parse(/results<<(\S+)\n([\s\S]*?)\n\1/.exec(outputs)![2]!);
    expect(results).toHaveLength(2);
    expect(results[0].statements).toBeUndefined();
    expect((await readFile(html, 'utf8')).startsWith('<!doctype html>')).toBe(true);
  });
});

describe('the push summary', () => {
  it('says where each artifact went and what its bundle says, never "verified"', async () => {
    const bundle = JSON.parse((await readFile(`${MODULE}.intoto.jsonl`, 'utf8')).split('\n')[0]!);
    const reference = `oci://ghcr.io/o/r@sha256:${'c'.repeat(64)}`;
    const published = {
      reference,
      artifacts: [
        {
          name: 'MODULE.bazel',
          path: MODULE,
          reference,
          manifest: {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: `sha256:${'c'.repeat(64)}`,
            size: 1,
          },
          layer: {
            mediaType: 'application/octet-stream',
            digest: `sha256:${MODULE_SHA}`,
            size: 1368,
          },
        },
      ],
      referrers: [],
      uploadedBytes: 0,
      timings: {},
    } as unknown as PublishResult;
    await reportPublished(published, [
      { kind: 'bundle', source: 'provenance', bytes: '', json: bundle },
    ]);
    const md = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(md).toContain('## Pushed to OCI');
    expect(md).toContain('### `MODULE.bazel`: signed');
    expect(md).toContain(`| Published | \`${reference}\` |`);
    expect(md).toContain('as the signing certificate states');
    expect(md).not.toMatch(/verified/i);
  });
});

describe('summaryMarkdown', () => {
  it('keeps a name with Markdown in it inert inside a table', () => {
    const md = summaryMarkdown({
      title: 'Hashed',
      subjects: [{ name: '[a](https://evil.example)|x*y*', sha256: 'ff' }],
    });
    // A code span: no link, no emphasis, and the pipe does not split the row.
    expect(md).toContain('| `[a](https://evil.example)\\|x*y*` | `ff` |');
  });
});
