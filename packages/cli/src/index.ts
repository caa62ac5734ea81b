export type { Command, CommandIO, OptionsConfig } from './command.js';
export { UsageError } from './command.js';
export type { CommandEntry } from './commands/index.js';
export { commands } from './commands/index.js';
export { commandHelp, EXIT_FAILED, EXIT_OK, EXIT_USAGE, main, version } from './main.js';
export { useColor, writeOutput } from './output.js';
