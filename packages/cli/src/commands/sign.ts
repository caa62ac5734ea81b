import { resolve } from 'node:path';
import { fileError, readRegularFile, writeFileAtomic } from '@build-artifact/core';
import { type Command, type CommandIO, stringFlag, UsageError } from '../command.js';
import { writeOutput } from '../output.js';
import { signHelp, signingRequest, signOptions, storeRequest } from '../sign-flags.js';

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
      'sign an SBOM attestation instead: the SBOM (CycloneDX or SPDX) as predicate, over the SUBJECT files',
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
    const sbomFile = stringFlag(values, 'sbom');
    const { signAttestation } = await import('@build-artifact/pipeline');
    let subject: Parameters<typeof signAttestation>[0]['subject'];
    if (sbomFile !== undefined) {
      if (positionals.length === 0)
        throw new UsageError('sign --sbom needs the SUBJECT files the SBOM describes');
      const bytes = await readBytes(sbomFile, io);
      let sbom: unknown;
      try {
        sbom = JSON.parse(bytes.toString('utf8'));
      } catch (err) {
        throw new UsageError(`${sbomFile}: not JSON (${(err as Error).message})`);
      }
      if (typeof sbom !== 'object' || sbom === null)
        throw new UsageError(`${sbomFile}: not a JSON object`);
      subject = {
        sbom,
        source: sbomFile,
        subjects: { paths: positionals.map((p) => resolve(io.cwd, p)) },
      };
    } else {
      if (positionals.length !== 1) throw new UsageError('sign needs exactly one STATEMENT file');
      const file = positionals[0]!;
      subject = { statement: await readBytes(file, io), source: file };
    }
    const result = await signAttestation(
      { subject, signing: signingRequest(values), ...storeRequest(values, io) },
      {
        cwd: io.cwd,
        env: io.env,
        onProgress: (e) => {
          if (e.step === 'sign') io.stderr.write(`attest sign: ${e.message}\n`);
        },
      },
    );
    const out = stringFlag(values, 'bundle');
    const text = `${JSON.stringify(result.bundle)}\n`;
    if (out && out !== '-') {
      await writeFileAtomic(resolve(io.cwd, out), text);
      io.stderr.write(`attest sign: wrote ${out}\n`);
    } else await writeOutput(io, text);
    if (result.attestationId !== undefined)
      io.stderr.write(
        `attest sign: stored in the GitHub attestations API (id ${result.attestationId})\n`,
      );
    return 0;
  },
};

/** A statement or SBOM to sign is at most this big (GitHub refuses predicates over 16 MiB). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

async function readBytes(file: string, io: CommandIO): Promise<Buffer> {
  if (file !== '-') return readRegularFile(resolve(io.cwd, file), { maxBytes: MAX_INPUT_BYTES });
  try {
    return await readStdin();
  } catch (err) {
    throw fileError(file, err);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
