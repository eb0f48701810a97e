#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/mstest-dotnet/results.trx from a real run.
# No browser: the page object throws what a driver's timeout says. Every run fails on purpose; the exit code is ignored.
set -u
cd "$(dirname "$0")"
out=$(cd ../../Praxi.FixEngine.Tests/Fixtures && pwd)/mstest-dotnet
mkdir -p "$out"
rm -rf TestResults
dotnet test MSTestFixtures.csproj --logger "trx;LogFileName=results.trx" --results-directory TestResults || true
cp TestResults/results.trx "$out/"
