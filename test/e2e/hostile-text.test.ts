// Text from evidence never reaches a terminal or a workflow log raw (issue 14, points 8 and 9):
// a statement anyone can sign carries subject names with terminal escapes and workflow
// commands; `attest verify` (text, JSON, inside Actions), `attest inspect` and the verify
// action show them escaped. Property tests drive the renderers with random text; the real
// processes are run once each on the worst names.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeJson, safeText } from '@build-artifact/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../actions/common/src/summary.js';
import { formatInspected } from '../../packages/cli/src/commands/inspect.js';
import { formatTarget } from '../../packages/cli/src/render/verify.js';
import { runAction } from '../actions/runner.js';
import { runAttest, signedBundle } from '../helpers/hostile-files.js';

/** A control character, DEL, a C1 control or a reordering character. */
const RAW =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;
const startsCommand = (text: string) => text.split('\n').some((l) => l.startsWith('::'));

/** Text an attacker would write: escapes, newlines followed by workflow commands, markup. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\n::set-output name=verified::true',
    '\r\n::add-mask::x',
    '\u001b[32m✓ verified\u001b[0m',
    '\u009b2J',
    '\u202eevil',
    '::notice::hi',
    '<script>alert(1)</script>',
    '`|*_[x](javascript:1)',
  ),
  fc
    .array(fc.constantFrom('\n', '::', 'a', '\u001b', '\u0085', '\u2028', ' '), { maxLength: 12 })
    .map((a) => a.join('')),
);

const WORST =
  '\n::set-output name=verified::true\n\u001b[2K\r✓ app: verified\u001b]8;;x\u0007\u202e';

function result(name: string, text: string) {
  return {
    target: name,
    artifact: name,
    digest: { sha256: 'ab'.repeat(32) },
    verified: false,
    failure: { reason: 'SUBJECT_MISMATCH' as const, message: text, source: text },
    source: text,
    certificate: {
      subjectAlternativeName: text,
      buildSignerURI: text,
      sourceRepositoryURI: text,
      deprecatedExtensions: [],
      notBefore: '2026-01-01T00:00:00Z',
      notAfter: '2026-01-01T00:10:00Z',
    },
    timestamps: [],
    tlogEntries: [{ logIndex: text, logId: 'ab'.repeat(32), kind: text }],
    statement: { predicateType: text, subjects: [{ name: text, digest: { sha256: 'cd' } }] },
    crossChecks: [{ name: text, status: 'not-checked' as const, note: text }],
    crossChecksEnforced: false,
    attempts: [
      { source: text, verified: false },
      { source: text, verified: false },
    ],
    warnings: [text],
    uncheckedClaims: [text],
    dependencies: [
      {
        sha256: 'ef'.repeat(32),
        name: text,
        uri: text,
        recordedIn: ['sbom' as const],
        verified: false,
        error: text,
        dependencies: [],
      },
    ],
  };
}

describe('renderers escape text from evidence (property)', () => {
  it('attest verify text and JSON: no raw control character, no line starting with ::', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, text) => {
        // biome-ignore lint/suspicious/noExplicitAny: a result shaped by hand for the renderer
        const out = formatTarget(result(name, text) as any);
        expect(out).not.toMatch(RAW);
        expect(startsCommand(out)).toBe(false);
        const json = safeJson(result(name, text));
        expect(json).not.toMatch(RAW);
        expect(JSON.parse(json).failure.message).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('attest inspect, the job summary and safeText itself', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const inspected = formatInspected({
          source: text,
          kind: 'bundle',
          mediaType: text,
          statement: {
            _type: text,
            predicateType: text,
            subject: [{ name: text, digest: { sha256: text } }],
          },
          certificate: {
            subjectAlternativeName: text,
            deprecatedExtensions: [text],
            certificateIssuer: text,
            notBefore: text,
            notAfter: text,
            serialNumber: text,
          },
          errors: [text],
        });
        expect(inspected).not.toMatch(RAW);
        expect(startsCommand(inspected)).toBe(false);
        const summary = summaryMarkdown({
          title: 'Verification',
          subjects: [{ name: text, sha256: 'ab' }],
          verifications: [{ artifact: text, verified: false, detail: text }],
          signer: text,
        });
        expect(summary).not.toMatch(RAW);
        expect(startsCommand(summary)).toBe(false);
        // Markup from evidence stands only inside code spans, which render as literal text.
        const outsideCode = summary.replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*?\1/g, '');
        expect(outsideCode).not.toMatch(/<(script|img)/i);
        const line = safeText(text);
        expect(line).not.toMatch(RAW);
        expect(line).not.toContain('\n');
        expect(line.startsWith('::')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('real processes on a signed statement with hostile subject names', () => {
  let dir: string;
  let artifact: string;
  let bundle: string;
  let key: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-text-'));
    artifact = join(dir, 'app');
    await writeFile(artifact, 'the real artifact');
    // Signed for real (a key bundle), about another digest: verification fails, and the failure
    // names the statement's subjects.
    const statement = JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: WORST, digest: { sha256: '00'.repeat(32) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: WORST }, runDetails: { builder: { id: WORST } } },
    });
    const signed = signedBundle(statement);
    bundle = join(dir, 'app.sigstore.json');
    key = join(dir, 'key.pub');
    await writeFile(bundle, signed.json);
    await writeFile(key, signed.publicKey);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('attest verify, text and JSON, inside GitHub Actions', () => {
    for (const format of ['text', 'json']) {
      const env = { ...process.env, GITHUB_ACTIONS: 'true' };
      const r = spawnSync(
        process.execPath,
        [
          join(import.meta.dirname, '../../packages/cli/bin/attest.js'),
          'verify',
          artifact,
          '--key',
          key,
          '--format',
          format,
        ],
        { encoding: 'utf8', env },
      );
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain('SUBJECT_MISMATCH');
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toMatch(RAW);
        expect(startsCommand(out)).toBe(false);
      }
      // The forged "✓ app: verified" shows only inside the quoted, escaped subject name.
      if (format === 'text') expect(r.stdout).not.toMatch(/^\s*✓/m);
    }
  });

  it('attest inspect', () => {
    const r = runAttest(['inspect', bundle]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\n::set-output');
    expect(r.stdout).not.toMatch(RAW);
    expect(startsCommand(r.stdout)).toBe(false);
  });

  it('the verify action: no workflow command but its own, no raw escape', async () => {
    const run = await runAction('verify', { inputs: { artifacts: artifact, key }, cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs.results!)[0].failure.reason).toBe('SUBJECT_MISMATCH');
    expect(run.outputs.verified).toBe('false');
    const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    for (const c of commands) expect(c).toMatch(/^::(group|endgroup|error|debug|warning)::/);
    expect(run.stdout).not.toMatch(/^::set-output/m);
    expect(run.stdout).not.toMatch(RAW);
    expect(run.summary).not.toMatch(RAW);
  });
});
