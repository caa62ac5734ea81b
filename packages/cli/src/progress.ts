import { type ProgressCallback, safeText } from '@build-artifact/core';
import type { CommandIO } from './command.js';

/**
 * Progress from the OCI package on stderr: warnings (retries) always, byte progress only on a
 * TTY, so logs in CI stay readable.
 */
export function ociProgress(io: CommandIO, command: string): ProgressCallback {
  const tty = Boolean(io.stderr.isTTY);
  let lastLine = 0;
  return (event) => {
    if (event.level === 'warning') {
      // A retry's reason can quote the registry: escaped like all text from outside.
      io.stderr.write(
        `${tty ? '\r\x1b[K' : ''}attest ${command}: warning: ${safeText(event.message)}\n`,
      );
      return;
    }
    if (!tty || event.step !== 'oci.upload' || event.total === undefined) return;
    const now = Date.now();
    if (now - lastLine < 100 && event.done !== event.total) return;
    lastLine = now;
    const pct = event.total ? Math.floor(((event.done ?? 0) / event.total) * 100) : 100;
    io.stderr.write(
      `\r\x1b[K${safeText(event.message.slice(0, 19))} ${pct}% of ${(event.total / 1048576).toFixed(1)} MiB`,
    );
    if (event.done === event.total) io.stderr.write('\r\x1b[K');
  };
}
