#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/selenium-dotnet/results.trx from a real run.
# Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); SE_OFFLINE keeps
# Selenium Manager from downloading anything.
set -u
cd "$(dirname "$0")"
out=$(cd ../../Praxi.FixEngine.Tests/Fixtures && pwd)/selenium-dotnet
mkdir -p "$out"
rm -rf TestResults
SE_OFFLINE=true dotnet test SeFixtures.csproj --logger "trx;LogFileName=results.trx" --results-directory TestResults || true
cp TestResults/results.trx "$out/results.trx"
