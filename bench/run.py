#!/usr/bin/env python3
"""Times kiln on the shared benchmark corpus and prints a table (standard library only).

Every build runs the CLI as a user does (./kiln, a fresh JVM) unless it says "same JVM". Each
measurement runs --runs times; the table shows the median with the min and max beside it.
"""
import argparse
import collections
import os
import pathlib
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
KILN = ROOT / "kiln"
GENERATOR = ROOT.parent / "shared" / "bench" / "gen-corpus.py"
CORPORA = ROOT / "bench" / "corpus"
# Where clean() moves the outputs and caches of earlier builds; emptied when the run ends.
TRASH = CORPORA / ".trash"
# When a run last emptied TRASH (the file's modification time).
TRASH_EMPTIED = CORPORA / ".trash-emptied"
# How long ext4 without a journal keeps skipping freed inodes: 60 s after they were freed, 360 s
# while the block that holds them is not yet written back (RECENTCY_MIN and RECENTCY_DIRTY in
# fs/ext4/ialloc.c), which new files in the same block keep it from being.
RECENTLY_DELETED = 360


def corpus(pages):
    folder = CORPORA / str(pages)
    if not (folder / "content").is_dir():
        if not GENERATOR.exists():
            sys.exit(f"no corpus generator at {GENERATOR}")
        print(f"generating the {pages}-page corpus (seed 42)...", file=sys.stderr)
        subprocess.run([sys.executable, str(GENERATOR), str(folder), str(pages), "--seed", "42"],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


Run = collections.namedtuple("Run", "seconds rss out user system")


def run_measured(args):
    """Runs a command; answers its wall seconds, peak RSS in MiB, stdout, and user and kernel CPU
    seconds, the RSS and the CPU read with wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({process.returncode})")
    return Run(seconds, usage.ru_maxrss / 1024, out, usage.ru_utime, usage.ru_stime)


def clean(site, delete=False):
    """Takes the site's output and build cache away before a build that must start without them.

    They are moved aside (into TRASH, on the same file system, emptied when the run ends) rather
    than deleted: on ext4 without a journal, as on this VM, the kernel skips every inode freed in
    the last minutes one at a time when it allocates a new one (recently_deleted() in
    fs/ext4/ialloc.c), so a cold build right after deleting the last build's 28,000 inodes spent
    about 3 s of kernel CPU there (bench/RESULTS.md, "Session 15"): a cost of the benchmark's own
    deleting, which a user's first build of a site does not pay. --delete-first deletes instead.
    """
    for name in ("public", ".kiln"):
        path = site / name
        if delete:
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            TRASH.mkdir(exist_ok=True)
            path.rename(TRASH / f"{site.name}-{name.lstrip('.')}-{time.time_ns()}")


def kiln(*args):
    return [str(KILN), *map(str, args)]


def stats(values):
    return statistics.median(values), min(values), max(values)


def phases(metrics_output):
    found = {}
    in_phases = False
    for line in metrics_output.splitlines():
        if line.startswith("phase"):
            in_phases = True
            continue
        if line.startswith("effect"):
            in_phases = False
        if in_phases:
            match = re.match(r"(.+?)\s+([\d.]+)$", line)
            if match:
                found[match.group(1).strip()] = float(match.group(2))
    return found


def effects(metrics_output):
    found = {}
    for line in metrics_output.splitlines():
        match = re.match(r"(\w+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$", line)
        if match:
            found[match.group(1)] = (int(match.group(2)), float(match.group(3)))
    return found


def pages_built(output):
    match = re.search(r"built (\d+) pages", output)
    return int(match.group(1)) if match else 0


def warm_seconds(output):
    times = [float(t) for t in re.findall(r"in ([\d.]+) s", output)]
    return times[-1]


def some_page(site):
    pages = sorted((site / "content").rglob("*.md"))
    return [page for page in pages if page.name != "_index.md"][len(pages) // 2]


def output_of(site, page):
    relative = page.relative_to(site / "content").with_suffix("")
    return site / "public" / relative / "index.html"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_edit_to_output(site, edits):
    port = free_port()
    server = subprocess.Popen(kiln("serve", site, "--port", port), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        page = some_page(site)
        target = output_of(site, page)
        index = site / "public" / "index.json"
        original = page.read_text()
        times, settled = [], []
        for edit in range(edits + 2):
            marker = f"kiln-bench-marker-{edit}-{time.time_ns()}"
            start = time.perf_counter()
            page.write_text(original + "\n" + marker + "\n")
            wait_for(marker, target, start)
            shown = time.perf_counter() - start
            # The search index holds every page's text: once it has the edit, the build is done.
            wait_for(marker, index, start)
            if edit >= 2:  # the first edits warm the JIT of the rebuild path
                times.append(shown)
                settled.append(time.perf_counter() - start)
            time.sleep(0.3)
        page.write_text(original)
        return times, settled
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(marker, output, start):
    while True:
        try:
            if marker in output.read_text():
                return
        except OSError:
            pass
        if time.perf_counter() - start > 60:
            sys.exit(f"kiln serve did not write the edit to {output} within 60 s")
        time.sleep(0.0005)


def row(name, values, unit="s", scale=1.0):
    median, low, high = stats([v * scale for v in values])
    return f"| {name} | {median:.3f} {unit} | {low:.3f} | {high:.3f} |"


def warm_up(site):
    """Builds the site once, untimed, into TRASH.

    On this VM the first process after an idle minute (the wait in settle(), or just a pause)
    spends 1.5-4 s more kernel CPU than the next one, with nothing deleted in between: memory the
    guest freed seems to have gone back to the host (bench/RESULTS.md, "Session 15"). The first
    timed cold build would pay it alone."""
    TRASH.mkdir(exist_ok=True)
    run_measured(kiln("build", site, "--no-cache", "--output", TRASH / f"warm-up-{time.time_ns()}"))


def measure(pages, runs, serve, delete):
    site = corpus(pages)
    warm_up(site)
    rows = []
    cold_runs = []
    for _ in range(runs):
        clean(site, delete)
        cold_runs.append(run_measured(kiln("build", site, "--no-cache", "--metrics")))
    cold_output = cold_runs[-1].out
    built = pages_built(cold_output)
    warm = []
    for _ in range(runs):
        clean(site, delete)
        warm.append(warm_seconds(run_measured(kiln("build", site, "--no-cache", "--repeat", "2")).out))
    clean(site, delete)
    run_measured(kiln("build", site))
    noop = [run_measured(kiln("build", site)).seconds for _ in range(runs)]
    edit = []
    page = some_page(site)
    original = page.read_text()
    for run_index in range(runs):
        page.write_text(original + f"\nedited {run_index} {time.time_ns()}\n")
        edit.append(run_measured(kiln("build", site)).seconds)
    page.write_text(original)
    run_measured(kiln("build", site))
    rows.append(row("cold full build (fresh JVM, --no-cache)", [r.seconds for r in cold_runs]))
    # The kernel's CPU for the 28,000 new inodes of a cold build (folders and files) depends on the
    # file system and on what it freed lately (clean()): these rows show what it took.
    rows.append(row("cold full build: user CPU", [r.user for r in cold_runs]))
    rows.append(row("cold full build: kernel CPU", [r.system for r in cold_runs]))
    rows.append(row("warm full build (same JVM, second build)", warm))
    rows.append(row("no-op rebuild (fresh JVM)", noop))
    rows.append(row("one-page-edit rebuild (fresh JVM)", edit))
    if serve:
        shown, settled = serve_edit_to_output(site, max(5, runs * 3))
        rows.append(row("kiln serve: edit to output", shown, "ms", 1000))
        rows.append(row("kiln serve: edit to whole site rebuilt", settled, "ms", 1000))
    rows.append(row("pages/s (cold full build)", [built / r.seconds for r in cold_runs], "pages/s"))
    rows.append(row("peak RSS (cold full build)", [r.rss for r in cold_runs], "MiB"))
    return built, rows, phases(cold_output), effects(cold_output)


def machine():
    java = subprocess.run([os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java"), "-version"],
                          capture_output=True, text=True).stderr.splitlines()
    launcher = KILN.read_text()
    launcher_flags = re.findall(r"^(?:gc|jit)_options=\((.*)\)$", launcher, re.M)
    short_run_flags = re.findall(r"^\s*short_run_options=\((.+)\)$", launcher, re.M)
    # Flags the launcher adds where the machine allows them (transparent huge pages).
    try:
        huge_pages = pathlib.Path("/sys/kernel/mm/transparent_hugepage/enabled").read_text().strip()
    except OSError:
        huge_pages = "unknown"
    if "[madvise]" in huge_pages or "[always]" in huge_pages:
        launcher_flags += re.findall(r"gc_options\+=\((.*)\)", launcher)
    # Thread priorities, with what the launcher adds for a user other than root.
    launcher_flags += re.findall(r"^priority_options=\((.*)\)$", launcher, re.M)
    if os.geteuid() != 0:
        launcher_flags += re.findall(r"^\s+priority_options\+=\((.*)\)$", launcher, re.M)
    return (f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, "
            f"{java[0] if java else 'java ?'}; transparent huge pages: {huge_pages}; "
            f"launcher JVM flags: {' '.join(launcher_flags) or 'none'}"
            f" (and for a build from a cache: {' '.join(short_run_flags) or 'none'}); "
            f"KILN_JAVA_OPTS={os.environ.get('KILN_JAVA_OPTS', '')!r}, KILN_AOT={os.environ.get('KILN_AOT', 'on')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="?", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", help="comma-separated page counts: cold full builds only, to check linearity")
    parser.add_argument("--no-serve", action="store_true", help="skip the kiln serve measurement")
    parser.add_argument("--no-wait", action="store_true",
                        help="start at once even if the last run deleted its outputs less than 6 minutes ago")
    parser.add_argument("--delete-first", action="store_true",
                        help="delete the last build's output before each cold build instead of moving it aside "
                             "(times the file system's handling of the freed inodes too)")
    args = parser.parse_args()
    settle(args.no_wait)
    try:
        run(args)
    finally:
        # The moved-aside outputs go only now, after every timing.
        if TRASH.exists():
            shutil.rmtree(TRASH, ignore_errors=True)
            TRASH_EMPTIED.touch()


def settle(no_wait):
    """Waits until the last run's deleted outputs no longer slow down new files (see clean())."""
    if no_wait or not TRASH_EMPTIED.exists():
        return
    left = RECENTLY_DELETED - (time.time() - TRASH_EMPTIED.stat().st_mtime)
    if left > 0:
        print(f"waiting {left:.0f} s: the last run deleted its outputs {RECENTLY_DELETED - left:.0f} s ago, and on "
              "ext4 without a journal new files skip inodes freed that recently (--no-wait to start now)",
              file=sys.stderr)
        time.sleep(left)


def run(args):
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}, runs: {args.runs}; before each cold build the last "
          f"build's output is {'deleted' if args.delete_first else 'moved aside (deleted after the run)'}; "
          f"one untimed build comes first\n")
    if args.sizes:
        print("| pages | cold full build | ms per page | peak RSS |\n|---|---|---|---|")
        sizes = [int(s) for s in args.sizes.split(",")]
        # Once, on the first corpus: only the first process after an idle minute pays for it.
        warm_up(corpus(sizes[0]))
        for size in sizes:
            site = corpus(size)
            results = []
            for _ in range(args.runs):
                clean(site, args.delete_first)
                results.append(run_measured(kiln("build", site, "--no-cache")))
            seconds = statistics.median(r.seconds for r in results)
            print(f"| {size} | {seconds:.2f} s | {seconds * 1000 / size:.3f} | {max(r.rss for r in results):.0f} MiB |")
        return
    built, rows, phase_times, effect_times = measure(args.pages, args.runs, not args.no_serve, args.delete_first)
    print(f"corpus: {args.pages} pages (seed 42), {built} pages built\n")
    print("| measurement | median | min | max |\n|---|---|---|---|")
    print("\n".join(rows))
    print("\nphases of the last cold full build (wall ms):")
    for name, millis in phase_times.items():
        print(f"  {name:<12} {millis:10.1f}")
    print("\neffects of the last cold full build (count, total ms summed over threads):")
    for name, (count, millis) in sorted(effect_times.items(), key=lambda item: -item[1][1]):
        print(f"  {name:<16} {count:8d} {millis:12.1f}")


if __name__ == "__main__":
    main()
