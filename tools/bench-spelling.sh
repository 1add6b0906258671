#!/usr/bin/env bash
# Words per second of the `spelling` rule next to the `hunspell` program, on the same words, in one
# run: the Wikipedia sentences of ../shared/data repeated ten times.
#
#   apt-get install hunspell && cargo build --release --example spelling_accuracy
#   bash tools/bench-spelling.sh
#
# `hunspell -l` checks the words one a line (the Turkish dictionary of models/spelling-tr, with
# WORDCHARS so it reads whole words with apostrophes as this project does); `spelling_accuracy`
# judges the sentences by the rule alone, Turkish letters restored first, every word judged.
# Start-up (loading the policy, or the dictionary) is timed on an empty input and taken off.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq 10); do cat ../shared/data/clean-tr/wiki-sentences.txt; done > "$work/sentences.txt"
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
text = open(f"{work}/sentences.txt", encoding="utf-8").read()
words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)
open(f"{work}/words.txt", "w", encoding="utf-8").write("\n".join(words) + "\n")
print(f"{len(words)} words", file=sys.stderr)
PY
cp models/spelling-tr/dictionary.dic "$work/tr.dic"
sed 's/^TRY .*/&\nWORDCHARS '"'"'/' models/spelling-tr/dictionary.aff > "$work/tr.aff"
: > "$work/empty.txt"
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
words=$(wc -l < "$work/words.txt")
h_total=$(seconds hunspell -d "$work/tr" -l "$work/words.txt")
h_start=$(seconds hunspell -d "$work/tr" -l "$work/empty.txt")
m_total=$(seconds target/release/examples/spelling_accuracy "$work/sentences.txt")
m_start=$(seconds target/release/examples/spelling_accuracy "$work/empty.txt")
rate() { echo "scale=0; $words / ($1 - $2)" | bc; }
echo "words: $words"
echo "hunspell -l:        $(rate "$h_total" "$h_start") words/s (start-up ${h_start}s)"
echo "spelling rule:      $(rate "$m_total" "$m_start") words/s (start-up ${m_start}s, policy with every model)"
