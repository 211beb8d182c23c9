/** Who led a trip: the 职务类别 column, or, without one, the 职务 (title) column. */
import { compact } from "../text";
import type { CellValue } from "../sheet";
import { classify } from "./cell";
import type { Parsed, Role } from "./types";
import { vocabulary } from "./vocabulary";

/** The 职务类别 words; the first of each is how the template and the guide write it. */
export const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  principal: ["主要负责人", "党政主职", "主职", "一把手"],
  deputy: ["分工负责人", "分管负责人", "班子成员"],
  other: ["其他", "其它"],
};

const ROLES = vocabulary(ROLE_WORDS);

export function parseRole(v: CellValue): Parsed<Role> {
  return ROLES.parse(v);
}

/**
 * Titles of a unit's heads, matched at the end so that the unit's name may precede them
 * (财源街道党工委书记, 区发改局局长). 指挥长/总指挥 head a 指挥部.
 */
const PRINCIPAL_TITLE = /(书记|党委书记|党工委书记|党组书记|镇长|乡长|主任|局长|区长|县长|园长|指挥长|总指挥)$/;
/** People hold several posts at once: 党工委书记、主任. */
const TITLE_SEPARATOR = /[、,，;；/]+/;

/**
 * The role a title implies; null when there is no title to read (blank, or not text).
 * A role word (主要负责人) is read as itself.
 * One principal post makes the holder a principal (党委副书记、镇长 is the 镇长, a 党政主职);
 * otherwise any 副 post makes a deputy.
 */
export function roleFromTitle(v: CellValue): Role | null {
  const cell = classify(v);
  if (cell.kind !== "text") return null;
  // Some ledgers put the role words themselves in the 职务 column.
  const named = ROLES.lookup(cell.value);
  if (named !== null) return named;
  const posts = compact(cell.value).split(TITLE_SEPARATOR).filter((post) => post !== "");
  if (posts.some((post) => !post.includes("副") && PRINCIPAL_TITLE.test(post))) return "principal";
  if (posts.some((post) => post.includes("副"))) return "deputy";
  return "other";
}
