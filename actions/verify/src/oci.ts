import { logProgress } from '@build-artifact/actions-common';
import { fetchEvidence } from '@build-artifact/oci';
import type { ArtifactInput } from '@build-artifact/verify';

/**
 * The evidence of an `oci://` artifact (see `fetchEvidence`): its one layer pulled to a temporary
 * file removed at exit, and every Sigstore bundle attached to it. The token, when set, is the
 * registry password (ghcr.io takes the workflow's GITHUB_TOKEN with the actor as user).
 */
export async function ociArtifact(
  refText: string,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ArtifactInput> {
  const { artifactPath, bundles } = await fetchEvidence(refText, {
    ...(token ? { credentials: { username: env.GITHUB_ACTOR || 'token', password: token } } : {}),
    env,
    onProgress: logProgress,
  });
  return { path: artifactPath!, name: refText, evidence: bundles };
}
