/**
 * Shared by the release tests: the release/ folder `npm run release` wrote (built once, before
 * these tests: test/release/ci.sh), read back as a district's IT staff would get it.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { entryStream, readCentralDirectory, type ZipEntry } from "../../src/cli/zip";

export const ROOT = path.join(__dirname, "../..");
export const RELEASE = path.join(ROOT, "release");

export interface Deliverable {
  readonly kind: "addin" | "wps" | "linux-x64" | "win-x64";
  readonly folder: string;
  readonly zip: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly executable?: string;
  readonly executableSha256?: string;
}

export interface ReleaseRecord {
  readonly version: string;
  readonly baseUrl: string;
  readonly node: string;
  readonly csp: string;
  readonly deliverables: readonly Deliverable[];
  readonly seaBlobSha256: string;
}

/** release/release.json; a clear failure when no release was built. */
export function releaseRecord(): ReleaseRecord {
  const file = path.join(RELEASE, "release.json");
  if (!fs.existsSync(file)) throw new Error("no release/release.json: run `ZSLEDGER_BASE_URL=https://example.test/zs/ npm run release` first");
  return JSON.parse(fs.readFileSync(file, "utf8")) as ReleaseRecord;
}

export function deliverable(kind: Deliverable["kind"]): Deliverable {
  const d = releaseRecord().deliverables.find((x) => x.kind === kind);
  if (!d) throw new Error(`the release has no ${kind} deliverable`);
  return d;
}

export function sha256(data: Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** Every file below `dir`, relative, with forward slashes. */
export function filesBelow(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesBelow(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

export interface ZipItem {
  readonly entry: ZipEntry;
  /** "Version made by": its high byte is the system (3 Unix, 0 DOS/Windows). */
  readonly madeBy: number;
  /** External attributes: on Unix, the file's mode in the high 16 bits. */
  readonly external: number;
}

/** A zip's entries by the project's own reader, with the two directory fields it does not keep. */
export function zipItems(zipPath: string): ZipItem[] {
  const fd = fs.openSync(zipPath, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const entries = readCentralDirectory(fd, size);
    if (!Array.isArray(entries)) throw new Error(`${zipPath}: ${JSON.stringify(entries)}`);
    // The central directory's records, in order: 46 bytes, then name, extra field, comment.
    const end = Buffer.alloc(22);
    fs.readSync(fd, end, 0, 22, size - 22);
    const dirSize = end.readUInt32LE(12);
    const dirStart = end.readUInt32LE(16);
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirStart);
    const items: ZipItem[] = [];
    for (let at = 0, i = 0; at < dirSize; i++) {
      items.push({ entry: entries[i], madeBy: dir.readUInt16LE(at + 4), external: dir.readUInt32LE(at + 38) });
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return items;
  } finally {
    fs.closeSync(fd);
  }
}

/** One entry's inflated content. */
export async function zipContent(zipPath: string, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryStream(zipPath, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
