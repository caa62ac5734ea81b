import { type DigestAlgorithm, digestFile, readRegularFile } from '@build-artifact/core';

/** The largest artifact a message signature is checked over (read whole). */
const MAX_SIGNED_FILE_BYTES = 2 * 1024 * 1024 * 1024;

import type { Evidence } from './evidence.js';

/** What to verify: a file on disk, or a subject digest (OCI) with its evidence. */
export interface ArtifactInput {
  /** The artifact file; hashed to compare with the statement's subjects. */
  path?: string;
  /** The subject digest when there is no file (an OCI manifest): `{ sha256: hex }`. */
  digest?: Partial<Record<DigestAlgorithm, string>>;
  /**
   * Other digests (`sha256:hex`) that name the same artifact: the OCI manifest (and index) it
   * was pulled by. A statement naming one of them is about this artifact too, as `actions/attest`
   * and gh name registry artifacts.
   */
  alsoKnownAs?: readonly string[];
  /** How the artifact is named in the result; default the path. */
  name?: string;
  /** Bundles to check; default: the evidence files found beside `path`. */
  evidence?: Evidence[];
}

/** The artifact's digests and bytes, each computed at most once, and only when a stage asks. */
export class ArtifactData {
  private readonly fileDigests = new Map<DigestAlgorithm, Promise<string>>();
  private bytes?: Promise<Buffer>;
  constructor(private readonly input: ArtifactInput) {}

  /** The given digest, else the file's; undefined when neither exists. */
  digest(algorithm: DigestAlgorithm): Promise<string | undefined> {
    const given = this.input.digest?.[algorithm];
    if (given !== undefined) return Promise.resolve(given.toLowerCase());
    return this.fileDigest(algorithm);
  }

  /** The file's own digest, whatever digest was given; undefined without a file. */
  fileDigest(algorithm: DigestAlgorithm): Promise<string | undefined> {
    const path = this.input.path;
    if (path === undefined) return Promise.resolve(undefined);
    let p = this.fileDigests.get(algorithm);
    if (!p) {
      p = digestFile(path, [algorithm]).then((d) => d[algorithm]!);
      this.fileDigests.set(algorithm, p);
    }
    return p;
  }

  /** The other digests the artifact is known by (`sha256:hex`), lower-cased. */
  aliases(): readonly string[] {
    return (this.input.alsoKnownAs ?? []).map((d) => d.toLowerCase());
  }

  /** The file's bytes (a message signature is verified over them); undefined without a file. */
  read(): Promise<Buffer> | undefined {
    const path = this.input.path;
    if (path === undefined) return undefined;
    // A message signature is over the whole file: read it whole, but only a regular file, and
    // never more than a Buffer can hold.
    this.bytes ??= readRegularFile(path, { maxBytes: MAX_SIGNED_FILE_BYTES, what: 'artifact' });
    return this.bytes;
  }

  hasFile(): boolean {
    return this.input.path !== undefined;
  }

  known(): Partial<Record<DigestAlgorithm, string>> {
    return { ...this.input.digest };
  }
}
