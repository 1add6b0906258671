#!/usr/bin/env bash
# Trains the shipped learned offense model (models/offense-tr/classifier.txt) and prints its 5-fold
# cross-validated macro-F1, as README "The learned offense check" reports it.
#
# Data (read from ../shared/data, never copied into the project):
# - offenseval-tr/train.tsv: 31,756 tweets labeled OFF/NOT (CC-BY, Çağrı Çöltekin, "A Corpus of
#   Turkish Offensive Language on Social Media", LREC 2020);
# - clean-tr/wiki-sentences.txt (Apache-2.0): the odd lines are clean negatives, given twice (they
#   count double); the even lines are never trained on and measure false alarms on edited text;
# - tools/offense-negatives.txt: news-style sentences written for this project, with words that are
#   insults elsewhere (köpek, kuduz, domuz, katil, cahil, gavur) and names of religions and peoples
#   used neutrally, also counted double: tweets alone teach that "köpek" is an insult.
# - tools/treebank-negatives.txt (CC BY-SA 4.0, tools/treebank-negatives.LICENSE.md): dictionary
#   examples and literature ("Zavallı adam …", "Fino … havlaya havlaya …"), counted once; the model
#   had read their emotional words as offense.
#
# Usage: bash tools/train-offense.sh [extra `moderate train` options]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk 'NR % 2 == 1' "$data/clean-tr/wiki-sentences.txt" > "$work/wiki-train.txt"
awk 'NR % 2 == 0' "$data/clean-tr/wiki-sentences.txt" > "$work/wiki-held-out.txt"
cargo build --release --quiet
target/release/moderate train "$data/offenseval-tr/train.tsv" \
    --negatives "$work/wiki-train.txt" --negatives "$work/wiki-train.txt" \
    --negatives tools/offense-negatives.txt --negatives tools/offense-negatives.txt \
    --negatives tools/treebank-negatives.txt \
    --symbols --folds 5 --clean "$work/wiki-held-out.txt" \
    --out models/offense-tr/classifier.txt "$@"
