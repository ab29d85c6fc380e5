#!/usr/bin/env python3
"""Counts the sample generator's personal names left readable in a store's redacted texts (not a test).

    python3 scripts/dev/residual-names.py STORE.sqlite

STORE is a SQLite store ingested from generated ПОС rows (`painmap samples --records N`). The generator plants its
people's names (Sources/PainmapSamples/Corpus/PersonalData.swift, read from there) into the messages; after
redaction none of them may remain. Prints:
  - names left readable: generator surnames anywhere in the stored texts, patronymics, and first names beside a
    surname, initials or «[ФИО]», with up to five examples each (synthetic people, not real ones);
  - recorded full names holding other words (a span that ran past the name, e.g. «попов и.а. сертификат»);
  - the number of recorded full names.
Exit 1 when a name is left readable. The store is opened read-only (immutable), so a store in use is not touched.
"""
import collections
import os
import re
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "Sources", "PainmapSamples", "Corpus", "PersonalData.swift")


def swift_array(source, name):
    match = re.search(r"static let " + name + r"\s*=\s*\[(.*?)\n\s*\]", source, re.S)
    if not match:
        sys.exit(f"residual-names: no list {name} in {SOURCE}")
    return re.findall(r'"([^"]+)"', match.group(1))


def fold(word):
    return word.lower().replace("ё", "е")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = open(SOURCE, encoding="utf-8").read()
    surnames = set()
    for surname in swift_array(source, "maleSurnames"):
        surnames.update([fold(surname), fold(surname) + "а"])
    first = set(swift_array(source, "maleNames") + swift_array(source, "femaleNames"))
    fathers = re.search(r"static let fatherNames\s*=\s*\[(.*?)\n\s*\]", source, re.S)
    if not fathers:
        sys.exit(f"residual-names: no list fatherNames in {SOURCE}")
    patronymics = {fold(p) for t in re.findall(r'\("[^"]+", "([^"]+)", "([^"]+)"\)', fathers.group(1)) for p in t}
    patronymics.add("ильинична")
    names = {fold(name) for name in first} | surnames | patronymics

    store = sqlite3.connect(f"file:{sys.argv[1]}?immutable=1", uri=True)
    word = re.compile(r"[А-ЯЁа-яё]+")
    beside_name = re.compile(r"\s*(\[ФИО\]|[А-ЯЁ][а-яё]+(ов|ев|ин)а?\b|[А-ЯЁ]\.)")
    left = collections.Counter()
    examples = collections.defaultdict(list)
    for record, text in store.execute("SELECT id, text FROM feedback_record"):
        for match in word.finditer(text):
            folded = fold(match.group())
            kind = None
            if folded in surnames:
                kind = "surname"
            elif folded in patronymics:
                kind = "patronymic"
            elif match.group() in first and beside_name.match(text, match.end()):
                kind = "first name"
            if kind:
                left[kind] += 1
                if len(examples[kind]) < 5:
                    examples[kind].append((record, text[max(0, match.start() - 40):match.end() + 25].replace("\n", "⏎")))
    print("names left readable:", sum(left.values()), dict(left))
    for kind, shown in examples.items():
        for record, context in shown:
            print(f"  {kind}, record #{record}: …{context}…")
    other = collections.Counter()
    for normalized, count in store.execute(
            "SELECT normalized, count(*) FROM redacted_identifier WHERE type = 'full_name' GROUP BY normalized"):
        extra = [w for w in normalized.split() if w not in names and not re.match(r"^[а-яa-z]\.", w)]
        if extra:
            other[" ".join(extra)] += count
    print("recorded full names holding other words:", sum(other.values()), other.most_common(10))
    print("recorded full names:", store.execute("SELECT count(*) FROM redacted_identifier WHERE type = 'full_name'").fetchone()[0])
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
