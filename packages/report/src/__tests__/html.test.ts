import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAGE_CSS, PAGE_SCRIPT } from '../assets.js';
import { CONTENT_SECURITY_POLICY, renderHtml } from '../html.js';
import { HOSTILE, hostileModel } from './__fixtures__/model.js';

const sha = (s: string) => createHash('sha256').update(s).digest('base64');

describe('renderHtml', () => {
  const html = renderHtml(hostileModel());

  it('is one self-contained page whose CSP admits only its own style and script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'sha256-${sha(PAGE_SCRIPT)}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${sha(PAGE_CSS)}'`);
    expect(html).toContain(`<style>${PAGE_CSS}</style>`);
    expect(html).toContain(`<script>${PAGE_SCRIPT}</script>`);
    // One script, one style, nothing loaded from anywhere.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset|background|action|formaction)=/i);
    expect(html).not.toMatch(/<link\s|@import|url\((?!#)/i);
  });

  it('writes every hostile string as text', () => {
    for (const s of [HOSTILE.script, HOSTILE.img, HOSTILE.quote, HOSTILE.controls])
      expect(html).not.toContain(s);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html).toContain('red\\x1b[31m\\u{202e}gnp.exe\\x07');
    // No attribute an author's text opened: every on... is inside escaped text.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son[a-z]+=/i);
    // A javascript: link stays text; https and in-page links are links.
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain(
      'href="https://github.com/o/r/actions/runs/1" rel="noopener noreferrer"',
    );
    expect(html).toContain('href="https://search.sigstore.dev/?logIndex=42"');
    expect(html).toContain('href="#a2"');
  });

  it('shows the failure first: a banner before every section, naming each failure', () => {
    const banner = html.indexOf('Verification FAILED');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(html.indexOf('<section'));
    expect(html.slice(banner, html.indexOf('</div>', banner))).toContain('SUBJECT_MISMATCH');
    // Colour is never the only signal.
    expect(html).toContain('✗ FAILED');
    expect(html).toContain('✗ failed');
  });

  it('renders the tree as nested lists, the embedded module open and linked to its verification', () => {
    expect(html).toMatch(/<li id="a1-n2" class="embedded"><details open><summary>/);
    expect(html).toContain('verification: ✗ FAILED</a>');
    expect(html).toContain('<li id="a1-n3" class="component"><div class="leaf" tabindex="-1">');
    expect(html).toContain('href="#a1-n2">↑ shown above</a>');
  });

  it('marks claims nothing verified', () => {
    expect(html).toContain('(claim, not verified)');
  });
});
