#!/usr/bin/env python3
"""Tillid against jrnl 4.6, whole processes, on the same corpus.

Usage: python3 bench/vs_jrnl.py [--tillid PATH] [--work DIR] [--sizes 5000,100000]

Called by ./bench/run.sh, which builds the release CLI and installs
hyperfine first; runs on its own too. Prints a Markdown section for
docs/benchmarks.md on stdout; progress and hyperfine's output go to stderr.

For each size:
1. `tillid demo` fills an empty data folder (one reflection and nine notes a
   week, ending this week); five notes with a rare word are added with
   `tillid note add`.
2. `tillid export --format json` writes everything; jrnl_corpus.py writes the
   same entries as a jrnl plain-text journal.
3. jrnl 4.6 (from PyPI, in a venv under the work folder) reads that journal
   with a config file in a private HOME; its own `--export json` of it is the
   file `tillid import jrnl` is timed on.
4. hyperfine times each command: search for a rare and a common word,
   Markdown export of one year and of everything (both programs), PDF of one
   year and of everything, the lossless JSON export and `tillid import jrnl`.

jrnl never prompts: no encryption, the config is written beforehand in the
format jrnl 4.6 writes (it is checked to be untouched afterwards), the
journal file exists, and stdin is /dev/null. Nothing outside the work folder
is read or written by jrnl (HOME and XDG_* point into it).
"""

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JRNL_VERSION = "4.6"
NOTES_PER_WEEK = 9
RARE_WORD = "sabbatår"
COMMON_WORD = "teamet"
RARE_NOTES = [
    ("Sabbatår?", "Hun spurgte, om et sabbatår kan lade sig gøre. Jeg lovede at undersøge reglerne og vende tilbage inden fredag."),
    ("Efter snakken om orlov", "Vi talte om sabbatår, og om hvad opgaverne kræver imens. Jeg skal ikke løse det alene."),
    ("Noget at huske", "Sabbatåret er godkendt fra august. Planlæg overdragelsen sammen med hende, ikke for hende."),
    ("Sparring med HR", "HR har en fast skabelon for sabbatår. Den gør det lettere at sige ja."),
    ("Tilbage fra sabbatår", "Hun er tilbage med nye idéer. Giv hende plads, før jeg fortæller, hvad der er sket imens."),
]
TARGETS = {5000: 20, 100000: 100}
# The comparisons the targets apply to.
TARGETED = ("search-rare", "search-common", "md-year", "md-all")
# Every text column of a reflection the course log can show.
READ_COLUMNS = ("followup", "happened", "trust_control", "checkup", "learned", "next_try", "body")


def log(msg):
    print(f"\033[1;36m==>\033[0m {msg}", file=sys.stderr, flush=True)


