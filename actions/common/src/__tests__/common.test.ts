import { describe, expect, it } from 'vitest';
import * as common from '../index.js';
import { rekorLink, summaryMarkdown } from '../index.js';

describe('@build-artifact/actions-common', () => {
  it('exports exactly its public names', () => {
    expect(Object.keys(common).sort()).toEqual(
      [
        'ActionError',
        'artifactSource',
        'attestRequest',
        'booleanInput',
        'choiceInput',
        'group',
        'info',
        'listInput',
        'logProgress',
        'output',
        'rekorLink',
        'reportAttested',
        'reportPublished',
        'reportVerified',
        'requireIdToken',
        'requiredInput',
        'runAction',
        'stringInput',
        'summaryMarkdown',
        'text',
        'writeReportSummary',
        'writeSummary',
      ].sort(),
    );
  });

  it('requireIdToken names the missing permission', () => {
    expect(() => common.requireIdToken({})).toThrow(/missing "id-token: write" permission/);
    try {
      common.requireIdToken({ ACTIONS_ID_TOKEN_REQUEST_URL: 'x' });
    } catch (err) {
      expect((err as common.ActionError).code).toBe('MISSING_ID_TOKEN_PERMISSION');
    }
    expect(() =>
      common.requireIdToken({
        ACTIONS_ID_TOKEN_REQUEST_URL: 'x',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'y',
      }),
    ).not.toThrow();
  });

  it('writes a Markdown summary with escaped cells', () => {
    const md = summaryMarkdown({
      title: 'Attested',
      subjects: [{ name: 'a|b', sha256: 'ff' }],
      sboms: [
        { subject: 'x', componentCount: 3, ecosystems: { golang: 2, cargo: 1 } },
        { subject: 'y', componentCount: 1, ecosystems: { npm: 1 } },
      ],
      signer: 'https://github.com/o/r/.github/workflows/w.yml@refs/heads/main',
      tlog: [{ subject: 'x', logIndex: '42', url: 'https://search.sigstore.dev/?logIndex=42' }],
      oci: ['oci://ghcr.io/o/r@sha256:ff'],
    });
    expect(md).toContain('| `a\\|b` | `ff` |');
    expect(md).toContain('| SBOM of | components | cargo | golang | npm |');
    expect(md).toContain('| `x` | 3 | 1 | 2 | 0 |');
    expect(md).toContain('| [42](https://search.sigstore.dev/?logIndex=42) | `x` |');
    expect(md).toContain('| `oci://ghcr.io/o/r@sha256:ff` |');
  });

  it('links public-good log entries to the search UI and others to their API', () => {
    expect(rekorLink('https://rekor.sigstore.dev', '7')).toBe(
      'https://search.sigstore.dev/?logIndex=7',
    );
    expect(rekorLink('http://127.0.0.1:9/', '7')).toBe(
      'http://127.0.0.1:9/api/v1/log/entries?logIndex=7',
    );
    expect(rekorLink(undefined, '7')).toBeUndefined();
  });

  it('artifactSource: checksums with their directory, else the directory, else the paths', () => {
    const none = { subjectPaths: [], subjectsDirectory: '', checksums: '' };
    expect(common.artifactSource({ ...none, subjectPaths: ['a', 'dist/*'] })).toEqual({
      paths: ['a', 'dist/*'],
    });
    expect(common.artifactSource({ ...none, subjectsDirectory: 'out' })).toEqual({
      directory: 'out',
    });
    expect(
      common.artifactSource({ ...none, subjectsDirectory: 'out', checksums: 'SHA256SUMS' }),
    ).toEqual({ directory: 'out', checksums: 'SHA256SUMS' });
  });
});
