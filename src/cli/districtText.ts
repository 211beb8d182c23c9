/**
 * The command line's words for the district's work: folders of ledgers, the config file, the
 * bulletin and the highlighted copy. Chinese first, English second (see messages.ts).
 */
import { LEDGER_KINDS } from "../core/ledger";
import { LEDGER_LABELS } from "../core/labels";
import type { ColumnNameProblem } from "../core/recognize/columnNames";
import type { ListedKind } from "./batch";
import type { Text } from "./messages";
import type { OwnOutput } from "./ownOutput";

export const CONFIG_KEYS = [
  "district",
  "asOf",
  "windowStart",
  "windowEnd",
  "planDeadline",
  "fairStartDeadline",
  "dueSoonDays",
  "projectPoints",
  "fairBonus",
  "tripPoints",
  "keyStartsGoal",
  "units",
  "aliases",
  "columnNames",
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
  sameSetting: (file: string, key: string, other: string): Text => ({
    zh: `配置文件 ${file} 中“${other}”和“${key}”是同一个设置项，请只写一个`,
    en: `the config file ${file} gives one setting twice, as "${other}" and "${key}"; keep one`,
  }),
  aliasLoop: (file: string, alias: string): Text => ({
    zh: `配置文件 ${file} 中 aliases 把“${alias}”映射到它自己或另一个别名，请映射到单位的正式名称`,
    en: `in the config file ${file}, aliases maps "${alias}" to itself or to another alias; map it to the unit's own name`,
  }),
  /** A columnNames entry the core cannot use (the same check as a 列名对照 row of 台账设置). */
  badColumnName: (file: string, field: string, header: string, problem: ColumnNameProblem): Text => {
    const where = `columnNames.${field}`;
    if (problem.reason === "unknown-field") {
      return {
        zh: `配置文件 ${file} 中 ${where} 的“${field}”不是台账的列名，最接近的列名是“${problem.nearest}”`,
        en: `in the config file ${file}, ${where}: "${field}" names no ledger column; the nearest column name is "${problem.nearest}"`,
      };
    }
    if (problem.reason === "no-header") {
      return { zh: `配置文件 ${file} 中 ${where} 应为本单位的表头文字（或其列表）`, en: `in the config file ${file}, ${where} must be a header text (or a list of them)` };
    }
    return {
      zh: `配置文件 ${file} 中 ${where} 的表头“${header}”已对应“${problem.other}”，每个表头只能对应一列`,
      en: `in the config file ${file}, ${where}: the header "${header}" is already mapped to "${problem.other}"; map each header to one column only`,
    };
  },
  /** Where a value sits, for the validators shared with the flags ("district.json: units.财源街道.kind"). */
  where: (file: string, key: string): string => `${file}: ${key}`,
};

