// The signing flags `attest sign`, `attest provenance --sign` and `attest publish` share, as the
// request the flows take.
import type { GitHubAttestationsRequest, SigningRequest } from '@build-artifact/pipeline';
import { type CommandIO, type OptionsConfig, stringFlag, UsageError } from './command.js';

/** Flags shared by `attest sign`, `attest provenance --sign` and `attest publish`. */
export const signOptions: OptionsConfig = {
  key: { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'tsa-url': { type: 'string' },
  'identity-token': { type: 'string' },
  instance: { type: 'string' },
  'github-attestations': { type: 'boolean' },
};

export const signHelp: readonly [string, string][] = [
  [
    '--key FILE',
    'sign with an ECDSA P-256 PEM key (no Fulcio; no log entry unless --rekor-url/--tsa-url)',
  ],
  ['--fulcio-url URL', 'Fulcio to get a certificate from (default: chosen as actions/attest does)'],
  ['--rekor-url URL', 'Rekor to log the signature in'],
  ['--tsa-url URL', 'RFC 3161 timestamp authority'],
  ['--identity-token T', 'OIDC token for Fulcio (default: from ACTIONS_ID_TOKEN_REQUEST_URL)'],
  ['--instance NAME', 'public-good or github (default: by the repository visibility in the token)'],
  [
    '--github-attestations',
    'also store the bundle in the GitHub attestations API (GITHUB_TOKEN, attestations: write)',
  ],
];

/** The signing flags as a request. */
export function signingRequest(values: Record<string, unknown>): SigningRequest {
  const str = (name: string) => stringFlag(values, name);
  const instance = str('instance');
  if (instance !== undefined && instance !== 'public-good' && instance !== 'github')
    throw new UsageError(`--instance must be public-good or github, not "${instance}"`);
  const request: SigningRequest = {};
  const set = <K extends keyof SigningRequest>(key: K, value: SigningRequest[K] | undefined) => {
    if (value !== undefined) request[key] = value;
  };
  set('key', str('key'));
  set('instance', instance as SigningRequest['instance']);
  set('fulcioURL', str('fulcio-url'));
  set('rekorURL', str('rekor-url'));
  set('tsaURL', str('tsa-url'));
  set('identityToken', str('identity-token'));
  return request;
}

/** `--github-attestations` as a request: GITHUB_TOKEN, GITHUB_API_URL. */
export function storeRequest(
  values: Record<string, unknown>,
  io: CommandIO,
): { githubAttestations?: GitHubAttestationsRequest } {
  if (!values['github-attestations']) return {};
  return {
    githubAttestations: {
      token: io.env.GITHUB_TOKEN ?? '',
      ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
    },
  };
}

/** `--annotation K=V` flags as a map; a flag without `=` is bad usage. */
export function annotationsFromFlags(
  values: readonly string[] | undefined,
): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const a of values ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--annotation must be KEY=VALUE, not "${a}"`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return annotations;
}
