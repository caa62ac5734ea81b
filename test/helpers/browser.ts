// A real browser for the HTML report: Debian's chromium (scripts/system-deps.sh installs it),
// driven by playwright-core, which downloads nothing. Without it the browser tests skip, except
// in CI (CI=true), where its absence is a failure: CI installs it.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { inCI } from './toolchains.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** True when the browser tests can run; in CI a missing browser throws instead of skipping. */
export function requireChromium(): boolean {
  if (chromiumAvailable()) return true;
  if (inCI())
    throw new Error(
      `${CHROMIUM} is missing in CI: scripts/system-deps.sh installs Debian's chromium`,
    );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container chromium's own sandbox cannot start; the page is ours anyway.
    args: ['--no-sandbox'],
  });
}
