import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionNames, DIST } from '../../scripts/build-actions.mjs';
import { checkDist } from '../../scripts/check-dist.mjs';

// The committed bundle is what the runner runs: it must be exactly what the sources build.
describe('actions/dist', () => {
  it('lists every action with sources', () => {
    expect(actionNames()).toEqual([
      'all-in-one',
      'attest',
      'hash',
      'provenance',
      'push',
      'sbom',
      'verify',
    ]);
  });

  it('is one shared bundle with a small entry per action and no per-action copies', () => {
    const files = readdirSync(DIST);
    for (const name of actionNames()) {
      expect(files).toContain(`${name}.js`);
      expect(readFileSync(path.join(DIST, `${name}.js`), 'utf8').length).toBeLessThan(300);
    }
    // Shared code lives once: no action folder carries a bundle of its own.
    for (const name of actionNames()) {
      expect(readdirSync(path.join(DIST, '..', name))).not.toContain('dist');
    }
    expect(files).not.toContain('package.json');
  });

  it('is up to date with the sources (else: node scripts/build-actions.mjs)', {
    timeout: 600_000,
  }, async () => {
    const diff = await checkDist();
    expect(diff.split('\n').slice(0, 40).join('\n')).toBe('');
  });
});
