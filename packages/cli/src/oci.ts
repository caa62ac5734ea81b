import type { FlowContext } from '@build-artifact/pipeline';
import { type CommandIO, UsageError } from './command.js';
import { ociProgress } from './progress.js';

/** An `oci://` or `oci-layout:` argument, as given; anything else is a usage error. */
export function ociReference(arg: string, what = 'reference'): string {
  if (!arg.startsWith('oci://') && !arg.startsWith('oci-layout:')) {
    throw new UsageError(
      `${what} must be oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG], not "${arg}"`,
    );
  }
  return arg;
}

/**
 * The context of a flow that speaks OCI: plain HTTP with `--plain-http` (else as the flows
 * decide it, from `ATTEST_PLAIN_HTTP=1`), progress and warnings on stderr.
 */
export function ociContext(io: CommandIO, command: string, plainHttp = false): FlowContext {
  return {
    cwd: io.cwd,
    env: io.env,
    ...(plainHttp ? { plainHttp: true } : {}),
    onProgress: ociProgress(io, command),
  };
}
