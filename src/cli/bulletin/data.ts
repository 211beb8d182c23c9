/**
 * The bulletin's own data, kept inside the workbook so that the next bulletin can compare with it
 * (`--previous`) without ever reading its presentation (cell positions, wording, formats, which a
 * person may change and the next version of this tool will).
 *
 * Where: a custom XML part (customXml/itemN.xml, related from the workbook, with its itemProps
 * part), holding one element <zsledger-bulletin xmlns="urn:zsledger:bulletin" version="1"> whose
 * text is a JSON document. Custom XML parts are the package's designed place for an application's
 * data: Excel keeps them on every save and shows them nowhere a user could edit them by accident,
 * there is no size limit (a custom document property is cut at 255 characters), and no sheet is
 * added that a reader of the bulletin, or this tool reading a folder, would take for content. A
 * very hidden sheet was the other candidate: it survives the same saves, but its data would be
 * cells again (32,767 characters each) and a sheet that tools list.
 *
 * The JSON is versioned (`version`): a reader refuses a version it does not know with one line.
 * Dates are ISO strings (YYYY-MM-DD); every figure is as the bulletin shows it. A field added
 * later within a version is optional to the reader: the district's key starts (`keyStarts`, and
 * each unit's) came after version 1 was first written, so a bulletin without them still compares
 * (the change of the total is then "not in the previous bulletin"), and an earlier reader, which
 * reads the fields it knows, still compares with a bulletin that has them.
 */
import { createHash } from "crypto";
import { isoDay, parseIsoDay, type Day } from "../../core/day";
import { RULE_IDS } from "../../core/rules/catalog";
import type { DistrictKeyStarts } from "../../core/keyStarts";
import { TARGET_IDS, type TargetId, type TargetResult } from "../../core/result";
import type { UnitKind } from "../../core/values/types";
import { rankByNet, type BulletinUnit } from "../../core/bulletin";
import { UsageError, fileProblemText } from "../messages";
import { addContentTypes, addRels, freeRelId, parseRels } from "../highlightCopy/package";
import { unescapeXml } from "../highlightCopy/xml";
import { probePackage } from "../ownOutput";
import { sniffFile } from "../sniff";
import { entryStream, type ZipEntry } from "../zip";
import type { OutEntry } from "../zipWrite";
import type { Bulletin, FindingRow, ProjectRow } from "./model";
import { PREVIOUS } from "../districtText";

const DATA_VERSION = 1;
const FORMAT = "zsledger-bulletin";
const NAMESPACE = "urn:zsledger:bulletin";
const ROOT = "zsledger-bulletin";
/** A bulletin of a thousand units with their findings stays far below this; a larger part is not ours. */
const MAX_DATA_BYTES = 256 * 1024 ** 2;

/** One unit as the bulletin ranked it. */
export interface UnitData {
  readonly unit: string;
  readonly unitKind: UnitKind;
  readonly file: string;
  readonly rank: number;
  readonly net: number;
  readonly score: number;
  readonly penalty: number;
  readonly errors: number;
  readonly warnings: number;
  readonly targets: readonly TargetResult[];
  /** 区级重点 projects started in the window; null: not assessed; undefined: a bulletin written before the count. */
  readonly keyStarts?: number | null;
}

/** A project as the comparison needs it (its amount and owner stay in the presentation). */
export type ProjectData = Omit<ProjectRow, "investmentWan" | "owner">;

/** A finding exactly as the bulletin lists it. */
export type FindingData = FindingRow;

/** A bulletin's data, as written and as read back. */
export interface BulletinData {
  readonly district: string;
  readonly asOf: Day;
  readonly windowStart: Day;
  readonly windowEnd: Day;
  readonly units: readonly UnitData[];
  readonly projects: readonly ProjectData[];
  readonly findings: readonly FindingData[];
  /** The district's total against its goal; undefined in a bulletin written before the count. */
  readonly keyStarts?: DistrictKeyStarts;
}

