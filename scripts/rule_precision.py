#!/usr/bin/env python3
"""Per-rule and per-trigger precision of newsgraph's extraction against gold.

Runs `newsgraph explain` on every document of the given corpora, maps the
names of each fact's ends to the gold's entity ids (normalized as score.py
does), and counts, for each rule and each trigger word, the facts the gold
holds (required or optional) and the facts it does not. Negated facts are
left out (the scorer does not count them as claims).

Use it on studied corpora only: reading it for a held-out set is studying
that set.

    python3 scripts/rule_precision.py target/release/newsgraph \
        ../shared/corpus/dev:../shared/gold/dev tests/probe/docs:tests/probe/gold

Options (environment): RULE=name limits the trigger table to one rule;
EXAMPLES=word,word prints the wrong facts of those trigger words;
SENTENCE=regex counts only the facts of sentences that match it (for
example `SENTENCE='\?"?$'` for questions).
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

FACT = re.compile(
    r'\s+fact\s+(.+?) -\[(\w+)\]-> (.+?)(?:  | kind=)(.*)\(trigger "([^"]+)"\)\s+\[rule: ([^\]]+)\]'
)


def norm(name):
    name = name.lower().replace(".", "")
    name = re.sub(r"['\u2019]s\b", "", name)
    name = re.sub(r"^the ", "", name)
    return " ".join(name.split())


def main():
    binary, specs = sys.argv[1], sys.argv[2:]
    only_rule = os.environ.get("RULE")
    in_sentence = re.compile(os.environ.get("SENTENCE", ""))
    by_rule = collections.defaultdict(lambda: [0, 0])
    by_trigger = collections.defaultdict(lambda: [0, 0])
    wrong = collections.defaultdict(list)
    for spec in specs:
        docs, golds = spec.split(":")
        for gold_file in sorted(glob.glob(os.path.join(golds, "*.json"))):
            gold = json.load(open(gold_file))
            doc = os.path.join(docs, gold["document"])
            if not os.path.exists(doc):
                continue
            ids = {}
            for e in gold["entities"]:
                for n in e["names"]:
                    ids.setdefault(norm(n), e["id"])
            # Explain prints canonical names; the gold may know a node by
            # one of its aliases, as score.py matches it.
            nodes = subprocess.run(
                [binary, "query", "--format", "json", "--input", doc,
                 "MATCH (n) RETURN n.name AS name, n.aliases AS aliases"],
                capture_output=True, text=True,
            ).stdout
            for row in json.loads(nodes or "[]"):
                if not row.get("name") or norm(row["name"]) in ids:
                    continue
                for alias in row.get("aliases") or []:
                    if isinstance(alias, str) and norm(alias) in ids:
                        ids[norm(row["name"])] = ids[norm(alias)]
                        break
            out = subprocess.run([binary, "explain", doc], capture_output=True, text=True).stdout
            sentence = ""
            for line in out.split("\n"):
                if line.startswith("["):
                    sentence = line
                m = FACT.match(line)
                if not m:
                    continue
                a, rel, b, rest, trigger, rule = m.groups()
                # Flags without a kind stand right after the target's name.
                flags = re.search(r"( (negated|hedged|abandoned|permanent|veto))+$", b.strip())
                if flags:
                    rest = flags.group(0) + " " + rest
                    b = b.strip()[: flags.start()]
                if rel not in ("SUPPORTS", "OPPOSES", "CONTRIBUTES", "LEADS") or " negated" in " " + rest:
                    continue
                if not in_sentence.search(sentence):
                    continue
                km = re.search(r"kind=(\w+)", line)
                kind = km.group(1) if km else None
                fa, fb = ids.get(norm(a)), ids.get(norm(b.strip()))
                ok = bool(fa and fb) and any(
                    f["type"] == rel and f["from"] == fa and f["to"] == fb
                    and (kind is None or f.get("kind") in (None, kind))
                    for f in gold["facts"]
                )
                by_rule[rule][0 if ok else 1] += 1
                if only_rule in (None, rule):
                    by_trigger[trigger.lower()][0 if ok else 1] += 1
                    if not ok:
                        wrong[trigger.lower()].append(
                            f"{os.path.basename(doc)}: {a} {rel} {b.strip()} | {sentence[:160]}"
                        )
    print(f"{'rule':45s} {'right':>6s} {'wrong':>6s} precision")
    for rule, (right, bad) in sorted(by_rule.items(), key=lambda x: -x[1][1]):
        print(f"{rule:45s} {right:6d} {bad:6d} {right / (right + bad):.2f}")
    print()
    print(f"{'trigger':25s} {'right':>6s} {'wrong':>6s}")
    for trig, (right, bad) in sorted(by_trigger.items(), key=lambda x: -x[1][1])[:40]:
        print(f"{trig:25s} {right:6d} {bad:6d}")
    for trig in filter(None, os.environ.get("EXAMPLES", "").split(",")):
        print(f"\nwrong facts of {trig!r}:")
        print("\n".join(wrong.get(trig, [])))


if __name__ == "__main__":
    main()
