/** Where the package's own files are, found from this module (src/cli or dist/cli alike), never from the cwd. */
import * as fs from "fs";
import * as path from "path";

/**
 * Set only in the standalone executable's bundle (scripts/release/cli.webpack.config.js): the
 * package's version, built in. There every module is one file, the executable itself (or the
 * bundle beside it), so the package's files are looked for next to that file.
 */
declare const ZSLEDGER_STANDALONE_VERSION: string | undefined;
const STANDALONE_VERSION = typeof ZSLEDGER_STANDALONE_VERSION === "string" ? ZSLEDGER_STANDALONE_VERSION : undefined;

const PACKAGE_ROOT = STANDALONE_VERSION !== undefined ? path.dirname(__filename) : path.resolve(__dirname, "..", "..");

/** The bundled sample, checked when no file is given; shown by its path inside the package. */
export const SAMPLE_DISPLAY = "assets/sample-ledger.xlsx";
export const SAMPLE_PATH = path.join(PACKAGE_ROOT, ...SAMPLE_DISPLAY.split("/"));

export function packageVersion(): string {
  if (STANDALONE_VERSION !== undefined) return STANDALONE_VERSION;
  try {
    return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
