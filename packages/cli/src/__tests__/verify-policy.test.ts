// A policy file and the equivalent flags give identical verdicts: every case of the verify tests
// (verify.test.ts here, real-bundles.test.ts in packages/verify) runs both ways, and the results
// must agree on the verdict, the reason, the level, the SBOM, the dependencies and the policy's
// digest. The file is written from the flags by their long names, the one rule that maps them.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, PredicateType } from '@build-artifact/core';
import { signStatement } from '@build-artifact/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { captureIO } from './io.js';

const DATA = join(import.meta.dirname, '../../../../../shared/testdata/bundles');
const GH = join(DATA, 'gh-cli');
const BCR = join(DATA, 'slsa-verifier-bcr');
const RULES_LINT = join(BCR, 'rules_lint-v1.3.1.tar.gz');
const GH_ROOT = join(GH, 'trusted_root.json');
const REUSABLE = join(GH, 'reusable-workflow-artifact');
const REUSABLE_BUNDLE = join(GH, 'reusable-workflow-attestation.sigstore.json');
const SIGSTORE_JS = join(GH, 'sigstore-js-2.1.0.tgz');
const AAW = 'github/artifact-attestations-workflows';

/** The boolean flags: a key with `true`. */
const BOOLEAN = new Set(['deny-self-hosted-runners', 'require-sbom', 'recursive']);
const ALIASES: Record<string, string> = {
  R: 'repo',
  'cert-oidc-issuer': 'certificate-oidc-issuer',
};

