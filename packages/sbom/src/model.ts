/**
 * The neutral component model every parser returns. graph.ts turns it into the one graph the
 * CycloneDX and SPDX writers render; parsers know nothing about either format.
 */

export type Ecosystem = 'cargo' | 'golang' | 'npm' | 'pypi';

export type HashAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface PackageHash {
  alg: HashAlgorithm;
  /** Lower-case hex. */
  content: string;
}

export interface Package {
  /** Unique within its inventory; what `dependencies` entries point at. */
  key: string;
  ecosystem: Ecosystem;
  /** The full name as its ecosystem writes it (`@scope/name`, a Go module path, a crate). */
  name: string;
  version: string;
  /** Absent for first-party parts known only by their folder. */
  purl?: string;
  hashes?: PackageHash[];
  /** Development-only (`excluded`) or optional (`optional`); absent means required. */
  scope?: 'optional' | 'excluded';
  /** A workspace member, link or editable: part of the project itself, not a dependency. */
  firstParty?: boolean;
  /** Keys of packages of the same inventory this one depends on (only when `hasGraph`). */
  dependencies?: string[];
  /** Extra facts worth keeping, as CycloneDX properties. */
  properties?: Record<string, string>;
}

/** Everything one lockfile (or one binary's module list) says. */
export interface Inventory {
  /** The file it came from. */
  source: string;
  /** What kind of input: `Cargo.lock`, `go.mod`, `package-lock.json`, `go-buildinfo`, ... */
  format: string;
  packages: Package[];
  /** Whether `dependencies` of the packages are the full graph the input pins. */
  hasGraph: boolean;
  /**
   * `complete`: every third-party package the input pins is listed; `incomplete`: some were left
   * out (an unpinned requirement, for instance) and `warnings` say which.
   */
  completeness: 'complete' | 'incomplete';
  /** Keys of first-party packages whose direct dependencies are known though the graph is not. */
  firstPartyEdgesOnly?: boolean;
  warnings: string[];
}

/** A Go program's build info, from any binary format. */
export interface GoBuildInfo {
  /** `go1.23.5`, when the binary carries it. */
  goVersion?: string;
  /**
   * Where goVersion was read: `buildinfo` (the header `go version` reads), `producers` (a wasm
   * module's producers section), `symtab` (the `runtime.buildVersion` variable found by its
   * symbol), `runtime-data` (that variable found without symbols: the one string header in the
   * data that points at a Go version).
   */
  goVersionSource?: 'buildinfo' | 'producers' | 'symtab' | 'runtime-data';
  /** The main package path. */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  settings: Record<string, string>;
}

export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  replace?: GoModule;
}

/** cargo-auditable's dependency list. */
export interface AuditablePackage {
  name: string;
  version: string;
  source: string;
  kind?: 'build' | 'runtime';
  dependencies?: number[];
  root?: boolean;
}

export type { BinaryFormat } from '@build-artifact/core';

import type { BinaryFormat } from '@build-artifact/core';

/** What a binary says about how it was built, and what is embedded in it. */
export interface BinaryInfo {
  format: BinaryFormat;
  /** Byte range inside the parent, for an embedded module. */
  offset?: number;
  size: number;
  sha256: string;
  sha512?: string;
  go?: GoBuildInfo;
  auditable?: AuditablePackage[];
  /** wasm `producers` section: field -> (name -> version). */
  producers?: Record<string, Record<string, string>>;
  embedded: BinaryInfo[];
}
