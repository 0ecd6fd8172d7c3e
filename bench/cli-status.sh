#!/usr/bin/env bash
# `errand status <id>` wall time, JVM start included, measured with hyperfine against a
# throwaway server (its own data dir and port, so it does not touch a running one).
set -euo pipefail
command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install -y hyperfine" >&2; exit 1; }
data=$(mktemp -d) port=$((20000 + RANDOM % 20000))
cfg="$data/cli.yaml"
./errand server --data-dir "$data" --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do [[ -s $data/admin.key ]] && break; sleep 0.1; done
export ERRAND_CONFIG=$cfg ERRAND_ENDPOINT=http://127.0.0.1:$port ERRAND_API_KEY=$(cat "$data/admin.key")
id=$(./errand run --detach "echo hi")
./errand logs --follow "$id" >/dev/null
hyperfine --warmup 5 --runs 30 --export-markdown "$data/status.md" "./errand status $id" >&2
sed "s#$id#<id>#" "$data/status.md"
