/**
 * How a ZS function says no: an Excel error value (#VALUE! for input it cannot read, #N/A for an
 * answer that does not exist) carrying a message in the user's display language. Outside Excel
 * (tests, the bench) there is no CustomFunctions runtime, so the same message travels in an Error.
 */
import { langOf, type Bilingual } from "../core/labels";
import type { Lang } from "../core/findings";

/** The part of the custom functions runtime this add-in uses; @types/custom-functions-runtime is not a dependency. */
export interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  readonly Error?: new (code: string, message?: string) => Error;
  readonly ErrorCode?: { readonly invalidValue: string; readonly notAvailable: string };
}

declare const CustomFunctions: CustomFunctionsRuntime | undefined;

/** The runtime's registry where Excel provides one, else undefined. */
export function customFunctionsRuntime(): CustomFunctionsRuntime | undefined {
  return typeof CustomFunctions !== "undefined" ? CustomFunctions : undefined;
}

/** The language of Office's UI, by the pane's rule (English only when Office speaks English). */
function displayLanguage(): Lang {
  try {
    return langOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "zh"; // Office.context throws before Office has initialised
  }
}

/** #VALUE!: an argument that cannot be read. #N/A: a well-formed question with no answer. */
export type FailureKind = "invalid" | "unavailable";

/** The error a ZS function throws (async functions reject with it). */
function formulaError(kind: FailureKind, message: Bilingual): Error {
  const text = message[displayLanguage()];
  const runtime = customFunctionsRuntime();
  if (runtime?.Error && runtime.ErrorCode) {
    const code = kind === "invalid" ? runtime.ErrorCode.invalidValue : runtime.ErrorCode.notAvailable;
    return new runtime.Error(code, text);
  }
  const error = new Error(text);
  error.name = kind === "invalid" ? "#VALUE!" : "#N/A";
  return error;
}

export function fail(kind: FailureKind, message: Bilingual): never {
  throw formulaError(kind, message);
}
