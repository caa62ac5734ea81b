#!/usr/bin/env node
// Makes the CLI's release files from the sources, as the release workflow publishes them:
//
//   OUT/build-artifact-cli-<version>.tgz   the npm package (`npm pack`): bin/attest.js and the
//                                          bundle, with no dependencies, so that
//                                          `npm install -g` needs nothing else from the registry
//   OUT/attest.mjs                         the same bundle as one file: `node attest.mjs ...`
//   OUT/SHA256SUMS                         both, in sha256sum's format
//
// The workspace's packages/cli depends on the other workspace packages, which are not
// published: ncc bundles every one of them (whatever they are named) and every npm dependency
// into packages/cli's bundle (scripts/build-cli.mjs), and the package written here is that
// bundle with a package.json made for it. The same sources give the same bytes (npm pack
// normalises times and modes; ncc's module ids are deterministic).
//
//   node scripts/pack-cli.mjs OUT
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFiles } from './build-cli.mjs';
import { singleFile } from './single-file.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'packages', 'cli');
const require = createRequire(import.meta.url);

/** The fields of packages/cli/package.json that describe the published package. */
const PUBLISHED_FIELDS = [
  'name',
  'version',
  'description',
  'keywords',
  'homepage',
  'bugs',
  'repository',
  'license',
  'type',
  'bin',
  'engines',
];

/**
 * The published package.json: packages/cli's description of itself, without what only the
 * workspace needs (its dependencies on unpublished packages, `exports` into sources, `private`,
 * which keeps the workspace package itself from being published by mistake).
 */
export function publishedManifest(workspaceManifest) {
  const manifest = {};
  for (const field of PUBLISHED_FIELDS) {
    if (workspaceManifest[field] !== undefined) manifest[field] = workspaceManifest[field];
  }
  for (const field of ['name', 'version', 'bin', 'engines', 'repository']) {
    if (manifest[field] === undefined) throw new Error(`packages/cli/package.json has no ${field}`);
  }
  manifest.files = ['bin', 'dist'];
  // npm provenance links the package to this repository's workflow run (npm checks
  // repository.url against it); public: a scoped package is private by default.
  manifest.publishConfig = { access: 'public', provenance: true };
  return manifest;
}

function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', 'packages/cli'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc -b packages/cli failed');
}

function write(file, content, mode) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mode !== undefined) chmodSync(file, mode);
}

/** Writes `file` whole or not at all. */
function writeAtomic(file, content, mode = 0o644) {
  const tmp = `${file}.tmp-${process.pid}`;
  write(tmp, content, mode);
  renameSync(tmp, file);
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** `npm pack` of the staged package into `out`; returns the tarball's file name. */
function npmPack(stage, out) {
  // npm_execpath: the npm running this script (npm run), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const r = spawnSync(
    cmd,
    [...args, 'pack', '--json', '--ignore-scripts', '--pack-destination', out],
    { cwd: stage, encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr || r.error?.message}`);
  const [packed] = JSON.parse(r.stdout);
  return packed.filename;
}

export async function packCli(out) {
  compile();
  const files = await bundleFiles();
  delete files['inputs.json'];
  const workspaceManifest = JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8'));
  const manifest = publishedManifest(workspaceManifest);
  mkdirSync(out, { recursive: true });

  const stage = mkdtempSync(path.join(tmpdir(), 'pack-cli-'));
  let tarball;
  try {
    write(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    copyFileSync(path.join(cli, 'README.md'), path.join(stage, 'README.md'));
    write(path.join(stage, 'bin', 'attest.js'), readFileSync(path.join(cli, 'bin', 'attest.js')));
    for (const [file, content] of Object.entries(files)) {
      write(path.join(stage, 'dist', 'bundle', file), content);
    }
    tarball = npmPack(stage, out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  const header = [
    `// ${manifest.name} ${manifest.version}: the attest command in one file (node attest.mjs).`,
    `// Built by scripts/pack-cli.mjs of ${repository}; its releases publish the SLSA`,
    '// provenance and SBOM attestations to check it with (workflows/release.md there).',
  ].join('\n');
  writeAtomic(path.join(out, 'attest.mjs'), singleFile(files, { header }), 0o755);

  const assets = [tarball, 'attest.mjs'].sort();
  const sums = assets.map((name) => `${sha256(path.join(out, name))}  ${name}\n`).join('');
  writeAtomic(path.join(out, 'SHA256SUMS'), sums);
  return { tarball, singleFile: 'attest.mjs', sums: 'SHA256SUMS', manifest };
}

if (import.meta.main) {
  const out = process.argv[2];
  if (!out || process.argv.length > 3) {
    process.stderr.write('usage: node scripts/pack-cli.mjs OUT\n');
    process.exit(2);
  }
  const started = Date.now();
  const packed = await packCli(path.resolve(out));
  process.stderr.write(
    `packed ${packed.manifest.name} ${packed.manifest.version} into ${out}: ${packed.tarball}, ${packed.singleFile}, ${packed.sums} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
