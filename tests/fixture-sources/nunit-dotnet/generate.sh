#!/usr/bin/env bash
# Regenerates tests/Praxi.FixEngine.Tests/Fixtures/nunit-dotnet/{results.trx,TestResult.xml} from a real run.
# No browser: the page object throws what a driver's timeout says. Every run fails on purpose; the exit code is ignored.
set -u
cd "$(dirname "$0")"
out=$(cd ../../Praxi.FixEngine.Tests/Fixtures && pwd)/nunit-dotnet
mkdir -p "$out"
rm -rf TestResults
dotnet test NUnitFixtures.csproj --logger "trx;LogFileName=results.trx" --logger "nunit;LogFileName=TestResult.xml" --results-directory TestResults || true
cp TestResults/results.trx TestResults/TestResult.xml "$out/"
