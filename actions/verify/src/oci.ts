import { logProgress } from '@build-artifact/actions-common';
import { fetchEvidence } from '@build-artifact/oci';
import type { ArtifactInput } from '@build-artifact/verify';

/**
 * The evidence of an `oci://` artifact (see `fetchEvidence`): its one layer pulled to a temporary
 * file removed at exit, and every Sigstore bundle attached to it. The token, when set, is a
 * GitHub token: it goes to ghcr.io only (as GITHUB_TOKEN, through the client's own credential
 * rules), never to the other registries a list of references may name. Those are read with the
 * Docker config's credentials, or anonymously.
 */
export async function ociArtifact(
  refText: string,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ArtifactInput> {
  const { artifactPath, bundles } = await fetchEvidence(refText, {
    env: token ? { ...env, GITHUB_TOKEN: token } : env,
    onProgress: logProgress,
  });
  return { path: artifactPath!, name: refText, evidence: bundles };
}
