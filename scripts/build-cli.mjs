#!/usr/bin/env node
// Bundles the compiled CLI (packages/cli/dist, after `tsc -b`) into packages/cli/dist/bundle/
// with @vercel/ncc, as scripts/build-actions.mjs does for the actions: Node then reads and
// compiles one file and a few chunks instead of ~150 modules (most of them the CycloneDX
// library's and packageurl-js's), which is most of what a small `attest sbom` run costs. The
// commands stay dynamic imports, hence chunks: `attest digest` does not load Sigstore.
//
// packages/cli/bin/attest.js runs the bundle when it is there and newer than every
// tsconfig.tsbuildinfo it was built from (listed in bundle/inputs.json), else packages/cli/dist.
// Inside dist/, the bundle is git-ignored, left alone by Biome and published with the package.
// `npm run build` rebuilds it after `tsc -b`, and skips the work when it is already newer than
// everything it is made of.
//
//   node scripts/build-cli.mjs           # rebuild if out of date
//   node scripts/build-cli.mjs --force   # rebuild
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { nccFiles, withCycloneDxSchemas } from './ncc-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'packages', 'cli');

export const ENTRY = path.join(cli, 'dist', 'index.js');
export const OUT = path.join(cli, 'dist', 'bundle');

/** The tsc -b projects the CLI is compiled from: its own and its references, transitively. */
function projects(dir, seen = new Set()) {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const config = JSON.parse(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
  for (const ref of config.references ?? []) projects(path.resolve(dir, ref.path), seen);
  return seen;
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Every file whose change makes the bundle stale. */
function inputs() {
  const buildInfos = [...projects(cli)].map((p) => path.join(p, 'tsconfig.tsbuildinfo'));
  return {
    buildInfos,
    others: [
      path.join(root, 'package-lock.json'),
      path.join(cli, 'package.json'),
      import.meta.filename,
    ],
  };
}

export function upToDate() {
  const built = mtime(path.join(OUT, 'index.js'));
  if (!Number.isFinite(built)) return false;
  const { buildInfos, others } = inputs();
  return [...buildInfos, ...others].every((f) => mtime(f) < built);
}

// `new URL('<dir>', import.meta.url)` naming a folder of the checkout is not a file ncc can
// relocate: it emits a stub that fails at run time, and the URL then points into the bundle.
// None may be left: join such a path at run time instead (as packages/cli/src/commands/demo.ts
// does for the checkout's examples/).
function assertNoDirectoryURLs(files) {
  for (const file of Object.keys(files)) {
    const stub = /^module\.exports = eval\("require"\)\("(.*)"\);\s*$/.exec(String(files[file]));
    if (stub)
      throw new Error(
        `the CLI bundle has a directory URL ncc cannot relocate: "${stub[1]}" (${file}); join the path at run time`,
      );
  }
}

// ncc turns each `import ... from 'node:fs'` of an ES module into
// `createRequire(import.meta.url)("node:fs")`, run when the module is first used: every call
// makes a require function (the first one sets up the CommonJS loader, a few ms). For a built-in
// module, `process.getBuiltinModule` returns the same object, lazily too, at no such cost.
const EXTERNAL_REQUIRE = /__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\)/g;

// A few built-ins cost milliseconds to load (crypto some 8 ms, fs/promises 2) and are imported
// at the top of modules that most runs use without calling them (`attest sbom` does not need
// crypto, yet the core package, loaded by every command, imports it). Those are loaded on first
// use instead: a stand-in that loads the module when one of its properties is first read.
const LAZY_BUILTINS = new Set(['crypto', 'fs/promises', 'zlib', 'http', 'https', 'http2', 'tls']);

function lazyBuiltin(name) {
  const mod = `process.getBuiltinModule(${JSON.stringify(name)})`;
  return (
    'new Proxy({}, { ' +
    // Webpack's and TypeScript's interop helpers ask for __esModule first: built-ins have none.
    `get: (_, k) => (k === '__esModule' ? undefined : ${mod}[k]), ` +
    `has: (_, k) => k in ${mod}, ` +
    `ownKeys: () => Reflect.ownKeys(${mod}), ` +
    'getOwnPropertyDescriptor: (_, k) => { ' +
    `const d = Reflect.getOwnPropertyDescriptor(${mod}, k); ` +
    'return d && { ...d, configurable: true }; } })'
  );
}

// ncc's base for relocated assets (`__nccwpck_require__.ab`, where `version()` finds
// package.json) is the bundle URL's pathname: still percent-encoded, so an install under a
// folder with a space or a non-ASCII letter in its path looked for package.json under
// `Jane%20Doe/...` and crashed. fileURLToPath decodes it (and knows Windows drive letters).
const ASSET_BASE = String.raw`new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/"`;

function withAssetBase(files) {
  const users = Object.keys(files).filter((f) => String(files[f]).includes(ASSET_BASE));
  if (
    users.length !== 1 ||
    users[0] !== 'index.js' ||
    files['index.js'].split(ASSET_BASE).length !== 2
  )
    throw new Error(
      `the CLI bundle computes its asset base in ${users.join(', ') || 'no file'}, not once in index.js`,
    );
  files['index.js'] = files['index.js'].replace(
    ASSET_BASE,
    'process.getBuiltinModule("node:url").fileURLToPath(new URL(".", import.meta.url))',
  );
}

function withBuiltins(files) {
  for (const file of Object.keys(files).filter((f) => /\.m?js$/.test(f))) {
    files[file] = String(files[file]).replace(EXTERNAL_REQUIRE, (call, name) => {
      if (!isBuiltin(name)) return call;
      return LAZY_BUILTINS.has(name.replace(/^node:/, ''))
        ? lazyBuiltin(name)
        : `process.getBuiltinModule(${JSON.stringify(name)})`;
    });
  }
}

// Left after withBuiltins, an external require or import names a package the bundle would load
// from whatever node_modules is beside it at run time: the published CLI has none (it has no
// dependencies), so that is a bundle that works in the checkout and nowhere else.
const EXTERNAL_IMPORT = /^import [^;]* from "([^"]+)";$/gm;

