#!/usr/bin/env bash
# Corridor against glpsol on the same generated networks, in one run:
#   (a) `corridor plan NET --format json` end to end (read, validate, formulate, load, solve,
#       extract, verify, bottlenecks, JSON) — no export flags, so no names are built;
#   (b) `glpsol --lp own.lp`: the pruned LP Corridor solves, exported with --export-lp;
#   (c) `glpsol --lp literal.lp`: the literal LP of contract §2 (`--literal --export-lp`),
#       only for the sizes in --literal-sizes (default S: M's literal LP already has 2.3M columns);
# each repeated R times (medians), with the optimum checked equal across all three. Also the
# formulate+load throughput (non-zeros per second) from `corridor plan --verbose`: the time from
# its "read" line to GLPK's first line ("Scaling...", printed as the solve starts).
# glpsol runs with its defaults — primal simplex, automatic scaling, advanced initial basis,
# no presolve — which are Corridor's settings.
#
# Writes a markdown report and replaces the section between <!-- compare:begin --> and
# <!-- compare:end --> in Benchmarks/README.md.
#
# Usage: Benchmarks/compare.sh [options] [SIZE ...]        (default sizes: S M L)
#   SIZE                     S, M, L, XL, or HUBS/LINKS/MOVEMENTS/PERIODS (e.g. 20/60/40/12)
#   -r, --repeats R          runs of each command per size (default 3)
#   --seed N                 generator seed (default 1)
#   --corridor PATH          use this corridor binary instead of building one
#                            (default: swift build -c release --product corridor; .build/release/corridor)
#   --literal-sizes LIST     comma-separated sizes whose literal LP is exported and solved (default S)
#   --glpsol-time-limit S    seconds allowed to each glpsol run (default 900)
#   --work DIR               keep networks, LPs and logs in DIR (default: a temporary folder, removed)
#   --no-readme              print the report only; leave README.md alone
# Requires python3 (standard library only) and glpsol (Debian: glpk-utils; `make deps`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corridor=""
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --corridor) corridor="$2"; shift 2 ;;
        --corridor=*) corridor="${1#*=}"; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

