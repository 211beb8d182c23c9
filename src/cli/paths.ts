/** Where the package's own files are, found from this module (src/cli or dist/cli alike), never from the cwd. */
import * as fs from "fs";
import * as path from "path";

const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** The bundled sample, checked when no file is given; shown by its path inside the package. */
export const SAMPLE_DISPLAY = "assets/sample-ledger.xlsx";
export const SAMPLE_PATH = path.join(PACKAGE_ROOT, ...SAMPLE_DISPLAY.split("/"));

export function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
