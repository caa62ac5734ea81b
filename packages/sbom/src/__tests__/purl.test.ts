import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { findLockfiles, inventoryFromLockfile } from '../index.js';
import {
  cargoPurl,
  gitVcsUrl,
  golangPurl,
  npmPurl,
  pep503,
  pypiPurl,
  withoutSecrets,
} from '../purl.js';
import { LOCKFILES } from './helpers.js';

type Qualifiers = Record<string, string> | undefined;

/** The reference: packageurl-js, called as this package called it before it built purls itself. */
const reference = {
  npm(name: string, version: string): string {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const namespace = slash > 0 ? name.slice(0, slash) : undefined;
    const base = slash > 0 ? name.slice(slash + 1) : name;
    return new PackageURL('npm', namespace, base, version, undefined, undefined).toString();
  },
  pypi(name: string, version: string, qualifiers?: Qualifiers): string {
    return new PackageURL(
      'pypi',
      undefined,
      pep503(name),
      version,
      qualifiers,
      undefined,
    ).toString();
  },
  golang(path: string, version: string): string {
    const slash = path.lastIndexOf('/');
    const namespace = slash > 0 ? path.slice(0, slash) : undefined;
    const base = slash > 0 ? path.slice(slash + 1) : path;
    return new PackageURL('golang', namespace, base, version || undefined).toString();
  },
  cargo(name: string, version: string, qualifiers?: Qualifiers): string {
    return new PackageURL('cargo', undefined, name, version, qualifiers, undefined).toString();
  },
};

const ours = { npm: npmPurl, pypi: pypiPurl, golang: golangPurl, cargo: cargoPurl };

/** Ours equals the reference wherever the reference accepts the input. */
function agrees(
  type: keyof typeof ours,
  name: string,
  version: string,
  qualifiers?: Qualifiers,
): void {
  let want: string;
  // URL qualifiers lose their credentials first (withoutSecrets, tested on its own).
  const cleaned =
    qualifiers &&
    Object.fromEntries(
      Object.entries(qualifiers).map(([k, v]) => [
        k,
        /^(vcs|download|repository)_url$/i.test(k) ? withoutSecrets(v.trim()) : v,
      ]),
    );
  try {
    want = reference[type](name, version, cleaned);
  } catch {
    return; // packageurl-js refuses it (no name, a golang `v` version that is not semver, ...)
  }
  expect(ours[type](name, version, qualifiers), `${type} ${name} ${version}`).toBe(want);
}

