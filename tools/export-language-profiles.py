#!/usr/bin/env python3
"""Builds src/text/language-profiles.tsv from the language profiles in the `langdetect` package
(Apache-2.0; Nakatani Shuyo's language-detection, ported by Michal Danilak): character 1-3-gram
counts from Wikipedia for Turkish, English and the Latin-script languages a Turkish news site's
readers also write in.

    pip download --no-deps langdetect==1.0.9 && tar xzf langdetect-1.0.9.tar.gz
    python3 tools/export-language-profiles.py langdetect-1.0.9/langdetect/profiles

N-grams are lower-cased; Turkish ones are also folded to ASCII (ç → c, ı → i, ...), because that is how
Turkish typed without Turkish letters looks and the detector reads Turkish that way.
Only data is taken; the detector is the project's own (src/text/language.rs).
"""
import json
import sys
from collections import defaultdict
from pathlib import Path

LANGUAGES = ["tr", "en", "de", "fr", "es", "it", "nl", "pt", "pl", "ro", "sv", "id", "sq", "hu", "fi", "cs", "da", "hr"]
OUT = Path(__file__).resolve().parent.parent / "src" / "text" / "language-profiles.tsv"
TURKISH_ASCII = str.maketrans("çğıöşü", "cgiosu")


def lower(text, language):
    if language == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    text = text.lower()
    return text.translate(TURKISH_ASCII) if language == "tr" else text


def main():
    profiles = Path(sys.argv[1])
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Character n-gram counts per language, from the langdetect 1.0.9 profiles (Apache-2.0,\n")
        out.write("# Nakatani Shuyo / Michal Danilak; see README Credits). Made by tools/export-language-profiles.py.\n")
        out.write("# `=<lang>` lines give the totals of 1-, 2- and 3-grams; the others are language, n-gram, count.\n")
        for language in LANGUAGES:
            profile = json.loads((profiles / language).read_text(encoding="utf-8"))
            counts = defaultdict(int)
            for gram, count in profile["freq"].items():
                if "\t" in gram or "\n" in gram:
                    continue
                counts[lower(gram, language)] += count
            totals = profile["n_words"]
            out.write(f"={language}\t{totals[0]}\t{totals[1]}\t{totals[2]}\n")
            for gram, count in sorted(counts.items()):
                out.write(f"{language}\t{gram}\t{count}\n")


if __name__ == "__main__":
    main()
