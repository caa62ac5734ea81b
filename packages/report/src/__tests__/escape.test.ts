import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownCode, markdownText, mermaidLabel, safeHref } from '../escape.js';

describe('escapeHtml', () => {
  it('leaves no markup and shows controls as escapes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
    expect(escapeHtml('a\u001b[31mb\u202ec\n')).toBe('a\\x1b[31mb\\u{202e}c\\n');
  });
});

describe('safeHref', () => {
  it('allows in-page anchors and https URLs only', () => {
    expect(safeHref('#a1-n2')).toBe('#a1-n2');
    expect(safeHref('https://search.sigstore.dev/?logIndex=1')).toBe(
      'https://search.sigstore.dev/?logIndex=1',
    );
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      'http://example.com/',
      'https://user:pw@example.com/',
      '//evil.example/',
      'report.html',
      '#"><script>',
    ])
      expect(safeHref(bad), bad).toBeUndefined();
  });
});

describe('markdown', () => {
  it('makes text inert: no links, emphasis, HTML, table cells or autolinks', () => {
    const t = markdownText('[x](https://e.example) **b** <i>|</i> `c` @me www.e.example');
    expect(t).not.toMatch(/(^|[^\\])\[|<i>|(^|[^\\])\*\*|\|/);
    expect(t).toContain('\\[x\\]');
    expect(t).toContain('&lt;i&gt;');
    expect(t).toContain('https:<span></span>//');
    expect(t).toContain('<span></span>@me');
    expect(t).toContain('www<span></span>.');
  });

  it('puts code in a span no backtick inside can end', () => {
    expect(markdownCode('plain')).toBe('`plain`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
    expect(markdownCode('\u001b')).toBe('`\\x1b`');
  });
});

describe('mermaidLabel', () => {
  it('writes anything but plain characters as entity codes', () => {
    expect(mermaidLabel('nats-server.wasm')).toBe('nats-server.wasm');
    expect(mermaidLabel('a"]:::x\n<b>#')).toBe('a#34;#93;:::x#92;n#60;b#62;#35;');
    expect(mermaidLabel('a--b')).toBe('a-#45;b');
    expect([...mermaidLabel('x'.repeat(100), 10)].length).toBeLessThan(20);
  });
});
