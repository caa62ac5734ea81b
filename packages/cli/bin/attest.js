#!/usr/bin/env node
// The `attest` binary: everything lives in the compiled package; this only hands over argv.

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(`attest: Node.js >= 22.22 is required (this is ${process.version})\n`);
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
 * load several times faster than the ~150 modules of dist/. It is used only while it is newer
 * than every build it was made from (its inputs.json), so that after a bare `tsc -b` the
 * freshly compiled dist/ runs, never a stale bundle. ATTEST_NO_BUNDLE=1 runs dist/ always.
 */
function bundle() {
  if (process.env.ATTEST_NO_BUNDLE) return undefined;
  const dir = new URL('../dist/bundle/', import.meta.url);
  let built;
  let inputs;
  try {
    built = statSync(new URL('index.js', dir)).mtimeMs;
    inputs = JSON.parse(readFileSync(new URL('inputs.json', dir), 'utf8'));
  } catch {
    return undefined;
  }
  for (const input of inputs) {
    // Absent (an installed package has no build info): nothing says the bundle is stale.
    const stat = statSync(new URL(input, dir), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs >= built) return undefined;
  }
  return new URL('index.js', dir).href;
}

const { main } = await import(bundle() ?? '../dist/index.js');
process.exitCode = await main(process.argv.slice(2));
