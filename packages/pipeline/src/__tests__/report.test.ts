// The report flow over real public-good bundles, offline: every check with its reason, the
// certificate's signer and source, the log entry linked to the public log's search page, the
// failure first; and a report of what was signed is never called verified.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportTargets, signedReport } from '../report.js';

const BCR = join(import.meta.dirname, '../../../../../shared/testdata/bundles/slsa-verifier-bcr');
const MODULE = join(BCR, 'MODULE.bazel');
const WRONG = join(BCR, 'MODULE-wrong-signer.bazel');
const context = {
  cwd: tmpdir(),
  env: {
    ATTEST_CACHE_DIR: join(tmpdir(), 'report-test-cache'),
    ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9',
  },
};
const policy = { repo: 'aspect-build/rules_lint', signerRepo: 'bazel-contrib/publish-to-bcr' };

describe('reportTargets', () => {
  it('reports each target, the failed one first, with every check and its reason', async () => {
    const { model, verified, results } = await reportTargets(
      { targets: [MODULE, WRONG], policy },
      context,
    );
    expect(verified).toBe(false);
    // The results stay as verify returns them, with the statements kept for the report.
    expect(results[0]!.statements?.provenance?.statement.predicateType).toBe(
      'https://slsa.dev/provenance/v1',
    );
    expect(model.verdict).toBe('failed');
    expect(model.artifacts.map((a) => [a.name, a.verdict])).toEqual([
      [WRONG, 'failed'],
      [MODULE, 'verified'],
    ]);
    const [bad, good] = model.artifacts;
    expect(bad!.failure?.reason).toBe('REPOSITORY_MISMATCH');
    expect(bad!.checks.find((c) => c.status === 'failed')).toMatchObject({
      check: 'Signer and source match the policy',
      reason: 'REPOSITORY_MISMATCH',
    });
    expect(good!.checks.every((c) => c.status !== 'failed')).toBe(true);
    expect(good!.checks.map((c) => c.check)).toContain('Provenance sourceCommit');
    expect(good!.slsa?.level).toBe(3);
    expect(good!.signer.find((f) => f.label === 'Source repository')).toEqual({
      label: 'Source repository',
      value: 'https://github.com/aspect-build/rules_lint',
      href: 'https://github.com/aspect-build/rules_lint',
      role: 'source',
    });
    // The public-good log: recognised by its log id, linked to its search page.
    expect(good!.tlog[0]!.href).toBe(
      `https://search.sigstore.dev/?logIndex=${good!.tlog[0]!.logIndex}`,
    );
    expect(good!.size).toBe((await readFile(MODULE)).length);
    // The chain: the artifact built from its source commit.
    expect(model.graph.edges).toContainEqual({
      from: `g-${good!.id}`,
      to: expect.any(String),
      relation: 'built from',
    });
    expect(model.policy).toContainEqual({ label: 'Repository', value: 'aspect-build/rules_lint' });
  });

  it('links no log entry of another instance', async () => {
    const bundle = JSON.parse(
      (await readFile(`${MODULE}.intoto.jsonl`, 'utf8')).split('\n')[0]!,
    ) as { verificationMaterial: { tlogEntries: { logId: { keyId: string } }[] } };
    bundle.verificationMaterial.tlogEntries[0]!.logId.keyId = Buffer.alloc(32, 7).toString(
      'base64',
    );
    const model = await signedReport({
      title: 'Attested',
      artifacts: [
        {
          name: 'MODULE.bazel',
          digest: { sha256: '06ce330900a7d6403bc8d88e5dfad6aeeb8ae40179f66bb89e69c8bf6f6b1a0b' },
        },
      ],
      evidence: [{ source: 'provenance', json: bundle }],
    });
    expect(model.verdict).toBe('signed');
    const a = model.artifacts[0]!;
    expect(a.verdict).toBe('signed');
    expect(a.checks).toEqual([]);
    expect(a.tlog[0]!.href).toBeUndefined();
    expect(a.slsa?.reason).toContain('as the signing certificate states');
    expect(a.signer.find((f) => f.label === 'Signer workflow')?.value).toContain('publish-to-bcr');
  });
});
