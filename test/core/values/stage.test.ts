import { parseStage, STAGE_LABELS_ZH, STAGE_WORDS } from "../../../src/core/values/stage";
import type { Stage } from "../../../src/core/values/types";
import type { CellValue } from "../../../src/core/sheet";

/** DOMAIN.md's vocabulary, written out again so that a change to either is noticed. */
const DOMAIN_WORDS: [Stage, string][] = [
  ...(["策划", "谋划", "储备"].map((w) => ["planned", w]) as [Stage, string][]),
  ...(["在谈", "洽谈", "洽谈中", "在洽谈"].map((w) => ["negotiating", w]) as [Stage, string][]),
  ...(["签约", "已签约", "签约未开工", "已签约未开工", "已注册", "拟开工"].map((w) => ["signed", w]) as [Stage, string][]),
  ...(["开工", "已开工", "新开工", "在建", "续建", "开工在建"].map((w) => ["started", w]) as [Stage, string][]),
  ...(["竣工", "已竣工", "投产", "已投产", "开业", "运营"].map((w) => ["completed", w]) as [Stage, string][]),
  ...(["终止", "取消", "不能实施", "中止"].map((w) => ["stopped", w]) as [Stage, string][]),
];

describe("parseStage", () => {
  it.each(DOMAIN_WORDS)("reads a %s word: %s", (stage, word) => {
    expect(parseStage(word)).toEqual({ status: "ok", value: stage });
  });

  it("ignores spaces, line breaks and full-width spaces", () => {
    expect(parseStage(" 已签约\n未开工 ")).toEqual({ status: "ok", value: "signed" });
    expect(parseStage("\u3000在谈")).toEqual({ status: "ok", value: "negotiating" });
  });

  it("exports exactly DOMAIN.md's words", () => {
    const exported = (Object.keys(STAGE_WORDS) as Stage[]).flatMap((stage) => STAGE_WORDS[stage].map((w) => [stage, w]));
    expect(exported).toEqual(DOMAIN_WORDS);
  });

  it("has a Chinese label for each stage, which it reads back", () => {
    expect(STAGE_LABELS_ZH).toEqual({ planned: "策划", negotiating: "在谈", signed: "签约", started: "开工", completed: "竣工", stopped: "终止" });
    for (const [stage, label] of Object.entries(STAGE_LABELS_ZH)) expect(parseStage(label)).toEqual({ status: "ok", value: stage });
  });

  it.each<[CellValue, string]>([
    ["进行中", "进行中"],
    ["签约中", "签约中"],
    ["已签", "已签"],
    [3, "3"],
    [true, "true"],
  ])("cannot read %p", (v, text) => {
    expect(parseStage(v)).toEqual({ status: "invalid", reason: "unreadable", text });
  });

  it("reads blanks and error values", () => {
    expect(parseStage(null)).toEqual({ status: "blank" });
    expect(parseStage(" ")).toEqual({ status: "blank" });
    expect(parseStage({ error: "#REF!" })).toEqual({ status: "invalid", reason: "error-value", text: "#REF!" });
  });
});
