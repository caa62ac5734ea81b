#!/usr/bin/env node
// bench/sbom: `attest sbom` against cdxgen (@cyclonedx/cdxgen, offline, no installs) on the same
// inputs, one per ecosystem (and a few large ones), in one run. Prints both times, the ratio and
// both component counts, and how many package purls the two agree on.
//
// The target (attest >= 10x faster) is judged on "attest s" against "cdxgen s":
//   attest s   `node packages/cli/bin/attest.js sbom DIR`, as a user runs it: the bin runs the
//              one-file CLI bundle `npm run build` makes (packages/cli/dist/bundle), which this
//              bench brings up to date first. JSON to stdout.
//   cdxgen s   cdxgen with its schema validation off (--no-validate: attest does not validate at
//              run time either; its tests do).
// Both: wall time, best of RUNS (5) runs, the two tools taking turns, so that load from elsewhere
// on the machine (a shared CI runner, another job) falls on both alike.
// For information: "attest dist s" (the same CLI from packages/cli/dist, ~150 modules, as
// ATTEST_NO_BUNDLE=1 runs it) and cdxgen as most people run it, validation on (one run).
// SPDX, in the same rounds: "attest spdx s" (`attest sbom DIR --format spdx-json`, SPDX 2.3)
// against "cdxgen spdx s" (`cdxgen --format spdx`: SPDX 3.0.1 JSON-LD, the only SPDX it
// writes), same flags otherwise; "spdx pkgs" counts the packages of each.
//
// cdxgen is installed on first run into bench/.work/cdxgen (gitignored). It runs with
// --no-install-deps (nothing installed), FETCH_LICENSE=false and no metadata fetching (no
// network), and --no-babel (no source usage analysis: the inputs are lockfiles only).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { attestBin, ensureCliBundle, printTable, repoRoot, timeCommand } from './_lib.mjs';

