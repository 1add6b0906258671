#!/usr/bin/env python3
"""How often the offense rules flag tweets that name a religion or a people, from the file
`moderate train --folds K --out-of-fold FILE` writes (decision, rules, score, label, text).

The issue's hidden measure is the share of neutral tweets about religions and peoples that are
rejected or sent to review (at most 5%); the nearest we have is the tweets labeled NOT that name
Allah, a religion, its believers, books, places or clergy, or a people, found by the pattern below.

Usage: python3 tools/offense-religion-share.py OUT_OF_FOLD_FILE
"""
import re
import sys

# Word starts, in Turkish lower case; "türk" but not "türkiye" (a country, not a people).
# Short stems are spelled out with their endings: "din" is not "dinlemek", "imam" not "İmamoğlu",
# "cami" not "camia", "laz" not "lazım".
NAMES = (
    r"allah\w*|tanrı\w*|rabb\w*|peygamber\w*|kuran\w*|kur'an\w*|islam\w*|müslüman\w*|hristiyan\w*|hıristiyan\w*|"
    r"yahudi\w*|musevi\w*|ateist\w*|deist\w*|din|dini|dinin|dine|dinde|dinden|dinler\w*|dinsiz\w*|"
    r"cami|camii|camiye|camide|camiden|camiler\w*|kilise\w*|sinagog\w*|havra\w*|mescit\w*|"
    r"imam|imamı|imama|imamın|imamlar\w*|papaz\w*|haham\w*|namaz\w*|oruç\w*|mekke\w*|medine\w*|kudüs\w*|"
    r"vatikan\w*|alevi\w*|sünni\w*|şii\w*|budist\w*|gavur\w*|kafir\w*|kâfir\w*|"
    r"kürt\w*|kürd\w*|türk|türkler\w*|türk'\w*|türkün|türke|ermeni\w*|rum|rumlar\w*|arap\w*|suriyeli\w*|afgan\w*|"
    r"yunan\w*|rus|ruslar\w*|alman|almanlar\w*|laz|lazlar\w*|çingene\w*|çerkez\w*|gürcü\w*|acem\w*|fars\w*"
)
PATTERN = re.compile(r"(?<![\w])(" + NAMES + r")(?![\w])", re.IGNORECASE)


def turkish_lower(text):
    return text.replace("I", "ı").replace("İ", "i").lower()


def main(path):
    rows = [line.rstrip("\n").split("\t", 4) for line in open(path, encoding="utf-8")]
    rows = [r for r in rows if len(r) == 5]
    def share(selected):
        flagged = sum(1 for r in selected if r[0] != "approve")
        return f"{flagged} of {len(selected)} ({100 * flagged / max(len(selected), 1):.1f}%)"
    naming = lambda r: PATTERN.search(turkish_lower(r[4])) is not None
    print(f"NOT tweets flagged (rejected or to review): {share([r for r in rows if r[3] == 'NOT'])}")
    print(f"NOT tweets naming a religion or people flagged: {share([r for r in rows if r[3] == 'NOT' and naming(r)])}")
    print(f"OFF tweets naming a religion or people flagged: {share([r for r in rows if r[3] == 'OFF' and naming(r)])}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
