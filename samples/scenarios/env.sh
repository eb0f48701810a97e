#!/usr/bin/env bash
# A long-lived PraxiShop environment for one scenario, that self-heal actions act on (reseed, login, restart, reset)
# and that the suites run against (praxi.json `tests`). run.sh does a whole scenario in one process; env.sh keeps the
# app running between calls.
#
#   PRAXI_ENV_DIR=<dir> samples/scenarios/env.sh <verb> [args]
#
#   up <scenario|baseline>  build PraxiShop and both suites, fresh database (seeded unless the scenario says not),
#                           stale sign-in phase for auth=stale-storage-state, start the app detached with the
#                           scenario's breakage (server-down: the app dies and `up` still succeeds)
#   reseed                  migrate + seed the environment's database (the running app sees it at once)
#   login                   sign the admin in again: fresh storage states for both suites
#   restart                 stop the app and start it again, without the breakage (it breaks once)
#   reset                   down, then a fresh up of the same scenario without the breakage, seeded and signed in
#   test ts [args...]       npx playwright test [args] in samples/e2e-ts against the environment (never starts an app)
#   test dotnet [args...]   dotnet test samples/e2e-dotnet [args] against the environment; TRX at
#                           samples/e2e-dotnet/TestResults/praxi-env.trx
#   collect <dir>           the last test runs' artifacts in run.sh's layout (for `praxi analyze <dir>`)
#   down                    stop the app
#   status                  print the state; exit 0 when the app answers, 1 when it does not
#
# PRAXI_ENV_DIR holds state.json, the database, the key ring, the storage states, server.log and the last runs'
# artifacts (last/). Nothing here writes a tracked file: the suites' result files are gitignored. The paths of the
# suites are this script's checkout's, so the same environment can be tested from a git worktree copy of the repo.
# Exit codes: 0 done, 1 the action or the suite failed, 2 bad usage or a missing prerequisite.
set -euo pipefail

tool=env.sh
usage_line="PRAXI_ENV_DIR=<dir> samples/scenarios/env.sh up <scenario|baseline> | reseed | login | restart | reset | test ts|dotnet [args...] | collect <dir> | down | status"
# shellcheck source=samples/scenarios/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fail() { echo "$tool: $*" >&2; exit 1; }

verb="${1:-}"
[[ -n "$verb" ]] || { usage >&2; exit 2; }
shift
case "$verb" in
  up|reseed|login|restart|reset|test|collect|down|status) ;;
  -h|--help) usage; exit 0 ;;
  *) die "unknown verb: $verb (up, reseed, login, restart, reset, test, collect, down, status)" ;;
esac
[[ -n "${PRAXI_ENV_DIR:-}" ]] || die "PRAXI_ENV_DIR is not set: it names the folder that holds the environment's state"
mkdir -p "$PRAXI_ENV_DIR"
env_dir="$(cd "$PRAXI_ENV_DIR" && pwd)"
state_file="$env_dir/state.json"
server_log="$env_dir/server.log"
last="$env_dir/last"
app_launcher=(setsid)
app_pid=""
# The app is managed here: the Playwright config must never start its own (its webServer would hide an app that is down).
export PRAXISHOP_EXTERNAL_APP=1

