import { parseRole, roleFromTitle } from "../../../src/core/values/role";
import type { Role } from "../../../src/core/values/types";
import type { CellValue } from "../../../src/core/sheet";

describe("parseRole", () => {
  it.each<[string, Role]>([
    ["主要负责人", "principal"],
    ["党政主职", "principal"],
    ["主职", "principal"],
    ["一把手", "principal"],
    ["分工负责人", "deputy"],
    ["分管负责人", "deputy"],
    ["班子成员", "deputy"],
    ["其他", "other"],
    ["其它", "other"],
    [" 主要 负责人 ", "principal"],
  ])("reads %p as %s", (word, role) => {
    expect(parseRole(word)).toEqual({ status: "ok", value: role });
  });

  it.each<[CellValue, string]>([
    ["书记", "书记"],
    ["负责人", "负责人"],
    [1, "1"],
  ])("cannot read %p", (v, text) => {
    expect(parseRole(v)).toEqual({ status: "invalid", reason: "unreadable", text });
  });

  it("reads blanks and error values", () => {
    expect(parseRole(undefined)).toEqual({ status: "blank" });
    expect(parseRole({ error: "#N/A" })).toEqual({ status: "invalid", reason: "error-value", text: "#N/A" });
  });
});

describe("roleFromTitle", () => {
  it.each<[string, Role]>([
    ["书记", "principal"],
    ["党委书记", "principal"],
    ["党工委书记", "principal"],
    ["党组书记", "principal"],
    ["镇长", "principal"],
    ["乡长", "principal"],
    ["主任", "principal"],
    ["局长", "principal"],
    ["区长", "principal"],
    ["县长", "principal"],
    ["园长", "principal"],
    ["指挥长", "principal"],
    ["财源街道党工委书记", "principal"],
    ["区发改局局长", "principal"],
    ["党工委书记、主任", "principal"],
    ["党委书记,镇长", "principal"],
    ["党委书记，镇长", "principal"],
    ["党委副书记、镇长", "principal"],
    ["主要负责人", "principal"],
    ["副书记", "deputy"],
    ["党工委副书记", "deputy"],
    ["副镇长", "deputy"],
    ["副主任", "deputy"],
    ["副局长", "deputy"],
    ["党委委员、副镇长", "deputy"],
    ["党工委副书记、办事处主任", "principal"],
    ["科长", "other"],
    ["招商专员", "other"],
    ["主任科员", "other"],
    ["党委委员", "other"],
  ])("reads the title %p as %s", (title, role) => {
    expect(roleFromTitle(title)).toBe(role);
  });

  it.each<CellValue>([null, undefined, "", "  ", { error: "#N/A" }, 5, true])("has no role for %p", (v) => {
    expect(roleFromTitle(v)).toBeNull();
  });
});
