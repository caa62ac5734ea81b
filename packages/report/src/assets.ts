// The page's own style and script, inline (the page is one file that opens from disk or a CI
// artifact, with no network). The Content-Security-Policy admits exactly these two by hash, so
// no markup or script that an artifact's author wrote could run even if it reached the page.

export const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--accent:#0969da;--okbg:#dafbe1;--badbg:#ffebe9;--warnbg:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--accent:#4493f8;--okbg:#12261e;--badbg:#25171c;--warnbg:#272115}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code,.mono{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5em}
.skip:focus{left:.5em;z-index:10}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:16px}
h1{font-size:1.6em;margin:.3em 0}
h2{font-size:1.3em;margin:0 0 .4em;overflow-wrap:anywhere}
h3{font-size:1.05em;margin:1.2em 0 .4em}
.meta{color:var(--muted);font-size:.9em}
.verdict{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.verdict.verified{border-left-color:var(--ok);background:var(--okbg)}
.verdict.failed{border-left-color:var(--bad);background:var(--badbg)}
.verdict.signed{border-left-color:var(--accent);background:var(--panel)}
.verdict p{margin:.2em 0}
.verdict ul{margin:.3em 0;padding-left:1.2em}
.badge{display:inline-block;font-size:.8em;font-weight:600;border-radius:1em;padding:0 .6em;border:1px solid currentColor;white-space:nowrap;vertical-align:middle}
.badge.verified,.status.passed{color:var(--ok)}
.badge.failed,.status.failed{color:var(--bad)}
.badge.signed{color:var(--accent)}
.status.warning{color:var(--warn)}
.status.not-checked{color:var(--muted)}
.status{font-weight:600;white-space:nowrap}
nav.toc ol{padding-left:1.4em;margin:.4em 0}
nav.toc li{margin:.15em 0;overflow-wrap:anywhere}
section{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0;background:var(--bg)}
section.failed{border-color:var(--bad)}
section:target{outline:3px solid var(--accent)}
.failure{border-left:4px solid var(--bad);background:var(--badbg);padding:.5em .8em;margin:.5em 0;overflow-wrap:anywhere}
.parent{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:.4em 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.claim{color:var(--warn);font-size:.85em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{border-bottom:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--panel)}
tr.failed td{background:var(--badbg)}
td.num,th.num{text-align:right;white-space:nowrap}
ul.plain{padding-left:1.2em;margin:.3em 0}
ul.plain li{overflow-wrap:anywhere}
.graph{overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:var(--panel);padding:4px}
svg.chain{display:block;max-width:none;font:12px system-ui,sans-serif}
svg.chain rect{fill:var(--bg);stroke:var(--line);stroke-width:1.5}
svg.chain .verified rect{stroke:var(--ok)}
svg.chain .failed rect{stroke:var(--bad);stroke-width:2.5;stroke-dasharray:6 3}
svg.chain .artifact rect{stroke-width:2.5}
svg.chain text{fill:var(--fg)}
svg.chain text.sub{fill:var(--muted);font-size:11px}
svg.chain .edge{fill:none;stroke:var(--muted);stroke-width:1.5}
svg.chain .edge.contains{stroke-dasharray:2 3}
svg.chain .edge.built-from{stroke-dasharray:7 4}
svg.chain marker path{fill:var(--muted)}
svg.chain a:focus rect{stroke:var(--accent);stroke-width:3}
.legend{color:var(--muted);font-size:.85em}
.tree .tools{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:.4em 0}
.tree input[type=search]{flex:1 1 16em;min-width:0;font:inherit;padding:.3em .5em;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.tree button{font:inherit;padding:.25em .7em;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);cursor:pointer}
.tree-status{color:var(--muted);font-size:.9em}
.tree ul{list-style:none;margin:0;padding-left:1.1em;border-left:1px dotted var(--line)}
.tree>ul{padding-left:0;border-left:0}
.tree li{margin:.1em 0}
.tree summary{cursor:pointer;overflow-wrap:anywhere}
.tree .leaf{padding-left:1.05em;overflow-wrap:anywhere}
.tree .ver{color:var(--muted)}
.tree .eco,.tree .rel,.tree .lic{font-size:.78em;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .3em;margin-left:.3em;white-space:nowrap}
.tree .embedded>details>summary .name,.tree .embedded>.leaf .name{font-weight:600}
.tree .first-party .name{font-style:italic}
.tree .repeat{color:var(--muted);font-size:.85em}
.tree.searching li:not(.hit):not(.on-path){display:none}
.tree li.hit>details>summary .label,.tree li.hit>.leaf .label{background:var(--warnbg);outline:1px solid var(--warn)}
footer{color:var(--muted);font-size:.9em;padding-bottom:24px;overflow-wrap:anywhere}
@media (max-width:640px){body{font-size:14px}header,main,footer{padding:0 10px}section{padding:10px}dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:.3em}th,td{padding:.25em .3em}}
@media print{body{font-size:11pt;color:#000;background:#fff}.skip,.tree .tools,nav.toc{display:none}section{break-inside:auto;border-color:#999}h2,h3{break-after:avoid}.graph{overflow:visible;border:0}svg.chain{max-width:100%;height:auto}a{color:#000}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}.verdict,.failure,tr.failed td{background:none}}
`;

// ES2017, no modules, no eval, nothing fetched: it only adds behaviour to the markup above.
export const PAGE_SCRIPT = `
'use strict';
(function () {
  var doc = document;
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function openAncestors(el) {
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  }
  function visible(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }

  each(doc.querySelectorAll('.tree'), function (tree) {
    var input = tree.querySelector('input[type="search"]');
    var status = tree.querySelector('.tree-status');
    var items = tree.querySelectorAll('li');
    var texts = null;
    var timer = 0;
    function search() {
      var q = input.value.trim().toLowerCase();
      if (!texts) {
        texts = [];
        each(items, function (li) {
          var label = li.querySelector('.label');
          texts.push(label ? (label.textContent + ' ' + (label.getAttribute('title') || '')).toLowerCase() : '');
        });
      }
      // The tree's class changes, and is applied (reading offsetWidth), before the rows' do:
      // Chromium then restyles only the rows that change; restyled together, a tree of 15,000
      // rows takes seconds.
      if (q === '') tree.classList.remove('searching');
      else tree.classList.add('searching');
      void tree.offsetWidth;
      each(tree.querySelectorAll('li.hit, li.on-path'), function (li) { li.classList.remove('hit', 'on-path'); });
      if (q === '') { status.textContent = ''; return; }
      var hits = 0;
      for (var i = 0; i < items.length; i++) {
        if (texts[i].indexOf(q) < 0) continue;
        var li = items[i];
        li.classList.add('hit');
        hits++;
        for (var p = li.parentElement; p && p !== tree; p = p.parentElement) {
          if (p.tagName === 'DETAILS') p.open = true;
          if (p.tagName === 'LI') { if (p.classList.contains('on-path')) break; p.classList.add('on-path'); }
        }
      }
      status.textContent = hits === 1 ? '1 component matches' : hits + ' components match';
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 120); });
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(timer); search(); } });
    each(tree.querySelectorAll('button[data-open]'), function (b) {
      b.addEventListener('click', function () {
        var open = b.getAttribute('data-open') === 'true';
        each(tree.querySelectorAll('details'), function (d) { d.open = open; });
      });
    });
    // Arrow keys move between the rows shown; right opens, left closes or goes to the parent.
    tree.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t.tagName !== 'SUMMARY' && !t.classList.contains('leaf')) return;
      var rows = Array.prototype.filter.call(tree.querySelectorAll('summary, .leaf'), visible);
      var i = rows.indexOf(t);
      var details = t.tagName === 'SUMMARY' ? t.parentElement : null;
      if (e.key === 'ArrowDown' && i >= 0 && i + 1 < rows.length) rows[i + 1].focus();
      else if (e.key === 'ArrowUp' && i > 0) rows[i - 1].focus();
      else if (e.key === 'ArrowRight' && details && !details.open) details.open = true;
      else if (e.key === 'ArrowLeft' && details && details.open) details.open = false;
      else if (e.key === 'ArrowLeft') {
        var up = t.closest('li').parentElement.closest('li');
        var s = up && up.querySelector(':scope > details > summary');
        if (s) s.focus();
      } else return;
      e.preventDefault();
    });
  });

  // A link into a closed part of a tree opens it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el) return;
    openAncestors(el);
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  if (location.hash) reveal();

  // Printing shows what is folded, except trees too long for paper.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    each(doc.querySelectorAll('details:not([open])'), function (d) {
      var tree = d.closest('.tree');
      if (tree && tree.querySelectorAll('li').length > 2000) return;
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  doc.documentElement.classList.add('js');
})();
`;
