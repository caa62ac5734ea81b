import { stat } from 'node:fs/promises';
import { safeJson, safeText } from '@build-artifact/core';
import type { Evidence, InspectedEvidence } from '@build-artifact/verify';
import { type Command, UsageError } from '../command.js';
import { outputFormat } from '../output.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'decode and print a bundle, statement or certificate without verifying it',
  usage: 'inspect BUNDLE|ARTIFACT... [--format text|json]',
  help: [
    ['BUNDLE', 'a Sigstore bundle or in-toto statement (JSON or JSON lines)'],
    ['ARTIFACT', 'a file: the bundles beside it are inspected'],
    ['--format FORMAT', 'text (default) or json (one object per bundle, one per line)'],
  ],
  examples: [
    'attest inspect dist/app.wasm.sigstore.json',
    'attest inspect dist/app.wasm --format json',
  ],
  options: { format: { type: 'string', default: 'text' } },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('inspect needs a BUNDLE or an ARTIFACT');
    const format = outputFormat(values.format);
    const v = await import('@build-artifact/verify');
    const { CoreError, fileError } = await import('@build-artifact/core');
    for (const arg of positionals) {
      const size = await stat(arg).then(
        (st) => st.size,
        (err) => {
          throw fileError(arg, err);
        },
      );
      let evidence: Evidence[] | undefined;
      // Files larger than any evidence file are artifacts: they are not read as text.
      if (size <= v.MAX_EVIDENCE_FILE_BYTES) {
        try {
          const parsed = await v.readEvidence(arg);
          if (parsed.every((e) => typeof e.json === 'object' && e.json !== null)) evidence = parsed;
        } catch (err) {
          // Not JSON: an artifact. JSON beyond the limits, or no regular file: said as it is.
          const notJson =
            err instanceof v.VerifyError &&
            err.cause instanceof CoreError &&
            err.cause.code === 'INVALID_JSON';
          if (!notJson) throw err;
        }
      }
      if (evidence === undefined) {
        const files = await v.findEvidenceFiles(arg);
        if (files.length === 0)
          throw new UsageError(
            `${arg} is not a bundle, and no bundle was found beside it (${v.EVIDENCE_SUFFIXES.join(', ')})`,
          );
        evidence = [];
        for (const f of files) for (const e of await v.readEvidence(f)) evidence.push(e);
      }
      for (const e of evidence) {
        const inspected = v.inspectEvidence(e);
        io.stdout.write(
          format === 'json' ? `${safeJson(inspected)}\n` : formatInspected(inspected),
        );
      }
    }
    return 0;
  },
};

// Everything inspect shows comes from the bundle, unverified: every value is escaped.
function row(label: string, value: unknown): string {
  return value === undefined || value === ''
    ? ''
    : `  ${label.padEnd(15)}${safeText(String(value))}\n`;
}

export function formatInspected(x: InspectedEvidence): string {
  let out = `${safeText(x.source)}: ${x.kind}${x.mediaType ? ` (${safeText(String(x.mediaType))})` : ''}\n`;
  out += row('content', x.content);
  out += row('signed with', x.signedWith);
  out += row('payload type', x.payloadType);
  const st = x.statement as
    | {
        _type?: string;
        predicateType?: string;
        subject?: { name?: string; digest?: Record<string, string> }[];
        predicate?: {
          buildDefinition?: {
            buildType?: string;
            externalParameters?: unknown;
            resolvedDependencies?: unknown;
          };
          runDetails?: { builder?: { id?: string }; metadata?: { invocationId?: string } };
        };
      }
    | undefined;
  if (st) {
    out += row('statement', st._type);
    out += row('predicate type', st.predicateType);
    for (const s of st.subject ?? [])
      out += row(
        'subject',
        `${s.name ?? '(unnamed)'} ${Object.entries(s.digest ?? {})
          .map(([a, h]) => `${a}:${h}`)
          .join(' ')}`,
      );
    out += row('build type', st.predicate?.buildDefinition?.buildType);
    out += row('builder id', st.predicate?.runDetails?.builder?.id);
    out += row('invocation', st.predicate?.runDetails?.metadata?.invocationId);
    if (st.predicate?.buildDefinition?.externalParameters)
      out += row('external', JSON.stringify(st.predicate.buildDefinition.externalParameters));
    if (st.predicate?.buildDefinition?.resolvedDependencies)
      out += row(
        'resolved deps',
        JSON.stringify(st.predicate.buildDefinition.resolvedDependencies),
      );
  }
  if (x.messageDigest)
    out += row('message digest', `${x.messageDigest.algorithm} ${x.messageDigest.digest}`);
  const c = x.certificate;
  if (c) {
    out += '  certificate:\n';
    for (const [k, val] of Object.entries(c)) {
      if (k === 'deprecatedExtensions') {
        if ((val as string[]).length)
          out += `    ${'(from deprecated .1-.6)'.padEnd(36)}${safeText((val as string[]).join(', '))}\n`;
        continue;
      }
      if (val !== undefined) out += `    ${k.padEnd(36)}${safeText(String(val))}\n`;
    }
  }
  out += row('key hint', x.publicKeyHint);
  for (const t of x.tlogEntries ?? [])
    out += row(
      'tlog entry',
      `index ${t.logIndex} ${t.kind ?? ''} at ${t.integratedTime ?? '?'}; proof ${t.inclusionProof ? 'yes' : 'no'}, checkpoint ${t.checkpoint ? 'yes' : 'no'}, SET ${t.inclusionPromise ? 'yes' : 'no'}`,
    );
  for (const t of x.rfc3161Timestamps ?? [])
    out += row('timestamp', t.time ?? `unreadable: ${t.error}`);
  for (const e of x.errors) out += row('problem', e);
  return out;
}
