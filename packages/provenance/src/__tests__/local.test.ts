import { BuildType } from '@build-artifact/core';
import { describe, expect, it } from 'vitest';
import {
  githubProvenance,
  LOCAL_BUILDER_PREFIX,
  localProvenance,
  ProvenanceError,
  parseResolvedDependency,
  provenanceStatement,
} from '../index.js';

describe('local provenance', () => {
  it('has its own buildType and a builder id that is never GitHub’s', () => {
    const p = localProvenance({
      hostname: 'laptop 1',
      source: {
        uri: 'git+https://github.com/example/nats-wasm@refs/heads/main',
        gitCommit: 'f'.repeat(40),
      },
      externalParameters: { command: 'make wasm' },
      startedOn: new Date('2026-01-01T00:00:00Z'),
    });
    expect(p.buildDefinition.buildType).toBe(BuildType.LOCAL_V1);
    expect(p.buildDefinition.buildType).not.toBe(BuildType.GITHUB_WORKFLOW_V1);
    expect(p.runDetails.builder.id).toBe(`${LOCAL_BUILDER_PREFIX}laptop%201`);
    expect(p.runDetails.builder.id.startsWith('https://github.com/')).toBe(false);
    expect(p.buildDefinition.resolvedDependencies?.[0]).toEqual({
      uri: 'git+https://github.com/example/nats-wasm@refs/heads/main',
      digest: { gitCommit: 'f'.repeat(40) },
    });
    expect(p.runDetails.metadata).toEqual({ startedOn: '2026-01-01T00:00:00.000Z' });
    // Even a hostname made to look like GitHub stays under our prefix.
    expect(localProvenance({ hostname: 'github.com/x' }).runDetails.builder.id).toBe(
      `${LOCAL_BUILDER_PREFIX}github.com%2Fx`,
    );
  });
});

describe('statements', () => {
  it('wrap the predicate in an in-toto Statement v1, up to 1024 subjects, sha256 or sha512', () => {
    const predicate = localProvenance({ hostname: 'h' });
    const subjects = Array.from({ length: 1024 }, (_, i) => ({
      name: `f${i}`,
      digest: { sha512: 'a'.repeat(128) },
    }));
    const s = provenanceStatement(subjects, predicate);
    expect(s.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(s.subject).toHaveLength(1024);
    expect(() =>
      provenanceStatement(
        [...subjects, { name: 'x', digest: { sha512: 'b'.repeat(128) } }],
        predicate,
      ),
    ).toThrow(/at most 1024/);
  });
});

describe('resolved dependencies', () => {
  const hex = 'ab'.repeat(32);
  it('parse URI=sha256:HEX and digest-pinned OCI references', () => {
    expect(parseResolvedDependency(`https://example.com/nats.wasm=sha256:${hex}`)).toEqual({
      uri: 'https://example.com/nats.wasm',
      digest: { sha256: hex },
    });
    expect(parseResolvedDependency(`oci://ghcr.io/example/nats-wasm@sha256:${hex}`)).toEqual({
      uri: `oci://ghcr.io/example/nats-wasm@sha256:${hex}`,
      digest: { sha256: hex },
    });
    const p = githubProvenance(
      {
        iss: 'https://token.actions.githubusercontent.com',
        repository: 'o/r',
        workflow_ref: 'o/r/w.yml@x',
      } as never,
      {
        resolvedDependencies: [parseResolvedDependency(`oci://r/x@sha256:${hex}`)],
      },
    );
    expect(p.buildDefinition.resolvedDependencies).toHaveLength(2);
  });
  it('refuse what they cannot read', () => {
    for (const bad of [
      'no-digest',
      `nouri=sha256:${hex}`,
      'https://x=sha256:abc',
      `https://x=md5:${hex}`,
    ]) {
      let err: unknown;
      try {
        parseResolvedDependency(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).code).toBe('INVALID_DEPENDENCY');
    }
  });
});
