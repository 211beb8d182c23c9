/**
 * The rooms of src/ and what each may import (docs/architecture.md, "Who may import what").
 * Every import form is checked — import and export … from, import(), require(), import("x")
 * types — so that the boundary holds for types too:
 *  - core imports nothing outside itself: no package, no Node builtin, no other room;
 *  - the adapters (excel, wps, functions, cli) never import one another;
 *  - host (what every spreadsheet host shares with the pane and the functions) imports core only;
 *  - the pane picks a host adapter at start-up, so it may import excel and wps, never functions or cli;
 *  - only cli runs on Node: the other rooms run in a webview and import no Node builtin.
 */
const path = require("path");
const { builtinModules } = require("module");

/** For each room: the rooms it may import besides itself, and whether it may import packages and Node builtins. */
const ROOMS = {
  core: { rooms: [], packages: false, node: false },
  host: { rooms: ["core"], packages: true, node: false },
  excel: { rooms: ["host", "core"], packages: true, node: false },
  wps: { rooms: ["host", "core"], packages: true, node: false },
  functions: { rooms: ["host", "core"], packages: true, node: false },
  taskpane: { rooms: ["host", "excel", "wps", "core"], packages: true, node: false },
  cli: { rooms: ["core"], packages: true, node: true },
};

const NODE_BUILTINS = new Set(builtinModules);

/** The room a path lies in ("core" for src/core/rules/x.ts), null outside src, "" for a file directly in src. */
function roomOf(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : "";
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0]);
}

/** Why `from` may not import `specifier`, or null. */
function violation(file, specifier, srcDir) {
  const from = roomOf(file, srcDir);
  if (from === null) return null;
  const rules = ROOMS[from];
  if (!rules) return `src/${from} is no room of docs/architecture.md: add it to eslint/rooms.js with what it may import`;
  if (specifier.startsWith(".")) {
    const to = roomOf(path.resolve(path.dirname(file), specifier), srcDir);
    if (to === null) return `src/${from} may not import from outside src (${specifier})`;
    if (to === from || rules.rooms.includes(to)) return null;
    return `src/${from} may not import src/${to} (${specifier}); it may import ${["itself", ...rules.rooms.map((r) => `src/${r}`)].join(", ")}`;
  }
  if (!rules.packages) return `src/${from} imports nothing outside itself, not ${specifier}`;
  if (isNodeBuiltin(specifier) && !rules.node) return `src/${from} runs outside Node and may not import the Node builtin ${specifier}`;
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Keep each room of src/ to the imports docs/architecture.md allows" },
    schema: [{ type: "object", properties: { srcDir: { type: "string" } }, additionalProperties: false }],
  },
  create(context) {
    const srcDir = path.resolve(context.options[0]?.srcDir ?? path.join(context.cwd, "src"));
    const file = context.filename;
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const why = violation(file, source.value, srcDir);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments.length === 1) check(node, node.arguments[0]);
      },
    };
  },
};

module.exports = { rules: { rooms: rule } };
