/**
 * The add-in asks Office for no more than it needs: to read the ledger and to write its marks and
 * the 台账设置 sheet, i.e. at most ReadWriteDocument (Office's scale: Restricted < ReadDocument <
 * ReadAllDocument < WriteDocument < ReadWriteDocument; mailbox and item permissions are Outlook's,
 * and nothing of the kind belongs in a workbook add-in). It lets no other domain into its pane.
 */
import * as fs from "fs";
import * as path from "path";

const xml2js = require("xml2js") as { parseStringPromise(xml: string, options?: object): Promise<unknown> };
const webpackConfig = require("../../webpack.config.js") as { OUTPUT_DIR: string; DEV_BASE_URL: string };

const ROOT = path.resolve(__dirname, "..", "..");
/** What a workbook add-in may ask for, at most ReadWriteDocument. */
const ALLOWED = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

/** The source manifest, and the built one when a build is there. */
const manifests = [path.join(ROOT, "manifest.xml"), path.join(webpackConfig.OUTPUT_DIR, "manifest.xml")].filter((f) => fs.existsSync(f));

type Raw = { [child: string]: unknown };

/** Every element named `name` anywhere in the document, with its text. */
function elements(node: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, name, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Raw)) {
      if (key === "$") continue;
      if (key.replace(/^\w+:/, "") === name) for (const v of value as unknown[]) out.push(typeof v === "string" ? v : String((v as Raw)._ ?? ""));
      elements(value, name, out);
    }
  }
  return out;
}

describe.each(manifests.map((f) => [path.relative(ROOT, f), f]))("%s", (_name, file) => {
  let doc: unknown;
  beforeAll(async () => {
    doc = await xml2js.parseStringPromise(fs.readFileSync(file, "utf8"), { strict: true, explicitArray: true });
  });

  test("asks for exactly one permission, no more than ReadWriteDocument", () => {
    const permissions = elements(doc, "Permissions").map((p) => p.trim());
    expect(permissions).toHaveLength(1);
    expect(ALLOWED).toContain(permissions[0]);
  });

  test("lets no other domain into the pane (no AppDomains)", () => {
    expect(elements(doc, "AppDomain")).toEqual([]);
  });

  test("the one permission is the one the pane needs: it writes marks and settings, so ReadWriteDocument", () => {
    // Asking for less would break the highlight; asking for more is what the test above refuses.
    expect(elements(doc, "Permissions")[0].trim()).toBe("ReadWriteDocument");
  });
});

test("the source manifest is there to check", () => {
  expect(manifests[0]).toBe(path.join(ROOT, "manifest.xml"));
});

test("no unified (JSON) manifest asks for more behind the XML one's back", () => {
  for (const name of ["manifest.json", path.join("appPackage", "manifest.json")]) {
    const file = path.join(ROOT, name);
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { authorization?: { permissions?: { resourceSpecific?: { name: string }[] } } };
    const names = (json.authorization?.permissions?.resourceSpecific ?? []).map((p) => p.name);
    for (const n of names) expect(["Document.Read.User", "Document.ReadWrite.User"]).toContain(n);
  }
});
