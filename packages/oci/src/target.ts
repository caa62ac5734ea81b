import type { ProgressCallback } from '@build-artifact/core';
import type { Blob } from './blob.js';
import type { Descriptor } from './types.js';

export interface PushBlobOptions {
  onProgress?: ProgressCallback;
  /** Repositories on the same registry that may hold the blob (cross-repository mount). */
  mountFrom?: readonly string[];
}

export interface PushBlobResult {
  /** Bytes sent for this blob (0 when it was there already or was mounted). */
  uploadedBytes: number;
  existed: boolean;
  mounted: boolean;
}

export interface FetchedManifest {
  descriptor: Descriptor;
  bytes: Uint8Array;
}

export interface PushManifestResult {
  descriptor: Descriptor;
  /** The `OCI-Subject` answer: the registry keeps the referrers list itself. */
  subjectDigest?: string;
}

/**
 * Where artifacts go and come from: a repository in a registry (`OciClient`) or an OCI image
 * layout directory (`OciLayout`). Push, pull and referrers are written once against this.
 */
export interface Target {
  readonly kind: 'registry' | 'layout';
  /** For messages: `host/repo` or the layout directory. */
  readonly display: string;
  /** Readies the target for a push while the caller hashes its files; never throws. */
  prepareToPush?(): Promise<void>;
  hasBlob(digest: string): Promise<boolean>;
  pushBlob(blob: Blob, options?: PushBlobOptions): Promise<PushBlobResult>;
  /** Streams a blob to `path` (atomically), checking its digest and size. */
  fetchBlobToFile(descriptor: Descriptor, path: string): Promise<void>;
  /** Reads a small blob into memory, checking its digest and size. */
  fetchBlobBytes(descriptor: Descriptor, maxBytes?: number): Promise<Uint8Array>;
  /** A manifest by tag or digest; the digest is checked when the reference is one. */
  fetchManifest(reference: string): Promise<FetchedManifest>;
  /** Undefined when there is no such manifest. */
  tryFetchManifest(reference: string): Promise<FetchedManifest | undefined>;
  pushManifest(bytes: Uint8Array, mediaType: string, tag?: string): Promise<PushManifestResult>;
  /**
   * Referrers from the registry's referrers API, or undefined when it has none (then the
   * referrers tag schema applies).
   */
  referrersApi(digest: string): Promise<Descriptor[] | undefined>;
}
