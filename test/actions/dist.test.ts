import { describe, expect, it } from 'vitest';
import { actionNames } from '../../scripts/build-actions.mjs';
import { checkDist } from '../../scripts/check-dist.mjs';

// The committed bundles are what the runner runs: they must be exactly what the sources build.
describe('actions/*/dist', () => {
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

  it('is up to date with the sources (else: node scripts/build-actions.mjs)', {
    timeout: 600_000,
  }, async () => {
    const stale = await checkDist();
    expect(
      stale.map(
        (s) => `actions/${s.name}/dist differs:\n${s.diff.split('\n').slice(0, 40).join('\n')}`,
      ),
    ).toEqual([]);
  });
});
