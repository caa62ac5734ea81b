#!/usr/bin/env node
// Builds every action: compiles the TypeScript (tsc -b, packages first through project
// references), then bundles each action's compiled entry with @vercel/ncc into its committed
// dist/ (the runner runs dist/index.js with no node_modules beside it).
//
//   node scripts/build-actions.mjs                 # rewrite actions/*/dist
//   node scripts/build-actions.mjs --out-dir DIR   # write DIR/<action>/... instead (check-dist)
//   node scripts/build-actions.mjs hash attest     # only these actions
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Actions with an action.yml and a TypeScript entry; `common` is shared code, not an action. */
export function actionNames() {
  return readdirSync(path.join(root, 'actions'))
    .filter((name) => existsSync(path.join(root, 'actions', name, 'src', 'index.ts')))
    .filter((name) => name !== 'common')
    .sort();
}

export function compile(names) {
  const tsc = require.resolve('typescript/bin/tsc');
  const projects = ['actions/common', ...names.map((n) => `actions/${n}`)];
  const result = spawnSync(process.execPath, [tsc, '-b', ...projects], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`tsc -b ${projects.join(' ')} failed`);
}

export async function bundle(name, outDir) {
  const ncc = require('@vercel/ncc');
  const entry = path.join(root, 'actions', name, 'lib', 'index.js');
  const { code, assets } = await ncc(entry, {
    cache: false,
    minify: false,
    sourceMap: false,
    quiet: true,
    // Bundles are committed: the same sources must give the same bytes on every machine.
    v8cache: false,
  });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.js'), withResources(code, outDir));
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, asset.source);
  }
}

// @cyclonedx/cyclonedx-library reads its JSON schemas at run time from
// resolve(__dirname, '..', 'res'), which ncc neither rewrites nor copies, and an ESM bundle has
// no __dirname. The bundle gets a __dirname of dist/lib (a folder that need not exist), so the
// library looks in dist/res, where the schemas it validates against are copied.
const CYCLONEDX_ROOT = "(0, node_path_1.resolve)(__dirname, '..', 'res')";
const CYCLONEDX_SCHEMAS = [
  'bom-1.6.SNAPSHOT.schema.json',
  'bom-1.7.SNAPSHOT.schema.json',
  'spdx.SNAPSHOT.schema.json',
  'jsf-0.82.SNAPSHOT.schema.json',
  'cryptography-defs.SNAPSHOT.schema.json',
];

function withResources(code, outDir) {
  const uses = code.split('__dirname').length - 1;
  if (uses === 0) return code;
  if (uses !== 1 || !code.includes(CYCLONEDX_ROOT)) {
    throw new Error(`${outDir}: the bundle uses __dirname in a way build-actions does not know`);
  }
  const library = path.dirname(
    require.resolve('@cyclonedx/cyclonedx-library/package.json', {
      paths: [path.join(root, 'packages', 'sbom')],
    }),
  );
  mkdirSync(path.join(outDir, 'res', 'schema'), { recursive: true });
  for (const file of CYCLONEDX_SCHEMAS) {
    copyFileSync(
      path.join(library, 'res', 'schema', file),
      path.join(outDir, 'res', 'schema', file),
    );
  }
  const shim =
    "import { dirname as __baDirname, join as __baJoin } from 'node:path';\n" +
    "import { fileURLToPath as __baFileURLToPath } from 'node:url';\n" +
    "const __dirname = __baJoin(__baDirname(__baFileURLToPath(import.meta.url)), 'lib');\n";
  return shim + code;
}

export async function buildActions({ names = actionNames(), outDir } = {}) {
  compile(names);
  for (const name of names) {
    const target = outDir
      ? path.join(outDir, name, 'dist')
      : path.join(root, 'actions', name, 'dist');
    await bundle(name, target);
    process.stderr.write(`bundled actions/${name}/dist\n`);
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  let outDir;
  const i = args.indexOf('--out-dir');
  if (i >= 0) {
    outDir = path.resolve(args[i + 1]);
    args.splice(i, 2);
  }
  await buildActions({ names: args.length > 0 ? args : actionNames(), outDir });
}