function assertSelfContained(files) {
  const found = new Set();
  for (const file of Object.keys(files).filter((f) => /\.m?js$/.test(f))) {
    const source = String(files[file]);
    for (const [, name] of source.matchAll(EXTERNAL_REQUIRE)) found.add(`${file}: ${name}`);
    for (const [, name] of source.matchAll(EXTERNAL_IMPORT))
      if (!isBuiltin(name)) found.add(`${file}: ${name}`);
  }
  if (found.size > 0)
    throw new Error(`the CLI bundle loads packages from node_modules: ${[...found].join(', ')}`);
}

/**
 * The bundle's files (bundle-relative path -> content), from the compiled packages in dist/
 * (after `tsc -b`): every workspace package and dependency the CLI imports, whatever its name,
 * inside; nothing loaded from node_modules at run time. Same sources, same bytes.
 */
export async function bundleFiles() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run tsc -b first`);
  const files = await nccFiles(ENTRY);
  // `version()` reads the package.json beside the bundle (ncc relocates `../package.json` there);
  // it also makes the .js files ES modules. Only what is read is kept.
  const pkg = JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8'));
  files['package.json'] = `${JSON.stringify(
    { name: pkg.name, version: pkg.version, type: 'module', private: true },
    null,
    2,
  )}\n`;
  withCycloneDxSchemas(files, 'the CLI bundle');
  assertNoDirectoryURLs(files);
  withAssetBase(files);
  withBuiltins(files);
  assertSelfContained(files);
  // What makes this bundle stale, for bin/attest.js (paths relative to the bundle). The
  // published package leaves it out (scripts/pack-cli.mjs).
  files['inputs.json'] = `${JSON.stringify(
    inputs().buildInfos.map((f) => path.relative(OUT, f).split(path.sep).join('/')),
  )}\n`;
  return files;
}

export async function buildCli({ force = false } = {}) {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run tsc -b first`);
  if (!force && upToDate()) return false;
  const files = await bundleFiles();
  // Written beside, then swapped in: an `attest` started meanwhile sees the old or the new
  // bundle, never half of one.
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [file, source] of Object.entries(files)) {
    const target = path.join(tmp, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, source);
  }
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(tmp, OUT);
  rmSync(old, { recursive: true, force: true });
  return true;
}

if (import.meta.main) {
  const force = process.argv.includes('--force');
  const started = Date.now();
  const built = await buildCli({ force });
  const count = readdirSync(OUT).length;
  process.stderr.write(
    built
      ? `bundled the CLI into ${path.relative(root, OUT)} (${count} files, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`
      : `${path.relative(root, OUT)} is up to date\n`,
  );
}
