/** The 项目状态 column: DOMAIN.md's words, nothing else (an unknown stage is an `unknown-stage` error). */
import type { CellValue } from "../sheet";
import type { Parsed, Stage } from "./types";
import { vocabulary } from "./vocabulary";

export const STAGE_WORDS: Readonly<Record<Stage, readonly string[]>> = {
  planned: ["策划", "谋划", "储备"],
  negotiating: ["在谈", "洽谈", "洽谈中", "在洽谈"],
  signed: ["签约", "已签约", "签约未开工", "已签约未开工", "已注册", "拟开工"],
  started: ["开工", "已开工", "新开工", "在建", "续建", "开工在建"],
  completed: ["竣工", "已竣工", "投产", "已投产", "开业", "运营"],
  stopped: ["终止", "取消", "不能实施", "中止"],
};

/** How a stage is written back (pane, summaries). */
export const STAGE_LABELS_ZH: Record<Stage, string> = {
  planned: "策划",
  negotiating: "在谈",
  signed: "签约",
  started: "开工",
  completed: "竣工",
  stopped: "终止",
};

const STAGES = vocabulary(STAGE_WORDS);

export function parseStage(v: CellValue): Parsed<Stage> {
  return STAGES.parse(v);
}
