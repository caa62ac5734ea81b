import type { Command } from '../command.js';

/**
 * Every `attest` subcommand, in the order `attest --help` lists them. Each module is loaded only
 * when its command runs: the packages behind the commands (Sigstore, CycloneDX, OCI) take
 * seconds to load together, and `attest verify` must start in a fraction of that.
 */
export interface CommandEntry {
  name: string;
  /** One line for `attest --help`; the same as the command's own `summary` (a test checks). */
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'digest',
    summary: 'print sha256sum-compatible digests of files and directories',
    load: async () => (await import('./digest.js')).digestCommand,
  },
  {
    name: 'sbom',
    summary:
      'write a CycloneDX or SPDX SBOM for directories, lockfiles and binaries (Go, Rust, wasm)',
    load: async () => (await import('./sbom.js')).sbomCommand,
  },
  {
    name: 'provenance',
    summary:
      'write an unsigned in-toto statement with SLSA v1 provenance for artifacts (and sign it with --sign)',
    load: async () => (await import('./provenance.js')).provenanceCommand,
  },
  {
    name: 'sign',
    summary: 'sign an in-toto statement into a Sigstore bundle (v0.3, DSSE), keyless or with a key',
    load: async () => (await import('./sign.js')).signCommand,
  },
  {
    name: 'verify',
    summary:
      'verify an artifact against its Sigstore bundles: signature, subject, signer, source, SLSA level',
    load: async () => (await import('./verify.js')).verifyCommand,
  },
  {
    name: 'report',
    summary:
      'verify artifacts as attest verify does and write one self-contained HTML report (checks, signer, SLSA level, SBOM tree, chain)',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'inspect',
    summary: 'decode and print a bundle, statement or certificate without verifying it',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
  {
    name: 'push',
    summary: 'push files to an OCI registry (or layout) with their bundles and SBOM as referrers',
    load: async () => (await import('./push.js')).pushCommand,
  },
  {
    name: 'publish',
    summary:
      'attest and push built files in one go: SBOM, provenance naming the files and their manifests, signatures, push, referrers',
    load: async () => (await import('./publish.js')).publishCommand,
  },
  {
    name: 'pull',
    summary: 'pull an OCI artifact and its attestations (bundles, SBOM), every digest checked',
    load: async () => (await import('./pull.js')).pullCommand,
  },
  {
    name: 'discover',
    summary:
      'show the referrers (bundles, SBOMs, signatures) attached to an OCI artifact, as a tree',
    load: async () => (await import('./discover.js')).discoverCommand,
  },
  {
    name: 'dev-sigstore',
    summary: 'run a local Sigstore (Fulcio, Rekor, TSA) and a GitHub-like OIDC issuer for testing',
    load: async () => (await import('./dev-sigstore.js')).devSigstoreCommand,
  },
  {
    name: 'demo',
    summary:
      'run the whole pipeline on the examples, offline: build, SBOM, provenance, sign (local Sigstore), push, verify',
    load: async () => (await import('./demo.js')).demoCommand,
  },
];
