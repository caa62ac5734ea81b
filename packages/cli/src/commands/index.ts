import type { Command } from '../command.js';
import { digestCommand } from './digest.js';

/** Every `attest` subcommand, in the order `attest --help` lists them. */
export const commands: readonly Command[] = [digestCommand];
