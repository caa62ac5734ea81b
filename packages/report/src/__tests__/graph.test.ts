import { describe, expect, it } from 'vitest';
import { layoutGraph, renderGraphSvg } from '../graph.js';

describe('layoutGraph', () => {
  it('puts each node one layer right of its deepest parent', () => {
    const l = layoutGraph({
      nodes: [
        { id: 'cli', label: 'cli', kind: 'artifact' },
        { id: 'wasm', label: 'wasm', kind: 'embedded' },
        { id: 'jwt', label: 'jwt', kind: 'module' },
        { id: 'src', label: 'src', kind: 'source' },
      ],
      edges: [
        { from: 'cli', to: 'wasm', relation: 'embeds' },
        { from: 'wasm', to: 'jwt', relation: 'contains' },
        { from: 'cli', to: 'src', relation: 'built from' },
        { from: 'wasm', to: 'src', relation: 'built from' },
      ],
    });
    const layer = Object.fromEntries(l.nodes.map((n) => [n.id, n.layer]));
    expect(layer).toEqual({ cli: 0, wasm: 1, jwt: 2, src: 2 });
    expect(l.width).toBeGreaterThan(3 * 240);
  });

  it('survives a cycle a forged record could make', () => {
    const l = layoutGraph({
      nodes: [
        { id: 'a', label: 'a', kind: 'artifact' },
        { id: 'b', label: 'b', kind: 'embedded' },
      ],
      edges: [
        { from: 'a', to: 'b', relation: 'embeds' },
        { from: 'b', to: 'a', relation: 'embeds' },
      ],
    });
    expect(l.nodes).toHaveLength(2);
    expect(renderGraphSvg({ nodes: l.nodes, edges: l.edges })).toContain('<svg');
  });
});
