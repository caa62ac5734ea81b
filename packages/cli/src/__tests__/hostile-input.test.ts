// Hostile input given to the built `attest` binary, run as a user runs it: whatever the file,
// the answer is exit 2, one line naming it and saying what is wrong, no stack trace, within
// seconds and within memory. Each run has a deadline and a memory ceiling (runAttest), so a
// regression fails here instead of hanging the suite or taking the machine's memory.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_JSON_DEPTH, MAX_JSON_DOCUMENTS } from '@build-artifact/core';
import { OciLayout, pushFile } from '@build-artifact/oci';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRun,
  deepStatement,
  makeFifo,
  manyJsonLines,
  releaseFifos,
  runAttest,
  signedBundle,
} from '../../../../test/helpers/hostile-files.js';

let dir: string;
let artifact: string;
let sha: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-hostile-'));
  artifact = join(dir, 'app.bin');
  await writeFile(artifact, 'the artifact');
  sha = createHash('sha256').update('the artifact').digest('hex');
});
afterEach(() => releaseFifos());
afterAll(() => rm(dir, { recursive: true, force: true }));

const IDENTITY = [
  '--certificate-identity',
  'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main',
  '--certificate-oidc-issuer',
  'https://token.actions.githubusercontent.com',
];

/** Exit 2 with exactly `message` for `command`: one line, no stack, no internal error. */
function expectRefused(run: CliRun, command: string, message: string): void {
  expect(run.signal, 'killed: it hung or ran out of memory').toBeNull();
  expect(run.stderr).toBe(`attest ${command}: ${message}\n`);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
}

describe('point 10: files that are not regular files', () => {
  it('an oci-layout whose index.json is a FIFO', async () => {
    const layout = join(dir, 'fifo-layout');
    await pushFile(new OciLayout(layout), artifact, { tag: 'v1' });
    await rm(join(layout, 'index.json'));
    const index = makeFifo(join(layout, 'index.json'));
    expectRefused(
      runAttest(['verify', `oci-layout:${layout}:v1`, ...IDENTITY]),
      'verify',
      `${index}: is a named pipe (FIFO), not a regular file`,
    );
  });

  it('an oci-layout whose manifest links to /dev/zero', async () => {
    const layout = join(dir, 'zero-layout');
    const pushed = await pushFile(new OciLayout(layout), artifact, { tag: 'v1' });
    const blob = join(layout, 'blobs', 'sha256', pushed.descriptor.digest.slice(7));
    await rm(blob);
    await symlink('/dev/zero', blob);
    const message = `${blob}: is a character device, not a regular file`;
    expectRefused(
      runAttest(['pull', `oci-layout:${layout}:v1`, '-o', join(dir, 'zero-out')]),
      'pull',
      message,
    );
    expectRefused(runAttest(['verify', `oci-layout:${layout}:v1`, ...IDENTITY]), 'verify', message);
  });

  it('a FIFO given as --bundle, and one beside the artifact', async () => {
    const fifo = makeFifo(join(dir, 'bundle.fifo'));
    expectRefused(
      runAttest(['verify', artifact, '--bundle', fifo, ...IDENTITY]),
      'verify',
      `${fifo}: is a named pipe (FIFO), not a regular file`,
    );
    const beside = makeFifo(`${artifact}.sigstore.json`);
    try {
      expectRefused(
        runAttest(['inspect', artifact]),
        'inspect',
        `${beside}: is a named pipe (FIFO), not a regular file`,
      );
    } finally {
      await rm(beside);
    }
  });
  it('a FIFO named Cargo.lock, given and found in a directory', async () => {
    const project = join(dir, 'fifo-project');
    await mkdir(project);
    const lock = makeFifo(join(project, 'Cargo.lock'));
    const message = `${lock}: is a named pipe (FIFO), not a regular file`;
    expectRefused(runAttest(['sbom', lock]), 'sbom', message);
    // A directory's walk takes regular files only: the FIFO is passed over, not waited on.
    const walked = runAttest(['sbom', project]);
    expect(walked.signal, 'killed: it hung').toBeNull();
    expect(walked.stderr).toBe(`attest sbom: warning: ${project}: no supported lockfile found\n`);
  });

  it('a FIFO named go.sum beside a go.mod', async () => {
    const module = join(dir, 'fifo-go');
    await mkdir(module);
    await writeFile(join(module, 'go.mod'), 'module example.com/a\n\ngo 1.22\n');
    const sum = makeFifo(join(module, 'go.sum'));
    expectRefused(
      runAttest(['sbom', join(module, 'go.mod')]),
      'sbom',
      `${sum}: is a named pipe (FIFO), not a regular file`,
    );
  });
});

describe('point 11: JSON that overflows the stack', () => {
  it('a bundle file of 130,000 JSON lines', async () => {
    const many = join(dir, 'many.jsonl');
    await writeFile(many, manyJsonLines(130_000));
    const message = `${many}: more than ${MAX_JSON_DOCUMENTS} JSON documents (line ${MAX_JSON_DOCUMENTS + 1}); at most ${MAX_JSON_DOCUMENTS} are read from one file`;
    expectRefused(
      runAttest(['verify', artifact, '--bundle', many, ...IDENTITY]),
      'verify',
      message,
    );
    expectRefused(runAttest(['inspect', many]), 'inspect', message);
    const sidecar = `${artifact}.intoto.jsonl`;
    await writeFile(sidecar, manyJsonLines(130_000));
    try {
      expectRefused(runAttest(['inspect', artifact]), 'inspect', message.replaceAll(many, sidecar));
    } finally {
      await rm(sidecar);
    }
  });

  it('a validly signed bundle whose predicate nests 100,000 deep', async () => {
    // The same bundle made with a shallow predicate verifies: only the depth is refused.
    const shallow = signedBundle(deepStatement(sha, 3));
    await writeFile(join(dir, 'shallow.sigstore.json'), shallow.json);
    await writeFile(join(dir, 'shallow.pub.pem'), shallow.publicKey);
    const verified = runAttest([
      'verify',
      artifact,
      '--bundle',
      join(dir, 'shallow.sigstore.json'),
      '--key',
      join(dir, 'shallow.pub.pem'),
    ]);
    expect(verified.status, verified.stderr).toBe(0);

    const bundle = signedBundle(deepStatement(sha, 100_000));
    const path = join(dir, 'deep.sigstore.json');
    const key = join(dir, 'deep.pub.pem');
    await writeFile(path, bundle.json);
    await writeFile(key, bundle.publicKey);
    const message = `${path}: the DSSE payload nests deeper than ${MAX_JSON_DEPTH} levels`;
    expectRefused(runAttest(['inspect', path]), 'inspect', message);
    expectRefused(runAttest(['inspect', path, '--format', 'json']), 'inspect', message);
    expectRefused(
      runAttest(['verify', artifact, '--bundle', path, '--key', key]),
      'verify',
      message,
    );
  });
});
