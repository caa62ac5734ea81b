import * as core from '@actions/core';
import { safeText } from '@build-artifact/core';

/** Sets an output, and says so in the log (outputs are otherwise invisible). */
export function output(name: string, value: string | number | boolean): void {
  core.setOutput(name, value);
  // Outputs carry text from evidence (results, subjects): escaped in the log like every line.
  core.debug(safeText(`output ${name}=${String(value)}`));
}
