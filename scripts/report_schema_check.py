#!/usr/bin/env python3
"""Validates every JSON file painmap wrote under a report tree against docs/report.schema.json.

usage: report_schema_check.py SCHEMA DIR
A file <quarter>/index.json is a quarter overview, <quarter>/<region>/index.json a region index, <quarter>/<region>/effect.json «Решения и их эффект», any other
<quarter>/<region>/<situation>.json a situation report. Prints one line per invalid file and a total; exit 1 on any.
"""
import json
import pathlib
import sys

import jsonschema


def main() -> int:
    schema_path, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)

    def validator(kind):
        return jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"})

    validators = {kind: validator(kind) for kind in ("report", "regionIndex", "quarterOverview", "decisionEffectPage")}
    counts = {kind: 0 for kind in validators}
    failures = 0
    files = sorted(root.rglob("*.json"))
    for path in files:
        parts = path.relative_to(root).parts
        kind = (
            "quarterOverview"
            if len(parts) == 2
            else "regionIndex"
            if parts[-1] == "index.json"
            else "decisionEffectPage"
            if parts[-1] == "effect.json"
            else "report"
        )
        counts[kind] += 1
        errors = sorted(validators[kind].iter_errors(json.loads(path.read_text(encoding="utf-8"))), key=str)
        for error in errors[:3]:
            location = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {kind}: {location}: {error.message}", file=sys.stderr)
        failures += bool(errors)
    print(
        f"report-schema: {len(files)} JSON files ({counts['report']} reports, {counts['regionIndex']} region indexes, "
        f"{counts['quarterOverview']} overviews), {failures} invalid"
    )
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
