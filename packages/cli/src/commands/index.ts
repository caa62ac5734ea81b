import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { devSigstoreCommand } from './dev-sigstore.js';
import { digestCommand } from './digest.js';
import { discoverCommand } from './discover.js';
import { inspectCommand } from './inspect.js';
import { provenanceCommand } from './provenance.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';
import { sbomCommand } from './sbom.js';
import { signCommand } from './sign.js';
import { verifyCommand } from './verify.js';

/** Every `attest` subcommand, in the order `attest --help` lists them. */
export const commands: readonly Command[] = [
  digestCommand,
  sbomCommand,
  provenanceCommand,
  signCommand,
  verifyCommand,
  inspectCommand,
  pushCommand,
  pullCommand,
  discoverCommand,
  devSigstoreCommand,
  demoCommand,
];
