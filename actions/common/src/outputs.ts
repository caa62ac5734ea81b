import * as core from '@actions/core';

/** Sets an output, and says so in the log (outputs are otherwise invisible). */
export function output(name: string, value: string | number | boolean): void {
  core.setOutput(name, value);
  core.debug(`output ${name}=${String(value)}`);
}
