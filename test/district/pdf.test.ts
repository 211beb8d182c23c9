/**
 * The bulletin and a highlighted copy convert to PDF with LibreOffice (`libreoffice --headless
 * --convert-to pdf`) without error, when LibreOffice is installed (Debian: libreoffice-calc-nogui,
 * poppler-utils, fonts-wqy-microhei); otherwise the test is skipped and says so. A highlighted
 * copy's marks are also looked at as LibreOffice renders them: its live formulas and the as-of name
 * are evaluated there, not only by the tests' formula engine.
 *
 * ZSLEDGER_UPDATE_SCREENSHOTS=1 (the convention of every test that makes a README picture; the
 * older ZSLEDGER_WRITE_PNG=1 still works) also renders the bulletin's first page (pdftoppm -png
 * -r 80) to assets/bulletin-page1.png, and the 本期变化 page of a bulletin compared with the last
 * one to assets/bulletin-changes.png: the pictures in the README.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MARK_STYLES } from "../../src/core/marks/mark";
import { runCli } from "../cli/helpers";
import { useDistrict } from "./fixtures";
import { writePeriods } from "./periods";
import { readBook, sheetValues } from "./zipEdit";

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const HAVE_LIBREOFFICE = onPath("libreoffice");
const maybe = HAVE_LIBREOFFICE ? test : test.skip;
if (!HAVE_LIBREOFFICE) console.warn("libreoffice is not on PATH: the PDF conversion tests are skipped");

const district = useDistrict();

/** Converts with a profile of its own, so that parallel runs (or an open LibreOffice) do not collide. */
function toPdf(file: string, format = "pdf", outdir = path.join(district().dir, "pdf")): { pdf: string; pages: number | null } {
  const profile = path.join(district().dir, "lo-profile");
  const r = spawnSync("libreoffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", outdir, file], {
    encoding: "utf8",
    timeout: 110_000,
  });
  expect({ status: r.status, signal: r.signal, error: /Error:|failed/i.test(r.stderr.replace(/Warning: failed to launch javaldx[^\n]*\n?/, "")) ? r.stderr : "" }).toEqual({ status: 0, signal: null, error: "" });
  const pdf = path.join(outdir, path.basename(file).replace(/\.xlsx$/, `.${format}`));
  expect(fs.existsSync(pdf)).toBe(true);
  if (format !== "pdf") return { pdf, pages: null };
  expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const info = onPath("pdfinfo") ? spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout : "";
  const pages = /Pages:\s+(\d+)/.exec(info);
  return { pdf, pages: pages ? Number(pages[1]) : null };
}

maybe("the bulletin converts to PDF: 汇总, 逾期未开工 and 问题清单 on their pages", async () => {
  const r = await runCli(["report", "台账", "--out", "通报.xlsx", "--config", "district.json"], { cwd: district().dir });
  expect(r.code).toBe(1);
  const { pdf, pages } = toPdf(path.join(district().dir, "通报.xlsx"));
  if (pages !== null) expect(pages).toBeGreaterThanOrEqual(3);

  if (process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1" || process.env.ZSLEDGER_WRITE_PNG === "1") {
    const prefix = path.join(district().dir, "page");
    const render = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
    expect(render.status).toBe(0);
    fs.copyFileSync(`${prefix}.png`, path.join(__dirname, "../../assets/bulletin-page1.png"));
  }
});

maybe("a highlighted copy converts to PDF", async () => {
  const r = await runCli(["check", district().files.daimiao, "--highlight", "岱庙街道-标记.xlsx"], { cwd: district().dir });
  expect(r.code).toBe(1);
  toPdf(path.join(district().dir, "岱庙街道-标记.xlsx"));
});

/** Pixel rows of a PDF's first page (rendered by pdftoppm at 40 dpi) in which a fill of this colour shows. */
function rowsFilled(pdf: string, hex: string): number {
  const prefix = pdf.replace(/\.pdf$/, "-page");
  const render = spawnSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  expect(render.status).toBe(0);
  // Binary PPM: "P6", width, height, 255, then RGB bytes.
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  const [, width, height, max] = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString("latin1"))!.map(Number);
  expect(max).toBe(255);
  const start = ppm.length - width * height * 3;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let rows = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x < width; x++) {
      const at = start + (y * width + x) * 3;
      if (ppm[at] === r && ppm[at + 1] === g && ppm[at + 2] === b) run++;
    }
    if (run >= 20) rows++;
  }
  return rows;
}