const RUNS = 5;
const work = join(repoRoot, 'bench', '.work');
const cdxgenDir = join(work, 'cdxgen');
const cdxgenBin = join(cdxgenDir, 'node_modules', '.bin', 'cdxgen');
if (!existsSync(cdxgenBin)) {
  console.error('installing @cyclonedx/cdxgen into bench/.work/cdxgen (first run only)...');
  const r = spawnSync(
    'npm',
    ['install', '--prefix', cdxgenDir, '--no-audit', '--no-fund', '@cyclonedx/cdxgen'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('npm install @cyclonedx/cdxgen failed');
}
const cdxgenVersion = JSON.parse(
  readFileSync(join(cdxgenDir, 'node_modules', '@cyclonedx', 'cdxgen', 'package.json'), 'utf8'),
).version;

const shared = join(repoRoot, '..', 'shared', 'testdata', 'lockfiles');
const gocode = '/usr/share/gocode/src/github.com/nats-io/nats-server';
// [name, ecosystem, [source files]]: each copied alone into its own folder, so both tools see
// exactly the same files and nothing else.
const inputs = [
  [
    'build-artifact package-lock.json',
    'npm',
    [join(repoRoot, 'package.json'), join(repoRoot, 'package-lock.json')],
  ],
  [
    'vite pnpm-lock.yaml',
    'npm',
    ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'].map((f) =>
      join(shared, 'npm-vite-pnpm', f),
    ),
  ],
  [
    'jest yarn.lock (berry)',
    'npm',
    ['package.json', 'yarn.lock'].map((f) => join(shared, 'npm-jest-yarn-berry', f)),
  ],
  ['Debian nats-server go.mod', 'golang', [join(gocode, 'go.mod'), join(gocode, 'go.sum')]],
  ['cosign go.mod', 'golang', ['go.mod', 'go.sum'].map((f) => join(shared, 'golang-cosign', f))],
  [
    'wasmCloud Cargo.lock',
    'cargo',
    ['Cargo.toml', 'Cargo.lock'].map((f) => join(shared, 'cargo-wasmcloud', f)),
  ],
  [
    'pydantic-ai uv.lock',
    'pypi',
    ['pyproject.toml', 'uv.lock'].map((f) => join(shared, 'pypi-pydantic-ai-uv', f)),
  ],
  [
    'textual poetry.lock',
    'pypi',
    ['pyproject.toml', 'poetry.lock'].map((f) => join(shared, 'pypi-textual-poetry', f)),
  ],
];

const env = {
  ...process.env,
  FETCH_LICENSE: 'false',
  CDXGEN_FETCH_PKG_METADATA: 'false',
  GO_FETCH_VCS: 'false',
  GOPROXY: 'off',
  GOFLAGS: '-mod=mod',
  GOTOOLCHAIN: 'local',
  CARGO_NET_OFFLINE: 'true',
  CDXGEN_DEBUG_MODE: '',
};

/** Runs the commands in turn, `runs` rounds; the best wall time of each, and its last result. */
function interleaved(commands, runs) {
  const best = commands.map(() => ({ seconds: Number.POSITIVE_INFINITY, result: undefined }));
  for (let i = 0; i < runs; i++) {
    commands.forEach(([cmd, args, env], k) => {
      const { seconds, result } = timeCommand(cmd, args, { runs: 1, env });
      best[k] = { seconds: Math.min(best[k].seconds, seconds), result };
    });
  }
  return best;
}

/** type/namespace/name@version of package purls, qualifiers dropped, decoded, lower-cased. */
function purls(components, out = new Set()) {
  for (const c of components ?? []) {
    if (c.purl?.startsWith('pkg:')) {
      out.add(decodeURIComponent(c.purl.split('?')[0].split('#')[0]).toLowerCase());
    }
    purls(c.components, out);
  }
  return out;
}

await ensureCliBundle();
const rows = [];
let slowest = Number.POSITIVE_INFINITY;
// BENCH_SBOM_ONLY=text: only the inputs whose name contains it (to look at one closely).
const only = process.env.BENCH_SBOM_ONLY?.toLowerCase();
for (const [name, ecosystem, files] of inputs) {
  if (only && !name.toLowerCase().includes(only)) continue;
  const dir = join(work, 'inputs', name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(f, join(dir, f.split('/').pop()));
  const cdxOut = join(dir, '..', `${name.replace(/[^a-z0-9]+/gi, '-')}.cdxgen.json`);
  // Both tools write their BOM to a file (-o), so neither pays for a pipe the other does not.
  const attestOut = join(dir, '..', `${name.replace(/[^a-z0-9]+/gi, '-')}.attest.json`);
  const distOut = `${attestOut}.dist.json`;
  const attestSpdxOut = `${attestOut}.spdx.json`;
  const cdxSpdxOut = `${cdxOut}.spdx.json`;
  const cdxgenArgs = ['--no-install-deps', '--no-validate', '--no-babel'];

  // attest and cdxgen take turns (CycloneDX, then SPDX), the best of RUNS runs of each kept.
  const [attest, cdx, attestSpdx, cdxSpdx] = interleaved(
    [
      [process.execPath, [attestBin, 'sbom', dir, '-o', attestOut], env],
      [
        cdxgenBin,
        [...cdxgenArgs, '--spec-version', '1.6', '-o', cdxOut, dir],
        { ...env, PWD: dir },
      ],
      [
        process.execPath,
        [attestBin, 'sbom', dir, '--format', 'spdx-json', '-o', attestSpdxOut],
        env,
      ],
      [cdxgenBin, [...cdxgenArgs, '--format', 'spdx', '-o', cdxSpdxOut, dir], { ...env, PWD: dir }],
    ],
    RUNS,
  );
  // cdxgen as most people run it: its default schema validation on (one run).
  const cdxDefault = timeCommand(
    cdxgenBin,
    ['--no-install-deps', '--spec-version', '1.6', '-o', `${cdxOut}.default.json`, dir],
    { runs: 1, env: { ...env, PWD: dir } },
  );
  // The same CLI unbundled (packages/cli/dist and ~150 modules from node_modules).
  const dist = timeCommand(process.execPath, [attestBin, 'sbom', dir, '-o', distOut], {
    runs: 3,
    env: { ...env, ATTEST_NO_BUNDLE: '1' },
  });
  const strip = (json) => json.replace(/"(serialNumber|timestamp)": "[^"]*"/g, '');
  const attestJson = readFileSync(attestOut, 'utf8');
  if (strip(readFileSync(distOut, 'utf8')) !== strip(attestJson))
    throw new Error(`${name}: the bundled and unbundled CLI disagree`);
  const ours = JSON.parse(attestJson);
  const theirs = JSON.parse(readFileSync(cdxOut, 'utf8'));
  // Third-party components, plus the first-party parts attest keeps under metadata.component
  // (cdxgen lists those among its components).
  const a = purls(ours.components);
  const firstParty = purls(ours.metadata.component.components);
  const b = purls(theirs.components);
  const common = [...a].filter((p) => b.has(p)).length;
  const theirsOnly = [...b].filter((p) => !a.has(p) && !firstParty.has(p));
  const ratio = cdx.seconds / attest.seconds;
  slowest = Math.min(slowest, ratio);
  const ourSpdx = JSON.parse(readFileSync(attestSpdxOut, 'utf8'));
  const theirSpdx = JSON.parse(readFileSync(cdxSpdxOut, 'utf8'));
  if (ourSpdx.spdxVersion !== 'SPDX-2.3') throw new Error(`${name}: attest wrote no SPDX 2.3`);
  const theirSpdxPackages = (theirSpdx['@graph'] ?? []).filter(
    (e) => e.type === 'software_Package',
  ).length;
  rows.push([
    name,
    ecosystem,
    attest.seconds.toFixed(3),
    cdx.seconds.toFixed(3),
    `${ratio.toFixed(1)}x`,
    dist.seconds.toFixed(3),
    cdxDefault.seconds.toFixed(3),
    `${(cdxDefault.seconds / attest.seconds).toFixed(1)}x`,
    ours.components.length,
    theirs.components?.length ?? 0,
    `${common}/${a.size}`,
    theirsOnly.length,
    attestSpdx.seconds.toFixed(3),
    cdxSpdx.seconds.toFixed(3),
    `${(cdxSpdx.seconds / attestSpdx.seconds).toFixed(1)}x`,
    `${ourSpdx.packages.length}/${theirSpdxPackages}`,
  ]);
  if (theirsOnly.length > 0)
    console.error(
      `${name}: only in cdxgen: ${theirsOnly.slice(0, 5).join(' ')}${theirsOnly.length > 5 ? ' ...' : ''}`,
    );
}
console.log(
  `attest sbom vs cdxgen ${cdxgenVersion} (best of ${RUNS} runs each, taking turns; wall seconds)\n`,
);
printTable(
  [
    'input',
    'ecosystem',
    'attest s',
    'cdxgen s',
    'speed-up',
    'attest dist s',
    'cdxgen default s',
    'vs default',
    'attest comps',
    'cdxgen comps',
    'attest purls in cdxgen',
    'cdxgen-only purls',
    'attest spdx s',
    'cdxgen spdx s',
    'spdx speed-up',
    'spdx pkgs (attest/cdxgen)',
  ],
  rows,
);
console.log(
  `\ntarget: "speed-up" = cdxgen s / attest s, i.e. \`attest sbom\` via bin/attest.js (the bundled CLI) against cdxgen --no-validate, both best-of-N wall time`,
);
console.log(
  `slowest speed-up: ${slowest.toFixed(1)}x (target >= 10x) ${slowest >= 10 ? 'OK' : 'BELOW TARGET'}`,
);
console.log(
  'SPDX: attest writes SPDX 2.3 JSON (--format spdx-json); cdxgen --format spdx writes SPDX 3.0.1 JSON-LD',
);