describe('package URLs', () => {
  it('are what packageurl-js writes for every package of the real lockfiles', async () => {
    let checked = 0;
    for (const dir of readdirSync(LOCKFILES)) {
      for (const file of await findLockfiles(join(LOCKFILES, dir))) {
        for (const pkg of (await inventoryFromLockfile(file)).packages) {
          if (pkg.purl === undefined) continue;
          const type = pkg.purl.slice('pkg:'.length, pkg.purl.indexOf('/')) as keyof typeof ours;
          agrees(type, pkg.name, pkg.version);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('give the canonical forms the purl specification shows', () => {
    expect(npmPurl('@Babel/Core', '7.0.0-beta.1+build')).toBe(
      'pkg:npm/%40babel/core@7.0.0-beta.1+build',
    );
    expect(pypiPurl('Django_Rest.Framework', '3.0')).toBe('pkg:pypi/django-rest-framework@3.0');
    expect(golangPurl('github.com/nats-io/nats-server/v2', 'v2.10.0')).toBe(
      'pkg:golang/github.com/nats-io/nats-server/v2@v2.10.0',
    );
    expect(golangPurl('stdlib', '')).toBe('pkg:golang/stdlib');
    expect(
      cargoPurl('a', '1.0.0', {
        vcs_url: 'git+https://github.com/x/y?rev=1#abc',
        Repository_URL: ' ',
      }),
    ).toBe('pkg:cargo/a@1.0.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fx%2Fy%3Frev%3D1%23abc');
    expect(pypiPurl('a', '1', { b: "it's (x)~!", a: 'sp ace' })).toBe(
      'pkg:pypi/a@1?a=sp%20ace&b=it%27s%20%28x%29%7E%21',
    );
  });

  it('write git sources as the vcs_url qualifier says: git+<url>@<commit>', () => {
    // Cargo.lock and uv.lock: how the revision was asked for (query), what it resolved to (#).
    expect(gitVcsUrl('git+https://github.com/salsa-rs/salsa.git?rev=a1bf3a6#a1bf3a613f45')).toBe(
      'git+https://github.com/salsa-rs/salsa.git@a1bf3a613f45',
    );
    expect(gitVcsUrl('https://github.com/encode/httpx?branch=main#326b943')).toBe(
      'git+https://github.com/encode/httpx@326b943',
    );
    // Poetry, PDM, Pipfile: the revision is a field of its own, and wins.
    expect(gitVcsUrl('https://github.com/a/b.git', 'f00d')).toBe(
      'git+https://github.com/a/b.git@f00d',
    );
    expect(gitVcsUrl('git+ssh://git@github.com/a/b.git#dead', 'beef')).toBe(
      'git+ssh://git@github.com/a/b.git@beef',
    );
    expect(gitVcsUrl('https://github.com/a/b.git')).toBe('git+https://github.com/a/b.git');
  });

  it('leave the credentials a lockfile fetched with out of URL qualifiers', () => {
    expect(
      pypiPurl('a', '1', {
        repository_url: 'https://alice:s3cr3t@pypi.corp.example/simple',
        download_url:
          'https://b.s3.amazonaws.com/a-1.tgz?X-Amz-Credential=AK&X-Amz-Signature=zz&v=2',
        vcs_url: 'git+https://ghp_TOKEN@github.com/o/a.git@abc',
      }),
    ).toBe(
      'pkg:pypi/a@1?download_url=https%3A%2F%2Fb.s3.amazonaws.com%2Fa-1.tgz%3Fv%3D2&repository_url=https%3A%2F%2Fpypi.corp.example%2Fsimple&vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fo%2Fa.git%40abc',
    );
    // An ssh user is who to connect as, not a secret; its password is.
    expect(withoutSecrets('git+ssh://git@github.com/o/r.git@abc')).toBe(
      'git+ssh://git@github.com/o/r.git@abc',
    );
    expect(withoutSecrets('git+ssh://u:p@host/x.git')).toBe('git+ssh://host/x.git');
    // pip expands ${VAR} in requirements files: an unexpanded one is a secret's name.
    expect(withoutSecrets(`https://${'$'}{TOKEN}@h/simple`)).toBe('https://h/simple');
    expect(withoutSecrets('https://files/x.whl?token=1#sha256=ab')).toBe(
      'https://files/x.whl#sha256=ab',
    );
  });

  it('encode a lone surrogate, which encodeURIComponent cannot, as U+FFFD', () => {
    expect(npmPurl('a\ud800', '1')).toBe('pkg:npm/a%EF%BF%BD@1');
  });

  it('agree with packageurl-js where removing a URL query leaves trailing spaces', () => {
    // Found by the fuzz test: `! ?` loses its query, and what is left is trimmed again.
    agrees('cargo', '//a//b/', '', { repository_url: '! ?' });
    agrees('pypi', 'a', '1', { download_url: ' https://x.test/a.whl ?token=1' });
    expect(cargoPurl('a', '1', { repository_url: '! ?' })).toBe('pkg:cargo/a@1?repository_url=%21');
  });

  it('agree with packageurl-js on fuzzed names, versions and qualifiers', () => {
    // Printable ASCII mostly (where the encodings differ), and any well-formed Unicode.
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('', ' ', '/', '//a//b/', '@s/n', 'a:b', 'v1.2.3', 'v1.2.3-0.20230101-abc'),
    );
    const key = fc.constantFrom('repository_url', 'vcs_url', 'Download_URL', 'checksum', 'os');
    const qualifiers = fc.option(fc.dictionary(key, text, { maxKeys: 3 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom('npm', 'pypi', 'golang', 'cargo' as const),
        text,
        text,
        qualifiers,
        (type, name, version, q) => {
          const withQualifiers = type === 'pypi' || type === 'cargo';
          agrees(type, name, version, withQualifiers ? q : undefined);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