export function bulletinData(b: Bulletin): BulletinData {
  return {
    district: b.district,
    asOf: b.asOf,
    windowStart: b.windowStart,
    windowEnd: b.windowEnd,
    units: rankByNet(b.units).map(({ item: u, net, rank }: { item: BulletinUnit; net: number; rank: number }) => ({
      unit: u.unit,
      unitKind: u.unitKind,
      file: u.file,
      rank,
      net,
      score: u.score,
      penalty: u.penalty,
      errors: u.errors,
      warnings: u.warnings,
      targets: u.targets,
      keyStarts: u.keyStarts,
    })),
    projects: b.projects.map((p) => ({
      unit: p.unit,
      key: p.key,
      name: p.name,
      status: p.status,
      signDate: p.signDate,
      plannedStart: p.plannedStart,
      actualStart: p.actualStart,
      file: p.file,
      sheet: p.sheet,
      row: p.row,
    })),
    findings: b.findings.map((f) => ({ unit: f.unit, key: f.key, file: f.file, sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message })),
    keyStarts: b.keyStarts,
  };
}

/** The JSON document (version 1): days as ISO dates. */
function toJson(d: BulletinData): string {
  const day = (x: Day | null) => (x === null ? null : isoDay(x));
  const json = JSON.stringify({
    format: FORMAT,
    version: DATA_VERSION,
    district: d.district,
    asOf: isoDay(d.asOf),
    windowStart: isoDay(d.windowStart),
    windowEnd: isoDay(d.windowEnd),
    units: d.units,
    projects: d.projects.map((p) => ({ ...p, signDate: day(p.signDate), plannedStart: day(p.plannedStart), actualStart: day(p.actualStart) })),
    findings: d.findings,
    keyStarts: d.keyStarts,
  });
  // XML 1.0 cannot carry U+FFFE and U+FFFF even escaped: JSON can, as \u escapes.
  return json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function dataXml(d: BulletinData): string {
  // Element text: only & and < must be escaped (> too, for "]]>"); JSON has already escaped every control character.
  const text = toJson(d).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${ROOT} xmlns="${NAMESPACE}" version="${DATA_VERSION}">${text}</${ROOT}>`;
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/**
 * The data part's GUID (itemID), derived from its content: the same bulletin data gives the same
 * file, wherever and however often it is written (the standalone executable's bulletin is compared
 * with the npm command's part for part).
 */
function itemId(xml: string): string {
  const h = createHash("sha256").update(xml).digest("hex").toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The entries with the data part added: the item, its properties part and rels, a relationship from the workbook. */
export async function withDataPart(entries: readonly OutEntry[], d: BulletinData, read: (e: ZipEntry) => Promise<Buffer>): Promise<OutEntry[]> {
  const list = [...entries];
  const names = new Set(list.map((e) => ("copy" in e ? e.copy.name : e.name)));
  let n = 1;
  while (names.has(`customXml/item${n}.xml`) || names.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  const edit = async (name: string, change: (xml: string) => string) => {
    const i = list.findIndex((e) => ("copy" in e ? e.copy.name : e.name) === name);
    if (i < 0) throw new Error(`${name} missing`);
    const e = list[i];
    const xml = ("copy" in e ? await read(e.copy) : e.data).toString("utf8");
    list[i] = { name, data: Buffer.from(change(xml), "utf8") };
  };
  await edit(WORKBOOK_RELS, (xml) => addRels(xml, [{ id: freeRelId(parseRels(xml)), type: REL_CUSTOM_XML, target: `../${item}` }]));
  await edit(CONTENT_TYPES, (xml) => addContentTypes(xml, [{ extension: "xml", type: "application/xml" }], [{ part: props, type: CT_CUSTOM_XML_PROPS }]));
  const data = dataXml(d);
  list.push(
    { name: item, data: Buffer.from(data, "utf8") },
    {
      name: props,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${itemId(data)}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
        "utf8",
      ),
    },
    {
      name: `customXml/_rels/item${n}.xml.rels`,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
        "utf8",
      ),
    },
  );
  return list;
}

/**
 * The data of an earlier bulletin, for --previous; anything else is refused with one line (exit 2):
 * a file that cannot be read, one that is not a bulletin of this tool, a bulletin written before
 * the data was embedded, one whose data part was removed (re-saved by a program that drops it) or
 * damaged, or a newer version's.
 */
export async function readBulletinData(filePath: string, shown: string): Promise<BulletinData> {
  const sniffed = sniffFile(filePath);
  if ("problem" in sniffed) throw new UsageError(PREVIOUS.unreadable(shown, fileProblemText(sniffed.problem)));
  const facts = await probePackage(filePath, sniffed.entries);
  if (facts.own?.kind !== "bulletin") throw new UsageError(PREVIOUS.notBulletin(shown));
  if (facts.own.legacy) throw new UsageError(PREVIOUS.legacy(shown));
  for (const entry of sniffed.entries) {
    if (!/^customXml\/[^/]+\.xml$/i.test(entry.name) || entry.unpacked > MAX_DATA_BYTES || entry.encrypted) continue;
    const text = await partText(filePath, entry);
    const content = rootContent(text);
    if (content === null) continue;
    return parseData(content, shown);
  }
  throw new UsageError(PREVIOUS.noData(shown));
}

async function partText(filePath: string, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryStream(filePath, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The text inside <zsledger-bulletin xmlns="urn:zsledger:bulletin"> (any prefix; CDATA as a re-saving program may write it), or null. */
function rootContent(xml: string): string | null {
  const start = new RegExp(`<([\\w.-]+:)?${ROOT}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!start || !start[0].includes(NAMESPACE)) return null;
  const close = xml.lastIndexOf(`</${start[1] ?? ""}${ROOT}>`);
  if (close < 0) return null;
  const inner = xml.slice(start.index + start[0].length, close);
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((piece) => (piece.startsWith("<![CDATA[") ? piece.slice(9, -3) : unescapeXml(piece)))
    .join("");
}