export const BATCH = {
  noWorkbooks: (dirs: readonly string[], skipped = 0): Text => ({
    zh: `文件夹 ${dirs.join("、")} 中没有找到 .xlsx 台账文件${skipped > 0 ? `（另有 ${skipped} 个文件或文件夹不是表格、或为隐藏文件和锁定文件，未检查）` : ""}`,
    en: `no .xlsx ledger files found in ${dirs.join(", ")}${skipped > 0 ? ` (${skipped} other entr${skipped === 1 ? "y is" : "ies are"} not spreadsheets, hidden or lock files, not checked)` : ""}`,
  }),
  /** Hidden entries and lock files: counted, with why they are skipped. */
  skippedCounted: (hidden: number, locks: number): Text => {
    const zh = [hidden > 0 ? `${hidden} 个隐藏文件或文件夹（名称以“.”开头）` : "", locks > 0 ? `${locks} 个 Excel/WPS 锁定文件（名称以“~$”开头，打开文件时自动生成）` : ""];
    const en = [hidden > 0 ? `${hidden} hidden file${hidden === 1 ? "" : "s"} or folder${hidden === 1 ? "" : "s"} (names starting with ".")` : "", locks > 0 ? `${locks} Excel/WPS lock file${locks === 1 ? "" : "s"} (names starting with "~$", made while a file is open)` : ""];
    return { zh: `已跳过 ${zh.filter(Boolean).join("、")}`, en: `skipped ${en.filter(Boolean).join(" and ")}` };
  },
  /** Why a file in a folder is not checked. */
  notCheckedReason: (reason: ListedKind): Text =>
    ({
      "not-spreadsheet": { zh: "不是表格文件", en: "not a spreadsheet" },
      "folder-link": { zh: "这是指向文件夹的链接，不跟随", en: "a link to a folder, not followed" },
      special: { zh: "不是普通文件（管道、设备等），不打开", en: "not a regular file (a pipe, a device…); not opened" },
    })[reason],
  /** Why one of the tool's own outputs is not checked. */
  ownOutputReason: (own: OwnOutput): Text =>
    own.kind === "highlighted-copy"
      ? { zh: "这是本工具生成的标记副本（生成后未改动），不是报送的台账", en: "a highlighted copy written by this tool (unchanged since), not a ledger sent in" }
      : { zh: "这是本工具生成的通报，不是台账", en: "a bulletin written by this tool, not a ledger" },
  notChecked: (file: string, why: Text): Text => ({ zh: `未检查 ${file}：${why.zh}`, en: `not checked: ${file}: ${why.en}` }),
  /** Why a workbook in which no sheet is a ledger is not taken as a unit's. */
  unrecognizedReason: {
    zh: `工作簿中没有找到${LEDGER_KINDS.map((k) => LEDGER_LABELS[k].zh).join("、")}，不作为单位的台账`,
    en: `none of its sheets is a ${LEDGER_KINDS.map((k) => LEDGER_LABELS[k].en).join(", ")}; not taken as a unit's ledger`,
  } as Text,
  unrecognized: (file: string): Text => ({ zh: `未识别台账 ${file}：${BATCH.unrecognizedReason.zh}`, en: `no ledger in ${file}: ${BATCH.unrecognizedReason.en}` }),
  progress: (done: number, total: number): Text => ({ zh: `检查中 ${done}/${total}`, en: `checking ${done}/${total}` }),
  summary: (total: number, failed: number, unrecognized = 0): Text => {
    if (total === 0) return { zh: "没有可检查的台账文件", en: "no ledger file to check" };
    const zh = [failed > 0 ? `${failed} 个无法读取` : "", unrecognized > 0 ? `${unrecognized} 个未识别台账` : ""].filter(Boolean);
    const en = [failed > 0 ? `${failed} could not be read` : "", unrecognized > 0 ? `${unrecognized} held no ledger` : ""].filter(Boolean);
    return {
      zh: `共检查 ${total} 个文件${zh.length > 0 ? `，其中 ${zh.join("、")}（已跳过）` : "，全部读取成功"}`,
      en: `${total} file${total === 1 ? "" : "s"} checked${en.length > 0 ? `, ${en.join(", ")} (skipped)` : ", all read"}`,
    };
  },
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
  bulletinWritten: (out: string, units: number, failed: number, unrecognized = 0): Text => {
    const zh = [failed > 0 ? `${failed} 个文件无法读取` : "", unrecognized > 0 ? `${unrecognized} 个文件未识别台账` : ""].filter(Boolean);
    const en = [failed > 0 ? `${failed} unreadable file${failed === 1 ? "" : "s"}` : "", unrecognized > 0 ? `${unrecognized} file${unrecognized === 1 ? "" : "s"} without a ledger` : ""].filter(Boolean);
    return {
      zh: `已写入通报 ${out}：${units} 个单位${zh.length > 0 ? `，${zh.join("，")}（列在“汇总”表下方）` : ""}`,
      en: `wrote the bulletin ${out}: ${units} unit${units === 1 ? "" : "s"}${en.length > 0 ? `, ${en.join(", ")} (listed under 汇总)` : ""}`,
    };
  },
  asOfDiffers: (chosen: string, others: readonly string[]): Text => ({
    zh: `各台账的统计截止日不一致（还有 ${others.join("、")}），通报标题按 ${chosen}；可用 --as-of 或配置文件统一`,
    en: `the ledgers' as-of dates differ (also ${others.join(", ")}); the bulletin is titled ${chosen}; use --as-of or the config file to align them`,
  }),
  duplicateUnit: (unit: string, kept: string, why: Text, dropped: readonly string[]): Text => ({
    zh: `单位“${unit}”重复报送：采用较新的 ${kept}（${why.zh}），未采用 ${dropped.join("、")}`,
    en: `unit "${unit}" was sent more than once: took the newer ${kept} (${why.en}), not ${dropped.join(", ")}`,
  }),
  /** An existing file at --out or --highlight that this tool did not write, or that was changed since. */
  outExists: (flag: string, out: string): Text => ({
    zh: `${flag} 的输出文件 ${out} 已存在，且不是本工具生成的${flag === "--out" ? "通报" : "标记副本"}（或生成后已被修改），不会被替换；请另取一个文件名，或加 --force 替换它`,
    en: `${flag}'s output ${out} exists and is not a ${flag === "--out" ? "bulletin" : "highlighted copy"} this tool wrote (or was changed since); it is not replaced: choose another name, or add --force to replace it`,
  }),
};

