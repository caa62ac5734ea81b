import { CoreError } from './error.js';

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org) of an environment: the seconds since 1970 a
 * build writes as its time (SBOM timestamps, manifest `created`), so that the same sources give
 * the same bytes. Undefined when unset or empty; anything but 1-12 digits is refused.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}$/.test(value))
    throw new CoreError({
      code: 'INVALID_SOURCE_DATE_EPOCH',
      message: `SOURCE_DATE_EPOCH ${JSON.stringify(value.slice(0, 40))} is not a number of seconds`,
    });
  return Number(value);
}
