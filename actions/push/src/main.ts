import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  ActionError,
  group,
  logProgress,
  output,
  writeSummary,
} from '@build-artifact/actions-common';
import {
  attachBundle,
  attachSbom,
  type Credentials,
  contextAnnotations,
  formatReference,
  openTarget,
  parseReference,
  pushArtifact,
} from '@build-artifact/oci';

export interface PushInputs {
  repository: string;
  subjectsDirectory: string;
  paths: string[];
  attestationsDirectory: string;
  tag: string;
  token: string;
  username: string;
}

export interface PushedFile {
  file: string;
  reference: string;
  referrers: string[];
}

/** A file name as an OCI tag: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. */
export function tagFor(name: string): string {
  const tag = name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
  return (tag || 'artifact').slice(0, 128);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function filesToPush(inputs: PushInputs): Promise<string[]> {
  if (inputs.subjectsDirectory) {
    const entries = await readdir(inputs.subjectsDirectory, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(inputs.subjectsDirectory, e.name))
      .sort();
  }
  return inputs.paths;
}

export async function run(
  inputs: PushInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PushedFile[]> {
  const files = await filesToPush(inputs);
  if (files.length === 0) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'nothing to push: give subjects-directory or paths',
    });
  }
  if (inputs.tag && files.length > 1) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `input "tag" names one artifact but ${files.length} files are pushed`,
    });
  }
  const ref = parseReference(inputs.repository);
  if (ref.tag || ref.digest) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `repository: ${inputs.repository} must name a repository, without tag or digest`,
    });
  }
  const credentials: Credentials | undefined = inputs.token
    ? { username: inputs.username || env.GITHUB_ACTOR || 'token', password: inputs.token }
    : undefined;
  const target = openTarget(ref, {
    ...(credentials ? { credentials } : {}),
    env,
    onProgress: logProgress,
  });
  const annotations = contextAnnotations({ env });
  const pushed: PushedFile[] = [];
  for (const file of files) {
    const name = basename(file);
    const result = await group(`Pushing ${name}`, async () => {
      const artifact = await pushArtifact(target, file, {
        tag: inputs.tag || tagFor(name),
        annotations,
        onProgress: logProgress,
      });
      const subject = { target, descriptor: artifact.descriptor };
      const reference = formatReference({ ...ref, digest: artifact.descriptor.digest });
      console.log(`pushed ${reference}`);
      const evidenceDir = inputs.attestationsDirectory || undefined;
      const beside = (suffix: string) =>
        evidenceDir ? join(evidenceDir, name + suffix) : file + suffix;
      const referrers: string[] = [];
      for (const suffix of ['.sigstore.json', '.sbom.sigstore.json']) {
        const path = beside(suffix);
        if (!(await exists(path))) continue;
        const d = await attachBundle(subject, await readFile(path), undefined, {
          onProgress: logProgress,
        });
        console.log(`attached ${basename(path)} as ${d.digest}`);
        referrers.push(d.digest);
      }
      const sbom = beside('.cdx.json');
      if (await exists(sbom)) {
        const d = await attachSbom(subject, await readFile(sbom), {
          title: basename(sbom),
          onProgress: logProgress,
        });
        console.log(`attached ${basename(sbom)} as ${d.digest}`);
        referrers.push(d.digest);
      }
      return { file, reference, referrers };
    });
    pushed.push(result);
  }
  output('reference', pushed[0]!.reference);
  output('references', pushed.map((p) => p.reference).join('\n'));
  output('referrers', pushed.flatMap((p) => p.referrers).join('\n'));
  await writeSummary({
    title: 'Pushed to OCI',
    oci: pushed.map((p) => p.reference),
    notes: [
      `${pushed.reduce((n, p) => n + p.referrers.length, 0)} bundles and SBOMs attached as referrers.`,
    ],
  });
  return pushed;
}
