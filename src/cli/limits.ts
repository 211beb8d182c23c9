/**
 * Every bound the command line puts on reading one file, in one place: what the container may
 * declare (checked before a byte is inflated), what may be kept of the parts that are held whole
 * (shared strings, styles, the workbook part), and how long and how much memory one file may take.
 * A file past any of them is one line on stderr, never a crash, a hang or a machine out of memory.
 */
import { UsageError, type Text } from "./messages";

export interface Limits {
  /** Total declared unpacked size above which a file is refused. */
  readonly maxUnpackedBytes: number;
  /** Declared unpacked size (of the archive, or of one entry) from which a suspicious ratio makes a zip bomb. */
  readonly bombMinBytes: number;
  /** Unpacked/packed ratio beyond any real spreadsheet's (deflate tops out near 1032:1). */
  readonly bombRatio: number;
  /** Shared strings kept for the sheets to look up: how many, and their characters in all. */
  readonly maxSharedStrings: number;
  readonly maxSharedStringChars: number;
  /** Cell formats (styles.xml's cellXfs) and custom number formats kept. */
  readonly maxCellFormats: number;
  readonly maxNumberFormats: number;
  /**
   * Declared unpacked size of each part held whole, refused from the directory before a byte is
   * inflated: the shared strings, the styles, and the parts parsed into one model at once
   * (xl/workbook.xml and its relationships).
   */
  readonly maxSharedStringsBytes: number;
  readonly maxStylesBytes: number;
  readonly maxModelPartBytes: number;
  /**
   * Each file checked in a worker thread that is stopped past this time or heap; null checks in
   * the calling thread (in-process tests). The command (main.ts) always sets it.
   */
  readonly perFile: PerFileLimits | null;
}

export interface PerFileLimits {
  readonly seconds: number;
  /** The process's resident memory while the file is read, in MB (the worker's heap is held below it: isolation.ts). */
  readonly memoryMb: number;
}

/**
 * A million-row ledger unpacks to a few hundred MB at ratios of 10–100:1, so 1 GB and 500:1 leave
 * real workbooks alone while a bomb (gigabytes at ~1000:1) is refused before it is opened.
 *
 * Shared strings: a million-row ledger with two columns of distinct text has about two million,
 * some 40 million characters; the caps are twice and three times that, at most ~300 MB of heap,
 * and their part cannot be longer than 512 MB (4 million strings of that many characters, in
 * UTF-8, with their markup). Excel allows 64,000 cell formats and 250 custom number formats per
 * workbook; generators that bloat styles write a few hundred thousand formats (tens of MB of
 * styles.xml), which cost 4 bytes each here.
 */
export const DEFAULT_LIMITS: Limits = {
  maxUnpackedBytes: 1024 ** 3,
  bombMinBytes: 64 * 1024 ** 2,
  bombRatio: 500,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 128_000_000,
  maxCellFormats: 1_048_576,
  maxNumberFormats: 65_536,
  maxSharedStringsBytes: 512 * 1024 ** 2,
  maxStylesBytes: 128 * 1024 ** 2,
  maxModelPartBytes: 64 * 1024 ** 2,
  perFile: null,
};

/** What the command gives each file: the limits the hostile corpus test holds it to (a run is killed past 120 s or 2 GB resident). */
const COMMAND_PER_FILE: PerFileLimits = { seconds: 120, memoryMb: 2048 };

/** Environment variables that change the per-file limits (a slow machine, a very large ledger). */
const PER_FILE_ENV = { seconds: "ZSLEDGER_FILE_SECONDS", memoryMb: "ZSLEDGER_FILE_MEMORY_MB" } as const;

const BAD_ENV = (name: string, value: string, min: number): Text => ({
  zh: `环境变量 ${name} 的值“${value}”应为不小于 ${min} 的整数`,
  en: `the environment variable ${name} expects a whole number of at least ${min}, got "${value}"`,
});

/** The command's limits: the defaults, per-file limits on, as the environment may change them. */
export function commandLimits(env: NodeJS.ProcessEnv): Limits {
  const read = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(BAD_ENV(name, raw, min));
    return n;
  };
  return {
    ...DEFAULT_LIMITS,
    perFile: {
      seconds: read(PER_FILE_ENV.seconds, COMMAND_PER_FILE.seconds, 1),
      memoryMb: read(PER_FILE_ENV.memoryMb, COMMAND_PER_FILE.memoryMb, 64),
    },
  };
}
