/**
 * The compiler proves the rule catalog complete and every rule's parameters consistent: each
 * case plants one mistake in the core's real sources (in memory) and type-checks the core with
 * tsconfig.core.json, as `npm run typecheck` does. A case passes only if the compiler refuses it.
 */
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const CORE = path.join(ROOT, "src/core");

const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "src/core/tsconfig.json"), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  },
})!;

let previous: ts.Program | undefined;

/** The core's diagnostics with `file` (relative to src/core) changed by `plant`; each as "file: message". */
function diagnosticsWith(file: string | null, plant: (text: string) => string): string[] {
  const planted = file === null ? null : path.join(CORE, file);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = readFile(name);
    if (text === undefined || planted === null || path.resolve(name) !== planted) return text;
    const changed = plant(text);
    if (changed === text) throw new Error(`the plant changed nothing in ${file}`);
    return changed;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, oldProgram: previous });
  previous = program;
  // A plant is looked for where it must be refused (its own file and the catalog); the whole core once, unplanted.
  const files = planted === null ? undefined : [planted, path.join(CORE, "rules/catalog.ts")].map((f) => program.getSourceFile(f)!);
  const diagnostics = files ? files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]) : ts.getPreEmitDiagnostics(program);
  return diagnostics.map((d) => `${d.file ? path.relative(CORE, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

const replaceOnce = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
};

describe("the rule catalog's compile-time guarantees", () => {
  it("compiles as it is, without DOM, Office or Node types", () => {
    expect(diagnosticsWith(null, (t) => t)).toEqual([]);
  });

  it("refuses a rule id without a definition", () => {
    const found = diagnosticsWith("findings.ts", replaceOnce(`| "invalid-verification";`, `| "invalid-verification"\n  | "planted-rule";`));
    expect(found.some((d) => d.startsWith("rules/catalog.ts:") && d.includes("planted-rule"))).toBe(true);
  });

  it("refuses a definition without a check", () => {
    const check = `  check: (r) => ((r.stage === "started" || r.stage === "completed") && !has(r, "actualStart") ? { field: "actualStart", params: NO_PARAMS } : null),\n`;
    const found = diagnosticsWith("rules/projects.ts", replaceOnce(check, ""));
    expect(found.some((d) => d.startsWith("rules/projects.ts:") && d.includes("'check'"))).toBe(true);
  });

  it("refuses a definition filed under another rule's id", () => {
    const found = diagnosticsWith("rules/catalog.ts", replaceOnce(`"start-due-soon": startDueSoon,`, `"start-due-soon": overdueStart,`));
    expect(found.some((d) => d.startsWith("rules/catalog.ts:"))).toBe(true);
  });

  it("refuses a check that misspells a message parameter", () => {
    const found = diagnosticsWith("rules/projects.ts", replaceOnce(`params: { planned: day(r, "plannedStart"), asOf:`, `params: { planed: day(r, "plannedStart"), asOf:`));
    expect(found.some((d) => d.startsWith("rules/projects.ts:") && d.includes("planed"))).toBe(true);
  });

  it("refuses a template that reads a parameter its check does not give", () => {
    const found = diagnosticsWith("rules/projects.ts", replaceOnce("`计划开工日期 ${p.planned} 已过", "`计划开工日期 ${p.planed} 已过"));
    expect(found.some((d) => d.startsWith("rules/projects.ts:") && d.includes("planed"))).toBe(true);
  });
});
