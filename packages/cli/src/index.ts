export { main, version, commandHelp, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './main.js';
export { UsageError } from './command.js';
export type { Command, CommandIO, OptionsConfig } from './command.js';
export { commands } from './commands/index.js';
export { writeOutput, useColor } from './output.js';
