// Artifacts attested for real by the flows (SBOM, provenance, both signed by the local
// Sigstore with the demo's GitHub-shaped L3 identity), the bundles written beside each file:
// what `attest report` then verifies.
import { join } from 'node:path';
import { GITHUB_ACTIONS_ISSUER, type ResourceDescriptor } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import {
  type AttestResult,
  attest,
  DEMO_REPOSITORY,
  DEMO_SIGNER_REPOSITORY,
  demoClaims,
} from '@build-artifact/pipeline';

export interface Signing {
  dev: DevSigstore;
  trustedRoot: string;
  /** The `attest verify` flags of the identity the tokens carry. */
  policyFlags: string[];
  close(): Promise<void>;
}

export async function startSigning(dir: string): Promise<Signing> {
  const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  const dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER, claims: demoClaims(sha) });
  const trustedRoot = join(dir, 'trusted_root.json');
  await dev.writeTrustedRoot(trustedRoot);
  return {
    dev,
    trustedRoot,
    policyFlags: [
      '--trusted-root',
      trustedRoot,
      '--repo',
      DEMO_REPOSITORY,
      '--signer-repo',
      DEMO_SIGNER_REPOSITORY,
    ],
    close: () => dev.close(),
  };
}

/** Attests one file (its SBOM and provenance, signed), the bundles written beside it. */
export function attestFile(
  signing: Signing,
  path: string,
  options: { resolvedDependencies?: ResourceDescriptor[]; sbom?: boolean } = {},
): Promise<AttestResult> {
  const { dev } = signing;
  return attest(
    {
      artifacts: { paths: [path] },
      sbom: options.sbom === false ? false : {},
      provenance: {
        builder: 'github',
        issuer: dev.oidc.issuer,
        jwksUrl: dev.oidc.jwksURL,
        resolvedDependencies: options.resolvedDependencies ?? [],
      },
      signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
      sidecars: {},
    },
    { cwd: process.cwd(), env: { ...process.env, ...dev.env() } },
  );
}
