/**
 * What a built help.html must be, for the Excel add-in (test/build.test.ts) and the WPS one
 * (test/wps/build.test.ts) alike: the user guide, Chinese, with every rule of the catalog and what
 * it means and how to fix it, every target with its requirement and the kinds of unit assessed on
 * it, no script, and every picture, file and in-page link it holds present in the built site.
 */
import * as fs from "fs";
import * as path from "path";
import { targetRequiredOf, targetRequirement } from "../../src/core/bulletin";
import { TARGET_LABELS, UNIT_KIND_LABELS } from "../../src/core/labels";
import type { TargetId } from "../../src/core/result";
import { RULE_IDS, RULES } from "../../src/core/rules/catalog";
import type { UnitKind } from "../../src/core/values/types";

const GUIDE = fs.readFileSync(path.join(__dirname, "../../docs/使用说明.md"), "utf8");

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** An HTML fragment's words, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/\s+/g, " ")
    .trim();
}

/** Table rows as HTML (minified pages may omit optional end tags), and a row's cells as text. */
const rowsOf = (html: string) => html.split(/<tr>/).slice(1).map((r) => r.split(/<\/tr>|<\/tbody>|<\/table>/)[0]);
const cellsOf = (row: string) => row.split(/<t[dh]>/).slice(1).map((c) => textOf(c));

/** The guide's own headings, in order, as they read. */
const guideHeadings = () => [...GUIDE.matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1].replace(/`/g, "").replace(/\\(.)/g, "$1").trim());

export function helpPageSuite(page: () => string, siteDir: string): void {
  test("is the user guide: Chinese, every heading of docs/使用说明.md in its order, no script, a strict CSP", () => {
    const html = page();
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'"`);
    const headings = [...html.matchAll(/<h[1-4] id="[^"]*">([\s\S]*?)<\/h[1-4]>/g)].map((m) => textOf(m[1]));
    expect(headings).toEqual(guideHeadings());
    expect(headings.length).toBeGreaterThan(RULE_IDS.length);
  });

  test("lists every rule of the catalog: its Chinese name before its English one, its severity, what it means and how to fix it", () => {
    const html = page();
    const rows = rowsOf(html);
    const words = textOf(html);
    for (const id of RULE_IDS) {
      const row = rows.find((r) => r.includes(`<code>${id}</code>`));
      expect([id, row !== undefined]).toEqual([id, true]);
      const cells = textOf(row!);
      const [zh, en] = [RULES[id].zh.title, RULES[id].en.title];
      expect([id, cells.indexOf(zh) >= 0, cells.indexOf(zh) < cells.indexOf(en)]).toEqual([id, true, true]);
      expect([id, cells.includes(RULES[id].severity === "error" ? "错误" : "警告")]).toEqual([id, true]);
      expect([id, words.includes(RULES[id].zh.description), words.includes(RULES[id].zh.fix)]).toEqual([id, true, true]);
    }
  });

  test("shows each target's requirement and, per kind of unit, whether (and how often) it is assessed", () => {
    const rows = rowsOf(page());
    const kinds = Object.keys(UNIT_KIND_LABELS) as UnitKind[];
    for (const id of Object.keys(TARGET_LABELS) as TargetId[]) {
      const row = rows.find((r) => r.includes(`<code>${id}</code>`));
      expect([id, row !== undefined]).toEqual([id, true]);
      const [label, , requirement, ...perKind] = cellsOf(row!);
      expect([id, label, requirement]).toEqual([id, TARGET_LABELS[id].zh, targetRequirement(id).zh]);
      expect([id, perKind]).toEqual([id, kinds.map((k) => targetRequiredOf(id, k, "zh") || "—")]);
    }
  });

  test("every picture and file it shows or links is in the site, and every in-page link has its heading", () => {
    const html = page();
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/<(?:img\s[^>]*src|a\s[^>]*href)="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    const local = targets.filter((t) => !t.startsWith("#"));
    expect(local.filter((t) => /^[a-z]+:|^\/|\.\./i.test(t))).toEqual([]);
    expect(local.filter((t) => !fs.existsSync(path.join(siteDir, t)))).toEqual([]);
    expect(targets.filter((t) => t.startsWith("#") && !ids.has(t.slice(1)))).toEqual([]);
    expect(html).toMatch(/<img src="assets\/screenshot-pane\.png"/);
  });
}
