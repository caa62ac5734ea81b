import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileError, parseStatement, subjectsFromPaths } from '@build-artifact/core';
import {
  actionsTokenProvider,
  type SerializedBundle,
  type SignOptions,
  type SigstoreInstance,
  sbomStatement,
  signStatement,
  sigstoreInstanceFromEnv,
  storeAttestation,
  writeBundle,
} from '@build-artifact/sign';
import { type Command, type CommandIO, type OptionsConfig, UsageError } from '../command.js';
import { writeOutput } from '../output.js';

/** Flags shared by `attest sign` and `attest provenance --sign`. */
export const signOptions: OptionsConfig = {
  key: { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'tsa-url': { type: 'string' },
  'identity-token': { type: 'string' },
  instance: { type: 'string' },
  'github-attestations': { type: 'boolean' },
};

export const signHelp: readonly [string, string][] = [
  [
    '--key FILE',
    'sign with an ECDSA P-256 PEM key (no Fulcio; no log entry unless --rekor-url/--tsa-url)',
  ],
  ['--fulcio-url URL', 'Fulcio to get a certificate from (default: chosen as actions/attest does)'],
  ['--rekor-url URL', 'Rekor to log the signature in'],
  ['--tsa-url URL', 'RFC 3161 timestamp authority'],
  ['--identity-token T', 'OIDC token for Fulcio (default: from ACTIONS_ID_TOKEN_REQUEST_URL)'],
  ['--instance NAME', 'public-good or github (default: by the repository visibility in the token)'],
  [
    '--github-attestations',
    'also store the bundle in the GitHub attestations API (GITHUB_TOKEN, attestations: write)',
  ],
];

/**
 * Stores a bundle in the GitHub attestations API when `--github-attestations` is given: the
 * repository of the signing token (else GITHUB_REPOSITORY), GITHUB_TOKEN, GITHUB_API_URL.
 */
export async function storeIfAsked(
  bundle: SerializedBundle,
  values: Record<string, unknown>,
  io: CommandIO,
  repository: string | undefined,
): Promise<void> {
  if (!values['github-attestations']) return;
  const repo = repository ?? io.env.GITHUB_REPOSITORY;
  if (!repo)
    throw new UsageError('--github-attestations needs GITHUB_REPOSITORY (or a keyless token)');
  const id = await storeAttestation(bundle, {
    repository: repo,
    token: io.env.GITHUB_TOKEN ?? '',
    ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
  });
  io.stderr.write(
    `attest: stored in the GitHub attestations API of ${repo}${id ? ` (id ${id})` : ''}\n`,
  );
}

function decodeClaims(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

/** Turns the sign flags and the environment into signStatement options (fetching the token once). */
export async function resolveSignOptions(
  values: Record<string, unknown>,
  io: CommandIO,
): Promise<{ options: SignOptions; describe: string; repository?: string }> {
  const str = (name: string) => (values[name] === undefined ? undefined : String(values[name]));
  const keyFile = str('key');
  const urls = { rekorURL: str('rekor-url'), tsaURL: str('tsa-url') };
  const clean = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  if (keyFile) {
    if (str('fulcio-url') || str('identity-token')) {
      throw new UsageError(
        '--key signs without Fulcio: --fulcio-url and --identity-token do not apply',
      );
    }
    const path = resolve(io.cwd, keyFile);
    let privateKeyPem: string;
    try {
      privateKeyPem = await readFile(path, 'utf8');
    } catch (err) {
      throw fileError(keyFile, err);
    }
    return { options: clean({ privateKeyPem, ...urls }), describe: `key ${keyFile}` };
  }
  const instanceName = str('instance');
  if (instanceName !== undefined && instanceName !== 'public-good' && instanceName !== 'github') {
    throw new UsageError(`--instance must be public-good or github, not "${instanceName}"`);
  }
  let token = str('identity-token');
  if (token === undefined) token = await actionsTokenProvider(io.env)();
  let instance: SigstoreInstance;
  const fulcioURL = str('fulcio-url');
  if (fulcioURL) {
    instance = clean({ name: 'custom' as const, fulcioURL, ...urls });
  } else {
    const visibility = decodeClaims(token).repository_visibility;
    instance = sigstoreInstanceFromEnv(io.env, {
      ...(instanceName ? { instance: instanceName as 'public-good' | 'github' } : {}),
      ...(typeof visibility === 'string' ? { visibility } : {}),
    });
    if (urls.rekorURL) instance.rekorURL = urls.rekorURL;
    if (urls.tsaURL) instance.tsaURL = urls.tsaURL;
  }
  if (!instance.rekorURL && !instance.tsaURL) {
    throw new UsageError('keyless signing needs --rekor-url or --tsa-url with --fulcio-url');
  }
  const { name: _name, ...endpoints } = instance;
  const repository = decodeClaims(token).repository;
  return {
    ...(typeof repository === 'string' ? { repository } : {}),
    options: { ...endpoints, identityToken: token },
    describe: `${instance.name} Sigstore (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ''}${instance.tsaURL ? `, TSA ${instance.tsaURL}` : ''})`,
  };
}

export const signCommand: Command = {
  name: 'sign',
  summary: 'sign an in-toto statement into a Sigstore bundle (v0.3, DSSE), keyless or with a key',
  usage:
    'sign STATEMENT [--bundle OUT] [--key key.pem] [--fulcio-url U --rekor-url U --tsa-url U] [--identity-token T]\n       attest sign --sbom BOM.cdx.json SUBJECT... [--bundle OUT] [signing flags]',
  help: [
    [
      'STATEMENT',
      'an in-toto Statement v1 JSON file (e.g. from attest provenance), or - for stdin',
    ],
    [
      '--sbom BOM',
      'sign an SBOM attestation instead: the CycloneDX BOM as predicate, over the SUBJECT files',
    ],
    [
      '--bundle OUT',
      'write the bundle to OUT (atomically; nothing is written if signing fails) instead of stdout',
    ],
    ...signHelp,
  ],
  examples: [
    'attest provenance dist/nats.wasm -o prov.json && attest sign prov.json --bundle dist/nats.wasm.sigstore.json',
    'attest sign prov.json --key cosign.key --bundle prov.sigstore.json',
    'attest sbom dist/app -o dist/app.cdx.json && attest sign --sbom dist/app.cdx.json dist/app --bundle dist/app.sbom.sigstore.json',
    'attest dev-sigstore --out .dev > .dev.env & sleep 1; . ./.dev.env; attest sign prov.json --bundle prov.sigstore.json',
  ],
  options: { bundle: { type: 'string' }, sbom: { type: 'string' }, ...signOptions },
  positionals: true,
  async run({ values, positionals }, io) {
    const sbomFile = values.sbom === undefined ? undefined : String(values.sbom);
    let file: string;
    let bytes: Buffer;
    if (sbomFile !== undefined) {
      if (positionals.length === 0)
        throw new UsageError('sign --sbom needs the SUBJECT files the SBOM describes');
      const bom = await readJson(sbomFile, io);
      if ((bom as { bomFormat?: unknown } | null)?.bomFormat !== 'CycloneDX') {
        throw new UsageError(
          `${sbomFile}: not a CycloneDX JSON BOM (bomFormat is not "CycloneDX")`,
        );
      }
      const subjects = await subjectsFromPaths(positionals.map((p) => resolve(io.cwd, p)));
      file = `an SBOM attestation of ${sbomFile}`;
      bytes = Buffer.from(JSON.stringify(sbomStatement(subjects, bom as object)));
    } else {
      if (positionals.length !== 1) throw new UsageError('sign needs exactly one STATEMENT file');
      file = positionals[0]!;
      bytes = await readBytes(file, io);
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch (err) {
        throw new UsageError(`${file}: not JSON (${(err as Error).message})`);
      }
      parseStatement(json, file);
    }
    const { options, describe, repository } = await resolveSignOptions(values, io);
    io.stderr.write(`attest sign: signing ${file} with ${describe}\n`);
    // The statement's own bytes are signed, so what was reviewed is what is signed.
    const bundle = await signStatement(bytes, options);
    const out = values.bundle === undefined ? undefined : String(values.bundle);
    if (out && out !== '-') await writeBundle(resolve(io.cwd, out), bundle);
    else await writeOutput(io, `${JSON.stringify(bundle)}\n`);
    if (out && out !== '-') io.stderr.write(`attest sign: wrote ${out}\n`);
    await storeIfAsked(bundle, values, io, repository);
    return 0;
  },
};

async function readBytes(file: string, io: CommandIO): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : await readFile(resolve(io.cwd, file));
  } catch (err) {
    throw fileError(file, err);
  }
}

async function readJson(file: string, io: CommandIO): Promise<unknown> {
  const bytes = await readBytes(file, io);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${(err as Error).message})`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
