#!/usr/bin/env bash
# Runs one PraxiShop scenario end to end and collects the artifacts a CI user would have.
#
#   samples/scenarios/run.sh <scenario|baseline> [--suite ts|dotnet|selenium|both|all] [--out DIR] [--keep-traces]
#                            [--expect manifest|pass]
#
# Suites: ts = samples/e2e-ts, dotnet = samples/e2e-dotnet, selenium = samples/e2e-selenium; both = ts + dotnet (the
# default); all = the three.
#
# Builds the app, creates a fresh database in a temp dir, seeds it (unless the scenario skips that), starts the app on
# a free 127.0.0.1 port with the scenario's breakage switch (PRAXISHOP_BREAK), runs the suite(s), stops the app with
# SIGTERM and copies the artifacts into DIR (default: .praxi-tmp/scenarios/<scenario> under the repo root).
# Exit code: 0 when the run did what the scenario promises (each suite fails exactly when the manifest lists failures
# for it, so the baseline is green everywhere), 1 otherwise, 2 for bad usage or a missing prerequisite.
# --expect pass: 0 only when every chosen suite passes, whatever the manifest says (a healed suite rerun against the
# scenario's breakage).
# --keep-traces (or PRAXI_KEEP_TRACES=1, or "keep_traces": true in the manifest, as the baseline has): the suites keep
# the evidence of passing tests too: TypeScript trace.zip, .NET trace.zip + dom.html, Selenium dom.html.
set -euo pipefail

tool=run.sh
usage_line="samples/scenarios/run.sh <scenario|baseline> [--suite ts|dotnet|selenium|both|all] [--out DIR] [--keep-traces] [--expect manifest|pass]"
# shellcheck source=samples/scenarios/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario="${1:-}"
[[ -n "$scenario" && "$scenario" != -* ]] || { usage >&2; exit 2; }
shift
suite="both"
out=""
keep_traces=false
[[ "${PRAXI_KEEP_TRACES:-}" == 1 ]] && keep_traces=true
expect="manifest"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --suite) [[ $# -ge 2 ]] || die "--suite needs a value"; suite="$2"; shift 2 ;;
    --out) [[ $# -ge 2 ]] || die "--out needs a value"; out="$2"; shift 2 ;;
    --keep-traces) keep_traces=true; shift ;;
    --expect) [[ $# -ge 2 ]] || die "--expect needs a value"; expect="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$scenario" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "bad scenario name: $scenario"
case "$suite" in ts|dotnet|selenium|both|all) ;; *) die "--suite must be ts, dotnet, selenium, both or all (got: $suite)" ;; esac
case "$expect" in manifest|pass) ;; *) die "--expect must be manifest or pass (got: $expect)" ;; esac

manifest="$lib_here/$scenario/scenario.json"
[[ -f "$manifest" ]] || { usage >&2; die "no such scenario: $scenario ($manifest is missing)"; }
[[ -n "$out" ]] || out="$repo/.praxi-tmp/scenarios/$scenario"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# --- prerequisites -----------------------------------------------------------------------------------------------
require_prereqs "$([[ "$suite" == selenium || "$suite" == all ]] && echo selenium || true)"

field() { manifest_field "$manifest" "$1"; }
break_name="$(field break)"
seed="$(field seed)"
start_mode="$(field start)"
auth_mode="$(field auth)"
expect_failures="$(field expect_failures)"
[[ "$(field keep_traces)" == true ]] && keep_traces=true
expected_count() { # expected_count SUITE -> how many failures the manifest expects from that suite
  node -e 'const m = require(process.argv[1]); process.stdout.write(String(((m.expected || {})[process.argv[2]] || []).length));' "$manifest" "$1"
}

run_ts=false; run_dotnet=false; run_selenium=false
[[ "$suite" == ts || "$suite" == both || "$suite" == all ]] && run_ts=true
[[ "$suite" == dotnet || "$suite" == both || "$suite" == all ]] && run_dotnet=true
[[ "$suite" == selenium || "$suite" == all ]] && run_selenium=true
# The expired-auth scenario makes its stale storage state with the TypeScript setup project, whatever the suite.
[[ "$auth_mode" == "stale-storage-state" ]] && needs_node_modules=true || needs_node_modules=$run_ts

