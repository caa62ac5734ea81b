import { resolve } from 'node:path';
import { type SbomFormat, sourceDateEpoch, writeFileAtomic } from '@build-artifact/core';
import type { SbomResult } from '@build-artifact/sbom';
import type { FlowContext } from './oci-target.js';

/** One SBOM for directories of lockfiles, lockfiles and binaries. */
export interface SbomFlowRequest {
  paths: readonly string[];
  /** `cyclonedx-json` (default) or `spdx-json`. */
  format?: SbomFormat;
  specVersion?: '1.6' | '1.7';
  /** Where to write it (atomically); only returned when absent. */
  output?: string;
}

/** Writes one SBOM of everything the paths hold (`attest sbom`, the sbom action). */
export async function describeArtifacts(
  request: SbomFlowRequest,
  context: FlowContext,
): Promise<SbomResult & { output?: string }> {
  const { generateSbom } = await import('@build-artifact/sbom');
  // The run's environment, not the process's: the same request gives the same bytes.
  const epoch = sourceDateEpoch(context.env);
  const result = await generateSbom(
    request.paths.map((p) => resolve(context.cwd, p)),
    {
      ...(request.format ? { format: request.format } : {}),
      ...(request.specVersion ? { specVersion: request.specVersion } : {}),
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    },
  );
  if (request.output === undefined) return result;
  const output = resolve(context.cwd, request.output);
  await writeFileAtomic(output, result.json);
  return { ...result, output };
}
