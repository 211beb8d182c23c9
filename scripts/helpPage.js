/**
 * The add-in's help page is the user guide: docs/使用说明.md rendered to help.html when an add-in is
 * built, the same page for Excel (webpack.config.js: the manifest's SupportUrl and LearnMoreUrl)
 * and WPS (webpack.wps.js: the 帮助 button). The page is static HTML with no script, under a strict
 * Content-Security-Policy; the pictures and files the guide links are copied beside it under ASCII
 * names (release zips keep ASCII entry names), other docs it links (表头用词.md) become pages of
 * their own when they exist, and links to what the site does not hold (the README) keep their
 * words and lose the link.
 *
 * Markdown is rendered with marked, which is an ES module only, while webpack's configuration is
 * CommonJS and is also run inside jest (test/build.test.ts), where neither require() of an ES module
 * nor import() works: renderHelpPage.mjs renders in a Node process of its own, with the functions
 * of this module.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { MIME } = require("./release/deploy");

const ROOT = path.resolve(__dirname, "..");
const DOCS = path.join(ROOT, "docs");
const RENDERER = path.join(__dirname, "renderHelpPage.mjs");
const GUIDE = path.join(DOCS, "使用说明.md");

/** The docs that become pages, by source: the guide is required, the others ship when they exist. */
const PAGES = [
  { source: GUIDE, page: "help.html" },
  { source: path.join(DOCS, "表头用词.md"), page: "header-words.html" },
];
/** Files the guide links whose names are not ASCII, and the names they ship under. */
const ASCII_NAMES = { "台账模板.xlsx": "ledger-template.xlsx" };
/** What the site may hold besides pages: the repository's assets folder. */
const ASSETS = path.join(ROOT, "assets");
/**
 * The kinds of file the site may hold: those the release's server configurations give a type
 * (scripts/release/deploy.js). A linked file of another kind (the template, .xlsx) keeps its words
 * and ships when its type is added there.
 */
const SERVED = new Set(MIME.map(([ext]) => `.${ext}`));

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";
const STYLE = `
  body { margin: 0 auto; max-width: 60rem; padding: 16px 20px; font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Segoe UI", sans-serif; font-size: 14px; line-height: 1.7; color: #242424; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #e0e0e0; } h3 { font-size: 1.1rem; margin-top: 1.8rem; } h4 { font-size: 1rem; margin-bottom: 0.3rem; }
  table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
  th, td { border: 1px solid #d1d1d1; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; }
  code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 3px; }
  pre { background: #f3f3f3; padding: 8px; overflow-x: auto; } pre code { padding: 0; }
  img { max-width: 100%; border: 1px solid #e0e0e0; }
  img[src*="screenshot-"] { width: 300px; }
  a { color: #0f6cbd; }
`;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/**
 * A heading's anchor as GitHub makes it, so that the guide's own links work on GitHub and in the
 * page alike: lower case, punctuation and symbols dropped, each space a hyphen.
 */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Pages that ship: those whose source exists. */
function shippedPages() {
  return PAGES.filter((p) => fs.existsSync(p.source));
}

/**
 * Where a link of a doc leads in the built site: a page, a copied file, or nowhere (null: keep the
 * words, drop the link). Anchors and absolute URLs are left as written.
 */
function siteTarget(href, fromFile) {
  if (/^(#|[a-z][a-z0-9+.-]*:)/i.test(href)) return { href, file: null };
  const [rawPath, hash] = href.split("#");
  const target = path.resolve(path.dirname(fromFile), decodeURIComponent(rawPath));
  const page = shippedPages().find((p) => p.source === target);
  if (page) return { href: hash ? `${page.page}#${hash}` : page.page, file: null };
  if (path.dirname(target) === ASSETS && SERVED.has(path.extname(target).toLowerCase()) && fs.existsSync(target)) {
    const name = path.basename(target);
    const shipped = ASCII_NAMES[name] ?? name;
    if (!/^[\x21-\x7e]+$/.test(shipped)) throw new Error(`${path.relative(ROOT, fromFile)} links ${name}: give it an ASCII name in scripts/helpPage.js`);
    return { href: `assets/${shipped}`, file: { from: target, to: `assets/${shipped}` } };
  }
  return null;
}

/** Every local file a doc links or shows (found before rendering, for the copy patterns). */
function linkedFiles(markdown, fromFile) {
  const files = new Map();
  for (const m of markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const t = siteTarget(m[1], fromFile);
    if (t && t.file) files.set(t.file.to, t.file);
  }
  return [...files.values()];
}

/**
 * marked's renderer for a doc: anchors on headings as GitHub makes them, links and pictures pointed
 * at the built site (or reduced to their words), and no markup of the doc's own but its comments
 * (the generated blocks' markers), which go.
 */
function rendererFor(fromFile) {
  const seen = new Map();
  return {
    heading({ tokens, depth, text }) {
      let id = slug(text.replace(/\\(.)/g, "$1"));
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n > 0) id = `${id}-${n}`;
      return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    link({ href, title, tokens }) {
      const words = this.parser.parseInline(tokens);
      const t = siteTarget(href, fromFile);
      if (!t) return words;
      return `<a href="${escapeHtml(t.href)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${words}</a>`;
    },
    image({ href, text }) {
      const t = siteTarget(href, fromFile);
      if (!t || !t.file) return escapeHtml(text);
      return `<img src="${escapeHtml(t.href)}" alt="${escapeHtml(text)}">`;
    },
    html({ text }) {
      return /^\s*<!--[\s\S]*-->\s*$/.test(text) ? "" : escapeHtml(text);
    },
  };
}

/** The page around a doc's rendered body: its title (the doc's first heading), the CSP, the style. */
function pageShell(markdown, body) {
  const h1 = /^# (.+)$/m.exec(markdown);
  const title = h1 ? h1[1].trim() : "招商台账助手";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)} · 招商台账助手</title>
<style>${STYLE}</style>
</head>
<body>
${body}</body>
</html>
`;
}

/** A doc (a file of docs/) as its help page, rendered by renderHelpPage.mjs. */
function renderPage(sourceFile) {
  return execFileSync(process.execPath, [RENDERER, sourceFile], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/**
 * copy-webpack-plugin patterns that put the help beside an add-in's pages: each doc rendered to its
 * page, and every file the docs link.
 */
function helpCopyPatterns() {
  const pages = shippedPages();
  const files = new Map();
  for (const p of pages) for (const f of linkedFiles(fs.readFileSync(p.source, "utf8"), p.source)) files.set(f.to, f);
  return [
    ...pages.map((p) => ({
      from: p.source,
      to: p.page,
      transform: { transformer: () => Buffer.from(renderPage(p.source)) },
      // Shipped as rendered: small, read by people, and parsed as written by the build tests.
      info: { minimized: true },
    })),
    ...[...files.values()].map((f) => ({ from: f.from, to: f.to })),
  ];
}

module.exports = { helpCopyPatterns, pageShell, rendererFor, renderPage, slug, GUIDE };