def die(msg):
    print(f"vs_jrnl: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, env=None, check=True, capture=True):
    r = subprocess.run(
        cmd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if check and r.returncode != 0:
        die(f"{shlex.join(map(str, cmd))} failed ({r.returncode}):\n{r.stderr.strip()}")
    return r


def trial(cmd, env):
    """One untimed run: exit status, wall time, peak RSS (KiB), stderr.

    The peak comes from GNU time, which forks from a small process: a child
    forked from this Python process would report Python's own peak instead
    (Linux keeps the larger high-water mark across fork and exec).
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        t = time.perf_counter()
        code = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, "--", *map(str, cmd)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        ).returncode
        wall = time.perf_counter() - t
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        lines = rss.read().split()
    return code, wall, int(lines[-1]) if lines and lines[-1].isdigit() else 0, stderr


def target_for(corpus):
    """The ratio against jrnl a targeted comparison must reach on `corpus`."""
    return TARGETS.get(corpus["size"]) or (20 if corpus["n"] < 50000 else 100)


def cpu_idle_share(seconds=1.0):
    """The share of CPU time spent idle over the next `seconds` (/proc/stat)."""

    def sample():
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    try:
        idle0, total0 = sample()
        time.sleep(seconds)
        idle1, total1 = sample()
        return (idle1 - idle0) / max(1, total1 - total0)
    except (OSError, ValueError, IndexError):
        return float("nan")


def human_count(n):
    return f"{n:,}".replace(",", " ")


def human_size(n):
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB"
    return f"{max(1, round(n / 1024))} KiB"


def fmt_time(s, sd=None):
    def one(x):
        if x >= 1:
            return f"{x:.2f} s"
        return f"{x * 1000:.1f} ms" if x < 0.1 else f"{x * 1000:.0f} ms"

    return one(s) if sd is None else f"{one(s)} ± {one(sd)}"


def size_label(n):
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


class Bench:
    def __init__(self, args):
        self.tillid = Path(args.tillid).resolve()
        self.work = Path(args.work).resolve()
        self.sizes = args.sizes
        self.today = dt.date.today()
        try:
            self.year_from = self.today.replace(year=self.today.year - 1) + dt.timedelta(days=1)
        except ValueError:  # 29 February
            self.year_from = self.today.replace(year=self.today.year - 1, day=28) + dt.timedelta(days=1)
        self.problems = []
        # Idle share of the CPUs just before the run: the load average is no
        # guide on this VM, where a kernel thread keeps it near 1 when idle.
        self.idle_before = cpu_idle_share()

    # ---- tools -------------------------------------------------------------

    def check_tools(self):
        if not self.tillid.is_file():
            die(f"{self.tillid} is missing; build it with: cargo build --release -p tillid-cli")
        if not os.access("/usr/bin/time", os.X_OK):
            die("GNU time is missing (Debian: apt-get install time); ./bench/run.sh installs it")
        if not shutil.which("hyperfine"):
            die("hyperfine is missing (Debian: apt-get install hyperfine); ./bench/run.sh installs it")
        self.work.mkdir(parents=True, exist_ok=True)

    def ensure_jrnl(self):
        venv = self.work / "venv"
        self.jrnl = venv / "bin" / "jrnl"
        if self.jrnl.exists():
            r = run([self.jrnl, "--version"], check=False)
            if r.returncode == 0 and r.stdout.startswith(f"jrnl v{JRNL_VERSION}\n"):
                return
            shutil.rmtree(venv)
        log(f"Installing jrnl {JRNL_VERSION} from PyPI into {venv}")
        run([sys.executable, "-m", "venv", venv])
        run([venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check", f"jrnl=={JRNL_VERSION}"])
        r = run([self.jrnl, "--version"])
        if not r.stdout.startswith(f"jrnl v{JRNL_VERSION}\n"):
            die(f"expected jrnl v{JRNL_VERSION}, got: {r.stdout.splitlines()[:1]}")

    # ---- corpus ------------------------------------------------------------

    def make_corpus(self, n):
        d = self.work / f"corpus-{size_label(n)}"
        if d.exists():
            shutil.rmtree(d)
        (d / "out").mkdir(parents=True)
        data = d / "tillid"
        # One reflection in about nine weeks of ten, and nine notes a week.
        weeks = math.ceil((n - len(RARE_NOTES)) / (NOTES_PER_WEEK + 0.9))
        log(f"Corpus {size_label(n)}: tillid demo --weeks {weeks} --notes-per-week {NOTES_PER_WEEK}")
        t = time.perf_counter()
        run([self.tillid, "--data-dir", data, "demo", "--weeks", str(weeks), "--notes-per-week", str(NOTES_PER_WEEK)])
        demo_s = time.perf_counter() - t
        first = self.today - dt.timedelta(weeks=weeks)
        for k, (title, text) in enumerate(RARE_NOTES, 1):
            day = first + (self.today - first) * k / (len(RARE_NOTES) + 1)
            run([self.tillid, "--data-dir", data, "note", "add", "--date", day.isoformat(), "--title", title, "--tag", "trivsel", text])
        stats = json.loads(run([self.tillid, "--data-dir", data, "stats", "--json"]).stdout)
        export = d / "tillid.json"
        run([self.tillid, "--data-dir", data, "export", "--format", "json", "-o", export])
        journal = d / "journal.txt"
        info = json.loads(
            run([sys.executable, ROOT / "bench" / "jrnl_corpus.py", export, journal, RARE_WORD, COMMON_WORD]).stdout
        )
        entries = stats["reflections"] + stats["notes"]
        if info["entries"] != entries:
            die(f"the jrnl journal has {info['entries']} entries, Tillid {entries}")

        # jrnl's private home and config, in the format jrnl 4.6 itself writes
        # (so it has nothing to upgrade and never rewrites it or asks).
        home = d / "home"
        env = dict(os.environ)
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_STATE_HOME=str(home / ".local/state"),
            NO_COLOR="1",
        )
        (home / ".config" / "jrnl").mkdir(parents=True)
        config = home / ".config" / "jrnl" / "jrnl.yaml"
        config.write_text(
            "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals:\n  default:\n    journal: {json.dumps(str(journal))}\n"
            "linewrap: 79\ntagsymbols: '@'\ntemplate: false\n"
            "timeformat: '%Y-%m-%d %H:%M'\n"
            f"version: '{JRNL_VERSION}'\n",
            encoding="utf-8",
        )
        jrnl = [str(self.jrnl), "--config-file", str(config)]

        # jrnl's own JSON export of the journal: what `tillid import jrnl` reads.
        log(f"Corpus {size_label(n)}: jrnl --export json (once; its time is reported too)")
        jrnl_json = d / "jrnl.json"
        code, jrnl_json_s, jrnl_json_rss, err = trial(jrnl + ["--export", "json", "--file", str(jrnl_json)], env)
        if code != 0:
            die(f"jrnl could not read the journal {journal}:\n{err.strip()}")
        jrnl_entries = len(json.loads(jrnl_json.read_text(encoding="utf-8"))["entries"])
        if jrnl_entries != entries:
            die(f"jrnl read {jrnl_entries} entries from {journal}, expected {entries}")
        return {
            "n": entries,
            "size": n,
            "label": size_label(n),
            "dir": d,
            "data": data,
            "stats": stats,
            "info": info,
            "env": env,
            "jrnl": jrnl,
            "config": config,
            "config_text": config.read_text(encoding="utf-8"),
            "jrnl_json": jrnl_json,
            "jrnl_json_s": jrnl_json_s,
            "jrnl_json_rss": jrnl_json_rss,
            "demo_s": demo_s,
            "first": dt.date.fromisoformat(info["first"]),
        }

    # ---- timing ------------------------------------------------------------

    def measure(self, label, cmd, env, prepare=None, out=None):
        """Times one command with hyperfine; None with a problem noted if it fails."""
        if prepare:
            subprocess.run(prepare, check=True)
        code, wall, rss, err = trial(cmd, env)
        if code != 0:
            first = next((l for l in err.strip().splitlines() if l.strip()), f"exit code {code}")
            shown = shlex.join([Path(cmd[0]).name, *map(str, cmd[1:])])
            self.problems.append(f"{label}: `{shown}` failed: {first}")
            log(f"{label}: FAILED ({first})")
            return None
        size = out.stat().st_size if out and out.exists() else None
        # The trial run warmed the caches; slow commands get fewer runs.
        if wall < 0.5:
            opts = ["--warmup", "3", "--min-runs", "15"]
        elif wall < 5:
            opts = ["--warmup", "1", "--runs", "5"]
        elif wall < 10:
            opts = ["--runs", "3"]
        else:
            opts = ["--runs", "2"]
        with tempfile.NamedTemporaryFile(suffix=".json") as f:
            hf = ["hyperfine", "-N", "--style", "basic", *opts, "--export-json", f.name]
            if prepare:
                hf += ["--prepare", shlex.join(map(str, prepare))]
            hf += ["--command-name", label, shlex.join(map(str, cmd))]
            r = subprocess.run(hf, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
            if r.returncode != 0:
                self.problems.append(f"{label}: hyperfine failed (exit code {r.returncode})")
                return None
            res = json.load(open(f.name))["results"][0]
        return {"mean": res["mean"], "sd": res["stddev"] or 0.0, "runs": len(res["times"]), "rss": rss, "size": size}

    def bench_size(self, c):
        n, lab, data, out, env = c["n"], c["label"], str(c["data"]), c["dir"] / "out", c["env"]
        t, jrnl = [str(self.tillid), "--data-dir", data], c["jrnl"]
        today, year_from, first = self.today.isoformat(), self.year_from.isoformat(), c["first"].isoformat()
        r = {}

        def both(key, tillid_cmd, jrnl_cmd, tillid_out=None, jrnl_out=None):
            log(f"{lab}: {key}")
            r[key] = (
                self.measure(f"tillid {key} {lab}", tillid_cmd, env, out=tillid_out),
                self.measure(f"jrnl {key} {lab}", jrnl_cmd, env, out=jrnl_out) if jrnl_cmd else None,
            )

        # Both must show the same number of entries for each word.
        c["shown"] = {}
        for word in (RARE_WORD, COMMON_WORD):
            hits = c["info"]["hits"][word]["tillid_prefix"]
            tn = len(json.loads(run(t + ["search", word, "--json"]).stdout))
            out_j = run(jrnl + ["-contains", word, "-n", "50"], env=env).stdout
            jn = len(re.findall(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} ", out_j, re.M))
            c["shown"][word] = (tn, jn)
            # Tillid may show more: it also finds the word in exercise answers,
            # which are not journal entries and so not in jrnl's journal.
            if tn < min(hits, 50) or jn != min(hits, 50):
                self.problems.append(
                    f"search for {word} at {lab}: Tillid shows {tn}, jrnl {jn}, of {hits} entries with the word"
                )
        both("search-rare", t + ["search", RARE_WORD], jrnl + ["-contains", RARE_WORD, "-n", "50"])
        both("search-common", t + ["search", COMMON_WORD], jrnl + ["-contains", COMMON_WORD, "-n", "50"])
        for span, frm, jrnl_filter in (("year", year_from, ["-from", year_from]), ("all", first, [])):
            md, jmd = out / f"tillid-{span}.md", out / f"jrnl-{span}.md"
            both(
                f"md-{span}",
                t + ["export", "--from", frm, "--to", today, "--format", "md", "--lang", "da", "-o", str(md), "--force"],
                jrnl + jrnl_filter + ["--export", "markdown", "--file", str(jmd)],
                md,
                jmd,
            )
            pdf = out / f"tillid-{span}.pdf"
            both(
                f"pdf-{span}",
                t + ["export", "--from", frm, "--to", today, "--format", "pdf", "--lang", "da", "-o", str(pdf), "--force"],
                None,
                pdf,
            )
        self.measure_floors(c, r, out / "tillid-all.md", first, today)
        js = out / "tillid-all.json"
        both("json-all", t + ["export", "--format", "json", "-o", str(js), "--force"], None, js)
        imp = c["dir"] / "imported"
        log(f"{lab}: import-jrnl")
        r["import-jrnl"] = (
            self.measure(
                f"tillid import jrnl {lab}",
                [str(self.tillid), "--data-dir", str(imp), "import", "jrnl", str(c["jrnl_json"])],
                env,
                prepare=["rm", "-rf", str(imp)],
            ),
            None,
        )
        if r["import-jrnl"][0]:
            s = json.loads(run([self.tillid, "--data-dir", imp, "stats", "--json"]).stdout)
            if s["notes"] != n:
                self.problems.append(f"import of {lab}: {s['notes']} notes in Tillid, expected {n}")
        if c["config"].read_text(encoding="utf-8") != c["config_text"]:
            self.problems.append("jrnl rewrote its config file during the run")
        return r

    def measure_floors(self, c, r, md, first, today):
        """What any program writing the whole-history course log must spend.

        Two steps no implementation can skip, each timed with the fastest
        tool there is for it: reading the period's reflection texts from the
        database (the sqlite3 shell, same index, nothing rendered) and
        writing and syncing a file of the log's size (`dd conv=fsync`, which
        is all Tillid's write step does). Their sum against jrnl's time is
        the largest ratio a sequential program could reach.
        """
        lab, env = c["label"], c["env"]
        if not shutil.which("sqlite3") or not md.exists():
            self.problems.append(f"floors at {lab}: not measured (sqlite3 shell or the Markdown log missing)")
            return
        log(f"{lab}: floors of the whole-history log")
        db = c["data"] / "tillid.sqlite3"
        texts = "+".join(f"length({col})" for col in READ_COLUMNS)
        query = (
            f"SELECT count(*), sum({texts}) FROM entry INDEXED BY entry_one_reflection_per_week "
            f"WHERE kind = 'reflection' AND entry_date BETWEEN '{first}' AND '{today}'"
        )
        r["floor-read"] = (self.measure(f"sqlite3 read {lab}", ["sqlite3", "-readonly", str(db), query], env), None)
        copy = c["dir"] / "out" / "floor-copy.md"
        r["floor-write"] = (
            self.measure(
                f"dd conv=fsync {lab}",
                ["dd", f"if={md}", f"of={copy}", "bs=64M", "conv=fsync", "status=none"],
                env,
                prepare=["rm", "-f", str(copy)],
                out=copy,
            ),
            None,
        )

    # ---- report ------------------------------------------------------------

    def versions(self):
        def first_line(cmd):
            try:
                return run(cmd).stdout.splitlines()[0].strip()
            except Exception:
                return "?"

        cpu = "?"
        try:
            for line in open("/proc/cpuinfo", encoding="utf-8"):
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        mem = "?"
        try:
            kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
            mem = f"{kb / (1 << 20):.0f} GiB"
        except Exception:
            pass
        distro = "?"
        try:
            distro = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
        except Exception:
            pass
        commit = first_line(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
        dirty = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], check=False).stdout.strip()
        jrnl_python = first_line([self.work / "venv" / "bin" / "python", "--version"])
        return {
            "machine": f"{cpu}, {os.cpu_count()} cores, {mem} RAM; {distro}; Linux {platform.release()}",
            "tillid": f"{first_line([self.tillid, '--version'])} (release build of {commit}{' with uncommitted changes' if dirty else ''}; {first_line(['rustc', '--version'])})",
            "jrnl": f"jrnl {JRNL_VERSION} from PyPI on {jrnl_python}",
            "hyperfine": first_line(["hyperfine", "--version"]),
        }

    def report(self, corpora, results):
        v = self.versions()
        o = []
        w = o.append
        w("## Tillid against jrnl 4.6")
        w("")
        w(f"Same entries in both, whole processes (start-up included), timed with {v['hyperfine']}")
        w(f"on {v['machine']}.")
        w(f"Tillid: {v['tillid']}. jrnl: {v['jrnl']}.")
        cores = os.cpu_count() or 1
        busy = self.idle_before < 0.9
        w(
            f"The CPUs were {self.idle_before:.0%} idle in the second before this part started "
            f"({cores} cores)"
            + ("; other work was running, so these figures are noisier than on an idle machine." if busy else ".")
        )
        w("")
        for c in corpora:
            s, info = c["stats"], c["info"]
            w(
                f"- **{c['label']} corpus**: {human_count(c['n'])} entries "
                f"({human_count(s['reflections'])} weekly reflections, {human_count(s['notes'])} notes), "
                f"{info['first']} to {info['last']}, made by `tillid demo` in {c['demo_s']:.1f} s; the jrnl journal is "
                f"{human_size((c['dir'] / 'journal.txt').stat().st_size)}. "
                f"\"{RARE_WORD}\" is in {info['hits'][RARE_WORD]['tillid_prefix']} entries, "
                f"\"{COMMON_WORD}\" in {human_count(info['hits'][COMMON_WORD]['tillid_prefix'])} "
                f"(the same entries for both programs' rules)."
            )
        w("")
        w("| What | Entries | Tillid | jrnl 4.6 | jrnl ÷ Tillid | Target |")
        w("|---|---|---|---|---|---|")
        labels = {
            "search-rare": f"Search, rare word \"{RARE_WORD}\"",
            "search-common": f"Search, common word \"{COMMON_WORD}\"",
            "md-year": "Markdown export, last 12 months",
            "md-all": "Markdown export, everything",
            "pdf-year": "PDF export, last 12 months",
            "pdf-all": "PDF export, everything",
            "floor-read": "Floor of the whole-history log, step 1: its reflections' text read with the `sqlite3` shell",
            "floor-write": "Floor of the whole-history log, step 2: a copy of it written and synced with `dd conv=fsync`",
            "json-all": "Every entry as JSON: Tillid's lossless export, jrnl's `--export json`",
            "import-jrnl": "`tillid import jrnl` of jrnl's JSON export of the corpus",
        }
        missed = []
        for key, label in labels.items():
            for c, r in zip(corpora, results):
                tl, jr = r.get(key, (None, None))
                n, lab = c["n"], c["label"]
                what = label
                if key.startswith("search-"):
                    word = RARE_WORD if key == "search-rare" else COMMON_WORD
                    tn, jn = c["shown"][word]
                    hits = c["info"]["hits"][word]["tillid_prefix"]
                    what += f" (shown: Tillid {tn}, jrnl {jn}, of {human_count(hits)})"
                if key.startswith(("md-", "pdf-", "json-")) and tl and tl["size"] is not None:
                    what += f" (Tillid writes {human_size(tl['size'])}"
                    jsize = c["jrnl_json"].stat().st_size if key == "json-all" else jr and jr["size"]
                    what += f", jrnl {human_size(jsize)})" if jsize is not None else ")"
                tcell = "failed, see below" if tl is None else fmt_time(tl["mean"], tl["sd"])
                if tl and key.startswith(("pdf-", "md-all", "import-", "json-")):
                    tcell += f" · peak {human_size(tl['rss'] * 1024)}"
                jcell, ratio, target = "–", "–", "–"
                if key == "json-all":
                    jcell = f"{fmt_time(c['jrnl_json_s'])} (one run) · peak {human_size(c['jrnl_json_rss'] * 1024)}"
                    if tl:
                        ratio = f"{c['jrnl_json_s'] / tl['mean']:.0f}×"
                elif key.startswith("floor-"):
                    # The ratio no program doing this step alone could beat.
                    jmd = r.get("md-all", (None, None))[1]
                    if tl and jmd:
                        jcell = f"{fmt_time(jmd['mean'])} (its Markdown export, everything)"
                        ratio = f"at most {jmd['mean'] / tl['mean']:.0f}×"
                elif jr is not None:
                    jcell = fmt_time(jr["mean"], jr["sd"])
                    if key == "md-all":
                        jcell += f" · peak {human_size(jr['rss'] * 1024)}"
                    if tl:
                        x = jr["mean"] / tl["mean"]
                        ratio = f"**{x:.0f}×**" if x >= 10 else f"**{x:.1f}×**"
                elif key in TARGETED:
                    jcell = "failed, see below"
                if key in TARGETED:
                    goal = target_for(c)
                    if tl and jr:
                        ok = jr["mean"] / tl["mean"] >= goal
                        target = f"≥ {goal}× {'met' if ok else '**missed**'}"
                        if not ok:
                            missed.append(f"{label} at {lab}: {jr['mean'] / tl['mean']:.1f}× (target {goal}×)")
                    else:
                        target = f"≥ {goal}× (not measured)"
                elif key == "pdf-year":
                    ok = tl is not None and tl["mean"] < 2
                    target = f"< 2 s {'met' if ok else '**missed**'}"
                    if not ok:
                        missed.append(f"{label} at {lab}: " + (fmt_time(tl["mean"]) if tl else "failed"))
                w(f"| {what} | {human_count(n)} | {tcell} | {jcell} | {ratio} | {target} |")
        w("")
        for c, r in zip(corpora, results):
            read, write = r.get("floor-read", (None,))[0], r.get("floor-write", (None,))[0]
            jmd = r.get("md-all", (None, None))[1]
            if read and write and jmd:
                floor = read["mean"] + write["mean"]
                goal = target_for(c)
                w(
                    f"- Whole-history log at {c['label']}: the two floors add up to {fmt_time(floor)}, so a program "
                    f"that did nothing but these two steps one after the other would be {jmd['mean'] / floor:.0f}× "
                    f"faster than jrnl; the {goal}× target leaves {fmt_time(jmd['mean'] / goal)} for everything, "
                    "start-up and rendering included."
                )
        w("")
        if missed:
            w("**Targets missed in this run:** " + "; ".join(missed) + ". Where the time goes: `bench/README.md`.")
        else:
            w("**Every target was met in this run.**")
        w("")
        if self.problems:
            w("**Problems in this run:**")
            w("")
            for p in self.problems:
                w(f"- {p}")
            w("")
        w(
            "How: mean ± standard deviation of hyperfine runs (`-N`, no shell) after one untimed "
            "trial run; commands under 0.5 s get 3 warm-up runs and at least 15 timed runs, those "
            "under 5 s 1 warm-up and 5 runs, under 10 s 3 runs, slower ones 2; peak memory is the "
            "trial run's maximum resident set (GNU time). The corpus is made by `tillid demo` (one weekly reflection in about "
            f"nine weeks of ten and {NOTES_PER_WEEK} notes a week, in Danish and English, ending this week, "
            f"plus a team of eight with their 1:1s) and {len(RARE_NOTES)} notes with the rare word added "
            "with `tillid note add`. `bench/jrnl_corpus.py` writes the same entries from Tillid's JSON export "
            "as a jrnl journal (a note keeps its title and body; a reflection becomes one entry on "
            "its Sunday with its answers as labelled paragraphs; tags become @tags). jrnl 4.6 runs from a "
            "private venv and HOME with a pre-written config (plain text, no encryption, no colours). "
            "**Search**: `tillid search WORD` (every word as a word prefix, ranked, at most 50 hits with "
            f"snippets) against `jrnl -contains WORD -n 50` (case-insensitive substring in title and "
            "body, the 50 latest matches printed in full): jrnl's tag filter only finds @tags and its "
            "plain-text filter has no word semantics, `-contains` is the one that finds what Tillid "
            "finds (for these two words exactly the same entries), and `-n 50` prints as much as "
            "Tillid's default (Tillid may show a few more: it also finds words in her exercise "
            "answers, which are not journal entries). **Markdown**: `tillid export --format md` writes the course log "
            "(the weekly reflections of the period with charts as tables, exercises, agreements and a "
            "summary, people pseudonymised, to a temporary file that is synced and renamed); "
            "`jrnl [-from DATE] --export markdown --file F` writes every entry of the period. The "
            "documents differ: the course log leaves out the journal notes (nine in ten entries) but "
            "renders and pseudonymises every reflection, so the full JSON export is also given as "
            "the like-for-like \"every entry\" figure. Tillid's exports use `--lang da` and the "
            "default pseudonymisation; \"everything\" is `--from` the corpus's first day `--to` today."
        )
        return "\n".join(o) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tillid", default=str(ROOT / "target" / "release" / "tillid"))
    ap.add_argument("--work", default=str(ROOT / "bench" / "out" / "jrnl"))
    ap.add_argument("--sizes", default="5000,100000", type=lambda s: [int(x) for x in s.split(",")])
    b = Bench(ap.parse_args())
    b.check_tools()
    b.ensure_jrnl()
    corpora, results = [], []
    for n in b.sizes:
        c = b.make_corpus(n)
        corpora.append(c)
        results.append(b.bench_size(c))
    sys.stdout.write(b.report(corpora, results))
    if b.problems:
        print("vs_jrnl: some measurements failed:\n  " + "\n  ".join(b.problems), file=sys.stderr)


if __name__ == "__main__":
    main()
