#!/usr/bin/env bash
# The release's acceptance (.ci/run calls it after the other tests): `npm run release` once for a
# test base URL, then the tests that read release/ — the manifest's URLs, the zips and checksums,
# the notes and server configurations (nginx serving the site when it is installed), and the
# standalone executables: the Linux one run with an empty PATH against `node dist/cli/main.js`,
# the Windows one parsed for Node's single-executable resource.
set -euo pipefail
cd "$(dirname "$0")/../.."

export ZSLEDGER_BASE_URL=https://example.test/zs/
start=$(date +%s)
npm run -s release
built=$(date +%s)
npx jest --config test/release/jest.config.js
echo "release acceptance: release built in $((built - start)) s, checked in $(($(date +%s) - built)) s"
