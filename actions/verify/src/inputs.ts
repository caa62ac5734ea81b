import {
  ActionError,
  booleanInput,
  choiceInput,
  listInput,
  requiredInput,
  stringInput,
} from '@build-artifact/actions-common';
import type { SummaryRequest, SummaryWriteRequest } from '@build-artifact/pipeline';
import type { VerifyPolicy } from '@build-artifact/verify';
import type { VerifyInputs } from './main.js';

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
  set('hostname', 'hostname');
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

/** `vsa-verifier` and the inputs that go with it: accept a trusted verifier's summaries. */
function summaries(): SummaryRequest | undefined {
  const verifier = stringInput('vsa-verifier');
  const verifierRegexp = stringInput('vsa-verifier-regexp');
  const issuer = stringInput('vsa-verifier-issuer');
  const maxAge = stringInput('vsa-max-age');
  if (verifier === '' && verifierRegexp === '') {
    if (issuer !== '' || maxAge !== '')
      throw new ActionError({
        code: 'INVALID_INPUT',
        message: 'inputs "vsa-verifier-issuer" and "vsa-max-age" apply to "vsa-verifier"',
      });
    return undefined;
  }
  return {
    ...(verifier !== '' ? { verifier } : {}),
    ...(verifierRegexp !== '' ? { verifierRegexp } : {}),
    ...(issuer !== '' ? { issuer } : {}),
    ...(maxAge !== '' ? { maxAge } : {}),
  };
}

/** `vsa-out`, `vsa-sign`, `vsa-attach`: write (sign, attach) verification summaries. */
function writing(): VerifyInputs['write'] {
  const out = stringInput('vsa-out');
  const sign = booleanInput('vsa-sign', false);
  const attach = booleanInput('vsa-attach', false);
  if (out === '') {
    if (sign || attach)
      throw new ActionError({
        code: 'INVALID_INPUT',
        message: 'inputs "vsa-sign" and "vsa-attach" need "vsa-out" (the file to write)',
      });
    return undefined;
  }
  if (attach && !sign)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'input "vsa-attach" attaches signed summaries: set "vsa-sign" too',
    });
  // Keyless, with the job's own OIDC token: the summaries are signed by this workflow.
  const request: SummaryWriteRequest = { out, ...(sign ? { signing: {} } : {}) };
  return { request, attach };
}

/** Reads the action's inputs (INPUT_*) into one typed object. */
export function readInputs(): VerifyInputs {
  requiredInput('artifacts');
  const trustedRoot = stringInput('trusted-root');
  const key = stringInput('key');
  const policyFile = stringInput('policy');
  const resourceUri = stringInput('vsa-resource-uri');
  const accept = summaries();
  const write = writing();
  return {
    request: {
      targets: listInput('artifacts'),
      bundles: listInput('bundle'),
      policy: policy(),
      trust: { ...(trustedRoot ? { trustedRoot } : {}), ...(key ? { key } : {}) },
      recursive: booleanInput('recursive', false),
      ...(policyFile ? { policyFile } : {}),
      ...(resourceUri ? { resourceUri } : {}),
      ...(accept ? { summaries: accept } : {}),
    },
    token: stringInput('token'),
    ...(write ? { write } : {}),
    report: stringInput('report'),
  };
}
