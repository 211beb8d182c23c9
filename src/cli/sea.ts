/**
 * Node's single-executable application API (node:sea), when this command runs as the standalone
 * executable (scripts/release/standalone.js); absent on a Node without the module, and then the
 * plain command line runs as ever.
 */
type Sea = Partial<typeof import("node:sea")>;

function seaModule(): Sea | null {
  try {
    // Required here, not imported: a Node without the module still runs the plain command line.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("node:sea") as Sea;
  } catch {
    return null;
  }
}

export function runningAsSea(): boolean {
  const sea = seaModule();
  return typeof sea?.isSea === "function" && sea.isSea();
}

/** A text asset the standalone executable carries (its sea-config's `assets`), or null outside one. */
export function seaTextAsset(key: string): string | null {
  const sea = seaModule();
  if (!runningAsSea() || typeof sea?.getAsset !== "function") return null;
  return sea.getAsset(key, "utf8");
}
