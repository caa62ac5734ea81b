import { hostname as osHostname } from 'node:os';
import { BuildType, type ResourceDescriptor } from '@build-artifact/core';
import type { SlsaProvenanceV1 } from './types.js';

export const LOCAL_BUILDER_PREFIX = 'https://build-artifact.dev/local/';

export interface LocalProvenanceOptions {
  /** Machine name in the builder id (default: this host's name). */
  hostname?: string;
  /** The source the build ran from, when known (a git checkout). */
  source?: { uri: string; gitCommit?: string };
  /** What was run, e.g. the command line. */
  externalParameters?: Record<string, unknown>;
  resolvedDependencies?: readonly ResourceDescriptor[];
  startedOn?: Date;
  finishedOn?: Date;
}

/**
 * Provenance for a build outside GitHub Actions. Its own buildType
 * (https://build-artifact.dev/buildtypes/local/v1) and a builder id under
 * https://build-artifact.dev/local/ mean nothing local can pass for a GitHub build.
 */
export function localProvenance(options: LocalProvenanceOptions = {}): SlsaProvenanceV1 {
  const host = options.hostname ?? osHostname();
  const dependencies: ResourceDescriptor[] = [];
  if (options.source) {
    dependencies.push({
      uri: options.source.uri,
      ...(options.source.gitCommit ? { digest: { gitCommit: options.source.gitCommit } } : {}),
    });
  }
  dependencies.push(...(options.resolvedDependencies ?? []).map((d) => ({ ...d })));
  const metadata: NonNullable<SlsaProvenanceV1['runDetails']['metadata']> = {};
  if (options.startedOn) metadata.startedOn = options.startedOn.toISOString();
  if (options.finishedOn) metadata.finishedOn = options.finishedOn.toISOString();
  return {
    buildDefinition: {
      buildType: BuildType.LOCAL_V1,
      externalParameters: { ...(options.externalParameters ?? {}) },
      internalParameters: { local: { hostname: host } },
      resolvedDependencies: dependencies,
    },
    runDetails: {
      builder: { id: `${LOCAL_BUILDER_PREFIX}${encodeURIComponent(host)}` },
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    },
  };
}
