#!/usr/bin/env bash
# Replay of N generated events through `inkmapper-cli run` against the local inspector, next to curl --parallel
# sending the same requests (same bodies and headers) to the same inspector. See tests/bench/README.md.
#
#   tests/bench/replay-vs-curl.sh BUILD_DIR [EVENTS (10000)] [CONCURRENCY (8)]
# Needs node (shared/bench/bench-gen.js makes the events and the 50-mapping project) and curl ≥ 7.66.
set -euo pipefail
build=${1:?usage: replay-vs-curl.sh BUILD_DIR [EVENTS] [CONCURRENCY]}
count=${2:-10000}
concurrency=${3:-8}
cli="$build/bin/inkmapper-cli"
here=$(cd "$(dirname "$0")" && pwd)
shared=${INKMAPPER_SHARED:-$here/../../../shared}
work=$(mktemp -d)
trap 'kill $inspector 2>/dev/null || true; rm -rf "$work"' EXIT
port=18789
export INKMAPPER_SECRET=bench-secret

node "$shared/bench/bench-gen.js" --n "$count" --seed 7 --events "$work/events.jsonl" --project "$work/gen.json" >/dev/null
python3 - "$work" "$port" <<'PY'
import json, sys
work, port = sys.argv[1], sys.argv[2]
p = json.load(open(f"{work}/gen.json"))
p = {"format": "inkmapper-project", "version": 1, **p,
     "settings": {"movable_ink_url": f"http://127.0.0.1:{port}/v1/segment/events", "username": "bench-key"}}
p.setdefault("events", [])
json.dump(p, open(f"{work}/bench.inkmapper.json", "w"))
PY

# The requests inkmapper would send, with the Authorization in clear for curl only (a throwaway secret).
"$cli" run "$work/bench.inkmapper.json" "$work/events.jsonl" --dry-run --reveal-secret > "$work/requests.jsonl" 2>/dev/null
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
os.makedirs(f"{work}/bodies")
with open(f"{work}/requests.jsonl") as lines, open(f"{work}/curl.cfg", "w") as cfg:
    for n, line in enumerate(lines):
        if n:
            cfg.write("next\n")
        r = json.loads(line)["request"]
        with open(f"{work}/bodies/{n}", "w") as body:
            body.write(r["body"])
        cfg.write(f'url = "{r["url"]}"\nrequest = "{r["method"]}"\ndata-binary = "@{work}/bodies/{n}"\noutput = "/dev/null"\n')
        for name, value in r["headers"].items():
            cfg.write(f'header = "{name}: {value}"\n')
PY
requests=$(wc -l < "$work/requests.jsonl")

start_inspector() {
    "$cli" inspector --port "$port" --quiet --username bench-key >"$work/inspector.out" 2>&1 &
    inspector=$!
    sleep 0.5
}
stop_inspector() {
    kill -INT "$inspector"
    wait "$inspector" || true
    grep -o '[0-9]* request(s) received' "$work/inspector.out"
}

echo "events: $count, requests matched: $requests, concurrency: $concurrency"
start_inspector
echo "--- inkmapper-cli run"
/usr/bin/time -f "wall %e s, max RSS %M KB" "$cli" run "$work/bench.inkmapper.json" "$work/events.jsonl" \
    --concurrency "$concurrency" --log "$work/log.jsonl" | tail -1
stop_inspector

start_inspector
echo "--- curl --parallel --parallel-max $concurrency (same requests)"
/usr/bin/time -f "wall %e s, max RSS %M KB" curl --silent --no-progress-meter --parallel --parallel-max "$concurrency" --config "$work/curl.cfg" \
    >/dev/null
stop_inspector
