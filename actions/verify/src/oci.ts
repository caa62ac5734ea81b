import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionError, logProgress } from '@build-artifact/actions-common';
import {
  Annotation,
  type Credentials,
  fetchReferrer,
  formatReference,
  isIndex,
  listReferrers,
  openTarget,
  parseReference,
  readManifest,
} from '@build-artifact/oci';
import type { ArtifactInput } from '@build-artifact/verify';

/**
 * The evidence of an `oci://` artifact: its one layer pulled to a temporary file (digest checked
 * by the client) and every Sigstore bundle attached to its manifest as a referrer.
 */
export async function ociArtifact(
  refText: string,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ArtifactInput> {
  const ref = parseReference(refText);
  const credentials: Credentials | undefined = token
    ? { username: env.GITHUB_ACTOR || 'token', password: token }
    : undefined;
  const target = openTarget(ref, {
    ...(credentials ? { credentials } : {}),
    env,
    onProgress: logProgress,
  });
  const { descriptor, manifest } = await readManifest(target, ref.digest ?? ref.tag ?? 'latest');
  if (isIndex(manifest)) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `${refText} is an index: name one platform's manifest by digest`,
    });
  }
  if (manifest.layers.length !== 1) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `${refText}: expected an artifact with one layer, found ${manifest.layers.length}`,
    });
  }
  const layer = manifest.layers[0]!;
  const title = (layer.annotations?.[Annotation.TITLE] ?? 'artifact').replace(/[/\\]/g, '_');
  const path = join(
    await mkdtemp(join(tmpdir(), 'verify-oci-')),
    title === '.' || title === '..' ? 'artifact' : title,
  );
  await target.fetchBlobToFile(layer, path);
  const evidence: { source: string; json: unknown }[] = [];
  for (const entry of await listReferrers(target, descriptor.digest)) {
    if (!entry.artifactType?.startsWith('application/vnd.dev.sigstore.bundle')) continue;
    const { content } = await fetchReferrer(target, entry);
    const { tag: _tag, ...base } = ref;
    const source = formatReference({ ...base, digest: entry.digest });
    try {
      evidence.push({ source, json: JSON.parse(new TextDecoder().decode(content)) });
    } catch {
      throw new ActionError({
        code: 'INVALID_INPUT',
        message: `${source}: the attached bundle is not JSON`,
      });
    }
  }
  return { path, name: refText, evidence };
}