/** --previous: the bulletin to compare with. */
export const PREVIOUS = {
  unreadable: (file: string, why: Text): Text => ({ zh: `无法读取 --previous 的上期通报 ${file}：${why.zh}`, en: `cannot read --previous ${file}: ${why.en}` }),
  notBulletin: (file: string): Text => ({
    zh: `--previous 的文件 ${file} 不是本工具生成的通报，无法比较；请给出上期用 zsledger report 生成的通报`,
    en: `--previous ${file} is not a bulletin written by this tool, so there is nothing to compare with; give the previous zsledger report bulletin`,
  }),
  legacy: (file: string): Text => ({
    zh: `--previous 的文件 ${file} 是旧版本生成的通报，不含可供比较的数据；请用本版本重新生成上期通报，或去掉 --previous`,
    en: `--previous ${file} is a bulletin from an earlier version, without the data a comparison needs; write the previous bulletin again with this version, or drop --previous`,
  }),
  noData: (file: string): Text => ({
    zh: `--previous 的通报 ${file} 中缺少比较所需的数据（可能被其他软件另存时删去），无法比较`,
    en: `--previous ${file} lacks the data a comparison needs (perhaps another program dropped it when saving)`,
  }),
  damaged: (file: string, where: string): Text => ({
    zh: `--previous 的通报 ${file} 中的比较数据已损坏（${where}），无法比较`,
    en: `the comparison data in --previous ${file} is damaged (${where})`,
  }),
  newer: (file: string, version: number): Text => ({
    zh: `--previous 的通报 ${file} 由更新版本的工具生成（数据格式 ${version}），请升级本工具后再比较`,
    en: `--previous ${file} was written by a newer version (data format ${version}); upgrade to compare with it`,
  }),
};

export const BATCH_HELP = {
  report: {
    zh: "检查文件夹中所有台账，生成区级半月通报工作簿（汇总、逾期未开工、问题清单、说明；给出 --previous 时另有本期变化）",
    en: "check every ledger in the folders and write the district's half-monthly bulletin workbook (with --previous, compared with the last one)",
  } as Text,
  inputs: {
    zh: ".xlsx/.xlsm 台账文件或文件夹（递归查找；未检查的文件逐个说明原因），可给多个",
    en: ".xlsx/.xlsm ledger files or folders (searched recursively; every file not checked is named with its reason), one or more",
  } as Text,
  out: { zh: "通报工作簿的输出路径（.xlsx）", en: "where to write the bulletin workbook (.xlsx)" } as Text,
  config: {
    zh: "区级配置文件（JSON）：统计截止日、活动期间、分值、各单位类型与全年任务、单位别名；优先于各台账的台账设置",
    en: "district config (JSON): as-of date, window, points, each unit's kind and annual task, name aliases; wins over each workbook's 台账设置",
  } as Text,
  previous: {
    zh: "上期通报（本工具生成的 .xlsx）：在“汇总”中加上得分、扣分、排名较上期的变化，并加“本期变化”表",
    en: "the previous bulletin (.xlsx written by this tool): adds the change of score, penalty and rank to 汇总, and a 本期变化 sheet",
  } as Text,
  force: {
    zh: "输出文件已存在且不是本工具生成的（或生成后被修改过）时，仍然替换它",
    en: "replace the output file even when it exists and this tool did not write it (or it was changed since)",
  } as Text,
  highlight: {
    zh: "另存一份带标记的副本：按开工状态标记项目行、标出错误单元格并加批注（原文件不改动）",
    en: "write a highlighted copy: project rows by start status, error cells marked, a note on each finding's cell (the input is not changed)",
  } as Text,
};
