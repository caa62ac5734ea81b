import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadTrustedRoot,
  parseEvidence,
  parseTrustedRoots,
  publicGoodTrustedRootJSON,
  VerifyError,
} from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-trust-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('trusted roots', () => {
  it('ships the public-good root from @sigstore/tuf’s embedded seed', () => {
    const root = publicGoodTrustedRootJSON() as {
      tlogs: { baseUrl: string }[];
      certificateAuthorities: unknown[];
    };
    expect(root.tlogs.map((t) => t.baseUrl)).toContain('https://rekor.sigstore.dev');
    expect(root.certificateAuthorities.length).toBeGreaterThan(0);
  });

  it('names the file and line of a bad trusted root', () => {
    const good = JSON.stringify(publicGoodTrustedRootJSON());
    expect(parseTrustedRoots(`${good}\n${good}\n`, 'roots.jsonl').map((r) => r.name)).toEqual([
      'roots.jsonl:1',
      'roots.jsonl:2',
    ]);
    expect(() => parseTrustedRoots(`${good}\n{oops\n`, 'roots.jsonl')).toThrow(
      /roots\.jsonl:2: not JSON/,
    );
    expect(() => parseTrustedRoots('{"mediaType":"application/json"}', 'r.json')).toThrow(
      /r\.json: not a Sigstore trusted root/,
    );
    expect(() => parseTrustedRoots('', 'empty.json')).toThrow(VerifyError);
  });

  // sigstore-conformance trust-root-tlog-missing-validity-start_fail: a key or CA without the
  // required validFor.start would otherwise be trusted for all time before its end.
  it('refuses a root whose log keys or CAs have no validFor.start', () => {
    type Root = {
      tlogs: { publicKey: { validFor?: { start?: string } } }[];
      ctlogs: { publicKey: { validFor?: { start?: string } } }[];
      certificateAuthorities: { validFor?: { start?: string } }[];
      timestampAuthorities: { validFor?: { start?: string } }[];
    };
    const edits: [string, (r: Root) => void][] = [
      ['tlogs[0]', (r) => delete r.tlogs[0]!.publicKey.validFor!.start],
      ['tlogs[1]', (r) => delete r.tlogs[1]!.publicKey.validFor],
      ['ctlogs[1]', (r) => delete r.ctlogs[1]!.publicKey.validFor!.start],
      ['certificateAuthorities[1]', (r) => delete r.certificateAuthorities[1]!.validFor],
      ['timestampAuthorities[0]', (r) => (r.timestampAuthorities[0]!.validFor!.start = 'soon')],
    ];
    for (const [where, edit] of edits) {
      const root = publicGoodTrustedRootJSON() as Root;
      edit(root);
      let err: unknown;
      try {
        parseTrustedRoots(JSON.stringify(root), 'root.json');
      } catch (e) {
        err = e;
      }
      expect(err, where).toBeInstanceOf(VerifyError);
      expect((err as VerifyError).code).toBe('INVALID_TRUSTED_ROOT');
      expect((err as Error).message).toContain(`root.json: invalid trusted root (${where}`);
    }
  });

  it('reports an unreadable trusted root or key as a VerifyError', async () => {
    await expect(
      loadTrustedRoot({ trustedRootPath: join(dir, 'absent.json') }),
    ).rejects.toMatchObject({ code: 'INVALID_TRUSTED_ROOT' });
    await expect(loadTrustedRoot({ publicKeyPem: 'not a key' })).rejects.toMatchObject({
      code: 'INVALID_KEY',
    });
  });

  it('fetches GitHub’s root only when asked, failing fast offline', async () => {
    const trust = await loadTrustedRoot({
      cacheDir: join(dir, 'cache'),
      githubTufURL: 'http://127.0.0.1:9',
    });
    expect(trust.roots.map((r) => r.name)).toEqual(['public-good']);
    await expect(trust.loadGitHub!()).rejects.toThrow();
  });
});

describe('evidence files', () => {
  it('reads JSON, JSON lines and GitHub API attestation records', async () => {
    expect(parseEvidence('{"mediaType":"m"}', 'a.json')).toEqual([
      { source: 'a.json', json: { mediaType: 'm' } },
    ]);
    expect(parseEvidence('{"a":1}\n\n{"bundle":{"mediaType":"m"}}\n', 'b.jsonl')).toEqual([
      { source: 'b.jsonl:1', json: { a: 1 } },
      { source: 'b.jsonl:3', json: { mediaType: 'm' } },
    ]);
    expect(() => parseEvidence('{}\n{x\n', 'c.jsonl')).toThrow(/c\.jsonl:2: not JSON/);
    await writeFile(join(dir, 'empty.json'), '');
    expect(() => parseEvidence('  \n', 'e.json')).toThrow(/e\.json: the file is empty/);
  });
});
