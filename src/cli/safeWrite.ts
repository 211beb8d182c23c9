/**
 * How the command line puts a file in place: written in full to a temporary file beside it, then
 * renamed over it, so the output is never seen half-written.
 *
 * The temporary file gets a random name and is created exclusively (O_CREAT|O_EXCL, Node's "wx+"):
 * a name planted in advance — a file, or a symlink pointing at something else — makes the open
 * fail instead of being followed, and the writer writes through the descriptor it opened, never
 * by reopening the name. rename() replaces the directory entry at OUT itself: a symlink at OUT is
 * replaced, not written through.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Attempts at a fresh random name before giving up (each collision is 1 in 2^64). */
const ATTEMPTS = 8;

export interface TempFile {
  readonly path: string;
  readonly fd: number;
}

/** A new, empty file in `dir`, created exclusively under a random name ending in `.tmp`. */
export function exclusiveTemp(dir: string, base: string): TempFile {
  for (let i = 0; ; i++) {
    const name = path.join(dir, `.${base}.${randomBytes(8).toString("hex")}.tmp`);
    try {
      return { path: name, fd: fs.openSync(name, "wx+", 0o666) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || i + 1 >= ATTEMPTS) throw e;
    }
  }
}

/**
 * Writes `out` through `write` (given the temporary file's descriptor), then renames it into
 * place. On any failure the temporary file is removed and `out` is left as it was.
 */
export async function writeAtomically(out: string, write: (fd: number) => Promise<void> | void): Promise<void> {
  const tmp = exclusiveTemp(path.dirname(out), path.basename(out));
  let open = true;
  try {
    await write(tmp.fd);
    fs.fsyncSync(tmp.fd);
    fs.closeSync(tmp.fd);
    open = false;
    fs.renameSync(tmp.path, out);
  } catch (e) {
    if (open) fs.closeSync(tmp.fd);
    fs.rmSync(tmp.path, { force: true });
    throw e;
  }
}

/** Writes a whole buffer at the descriptor's current end (a fresh file: from its start). */
export function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
}
