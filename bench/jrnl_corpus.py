#!/usr/bin/env python3
"""Writes the same entries as a Tillid data folder in jrnl's plain-text format.

Usage: jrnl_corpus.py TILLID_EXPORT.json JOURNAL.txt [WORD...]

Reads Tillid's lossless JSON export (`tillid export --format json`) and
writes every reflection and note as one jrnl 4.x entry, oldest first, in the
format jrnl reads with `timeformat: "%Y-%m-%d %H:%M"` and `tagsymbols: "@"`:

    [2026-11-27 08:00] Title of the note
    Body of the note, as written (Markdown and all).
    @tag @other-tag

A note keeps its title and body. A reflection becomes one entry titled
"Refleksion, uge 47 2026" (or "Reflection, week 47 2026" for an English one)
on the Sunday of its week, with each answered question as a labelled
paragraph. Tags become @tags on the last line, which is where jrnl reads them.

Prints one JSON object on stdout: the number of entries, the first and last
date, and for each WORD given how many entries contain it, both as Tillid
searches (a word starting with it) and as `jrnl -contains` does (anywhere in
the text, case-insensitively).
"""

import datetime as dt
import json
import re
import sys

LABELS = {
    "da": [
        ("happened", "Hvad skete der?"),
        ("trust_control", "Tillid og kontrol"),
        ("learned", "Hvad lærte jeg?"),
        ("next_try", "Hvad prøver jeg i næste uge?"),
        ("followup", "Opfølgning på sidste uges forsøg"),
        ("body", "Noter"),
    ],
    "en": [
        ("happened", "What happened?"),
        ("trust_control", "Trust and control"),
        ("learned", "What did I learn?"),
        ("next_try", "What will I try next week?"),
        ("followup", "Follow-up on last week's experiment"),
        ("body", "Notes"),
    ],
}
DANISH = re.compile(r"[æøåÆØÅ]|\b(jeg|og|ikke|det|har)\b")
# A line jrnl would read as the start of a new entry.
ENTRY_START = re.compile(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}\] ")


def tag(t):
    return "@" + re.sub(r"\s+", "-", t.strip())


def text_lines(text):
    # Never let a line of her text pass for a new entry in jrnl's file.
    return [(" " + l if ENTRY_START.match(l) else l) for l in text.rstrip().split("\n")]


def reflection_entry(e):
    year, week = e["week"].split("-W")
    sunday = dt.date.fromisocalendar(int(year), int(week), 7)
    sample = " ".join(e.get(k, "") for k in ("happened", "trust_control", "learned"))
    lang = "da" if DANISH.search(sample) else "en"
    title = (
        f"Refleksion, uge {int(week)} {year}"
        if lang == "da"
        else f"Reflection, week {int(week)} {year}"
    )
    body = []
    for key, label in LABELS[lang]:
        value = e.get(key, "").strip()
        if value:
            body += [f"**{label}**", *text_lines(value), ""]
    return sunday, "20:00", title, body


def note_entry(e, minute):
    day = dt.date.fromisoformat(e["date"])
    title = e.get("title", "").strip().replace("\n", " ")
    body = text_lines(e.get("body", ""))
    if not title:
        title, body = body[0], body[1:]
    # Notes of one day get distinct times from 08:00, in the export's order.
    return day, f"{8 + minute // 60:02d}:{minute % 60:02d}", title, body


def words_from(text, word):
    return any(w.startswith(word) for w in re.findall(r"\w+", text.lower()))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, dst, words = sys.argv[1], sys.argv[2], [w.lower() for w in sys.argv[3:]]
    with open(src, encoding="utf-8") as f:
        export = json.load(f)
    if export.get("format") != "tillid-export":
        sys.exit(f"{src} is not a Tillid JSON export")
    entries, per_day = [], {}
    for e in export["entries"]:
        if e["kind"] == "reflection":
            day, time, title, body = reflection_entry(e)
        else:
            n = per_day.get(e["date"], 0)
            per_day[e["date"]] = n + 1
            day, time, title, body = note_entry(e, n)
        while body and body[-1] == "":
            body.pop()
        tags = [tag(t) for t in e.get("tags", [])]
        if tags:
            body += ["", " ".join(tags)]
        entries.append((day, time, title, body))
    entries.sort(key=lambda x: (x[0], x[1]))
    hits = {w: {"tillid_prefix": 0, "jrnl_contains": 0} for w in words}
    with open(dst, "w", encoding="utf-8") as out:
        for day, time, title, body in entries:
            text = "\n".join([title, *body])
            out.write(f"[{day.isoformat()} {time}] {text}\n\n")
            low = text.lower()
            for w in words:
                hits[w]["jrnl_contains"] += w in low
                hits[w]["tillid_prefix"] += words_from(text, w)
    json.dump(
        {
            "entries": len(entries),
            "first": entries[0][0].isoformat() if entries else None,
            "last": entries[-1][0].isoformat() if entries else None,
            "hits": hits,
        },
        sys.stdout,
        ensure_ascii=False,
    )
    print()


if __name__ == "__main__":
    main()
