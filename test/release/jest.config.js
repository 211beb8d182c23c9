/**
 * The release tests: they read release/, which `npm run release` writes (test/release/ci.sh runs
 * both). Kept out of `npm test` (jest.config.js ignores this folder) because the release takes
 * minutes and fetches Node binaries.
 */
const base = require("../../jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: "../..",
  roots: ["<rootDir>/test/release"],
  testPathIgnorePatterns: ["/node_modules/"],
};
