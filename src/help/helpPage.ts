/**
 * help.html, the add-in's help page (the manifest's SupportUrl and LearnMoreUrl), rendered once at
 * build time: webpack.config.js names this module as an HtmlWebpackPlugin template, which runs its
 * default export in Node and writes the string it returns. The page is static HTML, Chinese first,
 * with no script; every rule and target comes from the core (helpCatalog.ts), so the page lists
 * exactly what the engine checks.
 */
import { SEVERITY_LABELS, type Bilingual } from "../core/labels";
import { helpRules, helpTargets, helpUnitKinds } from "./helpCatalog";

/** Text into HTML: the labels are the core's own, but nothing reaches markup unescaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Both languages of a label, Chinese first, in one cell. */
function both(label: Bilingual): string {
  return `${escapeHtml(label.zh)}<br><span class="en">${escapeHtml(label.en)}</span>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const tr = (cells: readonly string[], tag: "th" | "td") => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${tr(head, "th")}</thead><tbody>${rows.map((r) => tr(r, "td")).join("\n")}</tbody></table>`;
}

function rulesTable(): string {
  return table(
    ["规则 Rule", "名称 Name", "级别 Severity"],
    helpRules().map((r) => [`<code>${escapeHtml(r.id)}</code>`, both(r.label), both(SEVERITY_LABELS[r.severity])]),
  );
}

function targetsTable(): string {
  const kinds = helpUnitKinds();
  return table(
    ["目标 Target", ...kinds.map((k) => both(k.label))],
    helpTargets().map((t) => [`${both(t.label)}<br><code>${escapeHtml(t.id)}</code>`, ...kinds.map((k) => (t.kinds.has(k.kind) ? "✓" : "—"))]),
  );
}

/** One paragraph; its sentences are joined without spaces, as Chinese is written. */
const WHAT_THE_PANE_DOES_ZH = [
  "在 Excel 的“开始”选项卡点击“招商台账”打开任务窗格。",
  "“检查台账”检查本工作簿中各台账（项目台账、外出招商台账、客商邀请台账、例会记录）的完整性和一致性，列出每个问题及其单元格，点击即可定位；",
  "“标记”在表格中标出逾期、临近开工和有错误的单元格；",
  "“目标进度”显示各项目标任务的完成情况、得分和扣分；",
  "“设置”修改本工作簿「台账设置」工作表中的统计截止日、活动时间和分值。",
  "台账内容只在 Excel 中处理，不会发送到任何地方。",
].join("");

const STYLE = `
  body { margin: 0 auto; max-width: 60rem; padding: 16px; font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.6; color: #242424; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  .en { color: #616161; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #d1d1d1; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; }
  code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; }
`;

export default function helpPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>招商台账助手 · 帮助</title>
<style>${STYLE}</style>
</head>
<body>
<h1>招商台账助手 · 帮助<br><span class="en">Investment Ledger Assistant · Help</span></h1>

<h2>任务窗格做什么 <span class="en">What the pane does</span></h2>
<p>${WHAT_THE_PANE_DOES_ZH}</p>
<p class="en">On Excel's Home tab, choose 招商台账 (Investment ledger) to open the task pane. Check tests every ledger of the
workbook (projects, trips, invitations, meetings) for completeness and consistency and lists each problem at its cell;
click one to go there. Highlight marks overdue and due-soon starts and the cells with errors. Targets shows the progress
of each target, the score and the penalty. Settings edits the workbook's 台账设置 sheet (as-of date, campaign window,
points). The ledger never leaves Excel.</p>

<h2>检查规则 <span class="en">Rules</span></h2>
${rulesTable()}

<h2>目标任务 <span class="en">Targets</span></h2>
<p>各类单位考核的目标（✓ 为考核）。<span class="en">Which targets each kind of unit is assessed on (✓).</span></p>
${targetsTable()}
</body>
</html>
`;
}
