/**
 * Lint: ESLint's and typescript-eslint's recommended rules plus the Office add-in rules of
 * eslint-plugin-office-addins (load before read, sync after load, no sync in loops …). The
 * plugin's own `recommended` config is not spread here: it registers a second copy of the
 * @typescript-eslint plugin (which flat config refuses) and makes Prettier formatting an error.
 *
 * The rooms of src/ and what each may import are the project's own rule (eslint/rooms.js), and
 * TypeScript files are linted with their types, for promises nobody awaits.
 */
const js = require("@eslint/js");
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");
const rooms = require("./eslint/rooms");

const NODE_GLOBALS = { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" };

module.exports = [
  // release/ holds what `npm run release` built (minified bundles among it), not sources.
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "release/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Chinese text uses the ideographic space (U+3000) on purpose, in templates as in strings.
  { rules: { "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }] } },
  // A leading underscore marks a parameter that an interface requires but this code does not use.
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: __dirname } },
    rules: { "no-eval": "error", "@typescript-eslint/no-floating-promises": "error" },
  },
  { files: ["src/**/*.{ts,tsx}"], plugins: { zsledger: rooms }, rules: { "zsledger/rooms": "error" } },
  // The Office.js rules read any `.value` or `.name` as a proxy property: they apply where Office.js
  // is used, not to ExcelJS cells in the command line and its tests.
  {
    files: ["src/excel/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "test/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["*.js", "eslint/*.js", "scripts/**/*.js", "test/**/*.js", "test/security/*.ts"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // The pane's watchdog: an ES5 script for the oldest webview (src/taskpane/boot.js).
  {
    files: ["src/taskpane/boot.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
  },
  // Served to the browser test's page in place of office.js.
  {
    files: ["test/browser/officeStub.js"],
    languageOptions: { sourceType: "script", globals: { window: "readonly", document: "readonly", setTimeout: "readonly" } },
  },
];