take_run_lock
[[ "$needs_node_modules" == true ]] && install_ts_packages

work="$(mktemp -d "${TMPDIR:-/tmp}/praxishop-run.XXXXXX")"
app_pid=""
app_launcher=()
server_log="$work/server.log"
cleanup() { stop_app; rm -rf "$work"; }
trap cleanup EXIT
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
SECONDS=0

# --- build -------------------------------------------------------------------------------------------------------
log "building PraxiShop"
build_project "$samples/PraxiShop/PraxiShop.csproj" PraxiShop "$work/build.log"
if [[ "$run_dotnet" == true ]]; then
  log "building the .NET suite"
  build_project "$samples/e2e-dotnet/PraxiShop.E2E.csproj" samples/e2e-dotnet "$work/build.log"
fi
if [[ "$run_selenium" == true ]]; then
  log "building the Selenium suite"
  build_project "$samples/e2e-selenium/PraxiShop.Selenium.csproj" samples/e2e-selenium "$work/build.log"
fi

# --- database ----------------------------------------------------------------------------------------------------
app_env=(
  "Database__Path=$work/db/praxishop.db"
  "DataProtection__KeysPath=$work/keys"
)
if [[ "$seed" == false ]]; then
  log "not seeding the database (scenario: $scenario)"
else
  log "seeding a fresh database in $work/db"
  seed_database "$work/seed.log"
fi

port="$(free_port)"
url="http://127.0.0.1:$port"
touch "$server_log"

ts_state="$work/auth/ts-admin.json"
dotnet_state="$work/auth/dotnet-admin.json"
ts_extra=()
if [[ "$auth_mode" == "stale-storage-state" ]]; then
  # Phase 1: sign in against a healthy app and keep the storage state, as an earlier CI job would.
  start_app "" || die "PraxiShop did not start for the sign-in phase (see $work/server.log)"
  log "phase 1: saving the admin's storage state with the setup project"
  sign_in "$ts_state" "$work/setup-phase.log" || { cat "$work/setup-phase.log" >&2; die "phase 1 (setup project) failed"; }
  cp "$ts_state" "$dotnet_state"
  stop_app
  # Phase 2 reuses the saved state: run the projects without the setup project and without its dependency.
  ts_extra=(--no-deps --project=anonymous --project=chromium)
fi

log "starting PraxiShop on $url (PRAXISHOP_BREAK=${break_name:-none})"
app_started=true
if ! start_app "$break_name"; then
  app_started=false
  if [[ "$start_mode" == "expect-crash" ]]; then
    log "PraxiShop did not come up, as the scenario intends; running the suites anyway"
  else
    tail -n 40 "$work/server.log" >&2
    die "PraxiShop did not start (scenario $scenario expects it to)"
  fi
fi

suite_env=("PRAXISHOP_URL=$url" "PRAXISHOP_BREAK=$break_name" "${app_env[@]}" "CHROMIUM_PATH=$chromium"
  "PRAXI_KEEP_TRACES=$([[ "$keep_traces" == true ]] && echo 1 || echo 0)")
[[ "$keep_traces" == true ]] && log "keeping the evidence of passing tests too (traces, DOM dumps)"
ts_rc=""
dotnet_rc=""
selenium_rc=""
if [[ "$run_ts" == true ]]; then
  log "running the TypeScript suite"
  ts_rc=0
  run_ts_suite "$ts_state" "$work/playwright.log" "${ts_extra[@]}" || ts_rc=$?
  log "TypeScript suite exit code: $ts_rc"
fi
if [[ "$run_dotnet" == true ]]; then
  log "running the .NET suite"
  dotnet_rc=0
  run_dotnet_suite "$samples/e2e-dotnet/PraxiShop.E2E.csproj" "$work/dotnet" results.trx "$work/dotnet-test.log" \
    "PRAXISHOP_STORAGE_STATE=$dotnet_state" "PRAXISHOP_ARTIFACTS=$work/dotnet/test-results" -- || dotnet_rc=$?
  log ".NET suite exit code: $dotnet_rc"
