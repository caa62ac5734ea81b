import {
  ActionError,
  booleanInput,
  choiceInput,
  listInput,
  requiredInput,
  runAction,
  stringInput,
} from '@build-artifact/actions-common';
import type { VerifyPolicy } from '@build-artifact/verify';
import { run } from './main.js';

/** The policy inputs: the `attest verify` flags, by the same names. */
function policy(): VerifyPolicy {
  const p: VerifyPolicy = {};
  const set = (key: keyof VerifyPolicy, input: string) => {
    const value = stringInput(input);
    if (value !== '') (p as Record<string, unknown>)[key] = value;
  };
  set('certificateIdentity', 'certificate-identity');
  set('certificateIdentityRegexp', 'certificate-identity-regexp');
  set('certificateOidcIssuer', 'certificate-oidc-issuer');
  set('certificateOidcIssuerRegexp', 'certificate-oidc-issuer-regexp');
  set('repo', 'repo');
  set('owner', 'owner');
  set('signerWorkflow', 'signer-workflow');
  set('signerRepo', 'signer-repo');
  set('signerDigest', 'signer-digest');
  set('sourceRef', 'source-ref');
  set('sourceDigest', 'source-digest');
  set('predicateType', 'predicate-type');
  if (booleanInput('deny-self-hosted-runners', false)) p.denySelfHostedRunners = true;
  if (booleanInput('require-sbom', false)) p.requireSbom = true;
  const levels = ['1', '2', '3'] as const;
  const level = choiceInput('slsa-level', levels, '' as '1');
  const old = choiceInput('min-slsa-level', levels, '' as '1');
  if ((level as string) !== '' && (old as string) !== '' && level !== old)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'min-slsa-level is the old name of slsa-level: give one',
    });
  const n = (level as string) || (old as string);
  if (n !== '') p.minSlsaLevel = Number(n) as 1 | 2 | 3;
  return p;
}

await runAction(
  () => {
    requiredInput('artifacts');
    const trustedRoot = stringInput('trusted-root');
    const key = stringInput('key');
    return {
      request: {
        targets: listInput('artifacts'),
        bundles: listInput('bundle'),
        policy: policy(),
        trust: { ...(trustedRoot ? { trustedRoot } : {}), ...(key ? { key } : {}) },
        recursive: booleanInput('recursive', false),
      },
      token: stringInput('token'),
      report: stringInput('report'),
    };
  },
  async (inputs) => {
    await run(inputs);
  },
);
