#!/usr/bin/env bash
# Peer comparison, not run in CI: the same 100 000 supervision items in taskwarrior 2.6
# (Debian's `taskwarrior`) and in dutydesk, then — alternating, in one run — the overdue
# count and the 50 most urgent overdue items, each timed as a whole command (process start
# to exit, as a script or a cron line sees it). Prints medians and the ratio.
#
#   bash tests/peer/taskwarrior.sh [ITEMS] [RUNS]
#
# Needs: cargo, python3; installs taskwarrior with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-100000}
runs=${2:-30}

command -v task >/dev/null || { apt-get update -qq && apt-get install -y -qq taskwarrior >/dev/null; }
cargo build --release -q
dd=$PWD/target/release/dutydesk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An empty config file: one named but missing is a warning logged at every run.
export TASKRC=$work/taskrc TASKDATA=$work/task DUTYDESK_CONFIG=$work/config.toml DUTYDESK_LOG=$work/log
mkdir -p "$TASKDATA"
: >"$DUTYDESK_CONFIG"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n' "$TASKDATA" >"$TASKRC"

# The same items for both: a third overdue on 2026-11-20, deadlines spread over two years.
# A deadline is the end of its day in Beijing (23:59:59 UTC+8) for taskwarrior too, whose
# +OVERDUE is "due before now": at midnight UTC an item due today would already count.
python3 - "$items" "$work" <<'PY'
import json, sys, datetime
n, work = int(sys.argv[1]), sys.argv[2]
start = datetime.date(2025, 12, 1)
with open(f"{work}/org.jsonl", "w") as f:
    f.write(json.dumps({"type": "department", "id": "d1", "name": "区发展和改革局"}) + "\n")
with open(f"{work}/items.jsonl", "w") as dd, open(f"{work}/tasks.json", "w") as tw:
    tw.write("[")
    for i in range(n):
        due = start + datetime.timedelta(days=(i * 7) % 540)
        dd.write(json.dumps({"type": "supervision", "id": f"S{i}", "title": f"督办事项{i}",
                             "source": "领导批示", "lead": "d1", "assigned": "2025-11-01",
                             "deadline": due.isoformat()}, ensure_ascii=False) + "\n")
        tw.write(("," if i else "") + json.dumps({"description": f"督办事项{i}", "status": "pending",
                 "entry": "20251101T000000Z", "due": due.strftime("%Y%m%dT155959Z"),
                 "project": "dc", "uuid": f"00000000-0000-4000-8000-{i:012d}"}))
    tw.write("]")
PY

"$dd" --db "$work/d.db" --profile dongchang --today 2026-11-20 init --pinned-clock --org "$work/org.jsonl" >/dev/null
"$dd" --db "$work/d.db" --today 2026-11-20 import "$work/items.jsonl" >/dev/null
task import "$work/tasks.json" >/dev/null 2>&1

# taskwarrior's "today" is the machine's; pin dutydesk's to the real day too.
today=$(date +%F)
python3 - "$runs" "$dd" "$work/d.db" "$today" <<'PY'
import subprocess, sys, time, statistics
runs, dd, db, today = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cases = {
    "overdue count": (["task", "+OVERDUE", "count"],
                      [dd, "--db", db, "--today", today, "list", "supervision", "--overdue", "--count"]),
    "50 most urgent overdue": (["task", "+OVERDUE", "limit:50", "rc.report.next.columns=id,due,description",
                                "rc.report.next.labels=ID,Due,Description", "next"],
                               [dd, "--db", db, "--today", today, "list", "supervision", "--overdue", "--limit", "50"]),
}
for name, (tw, ddc) in cases.items():
    t_tw, t_dd = [], []
    # Each command is run once first and must succeed: a failing one would be timed fast.
    out_tw = subprocess.run(tw, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    out_dd = subprocess.run(ddc, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    lines = f"{len(out_tw)} / {len(out_dd)} lines"
    out_tw, out_dd = out_tw[:1], out_dd[:1]
    for _ in range(runs):  # alternating, so both see the same machine
        for cmd, acc in ((tw, t_tw), (ddc, t_dd)):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            acc.append(time.perf_counter() - t)
    m_tw, m_dd = statistics.median(t_tw) * 1000, statistics.median(t_dd) * 1000
    print(f"{name:24} taskwarrior {m_tw:8.1f} ms   dutydesk {m_dd:7.2f} ms   ratio {m_tw / m_dd:6.1f}x"
          f"   ({lines}; first: {out_tw} / {out_dd})")
PY
