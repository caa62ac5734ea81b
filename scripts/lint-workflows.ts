// Our workflow policy, on top of actionlint: pinning, least privilege, no expression spliced
// into a script. Runs under plain `node scripts/lint-workflows.ts` (Node >= 22.18 strips the
// types) and from test/workflows/lint.test.ts.
//
//   node scripts/lint-workflows.ts            # every workflow and action.yml of the repository
//
// Exit 0 when clean, 1 with one `file:line: rule: message` line per finding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';

export type PolicyRule =
  | 'yaml'
  | 'unpinned-action'
  | 'missing-version-comment'
  | 'top-level-permissions'
  | 'job-permissions'
  | 'permission-comment'
  | 'id-token'
  | 'expression-in-run'
  | 'strict-mode';

export interface Finding {
  file: string;
  line: number;
  rule: PolicyRule;
  message: string;
}

/**
 * The only jobs allowed `id-token: write`, each because it signs: `attest` (our attestations),
 * `vsa` (the verification summaries of what was published) and `publish-npm` (npm publishes
 * with trusted publishing and signs npm's provenance of the package with the job's token).
 * Callers of a local reusable workflow pass it on.
 */
const SIGNING_JOBS: ReadonlySet<string> = new Set(['attest', 'vsa', 'publish-npm']);
const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+){0,2}\b/;
const STRICT_MODE = 'set -euo pipefail';

interface Source {
  file: string;
  lines: string[];
  counter: LineCounter;
}

function lineOf(src: Source, node: unknown): number {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? src.counter.linePos(range[0]).line : 1;
}

function rawLine(src: Source, line: number): string {
  return src.lines[line - 1] ?? '';
}

function parse(
  text: string,
  file: string,
): { src: Source; root: YAMLMap | null; errors: Finding[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: true });
  const src = { file, lines: text.split('\n'), counter };
  const errors = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? 1,
    rule: 'yaml' as const,
    message: e.message.split('\n')[0]!,
  }));
  const root = isMap(doc.contents) ? doc.contents : null;
  if (!root && errors.length === 0) {
    errors.push({ file, line: 1, rule: 'yaml', message: 'top level is not a mapping' });
  }
  return { src, root, errors };
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function checkUses(src: Source, node: Scalar, out: Finding[]): void {
  const value = String(node.value).trim();
  // Local actions and workflows come from this commit; docker:// images are out of scope here.
  if (value.startsWith('./') || value.startsWith('docker://')) return;
  const line = lineOf(src, node);
  if (!SHA_PIN.test(value)) {
    out.push({
      file: src.file,
      line,
      rule: 'unpinned-action',
      message: `"${value}" is not pinned by a full 40-hex commit SHA`,
    });
    return;
  }
  if (!VERSION_COMMENT.test(rawLine(src, line))) {
    out.push({
      file: src.file,
      line,
      rule: 'missing-version-comment',
      message: `"${value}" has no "# vX.Y.Z" comment naming the pinned release`,
    });
  }
}

function checkRun(src: Source, node: Scalar, shell: string, out: Finding[]): void {
  const script = String(node.value);
  const line = lineOf(src, node);
  const expr = /\$\{\{([^}]*)\}\}/.exec(script);
  if (expr) {
    out.push({
      file: src.file,
      line: line + script.slice(0, expr.index).split('\n').length - (node.type === 'PLAIN' ? 1 : 0),
      rule: 'expression-in-run',
      message: `expression "\${{${expr[1]}}}" is spliced into a run: script; pass it through env: (UNTRUSTED_*)`,
    });
  }
  if (shell === 'bash') {
    const first = script.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (first?.trim() !== STRICT_MODE) {
      out.push({
        file: src.file,
        line,
        rule: 'strict-mode',
        message: `run: script does not start with "${STRICT_MODE}"`,
      });
    }
  }
}

function checkSteps(src: Source, steps: unknown, defaultShell: string, out: Finding[]): void {
  if (!isSeq(steps)) return;
  for (const step of steps.items) {
    const uses = get(step, 'uses');
    if (isScalar(uses)) checkUses(src, uses, out);
    const run = get(step, 'run');
    if (isScalar(run)) {
      const shell = get(step, 'shell');
      checkRun(src, run, isScalar(shell) ? String(shell.value) : defaultShell, out);
    }
  }
}

