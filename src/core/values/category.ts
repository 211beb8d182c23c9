/** The 企业类别 column of the invitations ledger. */
import type { CellValue } from "../sheet";
import type { InviteeCategory, Parsed } from "./types";
import { vocabulary } from "./vocabulary";

/** The 企业类别 words; the first of each is how the template and the guide write it. */
export const CATEGORY_WORDS: Readonly<Record<InviteeCategory, readonly string[]>> = {
  fortune500: ["世界500强", "财富500强", "世界五百强"],
  china500: ["中国500强", "中国五百强", "国内500强"],
  industryTop100: ["行业百强", "行业100强", "行业前100"],
  listed: ["上市公司", "上市企业"],
  other: ["其他", "其它"],
};

const CATEGORIES = vocabulary(CATEGORY_WORDS);

export function parseCategory(v: CellValue): Parsed<InviteeCategory> {
  return CATEGORIES.parse(v);
}
