// The one entry of the shared action bundle (actions/dist/index.js). Each action's compiled
// main is imported lazily, so ncc splits them into chunks and code they share (the packages,
// @actions/core, sigstore) is emitted once; actions/dist/<name>.js only calls run('<name>').
const actions = {
  'all-in-one': () => import('../actions/all-in-one/lib/index.js'),
  attest: () => import('../actions/attest/lib/index.js'),
  hash: () => import('../actions/hash/lib/index.js'),
  provenance: () => import('../actions/provenance/lib/index.js'),
  push: () => import('../actions/push/lib/index.js'),
  sbom: () => import('../actions/sbom/lib/index.js'),
  verify: () => import('../actions/verify/lib/index.js'),
};

export const names = Object.keys(actions);

/** Runs one action: importing its main runs it (each main awaits runAction at top level). */
export async function run(name) {
  const load = actions[name];
  if (!load) throw new Error(`unknown action "${name}"`);
  await load();
}
