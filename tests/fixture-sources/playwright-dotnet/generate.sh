#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/playwright-dotnet/results.trx from a real run.
# Needs Chromium at /usr/bin/chromium; Microsoft.Playwright comes from NuGet (no browser download).
set -u
cd "$(dirname "$0")"
out=$(cd ../../Praxi.FixEngine.Tests/Fixtures && pwd)/playwright-dotnet
mkdir -p "$out"
rm -rf TestResults
dotnet test PwFixtures.csproj --logger "trx;LogFileName=results.trx" --results-directory TestResults || true
cp TestResults/results.trx "$out/results.trx"
