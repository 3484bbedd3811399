#!/usr/bin/env python3
"""Start-up time and idle memory of Tillid beside a blank Tauri 2 window.

Start-up: wall time from spawning the binary to its page reporting the first
interactive paint (Tillid: the home screen rendered with data). Memory: the
proportional set size (PSS) of the whole process tree, app plus WebKit's
web and network processes, after 3 s idle. Prints Markdown table rows.
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        if ppid == pid:
            kids.append(int(entry))
    return kids


def tree(pid):
    out = [pid]
    for k in children(pid):
        out.extend(tree(k))
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_once(binary, env_extra):
    env = dict(os.environ, TILLID_BENCH="1", **env_extra)
    t0 = time.monotonic()
    p = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, start_new_session=True)
    ready = None
    deadline = t0 + 60
    while time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        if line.startswith("TILLID_READY_MS"):
            ready = (time.monotonic() - t0) * 1000
            break
    if ready is None:
        os.killpg(p.pid, signal.SIGKILL)
        raise SystemExit(f"{binary} never reported ready")
    time.sleep(3)
    pss = sum(pss_kib(x) for x in tree(p.pid))
    procs = len(tree(p.pid))
    os.killpg(p.pid, signal.SIGTERM)
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
    return ready, pss / 1024, procs


def measure(binary, env_for_run):
    starts, mems, procs = [], [], 0
    run_once(binary, env_for_run())  # warm the page cache, as a second launch would be
    for _ in range(RUNS):
        s, m, procs = run_once(binary, env_for_run())
        starts.append(s)
        mems.append(m)
    return statistics.median(starts), statistics.median(mems), procs


def main():
    tillid, blank, cli = sys.argv[1], sys.argv[2], sys.argv[3]
    corpus = tempfile.mkdtemp(prefix="tillid-bench-")
    subprocess.run([cli, "--data-dir", corpus, "demo", "--weeks", "52", "--notes-per-week", "3"],
                   check=True, stdout=subprocess.DEVNULL)

    def tillid_env():
        return {"TILLID_DATA_DIR": corpus}

    def blank_env():
        home = tempfile.mkdtemp(prefix="blank-bench-")
        return {"XDG_DATA_HOME": home, "XDG_CACHE_HOME": home, "XDG_CONFIG_HOME": home}

    b_start, b_mem, b_procs = measure(blank, blank_env)
    t_start, t_mem, t_procs = measure(tillid, tillid_env)
    print(f"| Cold start to first interactive paint (median of {RUNS}) | Tillid {t_start:.0f} ms · "
          f"blank {b_start:.0f} ms | **{t_start / b_start:.2f}×** | ≤ 1.2× |")
    print(f"| Idle memory, PSS of the process tree ({t_procs} / {b_procs} processes) | Tillid "
          f"{t_mem:.0f} MiB · blank {b_mem:.0f} MiB | **{t_mem / b_mem:.2f}×** | ≤ 1.15× |")


if __name__ == "__main__":
    main()
