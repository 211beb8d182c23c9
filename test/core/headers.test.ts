import * as fs from "fs";
import * as path from "path";
import { HEADER_SYNONYMS, REQUIRED_FIELDS, fieldOfHeader, meetsRequirement, normalizeHeader } from "../../src/core/headers";
import type { FieldId, LedgerKind } from "../../src/core/ledger";
import { LEDGER_KINDS } from "../../src/core/ledger";

/**
 * DOMAIN.md, the authoritative domain reference, lies in the shared/ folder beside the checkout
 * (CI lays a copy there); it is looked for in each folder above this one.
 */
function domainMarkdown(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "shared", "DOMAIN.md");
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
    if (path.dirname(dir) === dir) throw new Error("shared/DOMAIN.md was not found above the checkout");
  }
}

/** The words of a field as DOMAIN.md lists them: "日期, 出发日期 (note…)" or "类别: 主要负责人 or …" → the words before the note. */
const wordsOf = (list: string): string[] => list.split(/ \(|:/)[0].split(", ").map((w) => w.trim()).filter((w) => w !== "");

/** DOMAIN.md's header words, per ledger kind and field: the projects' table, then the other ledgers' paragraphs. */
function domainHeaderWords(md: string): Record<LedgerKind, Record<string, string[]>> {
  const section = md.slice(md.indexOf("**Projects ledger"), md.indexOf("## Values"));
  const projects: Record<string, string[]> = {};
  for (const [, field, list] of section.matchAll(/^\| `(\w+)`(?: \(required\))? \| (.+) \|$/gm)) projects[field] = wordsOf(list);
  const paragraph = (title: string): Record<string, string[]> => {
    const start = section.indexOf(`**${title}`);
    const text = section.slice(start, section.indexOf("\n\n", start)).replace(/\n/g, " ");
    const fields: Record<string, string[]> = {};
    // "`unit`" alone takes the words the projects' table gives it.
    for (const [, field, list] of text.matchAll(/`(\w+)`(?: \(([^)]*)\))?/g)) fields[field] = list === undefined ? projects[field] : wordsOf(list);
    return fields;
  };
  return { projects, trips: paragraph("Trips ledger"), invitations: paragraph("Invitations ledger"), meetings: paragraph("Meetings ledger") };
}

describe("normalizeHeader", () => {
  it.each([
    ["  项目名称 ", "项目名称", null],
    ["计划开工\n时间", "计划开工时间", null],
    ["计划开工\r\n 时间", "计划开工时间", null],
    ["项 目 名 称", "项目名称", null],
    ["总投资(亿元)", "总投资", "亿元"],
    ["总投资（亿元）", "总投资", "亿元"],
    ["签约总投资额[亿元]", "签约总投资额", "亿元"],
    ["总投资额【万元】", "总投资额", "万元"],
    ["到位资金〔元〕", "到位资金", "元"],
    ["投资额［亿元］", "投资额", "亿元"],
    ["总投资（单位：亿元）", "总投资", "亿元"],
    ["总投资（亿元", "总投资", "亿元"],
    ["到位资金（含外资）（万元）", "到位资金", "万元"],
    ["项目状态（在谈/签约/开工）", "项目状态", null],
    ["计划开工时间(年月日)", "计划开工时间", null],
    ["*项目名称", "项目名称", null],
    ["Project Name", "projectname", null],
    ["ＳＩＧＮ　ＤＡＴＥ", "signdate", null],
    ["Investment (亿元)", "investment", "亿元"],
  ])("%j → %s, unit %s", (text, key, unit) => {
    expect(normalizeHeader(text)).toEqual({ key, unit });
  });
});

describe("fieldOfHeader", () => {
  it("reads every header word of DOMAIN.md as its field, and the table holds exactly those Chinese words", () => {
    const domain = domainHeaderWords(domainMarkdown());
    for (const kind of LEDGER_KINDS) {
      expect(Object.keys(domain[kind]).length).toBeGreaterThan(3);
      for (const [field, words] of Object.entries(domain[kind])) {
        for (const word of words) expect([kind, word, fieldOfHeader(kind, normalizeHeader(word).key)]).toEqual([kind, word, field]);
      }
      const chinese = Object.fromEntries(
        Object.entries(HEADER_SYNONYMS[kind]).map(([field, words]) => [field, (words as string[]).filter((w) => !/[A-Za-z]/.test(w))]),
      );
      expect(chinese).toEqual(domain[kind]);
    }
  });

  it("reads every English word of the table as its field", () => {
    for (const kind of LEDGER_KINDS) {
      for (const [field, words] of Object.entries(HEADER_SYNONYMS[kind])) {
        for (const word of (words as string[]).filter((w) => /[A-Za-z]/.test(w))) expect([kind, word, fieldOfHeader(kind, normalizeHeader(word).key)]).toEqual([kind, word, field]);
      }
    }
  });

  it("has English words for every field", () => {
    for (const [kind, field, words] of LEDGER_KINDS.flatMap((k) => Object.entries(HEADER_SYNONYMS[k]).map(([f, w]) => [k, f, w] as const))) {
      expect([kind, field, (words as string[]).some((w) => /^[A-Za-z]/.test(w))]).toEqual([kind, field, true]);
    }
  });

  it("matches whole keys only", () => {
    expect(fieldOfHeader("projects", "开工时间")).toBe("actualStart");
    expect(fieldOfHeader("projects", "计划开工时间")).toBe("plannedStart");
    expect(fieldOfHeader("projects", "开工")).toBeNull();
    expect(fieldOfHeader("projects", "项目名称及地点")).toBeNull();
    expect(fieldOfHeader("projects", "总投资额(亿元)")).toBeNull();
  });

  it("reads a header word per kind", () => {
    expect(fieldOfHeader("trips", "姓名")).toBe("leader");
    expect(fieldOfHeader("invitations", "姓名")).toBe("invitee");
    expect(fieldOfHeader("projects", "姓名")).toBeNull();
    expect(fieldOfHeader("trips", "地点")).toBe("region");
    expect(fieldOfHeader("meetings", "地点")).toBe("location");
    expect(fieldOfHeader("projects", "企业名称")).toBe("investor");
    expect(fieldOfHeader("invitations", "企业名称")).toBe("company");
  });
});

describe("meetsRequirement", () => {
  const has = (...fields: FieldId[]): Set<FieldId> => new Set(fields);
  it("projects need name and stage or investment", () => {
    expect(meetsRequirement("projects", has("name", "stage"))).toBe(true);
    expect(meetsRequirement("projects", has("name", "investment"))).toBe(true);
    expect(meetsRequirement("projects", has("name", "investor"))).toBe(false);
    expect(meetsRequirement("projects", has("stage", "investment"))).toBe(false);
  });
  it("trips need date and leader, role or title", () => {
    for (const f of ["leader", "role", "title"] as FieldId[]) expect(meetsRequirement("trips", has("date", f))).toBe(true);
    expect(meetsRequirement("trips", has("date", "region"))).toBe(false);
  });
  it("invitations need company and category; meetings date and topic", () => {
    expect(meetsRequirement("invitations", has("company", "category"))).toBe(true);
    expect(meetsRequirement("invitations", has("company", "invitee"))).toBe(false);
    expect(meetsRequirement("meetings", has("date", "topic"))).toBe(true);
    expect(meetsRequirement("meetings", has("date", "location"))).toBe(false);
  });
  it("names the required fields of DOMAIN.md", () => {
    expect(REQUIRED_FIELDS.projects).toEqual({ all: ["name"], anyOf: ["stage", "investment"] });
  });
});
