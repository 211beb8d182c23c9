/** Any failure as one line in the user's language: never a stack trace. */
import { WorkbookError } from "../host/port";
import type { Lang, Translate } from "./i18n";

export function errorText(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof WorkbookError) return lang === "en" ? error.messageEn : error.message;
  // webpack names a chunk that did not arrive ChunkLoadError (a dropped connection, a redeploy).
  if (error instanceof Error && error.name === "ChunkLoadError") return t("loadFailed");
  const detail = error instanceof Error ? error.message : String(error);
  return t("unexpected", { detail: detail.split("\n")[0] });
}
