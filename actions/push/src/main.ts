import {
  ActionError,
  group,
  logProgress,
  output,
  reportPublished,
} from '@build-artifact/actions-common';
import { parseReference } from '@build-artifact/oci';
import { type PublishFilesResult, publishFiles } from '@build-artifact/pipeline';

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
): Promise<PublishFilesResult> {
  if (!inputs.subjectsDirectory && inputs.paths.length === 0)
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'nothing to push: give subjects-directory or paths',
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
  const published = await group(`Pushing to ${inputs.repository}`, () =>
    publishFiles(
      {
        target,
        files: inputs.subjectsDirectory
          ? { directory: inputs.subjectsDirectory }
          : { paths: inputs.paths },
        ...(inputs.attestationsDirectory ? { sidecarDirectory: inputs.attestationsDirectory } : {}),
      },
      { cwd: process.cwd(), env, onProgress: logProgress },
    ),
  );
  output('reference', published.artifacts[0]!.reference);
  output('references', published.artifacts.map((a) => a.reference).join('\n'));
  output('referrers', published.referrers.map((r) => r.digest).join('\n'));
  await reportPublished(published, published.attachments);
  return published;
}
