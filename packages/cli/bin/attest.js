#!/usr/bin/env node
// The `attest` binary: everything lives in the compiled package; this only hands over argv.

// The engines field's range (^22.22.2 || >=24.15.0, the floor of @sigstore/*), checked here too:
// npm only warns about it.
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const supported =
  major > 24 ||
  (major === 24 && minor >= 15) ||
  (major === 22 && (minor > 22 || (minor === 22 && patch >= 2)));
if (!supported) {
  process.stderr.write(
    `attest: Node.js ^22.22.2 or >= 24.15 is required (this is v${process.versions.node})\n`,
  );
  process.exit(2);
}
// Not `import ... from 'node:fs'`: an ES module import of a built-in reads all its exports, and
// fs's `promises` getter then loads fs/promises, readline and more (milliseconds) for nothing.
const { readFileSync, statSync } = process.getBuiltinModule('node:fs');
const module = process.getBuiltinModule('node:module');
// Node keeps the compiled code of the modules a command loads on disk, so that every run after
// the first starts faster. It is only a cache: where it cannot be written, nothing changes.
module.enableCompileCache?.();

/**
 * The one-file bundle `npm run build` makes (scripts/build-cli.mjs): one file and a few chunks
 * load several times faster than the ~150 modules of dist/. In a checkout it is used only while
 * it is newer than every build it was made from (its inputs.json), so that after a bare `tsc -b`
 * the freshly compiled dist/ runs, never a stale bundle. The published package
 * (scripts/pack-cli.mjs) ships the bundle alone, without inputs.json: there is nothing it could
 * be stale against. ATTEST_NO_BUNDLE=1 runs dist/ always.
 */
function bundle() {
  if (process.env.ATTEST_NO_BUNDLE) return undefined;
  const dir = new URL('../dist/bundle/', import.meta.url);
  const index = new URL('index.js', dir);
  const built = statSync(index, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return undefined;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('inputs.json', dir), 'utf8'));
  } catch (err) {
    return err.code === 'ENOENT' ? index.href : undefined;
  }
  for (const input of inputs) {
    const stat = statSync(new URL(input, dir), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs >= built) return undefined;
  }
  return index.href;
}

const entry = bundle() ?? new URL('../dist/index.js', import.meta.url).href;
let main;
try {
  ({ main } = await import(entry));
} catch (err) {
  // Only the entry itself missing is a broken install; any other error is a bug, and surfaces.
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || err.url !== entry) throw err;
  process.stderr.write(
    `attest: ${decodeURIComponent(new URL(entry).pathname)} is missing: in a checkout, run \`npm run build\`; else reinstall the package\n`,
  );
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
