import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  digestFile,
  expandPaths,
  mapConcurrent,
  parseChecksumFile,
  subjectName,
} from '@build-artifact/core';
import { ActionError } from './error.js';

/** Where the artifacts come from: paths/globs, a flat directory, or a directory plus its verified checksums. */
export interface ArtifactSource {
  subjectPaths: string[];
  subjectsDirectory: string;
  checksums: string;
}

export interface Artifact {
  name: string;
  path: string;
  sha256: string;
}

/** The artifacts to attest with their digests; names are what the statement's subjects say. */
export async function collectArtifacts(inputs: ArtifactSource): Promise<Artifact[]> {
  let artifacts: Artifact[];
  if (inputs.checksums) {
    if (!inputs.subjectsDirectory) {
      throw new ActionError({
        code: 'INVALID_INPUT',
        message: 'checksums needs subjects-directory',
      });
    }
    const entries = parseChecksumFile(await readFile(inputs.checksums, 'utf8'), inputs.checksums);
    // The file says what was verified; hashing again here costs little and closes the gap
    // between the check and the use.
    artifacts = await mapConcurrent(entries, 4, async (e) => {
      const path = join(inputs.subjectsDirectory, e.path);
      const sha256 = (await digestFile(path)).sha256!;
      if (sha256 !== e.hex) {
        throw new ActionError({
          code: 'DIGEST_MISMATCH',
          message: `${path}: sha256 ${sha256} differs from ${inputs.checksums}'s ${e.hex}`,
        });
      }
      return { name: e.path, path, sha256 };
    });
  } else if (inputs.subjectsDirectory) {
    const names = (await readdir(inputs.subjectsDirectory, { withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort();
    artifacts = await mapConcurrent(names, 4, async (name) => {
      const path = join(inputs.subjectsDirectory, name);
      return { name, path, sha256: (await digestFile(path)).sha256! };
    });
  } else if (inputs.subjectPaths.length > 0) {
    const found = await expandPaths(inputs.subjectPaths);
    artifacts = await mapConcurrent(found, 4, async (f) => ({
      name: subjectName(f),
      path: f.path,
      sha256: (await digestFile(f.path)).sha256!,
    }));
  } else {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'give the artifacts in subject-path or subjects-directory',
    });
  }
  if (artifacts.length === 0) {
    throw new ActionError({ code: 'INVALID_INPUT', message: 'no artifacts found to attest' });
  }
  const seen = new Set<string>();
  for (const a of artifacts) {
    if (seen.has(a.name)) {
      throw new ActionError({
        code: 'INVALID_INPUT',
        message: `two artifacts are named "${a.name}"`,
      });
    }
    seen.add(a.name);
  }
  return artifacts;
}
