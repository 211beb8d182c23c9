/**
 * The command line's words for the district's work: folders of ledgers, the config file, the
 * bulletin and the highlighted copy. Chinese first, English second (see messages.ts).
 */
import type { Text } from "./messages";

export const CONFIG_KEYS = [
  "district",
  "asOf",
  "windowStart",
  "windowEnd",
  "planDeadline",
  "dueSoonDays",
  "projectPoints",
  "fairBonus",
  "tripPoints",
  "units",
  "aliases",
] as const;
export const UNIT_CONFIG_KEYS = ["kind", "annualTask"] as const;

export const CONFIG = {
  unreadable: (file: string, detail: string): Text => ({
    zh: `无法读取配置文件 ${file}（${detail}），请检查 --config 的路径`,
    en: `cannot read the config file ${file} (${detail}); check the path given to --config`,
  }),
  badJson: (file: string, line: number, column: number): Text => ({
    zh: `配置文件 ${file} 不是有效的 JSON（第 ${line} 行第 ${column} 列附近），请检查引号、逗号和括号`,
    en: `the config file ${file} is not valid JSON (near line ${line}, column ${column}); check quotes, commas and brackets`,
  }),
  notObject: (file: string, where: string): Text => ({
    zh: `配置文件 ${file} 中 ${where} 应为 JSON 对象 {…}`,
    en: `in the config file ${file}, ${where} must be a JSON object {…}`,
  }),
  unknownKey: (file: string, where: string, key: string, known: readonly string[]): Text => ({
    zh: `配置文件 ${file} 中${where ? ` ${where} ` : ""}有无法识别的项“${key}”，可用的项：${known.join("、")}`,
    en: `the config file ${file} has an unknown key "${key}" ${where ? `in ${where}` : "at the top level"}; known keys: ${known.join(", ")}`,
  }),
  notText: (file: string, where: string): Text => ({
    zh: `配置文件 ${file} 中 ${where} 应为非空文字`,
    en: `in the config file ${file}, ${where} must be non-empty text`,
  }),
  badKind: (file: string, where: string, value: string): Text => ({
    zh: `配置文件 ${file} 中 ${where} 的值“${value}”无法识别，应为 town、park、department、hq 或 街道、镇、园区、区直部门、指挥部`,
    en: `in the config file ${file}, ${where} "${value}" is not a unit kind: use town, park, department, hq (or 街道, 园区, 区直部门, 指挥部)`,
  }),
  aliasLoop: (file: string, alias: string): Text => ({
    zh: `配置文件 ${file} 中 aliases 把“${alias}”映射到它自己或另一个别名，请映射到单位的正式名称`,
    en: `in the config file ${file}, aliases maps "${alias}" to itself or to another alias; map it to the unit's own name`,
  }),
  /** Where a value sits, for the validators shared with the flags ("district.json: units.财源街道.kind"). */
  where: (file: string, key: string): string => `${file}: ${key}`,
};