command -v glpsol >/dev/null || { echo "compare.sh: glpsol not found (install glpk-utils, e.g. make deps)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "compare.sh: python3 not found" >&2; exit 2; }

if [ -z "$corridor" ]; then
    echo "Building corridor (release)…" >&2
    (cd "$root" && swift build -c release --product corridor >&2)
    corridor="$root/.build/release/corridor"
fi
[ -x "$corridor" ] || { echo "compare.sh: $corridor is not an executable" >&2; exit 2; }
corridor="$(cd "$(dirname "$corridor")" && pwd)/$(basename "$corridor")"

exec python3 - "$root" "$corridor" "${args[@]+"${args[@]}"}" <<'PYTHON'
import argparse, datetime, json, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

root, corridor = sys.argv[1], sys.argv[2]
parser = argparse.ArgumentParser(prog="compare.sh")
parser.add_argument("sizes", nargs="*", default=["S", "M", "L"])
parser.add_argument("-r", "--repeats", type=int, default=3)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--literal-sizes", default="S")
parser.add_argument("--glpsol-time-limit", type=int, default=900)
parser.add_argument("--work")
parser.add_argument("--no-readme", action="store_true")
options = parser.parse_args(sys.argv[3:])
if options.repeats < 1:
    parser.error("--repeats must be at least 1")
literal_sizes = {s.strip() for s in options.literal_sizes.split(",") if s.strip()}
named = {"S", "M", "L", "XL"}
for size in options.sizes:
    if size not in named and not re.fullmatch(r"\d+/\d+/\d+/\d+", size):
        parser.error(f"size {size!r} is neither S, M, L, XL nor HUBS/LINKS/MOVEMENTS/PERIODS")

work = options.work or tempfile.mkdtemp(prefix="corridor-compare-")
os.makedirs(work, exist_ok=True)


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, stdout_path=None, ok=(0,), timeout=None):
    """Runs command; returns (seconds, exit status). Output goes to stdout_path or /dev/null."""
    with open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, timeout=timeout)
        seconds = time.perf_counter() - start
    if done.returncode not in ok:
        sys.exit(f"compare.sh: {' '.join(command)} exited with {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return seconds, done.returncode


def glpsol(lp, raw, log_path):
    """glpsol with its defaults; returns wall seconds, its own 'Time used', status, objective, size."""
    command = ["glpsol", "--lp", lp, "--tmlim", str(options.glpsol_time_limit), "-w", raw]
    seconds, _ = timed(command, stdout_path=log_path)
    text = open(log_path, errors="replace").read()
    used = re.search(r"Time used:\s+([0-9.]+) secs", text)
    header = open(raw, errors="replace").read(4000)
    field = lambda name: int(re.search(rf"^c {name}:\s+(\d+)", header, re.M).group(1))
    status = re.search(r"^c Status:\s+(\S+)", header, re.M).group(1)
    objective = float(re.search(r"^s bas \d+ \d+ \S+ \S+ (\S+)", header, re.M).group(1))
    return {"wall": seconds, "solve": float(used.group(1)) if used else None, "status": status,
            "objective": objective, "rows": field("Rows"), "columns": field("Columns"), "nonzeros": field("Non-zeros")}


def formulate_and_load(network):
    """Seconds from `corridor plan --verbose`'s "read" line to GLPK's first line; the process is
    stopped there (only formulation and loading lie between the two)."""
    process = subprocess.Popen([corridor, "plan", network, "--verbose", "--format", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    read_at = None
    try:
        for line in process.stderr:
            now = time.perf_counter()
            text = line.decode(errors="replace")
            if read_at is None and "] read " in text:
                read_at = now
            elif read_at is not None and text.strip():
                return now - read_at
    finally:
        process.kill()
        process.wait()
    sys.exit("compare.sh: corridor plan --verbose printed no solver output")


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def generate_arguments(size):
    if size in named:
        return ["--size", size]
    hubs, links, movements, periods = size.split("/")
    return ["--hubs", hubs, "--links", links, "--movements", movements, "--periods", periods]


results = []
for size in options.sizes:
    tag = size.replace("/", "-")
    network = os.path.join(work, f"{tag}.yaml")
    subprocess.run([corridor, "generate", *generate_arguments(size), "--seed", str(options.seed), "--output", network], check=True)
    with open(network) as handle:
        header = handle.readline().strip("# \n")
    log(f"{size}: {header}")

    own_lp = os.path.join(work, f"{tag}-own.lp")
    timed([corridor, "plan", network, "--format", "json", "--export-lp", own_lp], stdout_path=os.path.join(work, f"{tag}-plan.json"))
    plan = json.load(open(os.path.join(work, f"{tag}-plan.json")))
    row = {"size": size, "network": header, "lp": plan["lp"], "objective": plan["objective"],
           "corridor": [], "load": [], "own": [], "literal": [], "notes": []}

    literal_lp = None
    if size in literal_sizes:
        literal_lp = os.path.join(work, f"{tag}-literal.lp")
        log(f"{size}: exporting the literal LP")
        # The export is written before the solve starts; the tiny time limit stops the solve.
        timed([corridor, "plan", network, "--literal", "--export-lp", literal_lp, "--time-limit", "0.001"], ok=(0, 1))
        if not os.path.exists(literal_lp):
            sys.exit(f"compare.sh: corridor did not write {literal_lp}")

    for repeat in range(options.repeats):
        log(f"{size}: run {repeat + 1} of {options.repeats}")
        seconds, _ = timed([corridor, "plan", network, "--format", "json"], stdout_path=os.path.join(work, f"{tag}-run.json"))
        row["corridor"].append(seconds)
        row["load"].append(formulate_and_load(network))
        row["own"].append(glpsol(own_lp, os.path.join(work, f"{tag}-own.raw"), os.path.join(work, f"{tag}-own.log")))
        if literal_lp:
            row["literal"].append(glpsol(literal_lp, os.path.join(work, f"{tag}-literal.raw"),
                                         os.path.join(work, f"{tag}-literal.log")))
    results.append(row)


def median(values):
    return statistics.median(values) if values else None


def seconds(value):
    if value is None:
        return "–"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else "–"


def thousands(n):
    return f"{n:,}".replace(",", " ")


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


try:
    commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    if commit and subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                                 capture_output=True, text=True).stdout.strip():
        commit += " with local changes"
except OSError:
    commit = ""
glpk = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout.splitlines()[0]

lines = [
    f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} × {cpu()}"
    + (f", Corridor {commit}" if commit else "") + f", {glpk}; `Benchmarks/compare.sh {' '.join(options.sizes)}"
    + f" -r {options.repeats} --seed {options.seed} --literal-sizes {','.join(sorted(literal_sizes)) or 'none'}`."
    + f" Times are medians of {options.repeats} runs (wall clock; glpsol's own solve time in brackets).",
    "",
    "| size | network (hubs / links / movements / periods) | pruned LP rows × columns, non-zeros | literal LP rows × columns, non-zeros |",
    "|---|---|---|---|",
]
for row in results:
    counts = re.search(r"(\d+) hubs, (\d+) links, (\d+) movements, (\d+) periods", row["network"])
    network = " / ".join(counts.groups()) if counts else row["network"]
    lp = row["lp"]
    literal = row["literal"][0] if row["literal"] else None
    literal_text = (f"{thousands(literal['rows'])} × {thousands(literal['columns'])}, {thousands(literal['nonzeros'])}"
                    if literal else "not built")
    lines.append(f"| {row['size']} | {network} | {thousands(lp['rows'])} × {thousands(lp['columns'])}, "
                 f"{thousands(lp['nonzeros'])} | {literal_text} |")
lines += [
    "",
    "| size | (a) corridor plan | (b) glpsol, own LP | (c) glpsol, literal LP | (a) ÷ (b) | (c) ÷ (b) | same optimum | formulate + load | non-zeros / s |",
    "|---|---|---|---|---|---|---|---|---|",
]
mismatches = []
for row in results:
    own_wall = median([r["wall"] for r in row["own"]])
    own_solve = median([r["solve"] for r in row["own"] if r["solve"] is not None])
    literal_wall = median([r["wall"] for r in row["literal"]])
    literal_solve = median([r["solve"] for r in row["literal"] if r["solve"] is not None])
    corridor_wall = median(row["corridor"])
    load = median(row["load"])
    checks = []
    for label, runs in (("own", row["own"]), ("literal", row["literal"])):
        for run in runs:
            if run["status"] != "OPTIMAL":
                checks.append(f"{label}: {run['status']}")
            elif not close(run["objective"], row["objective"]):
                checks.append(f"{label}: {run['objective']!r} vs {row['objective']!r}")
    if checks:
        mismatches.append((row["size"], checks))
    same = "yes" if not checks else "**no**"
    literal_text = f"{seconds(literal_wall)} [{seconds(literal_solve)}]" if row["literal"] else "–"
    lines.append(
        f"| {row['size']} | {seconds(corridor_wall)} | {seconds(own_wall)} [{seconds(own_solve)}] | {literal_text} | "
        f"{ratio(corridor_wall, own_wall)} | {ratio(literal_wall, own_wall) if row['literal'] else '–'} | {same} | "
        f"{seconds(load)} | {thousands(round(row['lp']['nonzeros'] / load)) if load else '–'} |")
lines += ["", "Optimum (LP objective): " + "; ".join(f"{row['size']} {row['objective']:,.2f}" for row in results) + "."]
report = "\n".join(lines) + "\n"
print(report)
for size, checks in mismatches:
    log(f"compare.sh: {size}: the optima differ or a solve failed: " + "; ".join(checks))

if not options.no_readme:
    readme = os.path.join(root, "Benchmarks", "README.md")
    begin, end = "<!-- compare:begin -->", "<!-- compare:end -->"
    text = open(readme).read() if os.path.exists(readme) else "# Benchmarks\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + begin + "\n" + report + end + tail
    else:
        text = text.rstrip("\n") + "\n\n" + begin + "\n" + report + end + "\n"
    with open(readme, "w") as handle:
        handle.write(text)
    log(f"Updated {readme}")

if not options.work:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if mismatches else 0)
PYTHON
