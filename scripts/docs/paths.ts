/** Where the scripts of docs/ read and write, wherever they were compiled to. */
import * as fs from "fs";
import * as path from "path";

/** The folder of the package's package.json, found upwards from this module. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "zsledger") return dir;
    if (path.dirname(dir) === dir) throw new Error("package root not found");
  }
}
