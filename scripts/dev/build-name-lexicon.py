#!/usr/bin/env python3
"""Builds the name lexicon the redactor ships (Sources/PainmapPrivacy/Resources/names-*.txt).

Source: the OpenCorpora dictionary (https://opencorpora.org, CC BY-SA 3.0) as packaged for pymorphy3
(`pip install pymorphy3 pymorphy3-dicts-ru`; the package's METADATA states the data licence). Every word form
whose analysis carries the grammeme Name (first name) or Surn (surname) is written with:
  - a mask of the genders and cases it can stand in: bits 0-5 masculine nominative, genitive, dative, accusative,
    instrumental, locative; bits 6-11 the same feminine; bit 12 plural (any case);
  - bit 13 when the same spelling is mostly an ordinary word: a reading that is no name, no other proper noun and
    no possessive adjective scores at least half as high as the best name reading («роман», «казаков»); bit 14 when it is also a place, organisation or trademark («королев», «пушкино»);
    plural forms of first names («петров» = «of the Peters») are left out.
Lines are `form mask` (mask in lower-case hex), sorted, lower case with ё folded to е; a header holds the source,
its version and licence. Usage: scripts/dev/build-name-lexicon.py [output-directory]
"""
import os
import sys

import pymorphy3
import pymorphy3_dicts_ru

CASES = {"nomn": 0, "gent": 1, "gen2": 1, "datv": 2, "accs": 3, "ablt": 4, "loct": 5, "loc2": 5, "voct": 0}
# Patronymics (Patr) are regular enough for the redactor's suffix rules; their forms are only kept out of the lists.
KINDS = {"Name": "first-names", "Surn": "surnames", "Patr": None}
COMMON = 1 << 13
PLACE = 1 << 14


def mask_of(tag):
    if "plur" in tag:
        return 1 << 12
    case = CASES.get(tag.case)
    if case is None:
        return 0
    genders = {"masc": [0], "femn": [6], "ms-f": [0, 6]}.get(tag.gender, [0, 6])
    return sum(1 << (offset + case) for offset in genders)


def is_mostly_common(morph, form):
    """Whether the dictionary's likeliest readings of `form` are ordinary words rather than names: the best score of
    a reading without Name/Surn/Patr/Geox/Orgn/Trad is at least half the best score of a name reading (pymorphy's
    P(tag | word), estimated from the OpenCorpora corpus; equal for words it has no statistics for)."""
    name_score = 0.0
    other_score = 0.0
    for parse in morph.parse(form):
        tag = parse.tag
        if any(g in tag for g in ("Name", "Surn", "Patr")):
            name_score = max(name_score, parse.score)
        elif not any(g in tag for g in ("Geox", "Orgn", "Trad", "Abbr", "Init")) and "Poss" not in tag:
            other_score = max(other_score, parse.score)
    return other_score > 0 and other_score >= 0.5 * name_score


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "Sources/PainmapPrivacy/Resources"
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    dictionary = morph.dictionary
    # Which (paradigm, form) pairs are names: a few thousand paradigms, so tags are built once per pair.
    kind_of = {}
    proper = set()  # forms of other proper nouns (places, organisations, trademarks): not ordinary words either
    for para_id, paradigm in enumerate(dictionary.paradigms):
        for index in range(len(paradigm) // 3):
            tag = dictionary.build_tag_info(para_id, index)
            for grammeme, kind in KINDS.items():
                if grammeme in tag:
                    # A first name's plural («петров», «иванов» as «of the Peters») reads as a surname: left out.
                    if kind == "first-names" and "plur" in tag:
                        kind = None
                    kind_of[(para_id, index)] = (kind, mask_of(tag))
            if any(grammeme in tag for grammeme in ("Geox", "Orgn", "Trad", "Abbr", "Init")):
                proper.add((para_id, index))
    masks = {kind: {} for kind in KINDS.values() if kind}
    common = set()
    places = set()
    for word, (para_id, index) in dictionary.words.iteritems():
        found = kind_of.get((para_id, index))
        key = word.replace("ё", "е")
        if found is None:
            if (para_id, index) in proper:
                places.add(key)
            else:
                common.add(key)
            continue
        kind, mask = found
        if kind is None:
            continue
        masks[kind][key] = masks[kind].get(key, 0) | mask
    meta = dict(dictionary.meta)
    os.makedirs(out_dir, exist_ok=True)
    for kind, forms in masks.items():
        path = os.path.join(out_dir, f"names-{kind}.txt")
        with open(path, "w", encoding="utf-8") as out:
            out.write(
                f"# {kind} of the OpenCorpora dictionary (https://opencorpora.org), revision "
                f"{meta.get('source_revision')}, as packaged in pymorphy3-dicts-ru {pymorphy3_dicts_ru.__version__}.\n"
                "# Licence: Creative Commons Attribution-ShareAlike 3.0 (https://creativecommons.org/licenses/by-sa/3.0/);\n"
                "# derived data shared under the same licence. Built by scripts/dev/build-name-lexicon.py.\n"
                "# Line: form, hex mask (bits 0-5 masc nom/gen/dat/acc/ins/loc, 6-11 femn, 12 plural, 13 also a common word,\n"
                "# 14 also a place or organisation).\n"
            )
            for form in sorted(forms):
                if not form.isalpha() and "-" not in form:
                    continue
                flags = 0
                if form in common and is_mostly_common(morph, form):
                    flags |= COMMON
                if form in places:
                    flags |= PLACE
                mask = forms[form] | flags
                out.write(f"{form} {mask:x}\n")
        print(f"{path}: {len(forms)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
