import * as core from '@actions/core';
import type { ProgressEvent } from '@build-artifact/core';

/** Packages report through a callback; in an action that is the log (warnings become annotations). */
export function logProgress(event: ProgressEvent): void {
  const line = `${event.step}: ${event.message}`;
  if (event.level === 'debug') core.debug(line);
  else if (event.level === 'warning') core.warning(line);
  else core.info(line);
}