# --- state.json -------------------------------------------------------------------------------------------------
declare -A st=()
load_state() { # fills st[] from state.json; exit 2 when there is no environment
  [[ -f "$state_file" ]] || die "no environment in $env_dir: run \`env.sh up <scenario>\` first"
  while IFS= read -r -d '' k && IFS= read -r -d '' v; do st[$k]="$v"; done < <(node -e '
    const s = require(process.argv[1]);
    for (const [k, v] of Object.entries(s)) process.stdout.write(k + "\0" + (v === null ? "" : String(v)) + "\0");' "$state_file")
  url="${st[url]}"
  app_pid="${st[pid]}"
  app_env=("Database__Path=${st[db]}" "DataProtection__KeysPath=${st[keys]}")
  dll="${st[home]}/samples/PraxiShop/bin/Release/net10.0/PraxiShop.dll"
}

save_state() { # writes st[] as state.json (atomically): booleans, numbers and "" (null) typed
  local args=() k
  for k in "${!st[@]}"; do args+=("$k=${st[$k]}"); done
  node -e '
    const fs = require("fs");
    const s = {};
    for (const a of process.argv.slice(2).sort()) {
      const i = a.indexOf("="), k = a.slice(0, i), v = a.slice(i + 1);
      s[k] = v === "" ? null : v === "true" ? true : v === "false" ? false : /^(pid|port)$/.test(k) ? Number(v) : v;
    }
    fs.writeFileSync(process.argv[1] + ".tmp", JSON.stringify(s, null, 2) + "\n");
    fs.renameSync(process.argv[1] + ".tmp", process.argv[1]);' "$state_file" "${args[@]}"
}

# The recorded pid is our app only while its command line still names the environment's URL (pids are reused).
app_running() {
  [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null && tr '\0' ' ' <"/proc/$app_pid/cmdline" 2>/dev/null | grep -qF -- "--urls $url "
}

stop_env_app() {
  if app_running; then
    log "stopping PraxiShop (pid $app_pid)"
    stop_app
    printf '### env.sh: PraxiShop stopped\n' >>"$server_log"
  fi
  app_pid=""
  st[pid]=""
  st[app_up]=false
}

# start_env_app BREAK -> 0 when the app answers; records pid, app_up and whether the breakage is armed.
start_env_app() {
  local breakage="$1" started=0
  log "starting PraxiShop on $url (PRAXISHOP_BREAK=${breakage:-none})"
  start_app "$breakage" || started=$?
  st[pid]="$app_pid"
  st[app_up]=$([[ $started == 0 ]] && echo true || echo false)
  st[break_armed]=$([[ -n "$breakage" ]] && echo true || echo false)
  return "$started"
}

# ts_project_args: reuse the environment's storage state when there is one (--no-deps: the setup project would sign in
# afresh and hide a stale state), else let the setup project make it, as the .NET fixture does with its own file.
ts_project_args() { [[ -f "${st[ts_storage_state]}" ]] && echo --no-deps || true; }

env_suite_env() {
  suite_env=("PRAXISHOP_URL=$url" "${app_env[@]}" "CHROMIUM_PATH=$chromium"
    "PRAXI_KEEP_TRACES=${PRAXI_KEEP_TRACES:-0}")
}

# --- verbs ------------------------------------------------------------------------------------------------------
login_now() { # fresh storage states for both suites against the running app (lock held by the caller)
  local fresh="$env_dir/auth/ts-admin.new.json"
  mkdir -p "$env_dir/auth"
  rm -f "$fresh"
  log "signing the admin in (setup project)"
  sign_in "$fresh" "$env_dir/login.log" --reporter=list --output "$env_dir/login-results" \
    || { cat "$env_dir/login.log" >&2; fail "signing in failed (see $env_dir/login.log)"; }
  mv "$fresh" "${st[ts_storage_state]}"
  cp "${st[ts_storage_state]}" "${st[dotnet_storage_state]}"
}

# env_up SCENARIO ARMED: everything `up` does; ARMED=false is `reset`'s healthy environment (seeded, no breakage, signed in).
env_up() {
  local scenario="$1" armed="$2" manifest break_name seed start_mode auth_mode
  [[ "$scenario" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "bad scenario name: $scenario"
  manifest="$lib_here/$scenario/scenario.json"
  [[ -f "$manifest" ]] || { usage >&2; die "no such scenario: $scenario ($manifest is missing)"; }
  require_prereqs
  break_name="$(manifest_field "$manifest" break)"
  seed="$(manifest_field "$manifest" seed)"
  start_mode="$(manifest_field "$manifest" start)"
  auth_mode="$(manifest_field "$manifest" auth)"
  take_run_lock
  install_ts_packages

  log "building PraxiShop and the .NET suite"
  : >"$env_dir/build.log"
  build_project "$samples/PraxiShop/PraxiShop.csproj" PraxiShop "$env_dir/build.log"
  build_project "$samples/e2e-dotnet/PraxiShop.E2E.csproj" samples/e2e-dotnet "$env_dir/build.log"

  rm -rf "$env_dir/db" "$env_dir/keys" "$env_dir/auth" "$env_dir/login-results" "$last" "$env_dir/seed.log" "$env_dir/setup-phase.log"
  mkdir -p "$env_dir/db" "$env_dir/auth" "$last"
  : >"$server_log"
  url="http://127.0.0.1:$(free_port)"
  st=([scenario]="$scenario" [break]="$break_name" [break_armed]=false [url]="$url" [port]="${url##*:}" [pid]=""
    [app_up]=false [active]=true [home]="$repo" [db]="$env_dir/db/praxishop.db" [keys]="$env_dir/keys"
    [ts_storage_state]="$env_dir/auth/ts-admin.json" [dotnet_storage_state]="$env_dir/auth/dotnet-admin.json"
    [server_log]="$server_log" [seeded]=false [started_at]="$(date -u +%Y-%m-%dT%H:%M:%SZ)")
  app_env=("Database__Path=${st[db]}" "DataProtection__KeysPath=${st[keys]}")
  save_state

  if [[ "$seed" == false && "$armed" == true ]]; then
    log "not seeding the database (scenario: $scenario)"
  else
    log "seeding a fresh database in $env_dir/db"
    seed_database "$env_dir/seed.log"
    st[seeded]=true
  fi

  if [[ "$armed" == true && "$auth_mode" == "stale-storage-state" ]]; then
    # Phase 1: sign in against a healthy app and keep the storage state, as an earlier CI job would.
    start_env_app "" || fail "PraxiShop did not start for the sign-in phase (see $server_log)"
    log "phase 1: saving the admin's storage state with the setup project"
    sign_in "${st[ts_storage_state]}" "$env_dir/setup-phase.log" --reporter=list --output "$env_dir/login-results" \
      || { cat "$env_dir/setup-phase.log" >&2; fail "phase 1 (setup project) failed"; }
    cp "${st[ts_storage_state]}" "${st[dotnet_storage_state]}"
    stop_env_app
  fi

  [[ "$armed" == true ]] || break_name=""
  if ! start_env_app "$break_name"; then
    save_state
    if [[ "$start_mode" == "expect-crash" && -n "$break_name" ]]; then
      log "PraxiShop did not come up, as the scenario intends; the environment is up with the app down"
    else
      tail -n 40 "$server_log" >&2
      fail "PraxiShop did not start (scenario $scenario expects it to)"
    fi
  fi
  [[ "$armed" == true ]] || login_now
  save_state
  log "environment up: $scenario at $url ($([[ "${st[app_up]}" == true ]] && echo "app answering" || echo "app down"))"
}

verb_up() {
  [[ $# -eq 1 ]] || die "up needs one scenario name (scenarios: $(scenario_names))"
  if [[ -f "$state_file" ]]; then
    load_state
    [[ "${st[active]}" != true ]] || die "the environment in $env_dir is already up (scenario ${st[scenario]}): run \`env.sh down\` first"
  fi
  env_up "$1" true
}

verb_reseed() {
  load_state
  log "migrating and seeding ${st[db]}"
  seed_database "$env_dir/seed.log"
  st[seeded]=true
  save_state
}

verb_login() {
  load_state
  app_answers || fail "PraxiShop does not answer at $url: run \`env.sh restart\` first"
  take_run_lock
  login_now
  save_state
}

verb_restart() {
  load_state
  stop_env_app
  if ! start_env_app ""; then
    save_state
    tail -n 40 "$server_log" >&2
    fail "PraxiShop did not start again (see $server_log)"
  fi
  save_state
}

verb_reset() {
  load_state
  local scenario="${st[scenario]}"
  stop_env_app
  save_state
  env_up "$scenario" false
}

verb_down() {
  load_state
  stop_env_app
  st[active]=false
  save_state
}

verb_status() {
  load_state
  cat "$state_file"
  if app_running && app_answers; then
    echo "app: up at $url (pid $app_pid)"
  else
    echo "app: down"
    return 1
  fi
}

test_ts() {
  local rc=0 deps
  env_suite_env
  take_run_lock
  if [[ ! -d "$ts_dir/node_modules/@playwright/test" && -d "${st[home]}/samples/e2e-ts/node_modules/@playwright/test" ]]; then
    # A worktree copy of the repository: reuse the environment's checkout's packages (gitignored link).
    ln -s "${st[home]}/samples/e2e-ts/node_modules" "$ts_dir/node_modules"
  fi
  install_ts_packages
  deps="$(ts_project_args)"
  log "npx playwright test ${deps:+$deps }$* against $url"
  mkdir -p "$last"
  run_ts_suite "${st[ts_storage_state]}" "$last/playwright.log" ${deps:+"$deps"} "$@" || rc=$?
  rm -rf "$last/results.json" "$last/junit.xml" "$last/test-results"
  copy_ts_results "$last"
  cat "$last/playwright.log"
  log "TypeScript suite exit code: $rc"
  return "$rc"
}

test_dotnet() {
  local rc=0 project="$samples/e2e-dotnet/PraxiShop.E2E.csproj" results="$samples/e2e-dotnet/TestResults" built
  env_suite_env
  take_run_lock
  # Build when there is no build yet (a fresh worktree copy) or a source is newer than it (a patched test).
  built="$samples/e2e-dotnet/bin/Release/net10.0/PraxiShop.E2E.dll"
  if [[ ! -f "$built" ]] || [[ -n "$(find "$samples/e2e-dotnet" "$samples/Directory.Build.props" \( -name bin -o -name obj -o -name TestResults \) -prune -o -type f -newer "$built" -print -quit)" ]]; then
    log "building the .NET suite"
    : >"$env_dir/build.log"
    build_project "$project" samples/e2e-dotnet "$env_dir/build.log"
  fi
  rm -rf "$last/dotnet" "$results/praxi-env.trx"
  mkdir -p "$last/dotnet"
  log "dotnet test $* against $url"
  run_dotnet_suite "$project" "$results" praxi-env.trx "$last/dotnet/dotnet-test.log" \
    "PRAXISHOP_STORAGE_STATE=${st[dotnet_storage_state]}" "PRAXISHOP_ARTIFACTS=$last/dotnet/test-results" -- "$@" || rc=$?
  [[ -f "$results/praxi-env.trx" ]] && cp "$results/praxi-env.trx" "$last/dotnet/results.trx"
  cat "$last/dotnet/dotnet-test.log"
  log ".NET suite exit code: $rc"
  return "$rc"
}

verb_test() {
  local suite="${1:-}"
  [[ "$suite" == ts || "$suite" == dotnet ]] || die "test needs a suite: ts or dotnet (got: ${suite:-nothing})"
  shift
  load_state
  require_prereqs
  "test_$suite" "$@"
}

verb_collect() {
  [[ $# -eq 1 ]] || die "collect needs one folder"
  load_state
  mkdir -p "$1"
  local out
  out="$(cd "$1" && pwd)"
  [[ -z "$(ls -A "$out")" ]] || die "collect: $out is not empty"
  cp "$server_log" "$out/server.log"
  for f in seed.log setup-phase.log; do [[ -f "$env_dir/$f" ]] && cp "$env_dir/$f" "$out/$f"; done
  [[ -d "$last" ]] && cp -r "$last/." "$out/"
  log "collected into $out ($(drop_big_traces "$out") big trace(s) dropped)"
}

"verb_$verb" "$@"
