#!/usr/bin/env python3
"""Measures painmap's life-situation classifier (see scripts/eval-classify).

Independent set: every message becomes a hotline row without «Тема»/«Подтема» (a bare text record), region 54,
2026Q3, in a store that also holds SampleFeeds. Per situation: precision, recall, F1; the unassigned share; off-topic
messages wrongly assigned; recall per style; what each rule decided and how often it was right.

SampleFeeds: the store's classification of every SampleFeeds record against the generator's planted counts per
file and situation in SampleFeeds/manifest.json (agreement = Σ min(got, planted) / Σ planted, as
ClassifyJobTests measures it), and the unassigned share.
"""
import argparse
import collections
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INDEPENDENT = os.path.join(ROOT, "Tests/Fixtures/classify-independent/messages.jsonl")
CHANNELS = ["pos", "site", "hotline", "portal", "survey"]


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)} (exit {result.returncode})")
    return result.stdout


def write_bare_hotline(messages, path):
    header = ["Номер звонка", "Дата звонка", "Субъект РФ", "Район", "Тема", "Подтема", "Краткое содержание",
              "Результат", "Передано в"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        for index, message in enumerate(messages):
            day = 1 + index % 28
            writer.writerow([message["id"], f"{day:02d}.08.2026 10:{index % 60:02d}", "Новосибирская область",
                             "", "", "", message["text"], "Консультация оказана", ""])


def ratio(a, b):
    return a / b if b else 0.0


def independent_figures(db, messages, situations):
    rows = {key: (situation, rule) for key, situation, rule in db.execute(
        "SELECT f.source_record_id, c.life_situation, c.rule FROM feedback_record f "
        "JOIN record_classification c ON c.record_id = f.id JOIN ingested_file i ON i.id = f.file_id "
        "WHERE i.path LIKE '%independent.csv'")}
    missing = [m["id"] for m in messages if m["id"] not in rows]
    per = {s: collections.Counter() for s in situations}
    by_style = collections.defaultdict(collections.Counter)
    by_rule = collections.defaultdict(collections.Counter)
    off_topic = collections.Counter()
    for message in messages:
        if message["id"] not in rows:
            continue
        got, rule = rows[message["id"]]
        expected = message["expected"]
        by_rule[rule]["right" if got == expected else "wrong"] += 1
        if expected is None:
            off_topic["total"] += 1
            if got is not None:
                off_topic["assigned"] += 1
                off_topic[f"to {got}"] += 1
                if "hard negative" in message.get("notes", ""):
                    off_topic["hard negatives assigned"] += 1
            if "hard negative" in message.get("notes", ""):
                off_topic["hard negatives"] += 1
        else:
            per[expected]["support"] += 1
            by_style[message["style"]]["support"] += 1
            if got == expected:
                per[expected]["tp"] += 1
                by_style[message["style"]]["tp"] += 1
            elif got is None:
                per[expected]["unassigned"] += 1
        if got is not None:
            per.setdefault(got, collections.Counter())["predicted"] += 1
    table = []
    for situation in situations:
        c = per[situation]
        precision = ratio(c["tp"], c["predicted"])
        recall = ratio(c["tp"], c["support"])
        f1 = ratio(2 * precision * recall, precision + recall)
        table.append({"situation": situation, "support": c["support"], "predicted": c["predicted"], "tp": c["tp"],
                      "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                      "unassigned": round(ratio(c["unassigned"], c["support"]), 3)})
    on_topic = sum(per[s]["support"] for s in situations)
    return {
        "messages": len(messages), "missing": len(missing),
        "situations": table,
        "micro": {"precision": round(ratio(sum(per[s]["tp"] for s in situations),
                                            sum(per[s]["predicted"] for s in situations)), 3),
                  "recall": round(ratio(sum(per[s]["tp"] for s in situations), on_topic), 3)},
        "on_topic_unassigned": round(ratio(sum(per[s]["unassigned"] for s in situations), on_topic), 3),
        "off_topic": {"total": off_topic["total"], "assigned": off_topic["assigned"],
                      "assigned_share": round(ratio(off_topic["assigned"], off_topic["total"]), 3),
                      "hard_negatives": off_topic["hard negatives"],
                      "hard_negatives_assigned": off_topic["hard negatives assigned"],
                      "to": {k[3:]: v for k, v in sorted(off_topic.items()) if k.startswith("to ")}},
        "recall_by_style": {style: round(ratio(c["tp"], c["support"]), 3) for style, c in sorted(by_style.items())},
        "by_rule": {rule: dict(c) for rule, c in sorted(by_rule.items())},
    }


def sample_figures(db, manifest, situations):
    got = collections.defaultdict(collections.Counter)
    total = 0
    unassigned = 0
    by_rule = collections.Counter()
    for path, situation, rule in db.execute(
            "SELECT i.path, c.life_situation, c.rule FROM feedback_record f "
            "JOIN record_classification c ON c.record_id = f.id JOIN ingested_file i ON i.id = f.file_id "
            "WHERE i.path NOT LIKE '%independent.csv'"):
        relative = path.split("/SampleFeeds/")[-1]
        got[relative][situation or "—"] += 1
        total += 1
        unassigned += situation is None
        by_rule[rule] += 1
    overlap = planted = 0
    files = []
    for file in manifest["files"]:
        if not file.get("situations"):
            continue
        counts = got.get(file["path"], collections.Counter())
        file_overlap = sum(min(counts[s["situationID"]], s["records"]) for s in file["situations"])
        file_planted = sum(s["records"] for s in file["situations"])
        overlap += file_overlap
        planted += file_planted
        files.append({"file": file["path"], "agreement": round(ratio(file_overlap, file_planted), 3),
                      "unassigned": counts["—"], "records": sum(counts.values())})
    return {"records": total, "unassigned": unassigned, "unassigned_share": round(ratio(unassigned, total), 3),
            "agreement": round(ratio(overlap, planted), 3), "files": files,
            "by_rule": {rule: round(ratio(n, total), 3) for rule, n in sorted(by_rule.items())}}


def percent(value):
    return f"{value * 100:5.1f} %"


def print_text(result):
    ind = result["independent"]
    print(f"Independent set: {ind['messages']} messages as bare hotline rows (missing from the store: "
          f"{ind['missing']}), store with SampleFeeds ({result['samples']['records']} records)")
    print("| situation | messages | assigned to it | precision | recall | F1 | left unassigned |")
    print("|---|---|---|---|---|---|---|")
    for row in ind["situations"]:
        print(f"| {row['situation']} | {row['support']} | {row['predicted']} | {row['precision']:.3f} | "
              f"{row['recall']:.3f} | {row['f1']:.3f} | {percent(row['unassigned'])} |")
    print(f"| all seven (micro) | | | {ind['micro']['precision']:.3f} | {ind['micro']['recall']:.3f} | | "
          f"{percent(ind['on_topic_unassigned'])} |")
    off = ind["off_topic"]
    print(f"Off-topic: {off['assigned']} of {off['total']} wrongly assigned ({percent(off['assigned_share']).strip()}); "
          f"hard negatives {off['hard_negatives_assigned']} of {off['hard_negatives']}; to: {off['to']}")
    print("Recall by style: " + ", ".join(f"{k} {v:.3f}" for k, v in ind["recall_by_style"].items()))
    print("By rule (right/wrong): " + ", ".join(
        f"{rule} {c.get('right', 0)}/{c.get('wrong', 0)}" for rule, c in ind["by_rule"].items()))
    s = result["samples"]
    print()
    print(f"SampleFeeds: {s['records']} records, unassigned {s['unassigned']} ({percent(s['unassigned_share']).strip()}), "
          f"agreement with the generator {s['agreement']:.3f} (Σ min(got, planted) / Σ planted per file × situation)")
    print("Rules: " + ", ".join(f"{rule} {percent(v).strip()}" for rule, v in s["by_rule"].items()))
    print("Per file: " + ", ".join(f"{f['file']} {f['agreement']:.3f}" for f in s["files"]))
    print()
    print(result["classify_summary"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", help="keep the store in this directory")
    parser.add_argument("--config", default=os.path.join(ROOT, "Config"),
                        help="configuration directory (default: Config/), e.g. an older one for an older binary")
    args = parser.parse_args()
    messages = [json.loads(line) for line in open(INDEPENDENT, encoding="utf-8") if line.strip()]
    manifest = json.load(open(os.path.join(ROOT, "SampleFeeds/manifest.json"), encoding="utf-8"))
    work = args.keep or tempfile.mkdtemp(prefix="painmap-eval-classify-")
    os.makedirs(work, exist_ok=True)
    try:
        store = os.path.join(work, "eval.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        feeds = os.path.join(work, "SampleFeeds")
        if os.path.exists(feeds):
            shutil.rmtree(feeds)
        for channel in CHANNELS:
            shutil.copytree(os.path.join(ROOT, "SampleFeeds", channel), os.path.join(feeds, channel))
        bare = os.path.join(work, "bare", "hotline")
        os.makedirs(bare, exist_ok=True)
        write_bare_hotline(messages, os.path.join(bare, "independent.csv"))
        config = args.config
        run([args.bin, "ingest", "--store", store, "--config", config]
            + [os.path.join(feeds, c) for c in CHANNELS] + [os.path.join(work, "bare")])
        summary = run([args.bin, "classify", "--store", store, "--config", config])
        lines = open(os.path.join(config, "life-situations.yaml"), encoding="utf-8").read().split("\nsituations:\n")[1]
        order = [line.split(":", 1)[1].strip() for line in lines.splitlines() if line.startswith("  - id:")]
        db = sqlite3.connect(store)
        result = {"independent": independent_figures(db, messages, order),
                  "samples": sample_figures(db, manifest, order),
                  "classify_summary": "\n".join(summary.splitlines()[:4])}
        db.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print_text(result)


if __name__ == "__main__":
    main()
