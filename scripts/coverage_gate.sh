#!/usr/bin/env bash
# Fails unless every file listed in scripts/coverage-required.txt (paths or
# folders, one per line) has 100 % line coverage in the last
# `swift test --enable-code-coverage` run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
profdata="$bin/codecov/default.profdata"
tests="$bin/AgentPlatformPackageTests.xctest"
llvm_cov=$(dirname "$(readlink -f "$(command -v swift)")")/llvm-cov
paths=()
while read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    [[ -e "$line" ]] && paths+=("$line")
done < scripts/coverage-required.txt
[[ ${#paths[@]} -gt 0 ]] || { echo "coverage gate: nothing listed yet"; exit 0; }
report=$("$llvm_cov" report "$tests" -instr-profile="$profdata" "${paths[@]}")
echo "$report" | tail -n 1
# Columns: Filename Regions Missed Cover Functions Missed Executed Lines Missed Cover ...
short=$(echo "$report" | awk 'NR>2 && $1 != "TOTAL" && $1 !~ /^-+$/ && NF >= 10 && $9 != "0" {print $1 " misses " $9 " lines"}')
if [[ -n "$short" ]]; then
    echo "coverage gate: these security-critical files are under 100 % line coverage:" >&2
    echo "$short" >&2
    "$llvm_cov" show "$tests" -instr-profile="$profdata" -show-line-counts-or-regions "${paths[@]}" | grep -E '^ +[0-9]+\| +0\|' | head -n 40 >&2 || true
    exit 1
fi
echo "coverage gate: 100 % line coverage of ${paths[*]}"