/** Parses and checks the JSON document field by field: data from a file is never trusted to have the shape it claims. */
function parseData(text: string, shown: string): BulletinData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(PREVIOUS.damaged(shown, "JSON"));
  }
  const v = new Validator(shown);
  const top = v.object(json, "");
  if (top.format !== FORMAT) v.fail("format");
  if (typeof top.version !== "number") v.fail("version");
  if ((top.version as number) > DATA_VERSION) throw new UsageError(PREVIOUS.newer(shown, top.version as number));
  if (top.version !== DATA_VERSION) v.fail("version");
  return {
    district: v.text(top.district, "district"),
    asOf: v.day(top.asOf, "asOf"),
    windowStart: v.day(top.windowStart, "windowStart"),
    windowEnd: v.day(top.windowEnd, "windowEnd"),
    units: v.array(top.units, "units").map((raw, i) => {
      const u = v.object(raw, `units[${i}]`);
      const at = (k: string) => `units[${i}].${k}`;
      return {
        unit: v.text(u.unit, at("unit")),
        unitKind: v.oneOf(u.unitKind, ["town", "park", "department", "hq"] as const, at("unitKind")),
        file: v.text(u.file, at("file")),
        rank: v.number(u.rank, at("rank")),
        net: v.number(u.net, at("net")),
        score: v.number(u.score, at("score")),
        penalty: v.number(u.penalty, at("penalty")),
        errors: v.number(u.errors, at("errors")),
        warnings: v.number(u.warnings, at("warnings")),
        targets: v.array(u.targets, at("targets")).map((rawT, j) => {
          const t = v.object(rawT, `${at("targets")}[${j}]`);
          const tat = (k: string) => `${at("targets")}[${j}].${k}`;
          return {
            id: v.oneOf(t.id, TARGET_IDS, tat("id")) as TargetId,
            met: t.met === null ? null : v.boolean(t.met, tat("met")),
            actual: v.nullableNumber(t.actual, tat("actual")),
            required: v.nullableNumber(t.required, tat("required")),
            gap: v.nullableNumber(t.gap, tat("gap")),
          };
        }),
        ...(u.keyStarts !== undefined ? { keyStarts: v.nullableNumber(u.keyStarts, at("keyStarts")) } : {}),
      };
    }),
    projects: v.array(top.projects, "projects").map((raw, i) => {
      const p = v.object(raw, `projects[${i}]`);
      const at = (k: string) => `projects[${i}].${k}`;
      return {
        unit: v.text(p.unit, at("unit")),
        key: v.text(p.key, at("key")),
        name: v.text(p.name, at("name")),
        status: p.status === null ? null : v.oneOf(p.status, ["missing-planned", "overdue", "due-soon", "pending", "started"] as const, at("status")),
        signDate: v.nullableDay(p.signDate, at("signDate")),
        plannedStart: v.nullableDay(p.plannedStart, at("plannedStart")),
        actualStart: v.nullableDay(p.actualStart, at("actualStart")),
        file: v.text(p.file, at("file")),
        sheet: v.text(p.sheet, at("sheet")),
        row: v.number(p.row, at("row")),
      };
    }),
    findings: v.array(top.findings, "findings").map((raw, i) => {
      const f = v.object(raw, `findings[${i}]`);
      const at = (k: string) => `findings[${i}].${k}`;
      return {
        unit: v.text(f.unit, at("unit")),
        key: v.text(f.key, at("key")),
        file: v.text(f.file, at("file")),
        sheet: v.text(f.sheet, at("sheet")),
        cell: v.text(f.cell, at("cell")),
        rule: v.oneOf(f.rule, RULE_IDS, at("rule")),
        severity: v.oneOf(f.severity, ["error", "warning"] as const, at("severity")),
        message: v.text(f.message, at("message")),
      };
    }),
    ...(top.keyStarts !== undefined ? { keyStarts: districtKeyStartsData(v, top.keyStarts) } : {}),
  };
}

