import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalPolicy,
  loadTrustedRoot,
  mergePolicySettings,
  POLICY_KEYS,
  type PolicySettings,
  parsePolicy,
  policyDigest,
  policySettingsOf,
  readPolicyFile,
  type VerifyPolicy,
  verifyPolicyOf,
} from '../index.js';

const GH = join(import.meta.dirname, '../../../../../shared/testdata/bundles/gh-cli');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const YAML = `# a policy
name: app
repo: acme/app
signer-workflow: acme/builders/.github/workflows/build.yml
slsa-level: 3
require-sbom: true
recursive: true
deny-self-hosted-runners: false
`;

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
  return undefined;
}

describe('policy files', () => {
  it('reads YAML and JSON to the same rules, keyed by the flags’ long names', () => {
    const yaml = parsePolicy(YAML, '/p/app.yml');
    const json = parsePolicy(
      JSON.stringify({
        recursive: true,
        'require-sbom': true,
        'slsa-level': 3,
        'signer-workflow': 'acme/builders/.github/workflows/build.yml',
        repo: 'acme/app',
        name: 'app',
      }),
      '/p/app.json',
    );
    expect(yaml.name).toBe('app');
    expect(yaml.settings).toEqual({
      repo: 'acme/app',
      'signer-workflow': 'acme/builders/.github/workflows/build.yml',
      'slsa-level': 3,
      'require-sbom': true,
      recursive: true,
    });
    expect(json.settings).toEqual(yaml.settings);
    expect(verifyPolicyOf(yaml.settings)).toEqual({
      repo: 'acme/app',
      signerWorkflow: 'acme/builders/.github/workflows/build.yml',
      minSlsaLevel: 3,
      requireSbom: true,
    });
    // Without a name, the file's.
    expect(parsePolicy('repo: a/b\n', '/x/strict.yaml').name).toBe('strict');
  });

  it('has a key for every policy field, and back', () => {
    const every: Required<VerifyPolicy> = {
      certificateIdentity: 'i',
      certificateIdentityRegexp: 'ir',
      certificateOidcIssuer: 'o',
      certificateOidcIssuerRegexp: 'or',
      repo: 'a/b',
      owner: 'a',
      signerWorkflow: 'w',
      signerRepo: 's/r',
      signerDigest: 'd',
      sourceRef: 'r',
      sourceDigest: 'sd',
      predicateType: 'p',
      denySelfHostedRunners: true,
      minSlsaLevel: 2,
      requireSbom: true,
      hostname: 'h',
    };
    const settings = policySettingsOf(every);
    expect(Object.keys(settings)).toHaveLength(Object.keys(every).length);
    for (const key of Object.keys(settings)) expect(POLICY_KEYS).toContain(key);
    expect(verifyPolicyOf(settings)).toEqual(every);
    expect(POLICY_KEYS).toEqual(
      expect.arrayContaining(['name', 'recursive', 'trusted-root', 'key']),
    );
  });

  it('refuses an unknown key by name, with the closest known one (a typo never loosens it)', () => {
    expect(code(() => parsePolicy('reop: acme/app\n', 'p.yml'))).toMatch(
      /^INVALID_POLICY: p\.yml: unknown key "reop" \(did you mean "repo"\?\); known keys: name, repo,/,
    );
    expect(code(() => parsePolicy('{"slsa_level": 3}', 'p.json'))).toMatch(
      /unknown key "slsa_level" \(did you mean "slsa-level"\?\)/,
    );
    expect(code(() => parsePolicy('minSlsaLevel: 3\n', 'p.yml'))).toMatch(
      /unknown key "minSlsaLevel"; known keys/,
    );
  });

  it('refuses values of the wrong type, duplicates, and anything but one mapping', () => {
    const bad: [string, RegExp][] = [
      ['slsa-level: 4\n', /"slsa-level" must be 1, 2 or 3, not 4/],
      ['slsa-level: "3"\n', /"slsa-level" must be 1, 2 or 3, not "3"/],
      ['require-sbom: yes\n', /"require-sbom" must be true or false, not "yes"/],
      ['repo: 3\n', /"repo" must be a non-empty string, not 3/],
      ['repo:\n', /"repo" must have a single value/],
      ['repo: [a/b]\n', /"repo" must have a single value/],
      ['repo: a/b\nrepo: c/d\n', /not a YAML or JSON policy \(Map keys must be unique/],
      ['{"repo": "a/b", "repo": "c/d"}', /Map keys must be unique/],
      ['- repo: a/b\n', /a policy is a mapping of keys/],
      ['', /the policy is empty/],
      ['repo: a/b\n---\nrepo: c/d\n', /not a YAML or JSON policy/],
      ['base: &b a/b\nrepo: *b\n', /unknown key "base"|must have a single value/],
      ['repo: *b\n', /must have a single value|not a YAML or JSON policy/],
      ['repo: !!binary aGk=\n', /"repo" must be a non-empty string|not a YAML/],
      ['name: ""\n', /"name" must be a name/],
      // The rules' own shape, named with the file.
      ['repo: acme\n', /^INVALID_POLICY: p\.yml: --repo "acme": expected OWNER\/REPO/],
      [
        'certificate-identity-regexp: "("\n',
        /^INVALID_POLICY: p\.yml: --certificate-identity-regexp: invalid/,
      ],
      ['signer-repo: a/b\nsigner-workflow: a/b/w.yml\n', /^INVALID_POLICY: p\.yml: use one of/],
    ];
    for (const [text, message] of bad)
      expect(
        code(() => parsePolicy(text, 'p.yml')),
        text,
      ).toMatch(message);
  });

  it('resolves trusted-root and key against the policy file’s folder', async () => {
    await mkdir(join(dir, 'policies'), { recursive: true });
    const file = join(dir, 'policies', 'p.yml');
    await writeFile(
      file,
      'repo: a/b\ntrusted-root: ../roots/trusted_root.json\nkey: /abs/key.pem\n',
    );
    const read = await readPolicyFile(file, 'policies/p.yml');
    expect(read.source).toBe('policies/p.yml');
    expect(read.settings['trusted-root']).toBe(join(dir, 'roots', 'trusted_root.json'));
    expect(read.settings.key).toBe('/abs/key.pem');
    expect(code(() => parsePolicy('key: k.pem\n', '/x/p.yml').settings.key)).toBeUndefined();
    await expect(readPolicyFile(join(dir, 'absent.yml'))).rejects.toMatchObject({
      code: 'INVALID_POLICY',
      message: expect.stringContaining('absent.yml'),
    });
    await writeFile(join(dir, 'big.yml'), `name: x\n${'#'.repeat(70_000)}\n`);
    await expect(readPolicyFile(join(dir, 'big.yml'))).rejects.toMatchObject({
      code: 'INVALID_POLICY',
    });
  });

  it('flags override the file, rule by rule', () => {
    const file: PolicySettings = { repo: 'acme/app', 'slsa-level': 3, recursive: true };
    expect(mergePolicySettings(file, { repo: 'acme/other', 'require-sbom': true })).toEqual({
      repo: 'acme/other',
      'slsa-level': 3,
      recursive: true,
      'require-sbom': true,
    });
  });
});

describe('policy identity: the SHA-256 of the canonical form', () => {
  it('is RFC 8785 JSON of the effective rules, without name, defaults or rules turned off', () => {
    const a = parsePolicy(YAML, '/p/app.yml').settings;
    expect(canonicalPolicy(a)).toBe(
      '{"recursive":true,"repo":"acme/app","require-sbom":true,"signer-workflow":"acme/builders/.github/workflows/build.yml","slsa-level":3}',
    );
    // The same rules in another order, in JSON, under another name, with defaults spelled out.
    const b = parsePolicy(
      JSON.stringify({
        name: 'other',
        'slsa-level': 3,
        recursive: true,
        'require-sbom': true,
        repo: 'acme/app',
        'signer-workflow': 'acme/builders/.github/workflows/build.yml',
        'predicate-type': 'https://slsa.dev/provenance/v1',
        hostname: 'github.com',
        'deny-self-hosted-runners': false,
      }),
      '/q/other.json',
    ).settings;
    expect(policyDigest(b)).toBe(policyDigest(a));
    // Any rule changes it.
    expect(policyDigest({ ...a, 'slsa-level': 2 })).not.toBe(policyDigest(a));
    expect(policyDigest({ ...a, 'deny-self-hosted-runners': true })).not.toBe(policyDigest(a));
    expect(policyDigest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the trusted root and the key by what they trust, wherever the files lie', async () => {
    const root = join(GH, 'trusted_root.json');
    const copy = join(dir, 'copy-of-root.json');
    await copyFile(root, copy);
    // Reformatted: the same roots.
    const pretty = join(dir, 'pretty-root.json');
    await writeFile(
      pretty,
      JSON.stringify(
        JSON.parse(await (await import('node:fs/promises')).readFile(root, 'utf8')),
        null,
        4,
      ),
    );
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    const pem = key.export({ type: 'spki', format: 'pem' }).toString();
    const digest = async (rootPath: string, keyPem: string) => {
      const trust = await loadTrustedRoot({ trustedRootPath: rootPath, publicKeyPem: keyPem });
      return policyDigest({ repo: 'a/b', 'trusted-root': rootPath, key: 'k.pem' }, trust);
    };
    const one = await digest(root, pem);
    expect(await digest(copy, pem)).toBe(one);
    expect(await digest(pretty, pem.replace(/\n/g, '\r\n'))).toBe(one);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    expect(await digest(root, other.export({ type: 'spki', format: 'pem' }).toString())).not.toBe(
      one,
    );
    expect(
      canonicalPolicy({ 'trusted-root': root }, await loadTrustedRoot({ trustedRootPath: root })),
    ).toMatch(/^\{"trusted-root":"sha256:[0-9a-f]{64}"\}$/);
    // Without the trust loaded there is nothing to name them by.
    expect(code(() => canonicalPolicy({ key: 'k.pem' }))).toMatch(/^INVALID_POLICY/);
  });
});
