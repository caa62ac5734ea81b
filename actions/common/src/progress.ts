import * as core from '@actions/core';
import { type ProgressEvent, safeText } from '@build-artifact/core';

/**
 * Packages report through a callback; in an action that is the log (warnings become
 * annotations). Messages can carry text from evidence (file names, subjects): each line is
 * escaped, so none can start a workflow command (`::set-output`, `::add-mask`) or move the
 * cursor.
 */
export function logProgress(event: ProgressEvent): void {
  const line = safeText(`${event.step}: ${event.message}`);
  if (event.level === 'debug') core.debug(line);
  else if (event.level === 'warning') core.warning(line);
  else core.info(line);
}

/** One log line from text that may come from evidence (see `safeText`). */
export function info(text: string): void {
  core.info(safeText(text));
}
