import type { TreeNode } from '@build-artifact/report';
import { describe, expect, it } from 'vitest';
import {
  cyclonedxParts,
  MAX_TREE_DEPTH,
  MAX_TREE_ENTRIES,
  sbomView,
  spdxParts,
} from '../report-sbom.js';

const WASM_SHA = 'a'.repeat(64);

/** The shape `attest sbom` writes for a CLI embedding a Go wasm module. */
const CLI_BOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: {
    component: {
      type: 'application',
      name: 'embedding-cli',
      'bom-ref': 'root:embedding-cli',
      components: [
        { type: 'application', name: 'embedding-cli', 'bom-ref': 'first-party:Cargo.lock#cli' },
      ],
    },
  },
  components: [
    {
      type: 'library',
      name: 'anyhow',
      version: '1.0.0',
      'bom-ref': 'pkg:cargo/anyhow@1.0.0',
      purl: 'pkg:cargo/anyhow@1.0.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
    {
      type: 'library',
      name: 'wasmtime',
      version: '20.0.0',
      'bom-ref': 'pkg:cargo/wasmtime@20.0.0',
      purl: 'pkg:cargo/wasmtime@20.0.0',
      licenses: [{ expression: 'Apache-2.0 WITH LLVM-exception' }],
    },
    {
      type: 'application',
      name: 'embedding-cli#wasm@4096',
      'bom-ref': 'embedding-cli#wasm@4096',
      hashes: [{ alg: 'SHA-256', content: WASM_SHA }],
      properties: [{ name: 'build-artifact:binary.format', value: 'wasm' }],
      components: [
        {
          type: 'library',
          name: 'github.com/nats-io/nats-server/v2',
          version: 'v2.9.10',
          'bom-ref': 'embedding-cli#wasm@4096|pkg:golang/github.com/nats-io/nats-server/v2@v2.9.10',
          purl: 'pkg:golang/github.com/nats-io/nats-server/v2@v2.9.10',
        },
        {
          type: 'library',
          name: 'github.com/nats-io/jwt/v2',
          version: 'v2.3.0',
          'bom-ref': 'embedding-cli#wasm@4096|pkg:golang/github.com/nats-io/jwt/v2@v2.3.0',
          purl: 'pkg:golang/github.com/nats-io/jwt/v2@v2.3.0',
        },
      ],
    },
  ],
  dependencies: [
    { ref: 'root:embedding-cli', dependsOn: ['first-party:Cargo.lock#cli'] },
    {
      ref: 'first-party:Cargo.lock#cli',
      dependsOn: ['pkg:cargo/anyhow@1.0.0', 'pkg:cargo/wasmtime@20.0.0'],
    },
    { ref: 'pkg:cargo/wasmtime@20.0.0', dependsOn: ['pkg:cargo/anyhow@1.0.0'] },
    { ref: 'pkg:cargo/anyhow@1.0.0', dependsOn: [] },
  ],
};

function find(node: TreeNode, name: string, out: TreeNode[] = []): TreeNode[] {
  if (node.name === name) out.push(node);
  for (const c of node.children) find(c, name, out);
  return out;
}

describe('sbomView', () => {
  const view = sbomView(cyclonedxParts(CLI_BOM)!, 'cli.sbom.sigstore.json', true, {
    idPrefix: 'a1',
    verificationOf: (sha) => (sha === WASM_SHA ? { href: '#a2', verdict: 'verified' } : undefined),
  });

  it('counts components by ecosystem and licence, binaries and the root aside', () => {
    expect(view.format).toBe('CycloneDX 1.6');
    expect(view.componentCount).toBe(5);
    expect(view.ecosystems).toEqual({ cargo: 2, golang: 2, 'first-party': 1 });
    expect(view.licences).toEqual([
      { licence: 'none recorded', count: 3 },
      { licence: 'Apache-2.0 WITH LLVM-exception', count: 1 },
      { licence: 'MIT', count: 1 },
    ]);
  });

  it('shows each component in full once, later mentions pointing back', () => {
    const anyhow = find(view.tree, 'anyhow');
    expect(anyhow).toHaveLength(2);
    expect(anyhow[0]!.repeatOf).toBeUndefined();
    expect(anyhow[1]!.repeatOf).toBe(anyhow[0]!.id);
  });

  it('hangs the embedded module under the artifact with its Go modules, linked to its verification', () => {
    const wasm = view.tree.children.find((c) => c.kind === 'embedded')!;
    expect(wasm).toMatchObject({
      sha256: WASM_SHA,
      verification: { href: '#a2', verdict: 'verified' },
    });
    expect(wasm.children.map((c) => [c.name, c.ecosystem, c.relation])).toEqual([
      ['github.com/nats-io/nats-server/v2', 'golang', 'contains'],
      ['github.com/nats-io/jwt/v2', 'golang', 'contains'],
    ]);
  });

  it('bounds depth and size for a crafted SBOM', () => {
    const n = MAX_TREE_DEPTH + 50;
    const chain = {
      bomFormat: 'CycloneDX',
      metadata: { component: { name: 'root', 'bom-ref': 'c0' } },
      components: Array.from({ length: n }, (_, i) => ({
        name: `c${i + 1}`,
        'bom-ref': `c${i + 1}`,
      })),
      dependencies: Array.from({ length: n }, (_, i) => ({
        ref: `c${i}`,
        dependsOn: [`c${i + 1}`],
      })),
    };
    const deep = sbomView(cyclonedxParts(chain)!, 's', false, { idPrefix: 'x' });
    let depth = 0;
    for (let node = deep.tree; node.children.length; node = node.children[0]!) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_TREE_DEPTH);
    expect(deep.omitted).toBeGreaterThan(0);
    const wide = {
      bomFormat: 'CycloneDX',
      metadata: { component: { name: 'root', 'bom-ref': 'r' } },
      components: Array.from({ length: MAX_TREE_ENTRIES + 10 }, (_, i) => ({
        name: `p${i}`,
        'bom-ref': `p${i}`,
      })),
    };
    const big = sbomView(cyclonedxParts(wide)!, 's', false, { idPrefix: 'y' });
    expect(big.tree.children.length).toBeLessThan(MAX_TREE_ENTRIES);
    expect(big.omitted).toBeGreaterThanOrEqual(10);
  });

  it('reads SPDX 2.3: the described package as root, DEPENDS_ON and CONTAINS', () => {
    const parts = spdxParts({
      spdxVersion: 'SPDX-2.3',
      name: 'doc',
      packages: [
        { SPDXID: 'SPDXRef-app', name: 'app', versionInfo: '1.0' },
        {
          SPDXID: 'SPDXRef-lodash',
          name: 'lodash',
          versionInfo: '4.17.21',
          licenseConcluded: 'MIT',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:npm/lodash@4.17.21',
            },
          ],
        },
      ],
      relationships: [
        {
          spdxElementId: 'SPDXRef-DOCUMENT',
          relationshipType: 'DESCRIBES',
          relatedSpdxElement: 'SPDXRef-app',
        },
        {
          spdxElementId: 'SPDXRef-app',
          relationshipType: 'DEPENDS_ON',
          relatedSpdxElement: 'SPDXRef-lodash',
        },
      ],
    })!;
    const v = sbomView(parts, 's', undefined, { idPrefix: 'z' });
    expect(v.format).toBe('SPDX-2.3');
    expect(v.tree.name).toBe('app');
    expect(v.tree.children.map((c) => [c.name, c.ecosystem, c.licences])).toEqual([
      ['lodash', 'npm', ['MIT']],
    ]);
    expect(v.ecosystems).toEqual({ npm: 1 });
  });
});
