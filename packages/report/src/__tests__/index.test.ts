import { describe, expect, it } from 'vitest';
import * as report from '../index.js';

// An accidental removal from the public API fails here.
describe('public API', () => {
  it('exports every public name', () => {
    expect(Object.keys(report).sort()).toEqual(
      [
        'CONTENT_SECURITY_POLICY',
        'MAX_MERMAID_NODES',
        'escapeHtml',
        'layoutGraph',
        'markdownCode',
        'markdownText',
        'mermaidLabel',
        'renderGraphSvg',
        'renderHtml',
        'renderMarkdown',
        'renderMermaid',
        'safeHref',
      ].sort(),
    );
  });
});
