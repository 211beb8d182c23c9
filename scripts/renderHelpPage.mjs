/**
 * Renders one doc of docs/ as its help page and prints it: `node scripts/renderHelpPage.mjs FILE`.
 * Run by scripts/helpPage.js (which holds the renderer and the page) in a process of its own,
 * because marked is an ES module and the builds that need the page are CommonJS.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";
import { Marked } from "marked";

const { pageShell, rendererFor } = createRequire(import.meta.url)("./helpPage.js");

const file = process.argv[2];
const markdown = readFileSync(file, "utf8");
const body = new Marked({ gfm: true, async: false, renderer: rendererFor(file) }).parse(markdown);
process.stdout.write(pageShell(markdown, body));
