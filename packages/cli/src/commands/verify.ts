import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
// Types only: the verify package (and @sigstore/*) is imported when the command runs, so that
// `attest` starts fast and `attest verify` loads nothing of the SBOM, signing or OCI code.
import type { Evidence, VerificationResult, VerifyPolicy } from '@build-artifact/verify';
import { type Command, UsageError } from '../command.js';
import { outputFormat } from '../output.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'verify an artifact against its Sigstore bundles: signature, subject, signer, source, SLSA level',
  usage:
    'verify ARTIFACT... [--bundle FILE] [--repo OWNER/REPO | --owner OWNER | --certificate-identity ...] [flags]',
  help: [
    [
      'ARTIFACT',
      'a file (bundles beside it: FILE.sigstore.json, FILE.sbom.sigstore.json, FILE.intoto.jsonl), oci://REF or oci-layout:DIR[:TAG] (bundles from referrers), or a digest sha256:HEX / sha512:HEX (with --bundle)',
    ],
    [
      '-b, --bundle FILE',
      'a bundle file (JSON or JSON lines); repeatable; used for every ARTIFACT',
    ],
    [
      '-R, --repo OWNER/REPO',
      'source repository; the signing workflow must be in it unless --signer-* says otherwise',
    ],
    [
      '--owner OWNER',
      'source repository owner; the signing workflow must belong to it unless --signer-*',
    ],
    [
      '--signer-workflow WF',
      '[HOST/]OWNER/REPO/PATH of the signing workflow (regex, any @ref unless given)',
    ],
    ['--signer-repo OWNER/REPO', 'repository of the signing (reusable) workflow'],
    ['--signer-digest SHA', 'commit of the signing workflow'],
    ['--source-ref REF', 'source ref, e.g. refs/tags/v1.2.3'],
    ['--source-digest SHA', 'source commit'],
    ['--predicate-type URI', 'default https://slsa.dev/provenance/v1'],
    ['--deny-self-hosted-runners', 'fail unless the signing job ran on a GitHub-hosted runner'],
    ['--certificate-identity ID', 'exact certificate SAN (cosign)'],
    ['--certificate-identity-regexp RE', 'certificate SAN regex, anchored (cosign)'],
    ['--certificate-oidc-issuer URL', 'exact OIDC issuer (cosign; alias --cert-oidc-issuer)'],
    ['--certificate-oidc-issuer-regexp RE', 'OIDC issuer regex, anchored (cosign)'],
    ['--slsa-level N', 'fail unless the evidence supports SLSA Build level N (1-3)'],
    ['--require-sbom', 'fail unless a signed CycloneDX attestation exists for the artifact'],
    ['--key FILE', 'PEM public key for bundles signed with a key'],
    [
      '--trusted-root FILE',
      'Sigstore trusted root (JSON or JSON lines); replaces the shipped roots',
    ],
    ['--tuf-refresh', 'refresh trusted roots from their TUF repositories (network)'],
    ['--format FORMAT', 'text (default) or json (one object per artifact, one per line)'],
    [
      '--recursive',
      'also verify what the artifact embeds or was built from (provenance resolvedDependencies, SBOM embedded binaries), with the same policy',
    ],
  ],
  examples: [
    'attest verify dist/app.wasm --repo my-org/my-repo',
    'attest verify app.tgz --bundle app.intoto.jsonl --repo o/r --signer-repo o/build-workflows --slsa-level 3',
    'attest verify sha256:9f86d0... --bundle blob.sigstore.json --certificate-identity me@example.com --certificate-oidc-issuer https://accounts.google.com',
    'attest verify blob --certificate-identity-regexp "https://github.com/o/r/.*" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
  ],
  options: {
    bundle: { type: 'string', short: 'b', multiple: true },
    repo: { type: 'string', short: 'R' },
    owner: { type: 'string' },
    'signer-workflow': { type: 'string' },
    'signer-repo': { type: 'string' },
    'signer-digest': { type: 'string' },
    'source-ref': { type: 'string' },
    'source-digest': { type: 'string' },
    'predicate-type': { type: 'string' },
    'deny-self-hosted-runners': { type: 'boolean' },
    'certificate-identity': { type: 'string' },
    'certificate-identity-regexp': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'cert-oidc-issuer': { type: 'string' },
    'certificate-oidc-issuer-regexp': { type: 'string' },
    'slsa-level': { type: 'string' },
    'require-sbom': { type: 'boolean' },
    key: { type: 'string' },
    'trusted-root': { type: 'string' },
    'tuf-refresh': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
    recursive: { type: 'boolean' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('verify needs at least one ARTIFACT');
    const format = outputFormat(values.format);
    const s = (name: string) => (values[name] === undefined ? undefined : String(values[name]));
    // Relative paths are the command's working directory's (the process's, outside tests).
    const at = (p: string) => resolve(io.cwd, p);
    let minSlsaLevel: VerifyPolicy['minSlsaLevel'];
    if (values['slsa-level'] !== undefined) {
      const n = Number(values['slsa-level']);
      if (n !== 1 && n !== 2 && n !== 3) throw new UsageError('--slsa-level must be 1, 2 or 3');
      minSlsaLevel = n;
    }
    if (values['cert-oidc-issuer'] !== undefined && values['certificate-oidc-issuer'] !== undefined)
      throw new UsageError('--cert-oidc-issuer is an alias of --certificate-oidc-issuer: give one');
    const policy: VerifyPolicy = strip({
      repo: s('repo'),
      owner: s('owner'),
      signerWorkflow: s('signer-workflow'),
      signerRepo: s('signer-repo'),
      signerDigest: s('signer-digest'),
      sourceRef: s('source-ref'),
      sourceDigest: s('source-digest'),
      predicateType: s('predicate-type'),
      denySelfHostedRunners: values['deny-self-hosted-runners'] === true ? true : undefined,
      certificateIdentity: s('certificate-identity'),
      certificateIdentityRegexp: s('certificate-identity-regexp'),
      certificateOidcIssuer: s('certificate-oidc-issuer') ?? s('cert-oidc-issuer'),
      certificateOidcIssuerRegexp: s('certificate-oidc-issuer-regexp'),
      minSlsaLevel,
      requireSbom: values['require-sbom'] === true ? true : undefined,
    });
    const keyFile = s('key');
    const v = await import('@build-artifact/verify');
    const identityGiven =
      policy.repo ??
      policy.owner ??
      policy.signerRepo ??
      policy.signerWorkflow ??
      policy.certificateIdentity ??
      policy.certificateIdentityRegexp;
    if (identityGiven === undefined && keyFile === undefined) {
      throw new UsageError(
        'say who must have signed: --repo OWNER/REPO, --owner OWNER, --signer-repo/--signer-workflow, --certificate-identity(-regexp), or --key FILE',
      );
    }
    try {
      v.validatePolicy(policy);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    let publicKeyPem: string | undefined;
    if (keyFile !== undefined) {
      const { readFile } = await import('node:fs/promises');
      const { fileError } = await import('@build-artifact/core');
      publicKeyPem = await readFile(at(keyFile), 'utf8').catch((err) => {
        throw fileError(keyFile, err);
      });
    }
    const trust = await v.loadTrustedRoot(
      strip({
        trustedRootPath: s('trusted-root') === undefined ? undefined : at(s('trusted-root')!),
        tufRefresh: values['tuf-refresh'] === true,
        cacheDir: io.env.ATTEST_CACHE_DIR
          ? join(io.env.ATTEST_CACHE_DIR, 'tuf')
          : join(io.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'build-artifact', 'tuf'),
        githubTufURL: io.env.ATTEST_GITHUB_TUF_URL,
        publicKeyPem,
      }),
    );
    const shared: Evidence[] = [];
    for (const file of (values.bundle as string[] | undefined) ?? [])
      shared.push(...(await v.readEvidence(at(file))));

    let failed = 0;
    for (const arg of positionals) {
      let result: VerificationResult;
      // What was verified and with which evidence: --recursive follows it from there.
      let used: { path?: string; evidence?: Evidence[] };
      const digestArg = DIGEST_ARG.exec(arg);
      if (digestArg) {
        // The artifact named by its digest only (sigstore-conformance's verify-bundle protocol):
        // statements' subjects and message signatures are checked against that digest.
        const algorithm = digestArg[1] as 'sha256' | 'sha512';
        const hex = digestArg[2]!.toLowerCase();
        if (hex.length !== (algorithm === 'sha256' ? 64 : 128))
          throw new UsageError(
            `${arg}: a ${algorithm} digest is ${algorithm === 'sha256' ? 64 : 128} hex digits`,
          );
        if (shared.length === 0)
          throw new UsageError(`${arg}: an artifact given by its digest needs --bundle FILE`);
        used = { evidence: shared };
        result = await v.verifyArtifact(
          { name: arg, digest: { [algorithm]: hex }, evidence: shared },
          policy,
          trust,
        );
      } else if (arg.startsWith('oci://') || arg.startsWith('oci-layout:')) {
        const { ociEvidence } = await import('../oci-evidence.js');
        const found = await ociEvidence(arg, io);
        used = { path: found.artifactPath, evidence: [...found.bundles, ...shared] };
        const [algorithm, hex] = found.subject.digest.split(':');
        result = await v.verifyArtifact(
          strip({
            name: arg,
            path: found.artifactPath,
            digest:
              algorithm === 'sha256' || algorithm === 'sha512' ? { [algorithm]: hex } : undefined,
            evidence: used.evidence,
          }),
          policy,
          trust,
        );
      } else {
        // --recursive follows the very statements that verified: the evidence beside the file
        // is read once, for both (read again, it could have changed in between).
        let evidence: Evidence[] | undefined = shared.length > 0 ? shared : undefined;
        if (!evidence && values.recursive === true) {
          const beside: Evidence[] = [];
          for (const file of await v.findEvidenceFiles(at(arg)))
            beside.push(...(await v.readEvidence(file)));
          // None found: verifyArtifact looks for itself and says where it looked.
          if (beside.length > 0) evidence = beside;
        }
        used = strip({ path: at(arg), evidence });
        result = await v.verifyArtifact(
          strip({ name: arg, path: at(arg), evidence }),
          policy,
          trust,
        );
      }
      let deps:
        | Awaited<ReturnType<typeof import('../recursive.js').verifyDependencies>>
        | undefined;
      if (values.recursive === true && result.verified) {
        const r = await import('../recursive.js');
        deps = await r.verifyDependencies(
          strip({ path: used.path, evidence: used.evidence ?? [], result, policy, trust, io }),
        );
      }
      // A dependency that fails fails the artifact: its header and its JSON say so, with a reason.
      const shown: VerificationResult =
        deps && !deps.verified
          ? {
              ...result,
              verified: false,
              failure: {
                reason: 'DEPENDENCY_FAILED',
                message: 'a dependency recorded in its provenance did not verify (see below)',
              },
            }
          : result;
      if (!shown.verified) failed++;
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify(deps ? { ...shown, dependencies: deps.dependencies } : shown)}\n`
          : formatText(shown) +
              (deps ? (await import('../recursive.js')).formatDependencies(deps.dependencies) : ''),
      );
    }
    if (format === 'text' && positionals.length > 1)
      io.stderr.write(
        `${positionals.length - failed} of ${positionals.length} artifacts verified\n`,
      );
    return failed === 0 ? 0 : 1;
  },
};

const DIGEST_ARG = /^(sha256|sha512):([0-9a-fA-F]+)$/;

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o))
    if ((o as Record<string, unknown>)[k] === undefined) delete (o as Record<string, unknown>)[k];
  return o;
}

function row(label: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `  ${label.padEnd(13)}${value}\n`;
}

/** The human summary: what was verified, or which check failed and why. */
export function formatText(r: VerificationResult): string {
  const digest = r.digest.sha256
    ? `sha256:${r.digest.sha256}`
    : r.digest.sha512
      ? `sha512:${r.digest.sha512}`
      : undefined;
  let out = r.verified
    ? `✓ ${r.artifact}: verified\n`
    : `✗ ${r.artifact}: verification FAILED (${r.failure?.reason})\n`;
  if (!r.verified && r.failure) out += `  ${r.failure.message}\n`;
  out += row('digest', digest);
  out += row('bundle', r.failure?.source ?? r.source);
  const c = r.certificate;
  if (c) {
    out += row('signer', c.buildSignerURI ?? c.subjectAlternativeName);
    if (c.buildSignerDigest) out += row('signer sha', c.buildSignerDigest);
    out += row('issuer', c.issuer);
    out += row('source repo', c.sourceRepositoryURI);
    out += row('source ref', c.sourceRepositoryRef);
    out += row('commit', c.sourceRepositoryDigest);
    out += row('trigger', c.buildTrigger);
    out += row('runner', c.runnerEnvironment);
    out += row('run', c.runInvocationURI);
  } else if (r.bundle?.signedWith === 'key') out += row('signer', 'a public key (--key)');
  for (const t of r.timestamps)
    out += row(
      'signed at',
      `${t.time} (${t.kind === 'transparency-log' ? 'transparency log' : 'RFC 3161 timestamp'})`,
    );
  for (const e of r.tlogEntries)
    out += row('tlog entry', `${e.logIndex} (${e.kind}, log ${e.logId.slice(0, 16)}…)`);
  if (r.statement)
    out += row(
      'predicate',
      r.statement.predicateType + (r.statement.buildType ? ` (${r.statement.buildType})` : ''),
    );
  if (r.slsa) out += row('SLSA', r.slsa.level === 0 ? r.slsa.reason : `Build ${r.slsa.reason}`);
  const checked = r.crossChecks
    .filter((x) => x.status !== 'not-checked')
    .map((x) => `${x.name} ${x.status}`);
  const unchecked = r.crossChecks
    .filter((x) => x.status === 'not-checked')
    .map((x) => `${x.name} (${x.note})`);
  if (checked.length)
    out += row(
      'cross-checks',
      `${checked.join(', ')}${r.crossChecksEnforced ? '' : ' (reported, not enforced)'}`,
    );
  if (unchecked.length) out += row('not checked', unchecked.join('; '));
  if (r.sbom)
    out += row(
      'SBOM',
      r.sbom.verified
        ? `signed CycloneDX attestation (${r.sbom.source})`
        : 'no verified CycloneDX attestation',
    );
  for (const w of r.warnings) out += row('warning', w);
  if (!r.verified && r.attempts.length > 1)
    for (const a of r.attempts)
      out += row('tried', `${a.source}: ${a.verified ? 'ok' : `${a.failure?.reason}`}`);
  return out;
}
