// release.yml, this repository's own release: its structure (who may sign, publish, move tags,
// and in which order) and the scripts of its steps that can run here, chained as the jobs chain
// them: the build leg of build-artifact.yml hashes what the build command wrote, the hash
// action re-hashes it in the attest job, and its `digests` output is what the release, npm and
// reproduce jobs check their files against. gh, npm publish and GitHub's API cannot run here.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp as makeTemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runAction } from '../actions/runner.ts';
import { findStep, runStep } from './run-step.ts';

const read = async (file: string) => parse(await readFile(path.join(repoRoot, file), 'utf8'));
const release = await read('.github/workflows/release.yml');
const buildArtifact = await read('.github/workflows/build-artifact.yml');
interface Job {
  uses?: string;
  needs?: string[];
  permissions: Record<string, string>;
  with: Record<string, string | boolean>;
  steps: { name?: string }[];
}
const jobs = release.jobs as Record<string, Job>;
const artifacts = String(jobs.build!.with.artifacts);

const run = (job: string, step: string, env: Record<string, string>, cwd: string) =>
  runStep(findStep(release, job, step).run!, env, cwd);

const temps: string[] = [];
async function mkdtemp(prefix: string): Promise<string> {
  const dir = await makeTemp(prefix);
  temps.push(dir);
  return dir;
}
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

describe('release.yml: structure', () => {
  it('runs on v1.x.y tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v1.[0-9]+.[0-9]+'] } });
    expect(release.permissions).toEqual({});
  });

  it('grants id-token to the npm job and the reusable workflow only, contents: write to release and tag jobs only', () => {
    for (const [name, job] of Object.entries(jobs)) {
      const perms = job.permissions;
      expect(perms['id-token'] === 'write', name).toBe(['build', 'publish-npm'].includes(name));
      expect(perms.contents === 'write', name).toBe(['release', 'move-major-tag'].includes(name));
    }
    expect(jobs['publish-npm']!.permissions).toEqual({ 'id-token': 'write' });
  });

  it('builds through build-artifact.yml as a user calls it, with the artifacts pack-cli writes', () => {
    expect(jobs.build!.uses).toBe('./.github/workflows/build-artifact.yml');
    expect(jobs.build!.with['build-command']).toMatch(/node scripts\/pack-cli\.mjs out\/release$/);
    expect(artifacts.trim().split('\n')).toEqual([
      'out/release/attest.mjs',
      'out/release/SHA256SUMS',
      'out/release/build-artifact-cli-*.tgz',
    ]);
    expect(jobs.build!.with['github-attestations']).toBe(true);
    // Every input given is one build-artifact.yml declares.
    const inputs = Object.keys(buildArtifact.on.workflow_call.inputs);
    for (const key of Object.keys(jobs.build!.with)) expect(inputs).toContain(key);
  });

  it('publishes only what passed: tests, the reproducible rebuild, then GitHub, then npm, then the tag', () => {
    expect(jobs.release!.needs).toEqual(expect.arrayContaining(['test', 'build', 'reproduce']));
    expect(jobs['publish-npm']!.needs).toContain('release');
    expect(jobs['move-major-tag']!.needs).toEqual(
      expect.arrayContaining(['release', 'publish-npm']),
    );
    const publish = findStep(release, 'publish-npm', 'Publish the attested tarball').run!;
    expect(publish).toMatch(/npm publish "\$TARBALL" --provenance --access public/);
    const steps = jobs['publish-npm']!.steps.map((s) => s.name);
    expect(steps.indexOf('Re-hash the package against its attested digest')).toBeLessThan(
      steps.indexOf('Publish the attested tarball'),
    );
    const gh = findStep(release, 'release', 'Verify the assets with gh attestation verify').run!;
    expect(gh).toContain(
      '--signer-workflow "$GITHUB_REPOSITORY/.github/workflows/build-artifact.yml"',
    );
  });
});

describe('check job: the tag names the package version', () => {
  async function checkout(version: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'release-check-'));
    await mkdir(path.join(dir, 'packages', 'cli'), { recursive: true });
    await writeFile(
      path.join(dir, 'packages', 'cli', 'package.json'),
      JSON.stringify({ name: '@build-artifact/cli', version }),
    );
    return dir;
  }

  it('outputs the version and the tarball name', async () => {
    const r = await run('check', 'version', { UNTRUSTED_TAG: 'v1.12.0' }, await checkout('1.12.0'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ version: '1.12.0', tarball: 'build-artifact-cli-1.12.0.tgz' });
  });

  it.each([
    ['v1.2.4', 'bump the version first'],
    ['v1.02.3', 'must be v1.MINOR.PATCH'],
    ['v2.0.0', 'must be v1.MINOR.PATCH'],
    ['v1.2.3-rc.1', 'must be v1.MINOR.PATCH'],
    ['v1.2.3$(touch pwned)', 'must be v1.MINOR.PATCH'],
  ])('refuses %s', async (tag, message) => {
    const dir = await checkout('1.2.3');
    const r = await run('check', 'version', { UNTRUSTED_TAG: tag }, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(message);
    expect(r.outputs).toEqual({});
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });
});