function isReadOnly(perms: unknown): boolean {
  if (isMap(perms)) {
    return perms.items.every(
      (p) => isScalar(p.value) && ['read', 'none'].includes(String(p.value.value)),
    );
  }
  return isScalar(perms) && String(perms.value) === 'read-all';
}

/** Policy findings for one workflow file's text. */
export function checkWorkflow(text: string, file: string): Finding[] {
  const { src, root, errors } = parse(text, file);
  if (!root) return errors;
  const out = [...errors];
  const top = root.get('permissions', true);
  if (top === undefined || !isReadOnly(top)) {
    out.push({
      file,
      line: top ? lineOf(src, top) : 1,
      rule: 'top-level-permissions',
      message: 'top-level permissions must be {} or read-only; grant more per job',
    });
  }
  const runShell = get(get(get(root, 'defaults'), 'run'), 'shell');
  const defaultShell = isScalar(runShell) ? String(runShell.value) : 'bash';
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return out;
  for (const pair of jobs.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const job = pair.value;
    const jobLine = lineOf(src, pair.key);
    const perms = get(job, 'permissions');
    const calls = get(job, 'uses');
    if (isScalar(calls)) checkUses(src, calls, out);
    if (perms === undefined) {
      out.push({
        file,
        line: jobLine,
        rule: 'job-permissions',
        message: `job "${name}" declares no permissions (it would get the caller's defaults)`,
      });
    } else if (isScalar(perms)) {
      if (String(perms.value) !== 'read-all') {
        out.push({
          file,
          line: lineOf(src, perms),
          rule: 'job-permissions',
          message: `job "${name}" has permissions "${perms.value}"; list each permission with its reason`,
        });
      }
    } else if (isMap(perms)) {
      for (const p of perms.items) {
        const key = String(isScalar(p.key) ? p.key.value : p.key);
        const value = isScalar(p.value) ? String(p.value.value) : '';
        const line = lineOf(src, p.key);
        if (value !== 'none' && !/#\s*Needed\b/.test(rawLine(src, line))) {
          out.push({
            file,
            line,
            rule: 'permission-comment',
            message: `job "${name}": "${key}: ${value}" has no "# Needed to ..." comment`,
          });
        }
        const callsLocalWorkflow =
          isScalar(calls) && String(calls.value).startsWith('./.github/workflows/');
        if (
          key === 'id-token' &&
          value === 'write' &&
          !SIGNING_JOBS.has(name) &&
          !callsLocalWorkflow
        ) {
          out.push({
            file,
            line,
            rule: 'id-token',
            message: `job "${name}" has id-token: write; only a signing job (${[...SIGNING_JOBS].join(', ')}) may sign`,
          });
        }
      }
    }
    checkSteps(src, get(job, 'steps'), defaultShell, out);
  }
  return out;
}

/** Policy findings for one action.yml (composite steps; node actions have nothing to check). */
export function checkAction(text: string, file: string): Finding[] {
  const { src, root, errors } = parse(text, file);
  if (!root) return errors;
  const out = [...errors];
  checkSteps(src, get(get(root, 'runs'), 'steps'), 'bash', out);
  return out;
}

/** Every workflow and action metadata file this repository ships, relative to `root`. */
export function workflowFiles(root: string): { workflows: string[]; actions: string[] } {
  const dir = path.join(root, '.github', 'workflows');
  const workflows = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join('.github', 'workflows', f));
  const actions = ['action.yml'].filter((f) => exists(path.join(root, f)));
  for (const name of readdirSync(path.join(root, 'actions')).sort()) {
    const file = path.join('actions', name, 'action.yml');
    if (exists(path.join(root, file))) actions.push(file);
  }
  return { workflows, actions };
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function lintRepository(root: string): Finding[] {
  const { workflows, actions } = workflowFiles(root);
  return [
    ...workflows.flatMap((f) => checkWorkflow(readFileSync(path.join(root, f), 'utf8'), f)),
    ...actions.flatMap((f) => checkAction(readFileSync(path.join(root, f), 'utf8'), f)),
  ];
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.rule}: ${f.message}`;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const findings = lintRepository(root);
  for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
