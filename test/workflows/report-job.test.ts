// build-artifact.yml's report job, its steps chained as the job chains them: the script that
// puts each file's bundles beside it (from the attestations artifact's flat folder) and lists
// the files, the verify action's run() with that list and `report`, and the step that links the
// uploaded page from the job summary. The bundles are made for real by the attest flow.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attest, DEMO_REPOSITORY, DEMO_SIGNER_WORKFLOW } from '@build-artifact/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as verifyAction } from '../../actions/verify/src/main.ts';
import { repoRoot } from '../actions/runner.ts';
import { type Signing, startSigning } from '../helpers/attested.ts';
import { findStep, runStep } from './run-step.ts';

const workflow = parse(
  await readFile(path.join(repoRoot, '.github/workflows/build-artifact.yml'), 'utf8'),
);

describe('report job', () => {
  let tmp: string;
  let signing: Signing;
  const saved = { ...process.env };

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'report-job-'));
    signing = await startSigning(tmp);
  });
  afterAll(async () => {
    process.env = saved;
    await signing?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('verifies the downloaded files with their bundles, writes the page and links it', async () => {
    const subjects = path.join(tmp, 'subjects');
    const attestations = path.join(tmp, 'attestations');
    const reportDir = path.join(tmp, 'report');
    await mkdir(subjects);
    for (const name of ['app-linux', 'app.wasm'])
      await writeFile(path.join(subjects, name), `${name} bytes\n`);
    const { dev } = signing;
    // As the attest job does: one provenance over all, an SBOM each, sidecars in one folder.
    await attest(
      {
        artifacts: { directory: subjects },
        sbom: { inputs: [path.join(repoRoot, 'examples', 'node-app')] },
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
        sidecars: { directory: attestations },
      },
      { cwd: tmp, env: { ...process.env, ...dev.env() } },
    );

    const files = await runStep(
      findStep(workflow, 'report', 'files').run!,
      { SUBJECTS: subjects, ATTESTATIONS: attestations, REPORT_DIR: reportDir },
      tmp,
    );
    expect(files.stderr).toBe('');
    expect(files.status).toBe(0);
    const list = files.outputs.list!.split('\n').filter(Boolean);
    expect(list).toEqual([path.join(subjects, 'app-linux'), path.join(subjects, 'app.wasm')]);
    expect((await readdir(subjects)).sort()).toEqual([
      'app-linux',
      'app-linux.sbom.sigstore.json',
      'app-linux.sigstore.json',
      'app.wasm',
      'app.wasm.sbom.sigstore.json',
      'app.wasm.sigstore.json',
    ]);

    // The verify step, with the inputs the job gives it (and the local Sigstore's root).
    const summary = path.join(tmp, 'summary.md');
    await writeFile(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    process.env.GITHUB_OUTPUT = path.join(tmp, 'action-output');
    await writeFile(process.env.GITHUB_OUTPUT, '');
    const report = path.join(reportDir, 'report.html');
    const results = await verifyAction({
      request: {
        targets: list,
        policy: {
          repo: DEMO_REPOSITORY,
          signerWorkflow: DEMO_SIGNER_WORKFLOW,
          requireSbom: true,
        },
        trust: { trustedRoot: signing.trustedRoot },
      },
      token: '',
      report,
    });
    expect(results.map((r) => r.verified)).toEqual([true, true]);
    const html = await readFile(report, 'utf8');
    expect(html).toContain('all 2 artifacts passed every check');
    expect(await readFile(summary, 'utf8')).toContain('```mermaid');

    const link = await runStep(
      findStep(workflow, 'report', 'Link the report from the job summary').run!,
      {
        REPORT_URL: 'https://github.com/o/r/actions/runs/1/artifacts/2',
        RUN_ARTIFACTS: 'https://github.com/o/r/actions/runs/1#artifacts',
        GITHUB_STEP_SUMMARY: summary,
      },
      tmp,
    );
    expect(link.status).toBe(0);
    expect(await readFile(summary, 'utf8')).toContain(
      "**[HTML report](https://github.com/o/r/actions/runs/1/artifacts/2)**: one self-contained page (download, unzip, open report.html in a browser), also on [the run's artifacts page](https://github.com/o/r/actions/runs/1#artifacts).",
    );
  }, 120_000);
});