describe('from the build leg to the release, npm and reproduce jobs', () => {
  const tarball = 'build-artifact-cli-1.2.3.tgz';

  /** What the build command leaves in out/release, and the digests the attest job outputs. */
  async function built() {
    const work = await mkdtemp(path.join(tmpdir(), 'release-build-'));
    const outDir = path.join(work, 'out', 'release');
    await mkdir(outDir, { recursive: true });
    const files: Record<string, string> = {
      'attest.mjs': '#!/usr/bin/env node\nconsole.log(1);\n',
      [tarball]: 'a tarball',
    };
    for (const [name, content] of Object.entries(files))
      await writeFile(path.join(outDir, name), content);
    await writeFile(
      path.join(outDir, 'SHA256SUMS'),
      Object.keys(files)
        .sort()
        .map((name) => `${sha256(files[name]!)}  ${name}\n`)
        .join(''),
    );
    const staging = path.join(work, 'staging');
    const leg = await runStep(
      findStep(buildArtifact, 'build', 'hash').run!,
      {
        UNTRUSTED_ARTIFACTS: artifacts,
        UNTRUSTED_TARGET: '',
        LEG_INDEX: '0',
        STAGING: staging,
      },
      work,
    );
    expect(leg.stderr).toBe('');
    expect(leg.status).toBe(0);
    const rehash = await runAction('hash', {
      inputs: { directory: staging, 'expected-base64': leg.outputs['digests-0']! },
    });
    expect(rehash.code).toBe(0);
    return { work, staging, digests: rehash.outputs.digests! };
  }

  it('the digests name the three files; the release job accepts exactly them', async () => {
    const { work, staging, digests } = await built();
    expect(
      digests
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[1])
        .sort(),
    ).toEqual(['SHA256SUMS', 'attest.mjs', tarball]);
    const r = await run(
      'release',
      'Re-hash the files against the attested digests',
      { EXPECTED_DIGESTS: digests, ASSETS_DIR: staging },
      work,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['a changed file', 'attest.mjs', 'console.log(2);\n', 'FAILED'],
    ['an extra file', 'extra.txt', 'x', 'differ from the attested list'],
  ])('the release job refuses %s', async (_what, name, content, message) => {
    const { work, staging, digests } = await built();
    await writeFile(path.join(staging, name), content);
    const r = await run(
      'release',
      'Re-hash the files against the attested digests',
      { EXPECTED_DIGESTS: digests, ASSETS_DIR: staging },
      work,
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(message);
  });

  it('the release job refuses a SHA256SUMS that does not describe the other assets', async () => {
    const { work, digests } = await built();
    // A build whose SHA256SUMS (attested as it is) lists another attest.mjs.
    const outDir = path.join(work, 'out', 'release');
    await writeFile(
      path.join(outDir, 'SHA256SUMS'),
      `${sha256('other')}  attest.mjs\n${sha256('a tarball')}  ${tarball}\n`,
    );
    const staging = path.join(work, 'staging2');
    const leg = await runStep(
      findStep(buildArtifact, 'build', 'hash').run!,
      {
        UNTRUSTED_ARTIFACTS: artifacts,
        UNTRUSTED_TARGET: '',
        LEG_INDEX: '0',
        STAGING: staging,
      },
      work,
    );
    const sums = Buffer.from(leg.outputs['digests-0']!, 'base64').toString('utf8');
    expect(sums).not.toBe(digests);
    const r = await run(
      'release',
      'Re-hash the files against the attested digests',
      { EXPECTED_DIGESTS: sums, ASSETS_DIR: staging },
      work,
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/attest\.mjs: FAILED/);
  });

  it('the npm job publishes only the attested tarball', async () => {
    const { work, staging, digests } = await built();
    const rehash = (env: Record<string, string>) =>
      run(
        'publish-npm',
        'Re-hash the package against its attested digest',
        { EXPECTED_DIGESTS: digests, TARBALL: tarball, NPM_DIR: staging, ...env },
        work,
      );
    const ok = await rehash({});
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const other = await rehash({ TARBALL: 'build-artifact-cli-9.9.9.tgz' });
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('is not among the attested files');
    await writeFile(path.join(staging, tarball), 'another tarball');
    const changed = await rehash({});
    expect(changed.status).not.toBe(0);
    expect(changed.stdout).toContain(`${tarball}: FAILED`);
  });

  it('the reproduce job passes on the same bytes and fails on others', async () => {
    const { work, digests } = await built();
    const again = path.join(work, 'out', 'release');
    const compare = () =>
      run(
        'reproduce',
        'Compare with the attested digests',
        { EXPECTED_DIGESTS: digests, AGAIN_DIR: again },
        work,
      );
    const same = await compare();
    expect(same.stderr).toBe('');
    expect(same.status).toBe(0);
    await writeFile(path.join(again, tarball), 'rebuilt differently');
    const differs = await compare();
    expect(differs.status).toBe(1);
    expect(differs.stdout).toContain('gave other bytes than the attested ones');
  });
});

describe('move-major-tag job: v1 follows the newest v1.x.y only', () => {
  async function decide(tag: string, refs: string[]) {
    const dir = await mkdtemp(path.join(tmpdir(), 'release-tags-'));
    const tags = path.join(dir, 'tags');
    await writeFile(tags, refs.map((r) => `${r}\n`).join(''));
    return run('move-major-tag', 'decide', { UNTRUSTED_TAG: tag, TAGS_FILE: tags }, dir);
  }

  it('moves for the newest release (1.10 after 1.9), not for a patch of an older line', async () => {
    const refs = [
      'refs/tags/v1.9.0',
      'refs/tags/v1.10.0',
      'refs/tags/v1.2.7',
      'refs/tags/v1.11.0-rc.1',
    ];
    const newest = await decide('v1.10.0', refs);
    expect(newest.stderr).toBe('');
    expect(newest.outputs).toEqual({ major: 'v1', move: 'true' });
    const patch = await decide('v1.2.7', refs);
    expect(patch.status).toBe(0);
    expect(patch.outputs).toEqual({ major: 'v1', move: 'false' });
    expect(patch.stdout).toContain('v1 stays on v1.10.0');
  });

  it('does not move when the list is empty (the tag is not there yet)', async () => {
    const r = await decide('v1.0.0', []);
    expect(r.status).toBe(0);
    expect(r.outputs.move).toBe('false');
  });
});
