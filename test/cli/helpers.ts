/** Shared by the CLI tests: run the command in-process, and make workbooks and broken files on disk. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RunIO } from "../../src/cli/io";
import { run } from "../../src/cli/run";
import { crc32 } from "../../src/cli/zip";
import type { SampleSheet } from "../sample/sampleLedger";
import { workbookOf } from "../sample/writeSample";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], io: Partial<Omit<RunIO, "stdout" | "stderr">> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    ...io,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** A fresh folder under the system's temp dir, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zsledger-cli-"));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function writeWorkbook(file: string, sheets: readonly SampleSheet[], options: { date1904?: boolean } = {}): Promise<string> {
  await workbookOf(sheets, options).xlsx.writeFile(file);
  return file;
}

/** stderr holds exactly one line, and no stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

/** A UTC-midnight date, as ExcelJS gives date cells. */
export function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A zip of stored (uncompressed) entries with their CRC-32, written by hand so that tests control every byte. */
export function storedZip(entries: readonly { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = Buffer.from(e.data, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Where each entry's central directory record starts, by name (to forge sizes and flags). */
export function centralRecords(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    const nameLength = zip.readUInt16LE(p + 28);
    out.set(zip.toString("utf8", p + 46, p + 46 + nameLength), p);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** The smallest xl/workbook.xml: one sheet, 项目台账, related as rId1. */
export const WORKBOOK_XML =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目台账" sheetId="1" r:id="rId1"/></sheets></workbook>';

/** xl/_rels/workbook.xml.rels relating rId1 to the given worksheet part. */
export function rels(worksheetTarget: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${worksheetTarget}"/>` +
    "</Relationships>"
  );
}
