/** Where a command writes, and what a test may pin: the process's streams and state, passed in. */
import type { SniffLimits } from "./sniff";

export interface Writable {
  write(s: string): unknown;
  /** A terminal (the progress bar is drawn only there) and its width. */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface RunIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Relative paths are read from here (default: the process's working directory). */
  readonly cwd?: string;
  /** Today, for workbooks that set no 统计截止日 and runs without --as-of (tests pin it). */
  readonly today?: Date;
  /** Limits on reading each file (limits.ts): the command sets per-file limits; tests lower others. */
  readonly limits?: SniffLimits;
}
