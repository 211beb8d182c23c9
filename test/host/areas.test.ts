/** A1 address helpers. */
import { runsOf } from "../../src/core/marks/mark";
import { areaAddress } from "../../src/core/sheet";
import { parseAreas } from "../../src/host/areas";

describe("areas", () => {
  test("reads Excel's area lists, sheet names quoted or not", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 1, left: 1, bottom: 4, right: 2 },
      { top: 1, left: 4, bottom: 4, right: 4 },
    ]);
    expect(
      parseAreas("'项目,台账 (2)'!$J$9,'项目,台账 (2)'!AA10:AB12"),
    ).toEqual([
      { top: 9, left: 10, bottom: 9, right: 10 },
      { top: 10, left: 27, bottom: 12, right: 28 },
    ]);
    expect(parseAreas("项目台账!A1:P1")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 16 },
    ]);
    expect(parseAreas("A:C, 5:7")).toEqual([]);
  });

  test("merges consecutive numbers into runs", () => {
    expect(runsOf([9, 5, 6, 7, 6, 12])).toEqual([
      [5, 7],
      [9, 9],
      [12, 12],
    ]);
    expect(runsOf([])).toEqual([]);
    // in order already (the fast path) and in order but for one repeat or one step back (the sort)
    expect(runsOf([3, 4, 5, 8, 9])).toEqual([
      [3, 5],
      [8, 9],
    ]);
    expect(runsOf([3, 4, 4, 5])).toEqual([[3, 5]]);
    expect(runsOf([3, 4, 6, 5])).toEqual([[3, 6]]);
    expect(runsOf(new Set([7, 8, 10]))).toEqual([
      [7, 8],
      [10, 10],
    ]);
  });

  test("writes an area as A1, a single cell without a colon, and reads it back", () => {
    expect(areaAddress({ top: 5, left: 1, bottom: 7, right: 16 })).toBe(
      "A5:P7",
    );
    expect(areaAddress({ top: 9, left: 28, bottom: 9, right: 28 })).toBe("AB9");
    expect(
      parseAreas(areaAddress({ top: 5, left: 1, bottom: 7, right: 16 })),
    ).toEqual([{ top: 5, left: 1, bottom: 7, right: 16 }]);
  });
});
