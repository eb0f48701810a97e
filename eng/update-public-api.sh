#!/usr/bin/env bash
# Records new public API of the library in PublicAPI.Unshipped.txt (the analyzer's code fix, run from the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format analyzers src/Praxi.FixEngine/Praxi.FixEngine.csproj --diagnostics RS0016 RS0017 --severity warn
