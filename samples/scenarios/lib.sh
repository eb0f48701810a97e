# shellcheck shell=bash
# What samples/scenarios/run.sh (one scenario end to end) and samples/scenarios/env.sh (a long-lived environment) share:
# paths, prerequisites, the run lock, builds, the database, starting and stopping PraxiShop, and running the suites.
# Sourced, never run. The caller sets `tool` (its name, for messages) and `usage_line` before sourcing.

lib_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
samples="$(dirname "$lib_here")"
repo="$(dirname "$samples")"
ts_dir="$samples/e2e-ts"
dll="$samples/PraxiShop/bin/Release/net10.0/PraxiShop.dll"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER_PATH:-/usr/bin/chromedriver}"

die() { echo "$tool: $*" >&2; exit 2; }
log() { printf '[%s %s] %s\n' "$tool" "$(date -u +%H:%M:%S)" "$*" >&2; }

scenario_names() { (cd "$lib_here" && for d in */scenario.json; do printf '%s ' "${d%/scenario.json}"; done); }

usage() {
  echo "usage: $usage_line"
  echo "scenarios: $(scenario_names)"
}

manifest_field() { # manifest_field MANIFEST NAME -> the manifest's top-level value as text ("" when absent)
  node -e 'const m = require(process.argv[1]); const v = m[process.argv[2]]; process.stdout.write(v === undefined || v === null ? "" : String(v));' "$1" "$2"
}

require_prereqs() { # require_prereqs [selenium]: Chromium, dotnet, node, curl (and chromedriver for the Selenium suite)
  [[ -x "$chromium" ]] || die "Chromium not found at $chromium: run samples/install-prereqs.sh (apt-get install chromium)"
  command -v dotnet >/dev/null || die "dotnet is not on PATH"
  command -v node >/dev/null || die "node is not on PATH"
  command -v curl >/dev/null || die "curl is not on PATH"
  if [[ "${1:-}" == selenium ]]; then
    [[ -x "$chromedriver" ]] || die "chromedriver not found at $chromedriver: run samples/install-prereqs.sh (apt-get install chromium-driver)"
  fi
}

take_run_lock() { # one run at a time: the suites share samples/e2e-ts/test-results and the build outputs (fd 9)
  mkdir -p "$repo/.praxi-tmp"
  exec 9>"$repo/.praxi-tmp/run.lock"
  flock 9
}

install_ts_packages() {
  if [[ ! -d "$ts_dir/node_modules/@playwright/test" ]]; then
    log "installing the TypeScript suite's packages (npm ci)"
    (cd "$ts_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) >&2
  fi
}

build_project() { # build_project CSPROJ WHAT LOG: Release build, the log shown and exit 2 on failure
  dotnet build "$1" -c Release --nologo -v q >>"$3" 2>&1 || { cat "$3" >&2; die "building $2 failed"; }
}

seed_database() { # seed_database LOG: schema + baseline data into the database app_env points at
  env "${app_env[@]}" dotnet "$dll" seed >"$1" 2>&1 || { cat "$1" >&2; die "seeding failed"; }
}

free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }

# start_app BREAK -> 0 when /api/health/ answers, 1 when the process died or never answered. Uses app_env, url, dll,
# server_log and app_launcher (a prefix such as `setsid`, for an app that outlives the caller); sets app_pid.
# The app never inherits the run lock (fd 9) nor the caller's standard streams.
start_app() {
  local breakage="$1" rc
  printf '### %s: starting PraxiShop on %s (PRAXISHOP_BREAK=%s)\n' "$tool" "$url" "${breakage:-none}" >>"$server_log"
  env "${app_env[@]}" "PRAXISHOP_BREAK=$breakage" "${app_launcher[@]}" dotnet "$dll" --urls "$url" \
    </dev/null >>"$server_log" 2>&1 9>&- &
  app_pid=$!
  for _ in $(seq 1 120); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      wait "$app_pid" 2>/dev/null && rc=0 || rc=$?
      printf '### %s: PraxiShop exited during start-up with code %s\n' "$tool" "$rc" >>"$server_log"
      app_pid=""
      return 1
    fi
    app_answers && return 0
    sleep 0.25
  done
  return 1
}

app_answers() { curl -fsS -o /dev/null --max-time 2 "$url/api/health/" 2>/dev/null; }

stop_app() { # SIGTERM, up to 10 s, then SIGKILL
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
  fi
  [[ -n "$app_pid" ]] && wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# sign_in STATE LOG [playwright args...]: the setup project signs the admin in against $url and saves the storage state.
sign_in() {
  local state="$1" out="$2"
  shift 2
  (cd "$ts_dir" && env "PRAXISHOP_URL=$url" "PRAXISHOP_STORAGE_STATE=$state" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npx playwright test --project=setup "$@") >"$out" 2>&1
}

# run_ts_suite STATE LOG [playwright args...] -> the suite's exit code; results.json, junit.xml and test-results/ in
# samples/e2e-ts. Uses suite_env.
run_ts_suite() {
  local state="$1" out="$2" rc=0
  shift 2
  rm -rf "$ts_dir/test-results" "$ts_dir/results.json" "$ts_dir/junit.xml" "$ts_dir/playwright-report"
  (cd "$ts_dir" && env "${suite_env[@]}" "PRAXISHOP_STORAGE_STATE=$state" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npx playwright test "$@") >"$out" 2>&1 || rc=$?
  return "$rc"
}

# run_dotnet_suite CSPROJ RESULTS_DIR TRX_NAME LOG [NAME=VALUE...] -- [dotnet test args...] -> the suite's exit code.
# Uses suite_env; the NAME=VALUE pairs before `--` are extra environment variables.
run_dotnet_suite() {
  local project="$1" results="$2" trx="$3" out="$4" rc=0 extra=()
  shift 4
  while [[ "$1" != -- ]]; do extra+=("$1"); shift; done
  shift
  env "${suite_env[@]}" "${extra[@]}" \
    dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" \
    >"$out" 2>&1 || rc=$?
  return "$rc"
}

copy_ts_results() { # copy_ts_results OUT: results.json, junit.xml, test-results/ and playwright-report/ (PRAXI_HTML_REPORT=1) of the last TypeScript run
  for f in results.json junit.xml; do [[ -f "$ts_dir/$f" ]] && cp "$ts_dir/$f" "$1/$f"; done
  [[ -d "$ts_dir/test-results" ]] && cp -r "$ts_dir/test-results" "$1/test-results"
  [[ -d "$ts_dir/playwright-report" ]] && cp -r "$ts_dir/playwright-report" "$1/playwright-report"
  return 0
}

drop_big_traces() { # drop_big_traces DIR -> prints how many trace.zip over ~1 MB it removed (keeps artifact folders small)
  local dropped=0 big
  while IFS= read -r -d '' big; do rm -f "$big"; dropped=$((dropped + 1)); done \
    < <(find "$1" -name 'trace.zip' -size +1000k -print0)
  echo "$dropped"
}
