import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ActionError,
  group,
  logProgress,
  output,
  reportPublished,
} from '@build-artifact/actions-common';
import { collectArtifacts } from '@build-artifact/core';
import { parseReference } from '@build-artifact/oci';
import {
  type FlowContext,
  type PublishResult,
  publish,
  readAttachments,
  readPlannedPublication,
} from '@build-artifact/pipeline';

export interface PushInputs {
  repository: string;
  subjectsDirectory: string;
  paths: string[];
  attestationsDirectory: string;
  tag: string;
  token: string;
  username: string;
}

export async function run(
  inputs: PushInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PublishResult> {
  const files = inputs.subjectsDirectory
    ? (await readdir(inputs.subjectsDirectory, { withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(inputs.subjectsDirectory, e.name))
        .sort()
    : inputs.paths;
  if (files.length === 0)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'nothing to push: give subjects-directory or paths',
    });
  if (inputs.tag && files.length > 1)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `input "tag" names one artifact but ${files.length} files are pushed`,
    });
  const named = parseReference(inputs.repository);
  if (named.tag || named.digest)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `repository: ${inputs.repository} must name a repository, without tag or digest`,
    });
  const target = {
    reference: inputs.tag ? `${inputs.repository}:${inputs.tag}` : inputs.repository,
    tagByName: !inputs.tag,
    ...(inputs.token
      ? {
          credentials: {
            username: inputs.username || env.GITHUB_ACTOR || 'token',
            password: inputs.token,
          },
        }
      : {}),
  };
  const context: FlowContext = { cwd: process.cwd(), env, onProgress: logProgress };
  const result = await group(`Pushing to ${inputs.repository}`, async () => {
    const artifacts = (await collectArtifacts({ paths: files })).map((a) => ({
      name: a.name,
      path: a.path!,
      digest: a.digest,
    }));
    const directory = inputs.attestationsDirectory || undefined;
    // Manifests the attest step planned are pushed as planned: its statements name them.
    const publication = await readPlannedPublication(target, artifacts, directory);
    const attachments = await readAttachments({
      beside: files,
      ...(directory ? { directory } : {}),
    });
    const published = await publish(
      { target, artifacts, ...(publication ? { publication } : {}), attachments },
      context,
    );
    return { published, attachments };
  });
  const { published } = result;
  output('reference', published.artifacts[0]!.reference);
  output('references', published.artifacts.map((a) => a.reference).join('\n'));
  output('referrers', published.referrers.map((r) => r.digest).join('\n'));
  await reportPublished(published, result.attachments);
  return published;
}
