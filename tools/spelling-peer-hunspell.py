#!/usr/bin/env python3
"""The issue's peer for the `spelling` rule, on our data: Debian's `hunspell` with the project's
Turkish dictionary, rejecting a comment with two or more unknown words that are at least a quarter
(or 15%) of its words. With --skip-capitalised, capitalised words (names) are not counted.

    apt-get install hunspell
    python3 tools/spelling-peer-hunspell.py [--skip-capitalised] FILE...

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


def main():
    skip_capitalised = "--skip-capitalised" in sys.argv
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


if __name__ == "__main__":
    main()
