import { SignError } from './error.js';

export type SigstoreInstanceName = 'public-good' | 'github' | 'custom';

export interface SigstoreInstance {
  name: SigstoreInstanceName;
  fulcioURL: string;
  rekorURL?: string;
  tsaURL?: string;
}

export const PUBLIC_GOOD: SigstoreInstance = {
  name: 'public-good',
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
};

/** GitHub's own Sigstore instance (private repositories): its Fulcio and RFC 3161 timestamps, no Rekor. */
export const GITHUB_INSTANCE: SigstoreInstance = {
  name: 'github',
  fulcioURL: 'https://fulcio.githubapp.com',
  tsaURL: 'https://timestamp.githubapp.com',
};

/**
 * Chooses where to sign, as actions/attest does: an explicit choice wins; otherwise a public
 * repository signs on the public-good instance (Fulcio + Rekor) and any other on GitHub's
 * (Fulcio + TSA). `ATTEST_FULCIO_URL` (with `ATTEST_REKOR_URL` / `ATTEST_TSA_URL`) overrides
 * both, for a private Sigstore or the local dev one.
 */
export function sigstoreInstanceFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { instance?: 'public-good' | 'github'; visibility?: string } = {},
): SigstoreInstance {
  if (env.ATTEST_FULCIO_URL) {
    const instance: SigstoreInstance = { name: 'custom', fulcioURL: env.ATTEST_FULCIO_URL };
    if (env.ATTEST_REKOR_URL) instance.rekorURL = env.ATTEST_REKOR_URL;
    if (env.ATTEST_TSA_URL) instance.tsaURL = env.ATTEST_TSA_URL;
    if (!instance.rekorURL && !instance.tsaURL) {
      throw new SignError({
        code: 'INVALID_OPTIONS',
        message:
          'ATTEST_FULCIO_URL is set but neither ATTEST_REKOR_URL nor ATTEST_TSA_URL: a keyless signature needs a transparency log or a timestamp authority',
      });
    }
    return instance;
  }
  if (options.instance === 'github') return { ...GITHUB_INSTANCE };
  if (options.instance === 'public-good') return { ...PUBLIC_GOOD };
  return options.visibility === 'public' ? { ...PUBLIC_GOOD } : { ...GITHUB_INSTANCE };
}
