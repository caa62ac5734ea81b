import type { Command } from '../command.js';
import { digestCommand } from './digest.js';
import { discoverCommand } from './discover.js';
import { inspectCommand } from './inspect.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';
import { sbomCommand } from './sbom.js';
import { verifyCommand } from './verify.js';

/** Every `attest` subcommand, in the order `attest --help` lists them. */
export const commands: readonly Command[] = [
  digestCommand,
  sbomCommand,
  verifyCommand,
  inspectCommand,
  pushCommand,
  pullCommand,
  discoverCommand,
];
