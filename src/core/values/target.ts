/** A target named in a cell or an argument: by its id (fair-signing), its Chinese alias (投洽会签约) or its English label. */
import { TARGET_LABELS } from "../labels";
import { TARGET_IDS, type TargetId } from "../result";
import type { CellValue } from "../sheet";
import { vocabulary } from "./vocabulary";

const TARGET_WORDS = {} as Record<TargetId, readonly string[]>;
for (const id of TARGET_IDS) TARGET_WORDS[id] = [id, TARGET_LABELS[id].zh, TARGET_LABELS[id].en];
const TARGETS = vocabulary(TARGET_WORDS);

export function parseTargetId(v: CellValue): TargetId | null {
  const parsed = TARGETS.parse(v);
  return parsed.status === "ok" ? parsed.value : null;
}