export const BATCH = {
  noWorkbooks: (dirs: readonly string[]): Text => ({
    zh: `文件夹 ${dirs.join("、")} 中没有找到 .xlsx 台账文件`,
    en: `no .xlsx ledger files found in ${dirs.join(", ")}`,
  }),
  progress: (done: number, total: number): Text => ({ zh: `检查中 ${done}/${total}`, en: `checking ${done}/${total}` }),
  summary: (total: number, failed: number): Text => ({
    zh: `共检查 ${total} 个文件${failed > 0 ? `，其中 ${failed} 个无法读取（已跳过）` : "，全部读取成功"}`,
    en: `${total} file${total === 1 ? "" : "s"} checked${failed > 0 ? `, ${failed} could not be read (skipped)` : ", all read"}`,
  }),
  highlightOneFile: {
    zh: "--highlight 只能用于单个台账文件：请给出一个 .xlsx 文件（不是文件夹）",
    en: "--highlight works on one ledger file: give a single .xlsx file (not a folder)",
  } as Text,
  highlightSame: (out: string): Text => ({
    zh: `--highlight 的输出文件 ${out} 就是输入文件本身；输入文件不会被改写，请另取一个文件名`,
    en: `--highlight's output ${out} is the input file itself; the input is never written, so choose another name`,
  }),
  highlightNotXlsx: (out: string): Text => ({
    zh: `--highlight 的输出文件 ${out} 应以 .xlsx 结尾`,
    en: `--highlight's output ${out} must end in .xlsx`,
  }),
  outNotXlsx: (out: string): Text => ({ zh: `--out 的输出文件 ${out} 应以 .xlsx 结尾`, en: `--out ${out} must end in .xlsx` }),
  outIsInput: (out: string): Text => ({
    zh: `--out 的输出文件 ${out} 是要检查的台账之一，请另取一个文件名`,
    en: `--out ${out} is one of the ledgers being checked; choose another name`,
  }),
  cannotWrite: (out: string, detail: string): Text => ({
    zh: `无法写入 ${out}（${detail}），请检查文件夹是否存在、是否有写权限，以及该文件是否正在 Excel 或 WPS 中打开`,
    en: `cannot write ${out} (${detail}); check that the folder exists and is writable, and that the file is not open in Excel or WPS`,
  }),
  highlightFailed: (file: string, detail: string): Text => ({
    zh: `无法生成 ${file} 的标记副本：${detail}`,
    en: `cannot write the highlighted copy of ${file}: ${detail}`,
  }),
  highlightWritten: (out: string, marks: number, notes: number): Text => ({
    zh: `已写入标记副本 ${out}：标记 ${marks} 处，批注 ${notes} 条`,
    en: `wrote the highlighted copy ${out}: ${marks} mark${marks === 1 ? "" : "s"}, ${notes} note${notes === 1 ? "" : "s"}`,
  }),
  bulletinWritten: (out: string, units: number, failed: number): Text => ({
    zh: `已写入通报 ${out}：${units} 个单位${failed > 0 ? `，${failed} 个文件无法读取（列在“汇总”表下方）` : ""}`,
    en: `wrote the bulletin ${out}: ${units} unit${units === 1 ? "" : "s"}${failed > 0 ? `, ${failed} unreadable file${failed === 1 ? "" : "s"} (listed under 汇总)` : ""}`,
  }),
  asOfDiffers: (chosen: string, others: readonly string[]): Text => ({
    zh: `各台账的统计截止日不一致（还有 ${others.join("、")}），通报标题按 ${chosen}；可用 --as-of 或配置文件统一`,
    en: `the ledgers' as-of dates differ (also ${others.join(", ")}); the bulletin is titled ${chosen}; use --as-of or the config file to align them`,
  }),
  duplicateUnit: (unit: string, files: readonly string[]): Text => ({
    zh: `单位“${unit}”出现在多个文件中：${files.join("、")}`,
    en: `unit "${unit}" appears in several files: ${files.join(", ")}`,
  }),
};

export const BATCH_HELP = {
  report: {
    zh: "检查文件夹中所有台账，生成区级半月通报工作簿（汇总、逾期未开工、问题清单）",
    en: "check every ledger in the folders and write the district's half-monthly bulletin workbook",
  } as Text,
  inputs: { zh: ".xlsx 台账文件或文件夹（递归查找 .xlsx），可给多个", en: ".xlsx ledger files or folders (searched recursively), one or more" } as Text,
  out: { zh: "通报工作簿的输出路径（.xlsx）", en: "where to write the bulletin workbook (.xlsx)" } as Text,
  config: {
    zh: "区级配置文件（JSON）：统计截止日、活动期间、分值、各单位类型与全年任务、单位别名；优先于各台账的台账设置",
    en: "district config (JSON): as-of date, window, points, each unit's kind and annual task, name aliases; wins over each workbook's 台账设置",
  } as Text,
  highlight: {
    zh: "另存一份带标记的副本：按开工状态标记项目行、标出错误单元格并加批注（原文件不改动）",
    en: "write a highlighted copy: project rows by start status, error cells marked, a note on each finding's cell (the input is not changed)",
  } as Text,
};
