import { execFile } from 'node:child_process';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  assertAlgorithm,
  dedupeSubjects,
  expandPaths,
  GITHUB_ACTIONS_ISSUER,
  type Subject,
  subjectsFromChecksumFile,
  subjectsFromPaths,
} from '@build-artifact/core';
import {
  githubProvenance,
  issuerForServerUrl,
  localProvenance,
  parseResolvedDependency,
  provenanceStatement,
  type SlsaProvenanceV1,
  verifyOidcToken,
} from '@build-artifact/provenance';
import {
  bundlePathFor,
  fetchActionsIdToken,
  signStatement,
  writeBundle,
} from '@build-artifact/sign';
import { type Command, type CommandIO, UsageError } from '../command.js';
import { writeOutput } from '../output.js';
import { resolveSignOptions, signHelp, signOptions, storeIfAsked } from './sign.js';

const run = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', cwd, ...args], { timeout: 10_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The predicate for this run: GitHub's from a verified token inside Actions, ours elsewhere. */
async function predicateFor(
  values: Record<string, unknown>,
  io: CommandIO,
  resolvedDependencies: ReturnType<typeof parseResolvedDependency>[],
): Promise<{ predicate: SlsaProvenanceV1; describe: string; token?: string }> {
  const inActions = Boolean(
    io.env.ACTIONS_ID_TOKEN_REQUEST_URL && io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  );
  if (inActions && !values.local) {
    // A token is read from GitHub and verified against its issuer's keys: the claims, not the
    // GITHUB_* variables a step could change, are the source of truth. The runner's server URL
    // only picks the default issuer (github.com, *.ghe.com, GHES) and must agree with the token.
    const serverUrl = io.env.GITHUB_SERVER_URL || undefined;
    const issuer = String(
      values['oidc-issuer'] ?? (io.env.ATTEST_OIDC_ISSUER || issuerForServerUrl(serverUrl)),
    );
    const token = await fetchActionsIdToken(io.env, 'sigstore');
    const claims = await verifyOidcToken(token, { issuer });
    return {
      token,
      predicate: githubProvenance(claims, {
        resolvedDependencies,
        ...(serverUrl ? { serverUrl } : {}),
      }),
      describe: `GitHub Actions run ${claims.repository} #${claims.run_id} (token verified against ${claims.iss})`,
    };
  }
  const [commit, remote, ref] = await Promise.all([
    git(io.cwd, 'rev-parse', 'HEAD'),
    git(io.cwd, 'config', '--get', 'remote.origin.url'),
    git(io.cwd, 'symbolic-ref', '-q', 'HEAD'),
  ]);
  const source =
    commit && remote
      ? {
          uri: `git+${remote.replace(/^git@([^:]+):/, 'https://$1/')}${ref ? `@${ref}` : ''}`,
          gitCommit: commit,
        }
      : undefined;
  const predicate = localProvenance({
    hostname: hostname(),
    ...(source ? { source } : {}),
    resolvedDependencies,
  });
  return { predicate, describe: `local build (builder ${predicate.runDetails.builder.id})` };
}

export const provenanceCommand: Command = {
  name: 'provenance',
  summary:
    'write an unsigned in-toto statement with SLSA v1 provenance for artifacts (and sign it with --sign)',
  usage:
    'provenance SUBJECT... [-o FILE] [--checksums FILE] [--algorithm sha256|sha512] [--resolved-dependency URI=sha256:HEX]... [--sign]',
  help: [
    ['SUBJECT', 'a file, a directory (every file below it) or a glob; at most 1024 subjects'],
    ['-o, --output FILE', 'write the statement to FILE (atomically) instead of stdout'],
    ['--checksums FILE', 'subjects from a sha256sum/sha512sum file'],
    ['-a, --algorithm ALG', 'sha256 (default) or sha512'],
    [
      '--resolved-dependency D',
      'an artifact the build consumed: URI=sha256:HEX, or oci://...@sha256:HEX (repeatable)',
    ],
    ['--local', 'local provenance even inside GitHub Actions'],
    [
      '--oidc-issuer URL',
      `issuer to verify the Actions token against, or its enterprise form ISSUER/<slug> (default ATTEST_OIDC_ISSUER, else GITHUB_SERVER_URL's: ${GITHUB_ACTIONS_ISSUER} on github.com)`,
    ],
    ['--sign', 'also sign it and write <artifact>.sigstore.json next to each SUBJECT file'],
    ...signHelp,
  ],
  examples: [
    'attest provenance dist/nats.wasm -o provenance.json',
    'attest provenance target/release/cli --resolved-dependency oci://ghcr.io/o/nats-wasm@sha256:<hex>',
    'attest provenance --checksums SHA256SUMS --sign',
  ],
  options: {
    output: { type: 'string', short: 'o' },
    checksums: { type: 'string' },
    algorithm: { type: 'string', short: 'a', default: 'sha256' },
    'resolved-dependency': { type: 'string', multiple: true },
    local: { type: 'boolean' },
    'oidc-issuer': { type: 'string' },
    sign: { type: 'boolean' },
    ...signOptions,
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0 && values.checksums === undefined) {
      throw new UsageError('provenance needs at least one SUBJECT or --checksums FILE');
    }
    const algorithm = assertAlgorithm(String(values.algorithm));
    const resolvedDependencies = (
      (values['resolved-dependency'] as string[] | undefined) ?? []
    ).map(parseResolvedDependency);
    const subjects: Subject[] = [];
    if (positionals.length > 0) {
      subjects.push(
        ...(await subjectsFromPaths(
          positionals.map((p) => resolve(io.cwd, p)),
          { algorithms: [algorithm] },
        )),
      );
    }
    if (values.checksums !== undefined) {
      subjects.push(...(await subjectsFromChecksumFile(resolve(io.cwd, String(values.checksums)))));
    }
    // A file both given and listed in the checksums file is one subject; two digests for one
    // name are an error. (The statement checks the count.)
    const merged = dedupeSubjects(subjects);
    const { predicate, describe, token } = await predicateFor(values, io, resolvedDependencies);
    io.stderr.write(`attest provenance: ${merged.length} subject(s), ${describe}\n`);
    const statement = provenanceStatement(merged, predicate);
    const text = `${JSON.stringify(statement, null, 2)}\n`;
    if (values.sign) {
      // Sign first: a failure leaves neither the statement nor any bundle half-done.
      // The token verified above (audience sigstore) is the one Fulcio gets, unless another is given.
      const signValues =
        token && values['identity-token'] === undefined && values.key === undefined
          ? { ...values, 'identity-token': token }
          : values;
      const { options, describe: how, repository } = await resolveSignOptions(signValues, io);
      io.stderr.write(`attest provenance: signing with ${how}\n`);
      const bundle = await signStatement(text, options);
      // Next to every file the subjects came from (a directory argument: each file below it).
      const files = (await expandPaths(positionals.map((p) => resolve(io.cwd, p)))).map(
        (f) => f.path,
      );
      for (const file of files) {
        const path = bundlePathFor(file);
        await writeBundle(path, bundle);
        io.stderr.write(`attest provenance: wrote ${path}\n`);
      }
      if (files.length === 0) await writeOutput(io, `${JSON.stringify(bundle)}\n`, undefined);
      await storeIfAsked(bundle, values, io, repository);
    }
    if (!values.sign || values.output !== undefined) {
      await writeOutput(io, text, values.output === undefined ? undefined : String(values.output));
    }
    return 0;
  },
};
