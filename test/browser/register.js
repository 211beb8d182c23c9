/*
 * Lets node run the browser test's TypeScript directly (node -r ./test/browser/register.js …):
 * TypeScript only strips the types here, as in jest; `npx tsc --noEmit -p .` checks them.
 */
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};
