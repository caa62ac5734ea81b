import { setTimeout as sleep } from 'node:timers/promises';
import { MediaType } from '@build-artifact/core';
import { OciError } from './error.js';
import type { Target } from './target.js';
import type { Descriptor, ImageIndex } from './types.js';

/**
 * The referrers tag schema of distribution-spec v1.1: `<alg>-<ref>`, the algorithm cut to 32
 * characters and the encoded part to 64, anything a tag cannot hold replaced by `-`
 * (`sha256:<hex>` becomes `sha256-<hex>`).
 */
export function referrersTag(digest: string): string {
  const colon = digest.indexOf(':');
  const algorithm = colon < 0 ? digest : digest.slice(0, colon);
  const encoded = colon < 0 ? '' : digest.slice(colon + 1);
  // Each part cut on its own, not the whole tag: a sha512 subject then gets the tag other
  // clients (regclient's `%.32s-%.64s`) read and write, not `sha512-` and 121 hex digits.
  return `${algorithm.slice(0, 32)}-${encoded.slice(0, 64)}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}

function decodeIndex(bytes: Uint8Array, where: string): ImageIndex {
  try {
    const index = JSON.parse(new TextDecoder().decode(bytes)) as ImageIndex;
    if (!Array.isArray(index.manifests)) throw new Error('no "manifests" array');
    return index;
  } catch (err) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `${where} is not an OCI index: ${(err as Error).message}`,
      cause: err,
    });
  }
}

async function readTagIndex(target: Target, subject: string): Promise<ImageIndex | undefined> {
  const found = await target.tryFetchManifest(referrersTag(subject));
  if (!found) return undefined;
  return decodeIndex(found.bytes, `referrers index ${referrersTag(subject)} in ${target.display}`);
}

/**
 * Adds one entry to the referrers tag index of `subject`, keeping every entry another writer
 * put there. Distribution 2.8 has no conditional PUT, so this re-reads after writing and merges
 * again when a concurrent writer's index replaced ours.
 */
export async function addToReferrersIndex(
  target: Target,
  subject: string,
  entry: Descriptor,
  options: { attempts?: number; settleMs?: number } = {},
): Promise<void> {
  const attempts = options.attempts ?? 10;
  const settle = options.settleMs ?? 200;
  const tag = referrersTag(subject);
  let confirmed = 0;
  // How long one read-modify-write takes here: another writer's takes about as long, so the
  // pause before looking again grows with it (a loaded registry, a slow link).
  let window = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started = Date.now();
    const current = await readTagIndex(target, subject);
    if (!current?.manifests.some((m) => m.digest === entry.digest)) {
      confirmed = 0;
      const index: ImageIndex = {
        schemaVersion: 2,
        mediaType: MediaType.OCI_INDEX,
        manifests: [...(current?.manifests ?? []), entry],
      };
      await target.pushManifest(
        new TextEncoder().encode(JSON.stringify(index)),
        MediaType.OCI_INDEX,
        tag,
      );
      window = Math.max(window, Date.now() - started);
    } else if (attempt === 1 || ++confirmed >= 2) {
      // Already there before we wrote anything (an earlier run put it there): nothing to do.
      return;
    }
    // A writer that read the index before our write may still write after it and drop our
    // entry: look again once such a read-modify-write has had time to land, and merge again if
    // it did. Seen twice, with a pause between, the entry is taken as settled.
    const pause = Math.max(settle, 3 * window);
    await sleep(pause / 2 + Math.random() * pause);
  }
  throw new OciError({
    code: 'REFERRERS_CONFLICT',
    message: `could not add ${entry.digest} to the referrers index ${tag} in ${target.display}: other writers kept replacing it`,
  });
}

export interface ListReferrersOptions {
  /** Only referrers of this artifactType. */
  artifactType?: string;
}

/**
 * The referrers of a manifest: from the referrers API where the registry has it, else from the
 * referrers tag schema index (a missing tag means none).
 */
export async function listReferrers(
  target: Target,
  digest: string,
  options: ListReferrersOptions = {},
): Promise<Descriptor[]> {
  let list = await target.referrersApi(digest);
  if (list === undefined) list = (await readTagIndex(target, digest))?.manifests ?? [];
  return options.artifactType ? list.filter((d) => d.artifactType === options.artifactType) : list;
}