/** The district's key starts as a bulletin stored them (keyStarts.ts's DistrictKeyStarts). */
function districtKeyStartsData(v: Validator, raw: unknown): DistrictKeyStarts {
  const k = v.object(raw, "keyStarts");
  const at = (key: string) => `keyStarts.${key}`;
  return {
    actual: v.nullableNumber(k.actual, at("actual")),
    required: v.number(k.required, at("required")),
    met: k.met === null ? null : v.boolean(k.met, at("met")),
    gap: v.nullableNumber(k.gap, at("gap")),
    assessed: v.number(k.assessed, at("assessed")),
    notAssessed: v.number(k.notAssessed, at("notAssessed")),
  };
}

class Validator {
  constructor(private readonly shown: string) {}
  fail(where: string): never {
    throw new UsageError(PREVIOUS.damaged(this.shown, where));
  }
  object(v: unknown, where: string): Record<string, unknown> {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(where || "JSON");
    return v as Record<string, unknown>;
  }
  array(v: unknown, where: string): unknown[] {
    if (!Array.isArray(v)) this.fail(where);
    return v as unknown[];
  }
  /** Text of any length, "" included (a workbook-level finding has no sheet). */
  text(v: unknown, where: string): string {
    if (typeof v !== "string") this.fail(where);
    return v as string;
  }
  number(v: unknown, where: string): number {
    if (typeof v !== "number" || !Number.isFinite(v)) this.fail(where);
    return v as number;
  }
  nullableNumber(v: unknown, where: string): number | null {
    return v === null ? null : this.number(v, where);
  }
  boolean(v: unknown, where: string): boolean {
    if (typeof v !== "boolean") this.fail(where);
    return v as boolean;
  }
  day(v: unknown, where: string): Day {
    const d = typeof v === "string" ? parseIsoDay(v) : null;
    if (d === null) this.fail(where);
    return d as Day;
  }
  nullableDay(v: unknown, where: string): Day | null {
    return v === null ? null : this.day(v, where);
  }
  oneOf<T extends string>(v: unknown, choices: readonly T[], where: string): T {
    if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) this.fail(where);
    return v as T;
  }
}

