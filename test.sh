#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian/Ubuntu), builds once, runs every test project in
# tests/, and ends with one line: "N passed, N failed" (plus ", N skipped" when any were skipped).
# Exits non-zero when a test failed, a project could not run, or no test ran at all.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd -P)"
results="$root/artifacts/test-results"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# No tiered PGO for anything this command runs (the compiler, the test hosts, the app processes the tests start):
# PGO instruments hot methods to recompile them better, which pays in a server that runs for days and is pure cost in
# processes that run a few minutes of ever-different code. Measured alone on two cores: the build 221 -> 183 CPU-s,
# the web tests 352-390 -> 272-279. The app itself keeps the runtime's default.
export DOTNET_TieredPGO=0

# --- (a) prerequisites -------------------------------------------------------------------------------------------
# Browser tests need headless Chromium and a Japanese font (screenshots, printed checklists) and pdftotext to read the
# printed PDFs; store and node tests start a private PostgreSQL cluster from the server binaries. Missing ones are installed;
# when one is still missing, the tests that need it fail with the install step - they never skip.
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto.*CJK' >/dev/null; }
has_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

missing=()
# Debian's headless Chromium (the engine without the desktop browser: less than half the CPU for the same pages);
# the browser tests and the app's PDF printing both take it when installed.
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
has_cjk_font || missing+=(fonts-noto-cjk)
has_postgres || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The web project's build bundles the step editor's formatted text fields with npm (package.json).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# The node tests put two app nodes behind nginx run from infra/nginx as their own process (never the system service),
# and check infra/systemd's unit with systemd-analyze (systemd itself need not run).
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)

if ((${#missing[@]} > 0)); then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=()
        if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
        echo "==> Installing ${missing[*]}"
        "${sudo[@]}" apt-get update
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "warning: missing ${missing[*]} and no apt-get here; install them with your package manager." >&2
    fi
fi

# --- (b) build once, then run every test project -----------------------------------------------------------------
rm -rf "$results"
mkdir -p "$results"
phases=()
phase_start=$SECONDS
phase_done() { # phase_done <name>: records how long the phase since the last one took
    phases+=("$1 $((SECONDS - phase_start)) s")
    phase_start=$SECONDS
}

# STYLE.md: formatting and analyzers are part of the build's contract. The build checks them itself
# (EnforceCodeStyleInBuild, layout as IDE0055 in .editorconfig, warnings as errors): `dotnet format Manuals.sln` fixes.
# One compiler server for all nine projects (UseSharedCompilation; some machines turn it off in the environment):
# each project's compile then skips starting and warming up a compiler of its own. It is stopped once the build is
# done, so it holds no memory while the tests run.
build() { # build <project or solution>
    echo "==> dotnet build $1 -c Release"
    dotnet build "$1" -c Release -p:UseSharedCompilation=true
}

projects=()
for project in tests/*/*.csproj; do
    [[ -e "$project" ]] && projects+=("$project")
done

# The browser tests mostly wait on Chromium, the store tests on PostgreSQL, and the web tests partly on the app
# processes they start, so every project runs beside the web tests (the longest). The store and core tests need
# neither the web app nor each other's build: they are built first and start at once, while the rest builds (a build
# alone leaves one of two cores idle much of the time). Each background project's console output is kept in a file and
# printed when it ends, so the streams do not interleave.
runs_beside() { [[ "$1" != *Web.Tests* ]]; }
runs_early() { [[ "$1" == *Core.Tests* || "$1" == *Data.Tests* ]]; }

run_tests() { # run_tests <project>
    local name
    name="$(basename "$1" .csproj)"
    dotnet test "$1" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=normal" \
        --results-directory "$results"
}

broken=()
background_pids=() background_projects=()
start_beside() { # start_beside <project>: runs its tests in the background
    local project="$1"
    echo "==> dotnet test $project (in the background; output follows when it ends)"
    (
        started=$SECONDS
        status=0
        run_tests "$project" >"$results/$(basename "$project" .csproj).log" 2>&1 || status=$?
        echo $((SECONDS - started)) >"$results/$(basename "$project" .csproj).seconds"
        exit "$status"
    ) &
    background_pids+=($!)
    background_projects+=("$project")
}

build_failed() { # stops what already runs and ends the run: no result counts from a tree that does not build
    dotnet build-server shutdown >/dev/null 2>&1 || true
    for pid in "${background_pids[@]}"; do
        pkill -TERM -P "$pid" 2>/dev/null || true
        kill "$pid" 2>/dev/null || true
    done
    wait || true
    echo "Build failed (a compile error, an analyzer or the code's layout: 'dotnet format Manuals.sln' fixes layout); no test results count." >&2
    echo "0 passed, 0 failed"
    exit 1
}

for project in "${projects[@]}"; do
    if runs_early "$project"; then
        build "$project" || build_failed
        start_beside "$project"
    fi
done
build Manuals.sln || build_failed
dotnet build-server shutdown >/dev/null 2>&1 || true
phase_done build

for project in "${projects[@]}"; do
    if runs_beside "$project" && ! runs_early "$project"; then
        start_beside "$project"
    fi
done
for project in "${projects[@]}"; do
    runs_beside "$project" && continue
    echo
    echo "==> dotnet test $project"
    started=$SECONDS
    if ! run_tests "$project"; then
        broken+=("$(basename "$project" .csproj)")
    fi
    phases+=("$(basename "$project" .csproj) $((SECONDS - started)) s")
done
for i in "${!background_pids[@]}"; do
    project="${background_projects[$i]}"
    status=0
    wait "${background_pids[$i]}" || status=$?
    echo
    echo "==> dotnet test $project"
    cat "$results/$(basename "$project" .csproj).log"
    if ((status != 0)); then
        broken+=("$(basename "$project" .csproj)")
    fi
    phases+=("$(basename "$project" .csproj) $(cat "$results/$(basename "$project" .csproj).seconds" 2>/dev/null || echo '?') s")
done
phase_done tests

# --- (c) totals from the TRX files ---------------------------------------------------------------------------------
# <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." ... notExecuted=".." />
# Errors, time-outs and aborts count as failures; notExecuted is what xunit reports for skipped tests.
counter() { # counter <attribute> <Counters element>
    local value
    value="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
    echo "${value:-0}"
}

passed=0 failed=0 skipped=0
for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$results/$name.trx"
    if [[ ! -f "$trx" ]]; then
        # A project with no tests yet may write no report; one that failed to run is already in $broken.
        continue
    fi
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    if [[ -z "$counters" ]]; then
        echo "error: $trx has no <Counters> element." >&2
        broken+=("$name")
        continue
    fi
    passed=$((passed + $(counter passed "$counters")))
    failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
    skipped=$((skipped + $(counter notExecuted "$counters")))
done

# --- (d) verdict ---------------------------------------------------------------------------------------------------
status=0
echo
if ((${#broken[@]} > 0)); then
    echo "Projects with failures or that did not run: ${broken[*]}" >&2
    status=1
fi
if ((failed > 0)); then
    status=1
fi
if ((passed + failed + skipped == 0)); then
    echo "No tests ran." >&2
    status=1
fi

echo "Time per phase: ${phases[*]/%/;} total $SECONDS s" | sed 's/; total/, total/; s/;/,/g'
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi
echo "$summary"
exit "$status"
