import { describe, expect, it } from 'vitest';
import { MAX_MERMAID_NODES, renderMarkdown, renderMermaid } from '../markdown.js';
import { HOSTILE, hostileModel } from './__fixtures__/model.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(hostileModel());

  it('has the verdict, each artifact, its digest, level, log link, SBOM counts and checks', () => {
    expect(md).toContain('❌ **Verification FAILED**: 1 of 1 artifacts failed.');
    expect(md).toContain(`| SHA-256 | \`sha256:${'a'.repeat(64)}\` |`);
    expect(md).toContain('| SLSA | **Build L3**:');
    expect(md).toContain('| Log entry | [42](https://search.sigstore.dev/?logIndex=42) |');
    expect(md).toMatch(/\| SBOM \| 2 components: .+ 2 \|/);
    // The signer facts the summary shows, found by their role whatever their label.
    expect(md).toMatch(/\| Signer \| `[^`]+` \|/);
    expect(md).toContain('| Run | [run](https://github.com/o/r/actions/runs/1) |');
    expect(md).not.toContain('not in the summary');
    // A row per check, the failed one with its reason code.
    expect(md).toContain('| Subject | ❌ **failed** `SUBJECT_MISMATCH` |');
  });

  it('keeps evidence inert: no raw HTML, links or table breaks from it', () => {
    // Code spans are literal; outside them no markup from evidence is left.
    const outside = md.replace(/(`+)[^`]*?\1/g, '');
    for (const s of Object.values(HOSTILE)) expect(outside).not.toContain(s);
    expect(outside).not.toMatch(/<(script|img|svg)/i);
    expect(md).not.toContain('](https://evil.example/)');
    expect(md).not.toContain('javascript:');
    // Every table row has the cells it declares: no `|` from evidence splits one.
    for (const line of md.split('\n').filter((l) => l.startsWith('| Subject |')))
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  });

  it('draws the chain as Mermaid, labels entity-coded', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1];
    expect(block).toBeDefined();
    expect(block).toMatch(/^flowchart LR$/m);
    expect(block).toContain('n0 -->|embeds| n1');
    expect(block).toContain('n1 -.->|contains| n2');
    expect(block).toContain('#60;script#62;');
    for (const label of block!.match(/\["[^"]*"\]|\("[^"]*"\)/g) ?? [])
      expect(label.slice(2, -2)).not.toMatch(/[<>`[\]"]/);
    expect(block).toContain('class n0,n1 failed');
  });

  it('bounds the diagram', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({
      id: `g${i}`,
      label: `m${i}`,
      kind: 'module' as const,
    }));
    const out = renderMermaid({ nodes, edges: [] });
    expect(out.match(/\bn\d+\("/g)).toHaveLength(MAX_MERMAID_NODES);
    expect(out).toContain(`#43;${200 - MAX_MERMAID_NODES} more`);
  });
});
