#!/usr/bin/env python3
"""The issue's peer for the `spelling` rule, on our data: Debian's `hunspell` with the project's
Turkish dictionary, rejecting a comment with two or more unknown words that are at least a quarter
(or 15%) of its words. With --skip-capitalised, capitalised words (names) are not counted.

    apt-get install hunspell
    python3 tools/spelling-peer-hunspell.py [--skip-capitalised] [--overlap] FILE...

With --overlap (labeled files only), also how many of the careless comments the peer catches, and
of those it misses, our rules catch: `spelling` alone, and `spelling`, `turkish-characters` and
`all-caps` together (target/release/moderate, `cargo build --release` first). The issue's own
careless tweets are ones the peer mostly catches (81% at a quarter), ours mostly not (26–49%): the
rate among the peer's catches is the nearer estimate of how we would do on the issue's.

FILE: `text<TAB>reject|approve` lines (tests/data/spelling-tweets*.tsv) or one sentence a line
(careful text, as ../shared/data/clean-tr/wiki-sentences.txt).
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def labeled(path):
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t") if "\t" in line else (line, "", "approve")
        yield text, label.strip() == "reject"


def unknown_words(words, folder):
    # WORDCHARS so that hunspell reads "Türkiye'nin" whole, as the rule does.
    aff = (ROOT / "models/spelling-tr/dictionary.aff").read_text(encoding="utf-8")
    (folder / "tr.aff").write_text(re.sub(r"^(TRY .*)$", r"\1\nWORDCHARS '", aff, count=1, flags=re.M), encoding="utf-8")
    (folder / "tr.dic").write_text((ROOT / "models/spelling-tr/dictionary.dic").read_text(encoding="utf-8"), encoding="utf-8")
    found = subprocess.run(["hunspell", "-d", str(folder / "tr"), "-l"], input="\n".join(words) + "\n", capture_output=True, text=True, check=True)
    return set(found.stdout.split("\n"))


def missed_by(path, rules):
    """Line numbers (1-based) of the careless comments `moderate eval` says these rules approve."""
    report = subprocess.run(
        [str(ROOT / "target/release/moderate"), "eval", "--rules", rules, path, "--errors", "100000"],
        capture_output=True, text=True, check=True,
    ).stdout
    wrongly_approved = report.split("wrongly approved", 1)[-1]
    return {int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\t", wrongly_approved, flags=re.M)}


def main():
    skip_capitalised = "--skip-capitalised" in sys.argv
    overlap = "--overlap" in sys.argv
    for path in [a for a in sys.argv[1:] if not a.startswith("--")]:
        items = list(labeled(path))
        with tempfile.TemporaryDirectory() as folder:
            unknown = unknown_words(sorted({w for text, _ in items for w in WORD.findall(text)}), Path(folder))
        for share in (0.25, 0.15):
            counts = {True: [0, 0], False: [0, 0]}
            for text, careless in items:
                words = WORD.findall(text)
                missing = sum(1 for w in words if w in unknown and not (skip_capitalised and w[:1].isupper()))
                counts[careless][missing >= 2 and missing >= share * max(1, len(words))] += 1
            rate = lambda c: f"{c[1]} of {sum(c)} ({100 * c[1] / max(1, sum(c)):.1f}%)"
            print(f"{path}: two or more unknown and {share:.0%} of the words: careless rejected {rate(counts[True])}; careful rejected {rate(counts[False])}")
            if not overlap:
                continue
            for rules in ("spelling", "spelling,turkish-characters,all-caps"):
                missed = missed_by(path, rules)
                # [peer caught][we caught]
                caught = {True: [0, 0], False: [0, 0]}
                for number, (text, careless) in enumerate(items, 1):
                    if careless:
                        words = WORD.findall(text)
                        missing = sum(1 for w in words if w in unknown and not (skip_capitalised and w[:1].isupper()))
                        caught[missing >= 2 and missing >= share * max(1, len(words))][number not in missed] += 1
                print(f"    {rules}: of the careless the peer catches, {rate(caught[True])}; of those it misses, {rate(caught[False])}")


if __name__ == "__main__":
    main()