maybe("LibreOffice evaluates a highlighted copy's live marks, the as-of date through the defined name", async () => {
  if (!onPath("pdftoppm")) return console.warn("pdftoppm is not on PATH: the rendered marks are not checked");
  const sample = path.join(__dirname, "../../assets/sample-ledger.xlsx");
  const dir = path.join(district().dir, "marks");
  fs.mkdirSync(dir, { recursive: true });
  const filled = async (asOf: string | null) => {
    const out = path.join(dir, `样例-${asOf ?? "台账设置"}.xlsx`);
    const r = await runCli(["check", sample, "--highlight", out, ...(asOf ? ["--as-of", asOf] : [])]);
    expect(r.code).toBe(1);
    const { pdf } = toPdf(out, "pdf", dir);
    return { alert: rowsFilled(pdf, MARK_STYLES["start-alert"].fill!), soon: rowsFilled(pdf, MARK_STYLES["start-soon"].fill!) };
  };
  // 台账设置's 2022-09-30: rows 8 (no planned start) and 9 (overdue) light red, row 10 (due soon) yellow
  const settings = await filled(null);
  // as of 2022-08-01: row 8 alone, nothing due soon (row 9's 09-15 is 45 days ahead)
  const early = await filled("2022-08-01");
  expect(early.alert).toBeGreaterThan(0);
  expect(Math.abs(settings.alert - 2 * early.alert)).toBeLessThanOrEqual(2);
  expect(Math.abs(settings.soon - early.alert)).toBeLessThanOrEqual(1);
  expect(early.soon).toBe(0);
});

maybe("a bulletin compared with the last one converts to PDF, 本期变化 on the page after 汇总", async () => {
  const dir = path.join(district().dir, "两期");
  await writePeriods(dir);
  await runCli(["report", "0915", "--out", "通报0915.xlsx"], { cwd: dir });
  const r = await runCli(["report", "0930", "--out", "通报0930.xlsx", "--previous", "通报0915.xlsx"], { cwd: dir });
  expect(r.code).toBe(0);
  const { pdf, pages } = toPdf(path.join(dir, "通报0930.xlsx"));
  if (pages !== null) expect(pages).toBeGreaterThanOrEqual(5);
  if (process.env.ZSLEDGER_UPDATE_SCREENSHOTS === "1" || process.env.ZSLEDGER_WRITE_PNG === "1") {
    const prefix = path.join(dir, "changes");
    const render = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", pdf, prefix]);
    expect(render.status).toBe(0);
    fs.copyFileSync(`${prefix}.png`, path.join(__dirname, "../../assets/bulletin-changes.png"));
  }
});

maybe("a bulletin re-saved by LibreOffice keeps its marker and data: still left out of folders, still compared the same", async () => {
  const dir = path.join(district().dir, "两期");
  const resaved = path.join(dir, "另存");
  toPdf(path.join(dir, "通报0915.xlsx"), "xlsx", resaved);
  const r = await runCli(["report", "0930", "--out", "另存后比较.xlsx", "--previous", path.join("另存", "通报0915.xlsx")], { cwd: dir });
  expect(r.code).toBe(0);
  const [before, after] = [await readBook(path.join(dir, "通报0930.xlsx")), await readBook(path.join(dir, "另存后比较.xlsx"))];
  for (const name of ["汇总", "本期变化"]) expect(sheetValues(after.getWorksheet(name)!)).toEqual(sheetValues(before.getWorksheet(name)!));
  const folder = await runCli(["check", "另存", "--format", "json"], { cwd: dir });
  expect(JSON.parse(folder.stdout).skipped).toEqual([{ file: "另存/通报0915.xlsx", reason: "这是本工具生成的通报，不是台账" }]);
});
