import type { CheckResult } from "../../core/result";

/** One file of a run: checked, or the one-line reason it could not be (in the user's language). */
export type CheckedFile =
  | { readonly file: string; readonly result: CheckResult }
  | { readonly file: string; readonly error: string };
