import { type CommandIO, UsageError } from './command.js';

/**
 * Placeholder until the OCI package lands (the OCI helper owns and replaces this file):
 * fetches an OCI artifact's subject and the bundles attached to it as referrers.
 */
export async function ociEvidence(
  _ref: string,
  _io: CommandIO,
): Promise<{
  subject: { digest: string; mediaType: string; size: number };
  artifactPath?: string;
  bundles: { source: string; json: unknown }[];
}> {
  throw new UsageError('oci:// references need the OCI package');
}