fi
if [[ "$run_selenium" == true ]]; then
  log "running the Selenium suite"
  selenium_rc=0
  # SE_OFFLINE: Selenium Manager must not try to download a driver or a browser.
  run_dotnet_suite "$samples/e2e-selenium/PraxiShop.Selenium.csproj" "$work/selenium" results.trx "$work/selenium-test.log" \
    "CHROMEDRIVER_PATH=$chromedriver" "PRAXISHOP_ARTIFACTS=$work/selenium/test-results" SE_OFFLINE=true -- || selenium_rc=$?
  log "Selenium suite exit code: $selenium_rc"
fi
stop_app

# --- artifacts ---------------------------------------------------------------------------------------------------
log "collecting artifacts into $out"
find "$out" -mindepth 1 -delete
cp "$work/server.log" "$out/server.log"
[[ -f "$work/seed.log" ]] && cp "$work/seed.log" "$out/seed.log"
[[ -f "$work/setup-phase.log" ]] && cp "$work/setup-phase.log" "$out/setup-phase.log"
if [[ "$run_ts" == true ]]; then
  cp "$work/playwright.log" "$out/playwright.log"
  copy_ts_results "$out"
fi
if [[ "$run_dotnet" == true ]]; then
  mkdir -p "$out/dotnet"
  cp "$work/dotnet-test.log" "$out/dotnet/dotnet-test.log"
  [[ -f "$work/dotnet/results.trx" ]] && cp "$work/dotnet/results.trx" "$out/dotnet/results.trx"
  [[ -d "$work/dotnet/test-results" ]] && cp -r "$work/dotnet/test-results" "$out/dotnet/test-results"
fi
if [[ "$run_selenium" == true ]]; then
  mkdir -p "$out/selenium"
  cp "$work/selenium-test.log" "$out/selenium/selenium-test.log"
  [[ -f "$work/selenium/results.trx" ]] && cp "$work/selenium/results.trx" "$out/selenium/results.trx"
  [[ -d "$work/selenium/test-results" ]] && cp -r "$work/selenium/test-results" "$out/selenium/test-results"
fi
# Keep the artifact folders small: traces over ~1 MB are dropped (the run.json says how many).
dropped="$(drop_big_traces "$out")"

verdict="ok"
check_suite() { # check_suite NAME EXIT_CODE: a suite must fail exactly when the manifest expects failures from it
  local name="$1" rc="$2" expected=0
  [[ -n "$rc" ]] || return 0
  # --expect pass: every chosen suite must pass now, whatever the manifest says the breakage does to it.
  [[ "$expect_failures" == true && "$expect" == manifest ]] && expected="$(expected_count "$name")"
  if [[ "$expected" -gt 0 && "$rc" == 0 ]]; then verdict="unexpected-pass"; log "$name passed but the manifest expects $expected failure(s)"; fi
  if [[ "$expected" -eq 0 && "$rc" != 0 ]]; then verdict="unexpected-failure"; log "$name failed but the $([[ "$expect" == pass ]] && echo "run expects it to pass" || echo "manifest expects no failure")"; fi
}
check_suite ts "$ts_rc"
check_suite dotnet "$dotnet_rc"
check_suite selenium "$selenium_rc"

cat >"$out/run.json" <<JSON
{
  "scenario": "$scenario",
  "break": "$break_name",
  "seeded": $([[ "$seed" == false ]] && echo false || echo true),
  "auth": "${auth_mode:-fresh}",
  "suite": "$suite",
  "url": "$url",
  "app_started": $app_started,
  "ts_exit_code": ${ts_rc:-null},
  "dotnet_exit_code": ${dotnet_rc:-null},
  "selenium_exit_code": ${selenium_rc:-null},
  "expect_failures": $([[ "$expect_failures" == true ]] && echo true || echo false),
  "expect": "$expect",
  "keep_traces": $keep_traces,
  "verdict": "$verdict",
  "dropped_traces": $dropped,
  "started_at": "$started_at",
  "duration_s": $SECONDS
}
JSON
log "scenario $scenario: $verdict (ts: ${ts_rc:-not run}, dotnet: ${dotnet_rc:-not run}, selenium: ${selenium_rc:-not run}) in ${SECONDS}s; artifacts in $out"
[[ "$verdict" == ok ]]
