#!/usr/bin/env node
// The `attest` binary: everything lives in the compiled package; this only hands over argv.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(`attest: Node.js >= 22.22 is required (this is ${process.version})\n`);
  process.exit(2);
}
// Node keeps the compiled code of the modules a command loads (Sigstore, CycloneDX: over a
// hundred files) on disk, so that every run after the first starts faster. It is only a cache:
// where it cannot be written, nothing changes.
module.enableCompileCache?.();
const { main } = await import('../dist/index.js');
process.exitCode = await main(process.argv.slice(2));
