/**
 * Text on its way to a terminal. Cell text, sheet names and file names come from whoever wrote the
 * workbook: an ESC sequence in them would recolour or rewrite the user's screen, a C1 control
 * (U+009B is CSI) likewise, a bidi override would make a line read backwards, and a line break in
 * a file name would split the promised one-line error in two. Each is shown as an escape
 * (\x1B, \n, \u202E) instead of being obeyed.
 */

/** C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and marks, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** As CONTROLS, line feeds left out: the line breaks of a multi-line output. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

/** One line of text, every control character made visible. */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, escaped);
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves C1 controls, bidi controls and
 * line separators raw. They are written as \u escapes here, which any JSON reader reads back as
 * the same characters: the data is unchanged, only its bytes are safe to print.
 */
export function terminalJson(value: unknown, indent?: number): string {
  // Its own line breaks are the indentation's: inside strings, JSON.stringify has escaped them.
  return JSON.stringify(value, null, indent).replace(CONTROLS_BUT_NEWLINE, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}

export interface LineStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * stdout (reports, JSON, help): its line breaks are its own, anything else is escaped, whatever
 * path wrote it (the report renderers escape user text themselves; this is the last guard).
 */
export function outputSafe(stream: LineStream): LineStream {
  return {
    write: (s: string) => stream.write(s.replace(CONTROLS_BUT_NEWLINE, escaped)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** The progress bar's own control sequence: back to the line's start, clear it (progress.ts). */
const REDRAW = "\r\x1b[K";

/**
 * A stream of whole lines (stderr) whose text is escaped on the way out: each write may end with
 * its line break and start with the progress bar's redraw, and holds no other control character.
 */
export function lineSafe(stream: LineStream): LineStream {
  return {
    write(s: string) {
      const redraw = s.startsWith(REDRAW) ? REDRAW : "";
      const body = s.slice(redraw.length);
      const newline = body.endsWith("\n") ? "\n" : "";
      return stream.write(redraw + terminalText(body.slice(0, body.length - newline.length)) + newline);
    },
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}
