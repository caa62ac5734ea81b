#!/usr/bin/env node
// The `attest` binary: everything lives in the compiled package; this only hands over argv.
import { main } from '../dist/index.js';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(`attest: Node.js >= 22.22 is required (this is ${process.version})\n`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
