/**
 * Progress of a batch on stderr. A bar redrawn in place only when stderr is a terminal (a log
 * file or a CI console would fill with carriage returns); a folder batch always ends with one
 * count line, terminal or not, so a log says how many files were read.
 */
import type { Lang } from "./messages";
import { say } from "./messages";
import { BATCH } from "./districtText";
import { displayWidth } from "./report/text";
import { terminalText } from "./terminal";

export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const BAR_WIDTH = 24;

export class Progress {
  private done = 0;
  private drawn = false;
  private readonly bar: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly lang: Lang,
  ) {
    this.bar = stream.isTTY === true && total > 1;
  }

  /** Before a file is read: shows which one. */
  start(file: string): void {
    if (this.bar) this.draw(file);
  }

  /** After a file was read (or found unreadable). */
  tick(): void {
    this.done++;
    if (this.bar && this.done === this.total) this.clear();
  }

  /** Removes the bar, e.g. before other lines are written to the same stream. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write("\r\x1b[K");
    this.drawn = false;
  }

  private draw(file: string): void {
    const filled = Math.round((this.done / this.total) * BAR_WIDTH);
    const head = `${say(BATCH.progress(this.done, this.total), this.lang)} [${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] `;
    const room = Math.max(0, (this.stream.columns ?? 80) - 1 - displayWidth(head));
    this.stream.write(`\r\x1b[K${head}${clip(terminalText(file), room)}`);
    this.drawn = true;
  }
}

/** The end of a path that fits `width` terminal columns (the file name matters more than its folders). */
function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let out = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + out) <= width - 1; i--) out = chars[i] + out;
  return "…" + out;
}
