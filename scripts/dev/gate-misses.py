#!/usr/bin/env python3
"""Finds, in a store's redacted texts, what the zero-leak gate would flag, and says which record shows it (not a test).

    python3 scripts/dev/gate-misses.py STORE.sqlite [REGION ...] [--examples N]

The report gate (`ReportGate`, `LeakScanner`) compares every report file with the identifiers the redactor recorded
at ingest for the region: numbers on their digits (a phone on its last ten, six digits or more), names, addresses,
e-mails and plates word by word after case folding and «ё» → «е» (names and addresses only with two words or more).
When it refuses a region it names the record the identifier was *recorded* from, not the record whose text still
shows it. This script applies the same comparison to every stored text and answer of the region (a superset of what
the reports quote), so each hit names both records:

    region, type, the recorded identifier's record, the record that shows it, and the text around the hit.

Hits are grouped by a rough shape of the showing text (what precedes and follows the hit) so that categories of
misses can be counted; the data is generated (`painmap samples`), the people in it are not real.
The store is opened read-only (immutable). Exit 1 when any hit is found.
"""
import collections
import re
import sqlite3
import sys


def fold(text):
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


TRIM = re.compile(r"^[^\w@]+|[^\w@]+$")


def words(folded):
    result = []
    for word in folded.split(" "):
        word = TRIM.sub("", word).replace("_", "")
        if word:
            result.append(word)
    return result


NUMERIC = {"phone", "snils", "inn", "ogrn", "passport", "card"}
SEPARATORS = set(" \u00a0\u202f\u2009-()+./")


def compared_digits(normalized, kind):
    digits = "".join(c for c in normalized if c.isdigit())
    return digits[-10:] if kind == "phone" and len(digits) > 10 else digits


def digit_runs(text):
    runs, current, gap = [], [], 0
    for ch in text + "\x00":
        if "0" <= ch <= "9":
            current.append(ch)
            gap = 0
        elif ch in SEPARATORS and current and gap < 2:
            gap += 1
        else:
            if len(current) >= 6:
                runs.append("".join(current))
            current, gap = [], 0
    return runs


def main():
    args = [a for a in sys.argv[1:]]
    examples = 3
    if "--examples" in args:
        at = args.index("--examples")
        examples = int(args[at + 1])
        del args[at:at + 2]
    if not args:
        sys.exit(__doc__)
    store = sqlite3.connect(f"file:{args[0]}?immutable=1", uri=True)
    regions = args[1:] or [r for (r,) in store.execute("SELECT DISTINCT region FROM feedback_record ORDER BY region")]
    total = 0
    by_type = collections.Counter()
    for region in regions:
        numbers = collections.defaultdict(dict)
        texts = collections.defaultdict(list)
        for record, kind, normalized in store.execute(
            "SELECT i.record_id, i.type, i.normalized FROM redacted_identifier i JOIN feedback_record r "
            "ON r.id = i.record_id WHERE r.region = ?",
            (region,),
        ):
            if kind in NUMERIC:
                digits = compared_digits(normalized, kind)
                if len(digits) >= 6:
                    numbers[len(digits)].setdefault(digits, (kind, record))
            else:
                folded = fold(normalized)
                if len(folded) < 6:
                    continue
                ws = words(folded)
                if not ws or (len(ws) < 2 and kind not in ("email", "vehicle_plate")):
                    continue
                texts[ws[0]].append((ws, kind, record))
        hits = []
        for record, text, answer, organization, municipality in store.execute(
            "SELECT id, text, answer_text, organization, municipality FROM feedback_record WHERE region = ?", (region,)
        ):
            for field, value in (("text", text), ("answer", answer), ("organization", organization),
                                 ("municipality", municipality)):
                if not value:
                    continue
                for run in digit_runs(value):
                    for length, table in numbers.items():
                        for start in range(0, len(run) - length + 1):
                            hit = table.get(run[start:start + length])
                            if hit:
                                hits.append((hit[0], hit[1], record, field, run[start:start + length], value))
                ws = words(fold(value))
                for index, word in enumerate(ws):
                    for candidate, kind, source in texts.get(word, ()):
                        if ws[index:index + len(candidate)] == candidate:
                            hits.append((kind, source, record, field, " ".join(candidate), value))
        seen = set()
        for kind, source, record, field, value, shown in hits:
            key = (kind, value, record)
            if key in seen:
                continue
            seen.add(key)
            total += 1
            by_type[kind] += 1
            if examples:
                print(f"region {region}: {kind} «{value}» recorded from #{source}, shown by #{record} ({field}): "
                      f"{shown[:400]!r}")
    print(f"hits: {total} {dict(by_type)}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