/** The policy file the flags state: `--flag value` -> `flag: value`. */
function policyFile(name: string, flags: readonly string[]): string {
  const lines = [`name: ${name}`];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!.replace(/^--?/, '');
    const key = ALIASES[flag] ?? flag;
    if (BOOLEAN.has(key)) lines.push(`${key}: true`);
    else {
      const value = flags[++i]!;
      lines.push(`${key}: ${/^\d+$/.test(value) ? value : JSON.stringify(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

interface Case {
  name: string;
  targets: string[];
  /** What is not policy: the evidence. */
  extra?: string[];
  /** The policy, as flags. */
  flags: string[];
  /** The exit code both ways. */
  code: 0 | 1 | 2;
}

let dir: string;
let cases: Case[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-policy-'));
  const tampered = join(dir, 'rules_lint.tar.gz');
  const bytes = await readFile(RULES_LINT);
  bytes[0]! ^= 0xff;
  await writeFile(tampered, bytes);
  await copyFile(`${RULES_LINT}.intoto.jsonl`, `${tampered}.intoto.jsonl`);
  const sha256 = createHash('sha256')
    .update(await readFile(RULES_LINT))
    .digest('hex');
  // A bundle signed with a key, for --key.
  const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  await writeFile(join(dir, 'pub.pem'), key.publicKey.export({ type: 'spki', format: 'pem' }));
  const keyed = join(dir, 'keyed.bin');
  await writeFile(keyed, 'signed with a key');
  const keyedSha = createHash('sha256').update('signed with a key').digest('hex');
  const bundle = await signStatement(
    buildStatement(
      [{ name: 'keyed.bin', digest: { sha256: keyedSha } }],
      PredicateType.SLSA_PROVENANCE_V1,
      {},
    ),
    { privateKeyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
  );
  await writeFile(`${keyed}.sigstore.json`, JSON.stringify(bundle));

  const rl = ['--repo', 'aspect-build/rules_lint'];
  const reusable = ['--trusted-root', GH_ROOT, '--repo', 'malancas/attest-demo'];
  const pinned = {
    signerDigest: '09b495c3f12c7881b3cc17209a327792065c1a1d',
    sourceRef: 'refs/heads/main',
    sourceDigest: '95baf27389e83e6a5c48f42e190d48d7abcea19e',
  };
  cases = [
    // packages/cli/src/__tests__/verify.test.ts
    {
      name: 'release',
      targets: [RULES_LINT],
      flags: [
        ...rl,
        '--signer-workflow',
        'bazel-contrib/.github/.github/workflows/release_ruleset.yaml',
      ],
      code: 0,
    },
    {
      name: 'wrong-repo',
      targets: [RULES_LINT],
      flags: ['--repo', 'aspect-build/rules_go'],
      code: 1,
    },
    { name: 'alias', targets: [RULES_LINT], flags: ['-R', 'aspect-build/rules_go'], code: 1 },
    {
      name: 'two',
      targets: [join(BCR, 'MODULE.bazel'), join(BCR, 'MODULE-wrong-signer.bazel')],
      flags: [...rl, '--signer-repo', 'bazel-contrib/publish-to-bcr'],
      code: 1,
    },
    {
      name: 'gh-root',
      targets: [SIGSTORE_JS],
      extra: ['--bundle', join(GH, 'sigstore-js-2.1.0_with_2_bundles.jsonl')],
      flags: ['--trusted-root', GH_ROOT, '--owner', 'sigstore'],
      code: 0,
    },
    {
      name: 'digest',
      targets: [`sha256:${sha256}`],
      extra: ['--bundle', `${RULES_LINT}.intoto.jsonl`],
      flags: [...rl, '--signer-repo', 'bazel-contrib/.github'],
      code: 0,
    },
    {
      name: 'tampered',
      targets: [tampered],
      flags: [...rl, '--signer-repo', 'bazel-contrib/.github'],
      code: 1,
    },
    { name: 'nobody', targets: [RULES_LINT], flags: [], code: 2 },
    { name: 'bad-repo', targets: [RULES_LINT], flags: ['--repo', 'not a repo'], code: 2 },
    {
      name: 'bad-level',
      targets: [RULES_LINT],
      flags: ['--repo', 'a/b', '--slsa-level', '4'],
      code: 2,
    },
    {
      name: 'bad-regexp',
      targets: [RULES_LINT],
      flags: ['--certificate-identity-regexp', '('],
      code: 2,
    },
    {
      name: 'github-instance',
      targets: [join(GH, 'github_provenance_demo-0.0.12-py3-none-any.whl')],
      extra: ['--bundle', join(GH, 'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl')],
      flags: ['--repo', 'actions/attest-demo'],
      code: 1,
    },
    // packages/verify/src/__tests__/real-bundles.test.ts
    {
      name: 'reusable-repo-only',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: reusable,
      code: 1,
    },
    {
      name: 'reusable-l3',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [...reusable, '--signer-repo', AAW, '--slsa-level', '3'],
      code: 0,
    },
    {
      name: 'reusable-pinned-elsewhere',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [
        ...reusable,
        '--signer-workflow',
        `${AAW}/.github/workflows/attest.yml@refs/heads/other`,
      ],
      code: 1,
    },
    {
      name: 'reusable-regexp',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [
        '--trusted-root',
        GH_ROOT,
        '--certificate-identity-regexp',
        'https://github\\.com/github/artifact-attestations-workflows/.*',
        '--owner',
        'malancas',
      ],
      code: 0,
    },
    {
      name: 'reusable-pins',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [
        ...reusable,
        '--signer-repo',
        AAW,
        '--signer-digest',
        pinned.signerDigest,
        '--source-ref',
        pinned.sourceRef,
        '--source-digest',
        pinned.sourceDigest,
        '--deny-self-hosted-runners',
        '--slsa-level',
        '3',
      ],
      code: 0,
    },
    {
      name: 'reusable-wrong-ref',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [...reusable, '--signer-repo', AAW, '--source-ref', 'refs/tags/v1'],
      code: 1,
    },
    {
      name: 'tenant',
      targets: [REUSABLE],
      extra: ['--bundle', REUSABLE_BUNDLE],
      flags: [...reusable, '--signer-repo', AAW, '--hostname', 'acme.ghe.com'],
      code: 1,
    },
    {
      name: 'custom-issuer-default',
      targets: [join(GH, 'custom-issuer-artifact')],
      extra: ['--bundle', join(GH, 'custom-issuer.sigstore.json')],
      flags: ['--trusted-root', GH_ROOT, '--owner', 'too-legit'],
      code: 1,
    },
    {
      name: 'custom-issuer-named',
      targets: [join(GH, 'custom-issuer-artifact')],
      extra: ['--bundle', join(GH, 'custom-issuer.sigstore.json')],
      flags: [
        '--trusted-root',
        GH_ROOT,
        '--owner',
        'too-legit',
        '--cert-oidc-issuer',
        'https://token.actions.githubusercontent.com/hammer-time',
      ],
      code: 0,
    },
    {
      name: 'sbom-required',
      targets: [SIGSTORE_JS],
      extra: ['--bundle', join(GH, 'sigstore-js-2.1.0-bundle.json')],
      flags: ['--trusted-root', GH_ROOT, '--repo', 'sigstore/sigstore-js', '--require-sbom'],
      code: 1,
    },
    {
      name: 'predicate-type',
      targets: [SIGSTORE_JS],
      extra: ['--bundle', join(GH, 'sigstore-js-2.1.0-bundle.json')],
      flags: [
        '--trusted-root',
        GH_ROOT,
        '--repo',
        'sigstore/sigstore-js',
        '--predicate-type',
        'https://cyclonedx.org/bom',
      ],
      code: 1,
    },
    {
      name: 'cosign',
      targets: [SIGSTORE_JS],
      extra: ['--bundle', join(GH, 'sigstore-js-2.1.0-bundle.json')],
      flags: [
        '--trusted-root',
        GH_ROOT,
        '--certificate-identity',
        'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
      ],
      code: 0,
    },
    {
      name: 'recursive',
      targets: [RULES_LINT],
      flags: [...rl, '--signer-repo', 'bazel-contrib/.github', '--recursive'],
      code: 0,
    },
    { name: 'key', targets: [keyed], flags: ['--key', 'pub.pem'], code: 0 },
    {
      name: 'key-and-identity',
      targets: [keyed],
      flags: ['--key', 'pub.pem', '--repo', 'a/b'],
      code: 1,
    },
  ];
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  // No test reaches the network: GitHub's TUF repository is a closed local port.
  const io = captureIO(
    { ATTEST_CACHE_DIR: join(dir, 'cache'), ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9' },
    dir,
  );
  const code = await main([...args, '--format', 'json'], io);
  return { code, out: io.out(), err: io.err() };
}

/** What a verdict is, for comparing the two ways. */
function verdicts(out: string) {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line);
      return {
        artifact: r.artifact,
        verified: r.verified,
        reason: r.failure?.reason,
        level: r.slsa?.level,
        sbom: r.sbom?.verified,
        dependencies: r.dependencies?.length,
        policyDigest: r.policy.digest.sha256,
      };
    });
}

describe('a policy file and the same flags', () => {
  it('give identical verdicts on every verify test case', async () => {
    expect(cases.length).toBeGreaterThan(25);
    for (const c of cases) {
      const file = join(dir, `${c.name}.yml`);
      await writeFile(file, policyFile(c.name, c.flags));
      const byFlags = await run(['verify', ...c.targets, ...(c.extra ?? []), ...c.flags]);
      const byFile = await run(['verify', ...c.targets, ...(c.extra ?? []), '--policy', file]);
      expect(byFlags.code, `${c.name} (flags): ${byFlags.err}`).toBe(c.code);
      expect(byFile.code, `${c.name} (file): ${byFile.err}`).toBe(c.code);
      if (c.code === 2) {
        expect(byFile.out, c.name).toBe('');
        continue;
      }
      const a = verdicts(byFlags.out);
      const b = verdicts(byFile.out);
      expect(b, c.name).toEqual(a);
      expect(a.length, c.name).toBe(c.targets.length);
    }
  }, 240_000);

  it('and flags with a file override its rules', async () => {
    const file = join(dir, 'base.yml');
    await writeFile(file, policyFile('base', ['--repo', 'aspect-build/rules_go']));
    const fixed = await run([
      'verify',
      RULES_LINT,
      '--policy',
      file,
      '--repo',
      'aspect-build/rules_lint',
      '--signer-repo',
      'bazel-contrib/.github',
    ]);
    const flags = await run([
      'verify',
      RULES_LINT,
      '--repo',
      'aspect-build/rules_lint',
      '--signer-repo',
      'bazel-contrib/.github',
    ]);
    expect(fixed.code).toBe(0);
    expect(verdicts(fixed.out)).toEqual(verdicts(flags.out));
  });
});
