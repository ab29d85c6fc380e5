#!/usr/bin/env python3
"""Writes Config/regions.yaml from the hflabs region table in ../shared/reference/regions/.

Run from the project root: python3 scripts/dev/gen-regions.py > Config/regions.yaml
The output is painmap's own format; the four subjects the source lacks are added by hand below.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "..", "shared", "reference", "regions", "hflabs-region.csv")

FULL_TYPES = {"Респ": "Республика", "край": "край", "обл": "область", "г": "город", "АО": "автономный округ",
              "Аобл": "автономная область", "г.": "город"}
# Resident population (Росстат, 1 January 2024, rounded), where painmap's sample regions need it.
POPULATION = {"54": 2_762_000, "41": 289_000}
EXTRA_ALIASES = {"54": ["НСО", "Новосибирская обл."], "41": ["Камчатка", "Камчатский кр."]}


def significant(code, minimum=2):
    code = code.strip()
    if not code:
        return None
    stripped = code.rstrip("0")
    return code[:max(minimum, len(stripped))]


def full_name(name, kind):
    t = FULL_TYPES.get(kind, kind)
    if "округ" in name.lower() or "республика" in name.lower() or "область" in name.lower():
        return name
    if kind == "Респ":
        return f"Республика {name}"
    if kind in ("г", "г."):
        return f"г. {name}" if name != "Москва" and name != "Санкт-Петербург" and name != "Севастополь" else name
    if kind == "Чувашская Республика - Чувашия" or name.startswith("Чувашская"):
        return name
    return f"{name} {t}"


rows = []
with open(SOURCE, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        code = r["kladr_id"][:2]
        offset = int(r["timezone"].replace("UTC", "") or "3")
        rows.append(dict(code=code, name=r["name"], full=full_name(r["name"], r["type"]), typed=r["name_with_type"],
                         okato=significant(r["okato"]), oktmo=significant(r["oktmo"]), offset=offset, source="hflabs"))
# Subjects missing from the hflabs table (DOMAIN.md §8): ФИАС-style codes, source=manual.
rows += [
    dict(code="90", name="Запорожская", full="Запорожская область", typed="Запорожская обл", okato=None, oktmo=None, offset=3, source="manual"),
    dict(code="93", name="Донецкая Народная", full="Донецкая Народная Республика", typed="ДНР", okato=None, oktmo=None, offset=3, source="manual"),
    dict(code="94", name="Луганская Народная", full="Луганская Народная Республика", typed="ЛНР", okato=None, oktmo=None, offset=3, source="manual"),
    dict(code="95", name="Херсонская", full="Херсонская область", typed="Херсонская обл", okato=None, oktmo=None, offset=3, source="manual"),
]
rows.sort(key=lambda r: r["code"])

out = sys.stdout
out.write("# Federal subjects keyed by the 2-digit ФИАС/КЛАДР subject code (DOMAIN.md §8).\n")
out.write("# Built by scripts/dev/gen-regions.py from the hflabs/region table (CC BY-SA 4.0,\n")
out.write("# https://github.com/hflabs/region, data of 2022-12-19; derived data shared under the same licence),\n")
out.write("# plus four subjects that table lacks (source: manual). okato/oktmo are significant prefixes\n")
out.write("# (trailing zeros removed, at least 2 digits): НАО is 111, ХМАО 711, ЯНАО 7114.\n")
out.write("regions:\n")
for r in rows:
    aliases = sorted({r["typed"]} | set(EXTRA_ALIASES.get(r["code"], [])) - {r["full"], r["name"]})
    out.write(f"  - code: \"{r['code']}\"\n    name: {r['name']}\n    full_name: {r['full']}\n")
    if r["okato"]:
        out.write(f"    okato: \"{r['okato']}\"\n")
    if r["oktmo"]:
        out.write(f"    oktmo: \"{r['oktmo']}\"\n")
    out.write(f"    utc_offset_hours: {r['offset']}\n")
    out.write("    aliases: [" + ", ".join(f"\"{a}\"" for a in aliases) + "]\n")
    if r["code"] in POPULATION:
        out.write(f"    population: {POPULATION[r['code']]}\n")
    out.write(f"    source: {r['source']}\n")
