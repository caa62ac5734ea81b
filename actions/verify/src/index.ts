import {
  booleanInput,
  choiceInput,
  listInput,
  requiredInput,
  runAction,
  stringInput,
} from '@build-artifact/actions-common';
import type { VerifyPolicy } from '@build-artifact/verify';
import { run } from './main.js';
import { ociArtifact } from './oci.js';

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
  set('sourceRef', 'source-ref');
  set('sourceDigest', 'source-digest');
  set('predicateType', 'predicate-type');
  if (booleanInput('deny-self-hosted-runners', false)) p.denySelfHostedRunners = true;
  if (booleanInput('require-sbom', false)) p.requireSbom = true;
  const level = choiceInput('min-slsa-level', ['1', '2', '3'] as const, '' as '1');
  if ((level as string) !== '') p.minSlsaLevel = Number(level) as 1 | 2 | 3;
  return p;
}

await runAction(
  () => {
    requiredInput('artifacts');
    return {
      artifacts: listInput('artifacts'),
      bundle: stringInput('bundle'),
      trustedRoot: stringInput('trusted-root'),
      policy: policy(),
      token: stringInput('token'),
    };
  },
  async (inputs) => {
    await run(inputs, (ref, token) => ociArtifact(ref, token));
  },
);
