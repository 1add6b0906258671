//! A compiled word list: two prefix trees (ASCII skeletons, and exact Turkish letters) walked once
//! per word of a comment.
//!
//! A hand-written tree rather than an Aho-Corasick automaton, because matching is per word, not per
//! substring (that is what keeps "sıkıntı" and "Scunthorpe" safe), and each position of a word may
//! stand for several letters (`1` is i or l, `*` is any letter) or repeat for emphasis ("siiiktir").

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Entry;
use crate::text::{Sym, Text, Token};

/// Where a listed entry was found in a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The comment's words the entry covers.
    pub words: Range<usize>,
    /// Code points of the comment.
    pub source: Range<usize>,
    pub sentence: usize,
    /// The comment masked the word (look-alikes, symbols, split letters, invisible characters).
    pub masked: bool,
    /// The entry as written, and where: `tr/insult.txt:12 aptal*`.
    pub entry: u32,
}

#[derive(Debug, Clone)]
struct Pattern {
    words: usize,
    exception: bool,
    origin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct End {
    pattern: u32,
    word: u16,
    stem: bool,
}

#[derive(Debug, Default, Clone)]
struct Node {
    children: Vec<(char, u32)>,
    ends: Vec<End>,
}

#[derive(Debug, Clone)]
struct Trie {
    nodes: Vec<Node>,
}

impl Trie {
    fn new() -> Self {
        Trie { nodes: vec![Node::default()] }
    }

    fn insert(&mut self, word: &[char], end: End) {
        let mut node = 0usize;
        for &c in word {
            node = match self.nodes[node].children.iter().find(|(k, _)| *k == c) {
                Some(&(_, next)) => next as usize,
                None => {
                    let next = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.push((c, next as u32));
                    next
                }
            };
        }
        self.nodes[node].ends.push(end);
    }

    /// Whether `step` leads anywhere: most words begin with no entry's first letter, and answering
    /// that costs no allocation. It repeats `step`'s readings of a symbol rather than sharing one
    /// function with it: the shared form cost 5% more instructions a comment (callgrind), and a
    /// test keeps the two in agreement.
    fn can_step(&self, node: usize, sym: Sym, use_letters: bool) -> bool {
        let children = &self.nodes[node].children;
        let any = |want: &dyn Fn(char) -> bool| children.iter().any(|(c, _)| want(*c));
        match sym {
            Sym::Letter { dotless_capital: true, .. } if use_letters => any(&|c| c == 'ı' || c == 'i'),
            Sym::Letter { letter, skeleton, .. } => {
                let expected = if use_letters { letter } else { skeleton };
                any(&|c| c == expected)
            }
            Sym::OneOf(options) => any(&|c| options.contains(&c)),
            Sym::Any if use_letters => any(&|c| c.is_ascii()),
            Sym::Any => !children.is_empty(),
            Sym::Literal(_) => false,
        }
    }

    /// The nodes one position of a word leads to from `node`, each with whether the step rests on
    /// weak evidence (a capital `I` read as ı or i in the exact-letter tree).
    fn step(&self, node: usize, sym: Sym, use_letters: bool, out: &mut Vec<(usize, bool)>) {
        let children = &self.nodes[node].children;
        let mut take = |want: &dyn Fn(char) -> bool, weak: bool| {
            out.extend(children.iter().filter(|(c, _)| want(*c)).map(|&(_, n)| (n as usize, weak)));
        };
        match sym {
            Sym::Letter { dotless_capital: true, .. } if use_letters => take(&|c| c == 'ı' || c == 'i', true),
            Sym::Letter { letter, skeleton, .. } => {
                let expected = if use_letters { letter } else { skeleton };
                take(&|c| c == expected, false);
            }
            Sym::OneOf(options) => take(&|c| options.contains(&c), false),
            // In the exact-letter tree a mask is no evidence of a Turkish letter: "s*k*k" must not
            // read as the innocent "sıkık".
            Sym::Any if use_letters => take(&|c| c.is_ascii(), false),
            Sym::Any => take(&|_| true, false),
            Sym::Literal(_) => {}
        }
    }
}

/// One entry word matching one word of the comment; `rank` orders competing entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordMatch {
    pattern: u32,
    word: u16,
    /// Letters matched, then whole-word over stem.
    rank: (usize, bool),
}

/// Bounds the tree steps for one word whatever its shape: no word can make the walk explode.
const MAX_STEPS_PER_WORD: usize = 4096;

/// Tree steps one scan of a comment takes before its words get the small budget below: an
/// ordinary 10,000-character comment takes at most 5,000 (tweets or news joined); masks in every word
/// ("***ABC ****DEF …") would take millions, every mask branching to every letter.
const MAX_STEPS_PER_SCAN: usize = 10_000;

/// Comments with this many words or more look each word form up once (a tweet has about 20).
const REMEMBER_FROM_TOKENS: usize = 64;

/// A word's budget once the scan's is spent: enough for any word written out (a step a letter,
/// a few for emphasis), not for masks branching through the tree.
const SPENT_STEPS_PER_WORD: usize = 24;

#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    skeletons: Trie,
    letters: Trie,
    patterns: Vec<Pattern>,
    has_phrases: bool,
    /// Single symbols matched wherever they stand (🖕).
    symbols: Vec<(char, u32)>,
}

impl Lexicon {
    /// Compiles the entries of every file of one list (one file per language).
    pub(crate) fn build<'a>(files: impl IntoIterator<Item = (&'a str, &'a [Entry])>) -> Self {
        let mut lexicon = Lexicon {
            skeletons: Trie::new(),
            letters: Trie::new(),
            patterns: Vec::new(),
            has_phrases: false,
            symbols: Vec::new(),
        };
        for (path, entries) in files {
            for entry in entries {
                let pattern = lexicon.patterns.len() as u32;
                lexicon.patterns.push(Pattern {
                    words: entry.words.len(),
                    exception: entry.exception,
                    origin: format!("{path}:{} {}", entry.line, entry.text),
                });
                lexicon.has_phrases |= entry.words.len() > 1;
                if let Some(symbol) = entry.symbol {
                    lexicon.symbols.push((symbol, pattern));
                }
                let turkish = path.starts_with("tr/");
                for (index, word) in entry.words.iter().enumerate() {
                    let end = End { pattern, word: index as u16, stem: word.stem };
                    let softened = if turkish { softened(word) } else { None };
                    for (letters, skeleton) in std::iter::once((&word.letters, &word.skeleton)).chain(softened.as_ref().map(|(l, s)| (l, s))) {
                        if entry.exact_letters {
                            lexicon.letters.insert(letters, end);
                        } else {
                            lexicon.skeletons.insert(skeleton, end);
                        }
                    }
                }
            }
        }
        lexicon
    }

    /// The entry behind a hit, as written and where.
    pub(crate) fn origin(&self, entry: u32) -> &str {
        self.patterns.get(entry as usize).map_or("", |p| p.origin.as_str())
    }

    /// Every listed entry found in the comment.
    pub(crate) fn scan(&self, text: &Text) -> Vec<Hit> {
        let mut lookups = Lookups::new(text.tokens().len());
        let per_word: Vec<Vec<WordMatch>> = text.tokens().iter().map(|t| lookups.get(self, t)).collect();
        let mut hits = Vec::new();
        for (token, matches) in text.tokens().iter().zip(&per_word) {
            if let Some(best) = self.best_single_word(matches) {
                hits.push(hit(token, best.pattern));
            }
        }
        for token in text.rebuilt_tokens() {
            if let Some(best) = self.best_single_word(&lookups.get(self, token)) {
                hits.push(hit(token, best.pattern));
            }
        }
        if !self.symbols.is_empty() {
            self.scan_symbols(text, &mut hits);
        }
        if self.has_phrases {
            let mut excepted: Vec<Range<usize>> = Vec::new();
            for (first, matches) in per_word.iter().enumerate() {
                for m in matches.iter().filter(|m| m.word == 0) {
                    let pattern = &self.patterns[m.pattern as usize];
                    if pattern.words < 2 {
                        continue;
                    }
                    let last = first + pattern.words - 1;
                    let complete = last < per_word.len()
                        && (1..pattern.words).all(|k| {
                            per_word[first + k].iter().any(|n| n.pattern == m.pattern && n.word as usize == k)
                        });
                    if !complete {
                        continue;
                    }
                    if pattern.exception {
                        excepted.push(first..last + 1);
                    } else {
                        let tokens = &text.tokens()[first..=last];
                        hits.push(Hit {
                            words: first..last + 1,
                            source: tokens[0].source.start..tokens[tokens.len() - 1].source.end,
                            sentence: tokens[0].sentence,
                            masked: tokens.iter().any(|t| t.masked),
                            entry: m.pattern,
                        });
                    }
                }
            }
            hits.retain(|h| !excepted.iter().any(|e| e.start <= h.words.start && h.words.end <= e.end));
        }
        hits.sort_by_key(|h| (h.source.start, h.source.end));
        hits
    }

    fn scan_symbols(&self, text: &Text, hits: &mut Vec<Hit>) {
        for (index, c) in text.original().iter().enumerate() {
            let Some(&(_, entry)) = self.symbols.iter().find(|(s, _)| s == c) else { continue };
            // The symbol sits between words: it belongs to the word after it, for distances.
            let next = text.tokens().partition_point(|t| t.source.start <= index);
            let sentence = text.tokens().get(next).or(text.tokens().last()).map_or(0, |t| t.sentence);
            hits.push(Hit { words: next..next, source: index..index + 1, sentence, masked: false, entry });
        }
    }

    fn best_single_word(&self, matches: &[WordMatch]) -> Option<WordMatch> {
        matches
            .iter()
            .filter(|m| self.patterns[m.pattern as usize].words == 1)
            .max_by_key(|m| m.rank)
            .copied()
    }

    /// Entry words matching one word of the comment, after exceptions: an entry survives only if it
    /// is longer than every exception that also matches (so `!götür*` beats `göt*`, `!=sık*` beats
    /// `sik`, and `siktir*` beats `!=sık*`).
    /// With the tree steps taken, of at most `budget` a tree.
    fn lookup(&self, token: &Token, budget: usize) -> (Vec<WordMatch>, usize) {
        let mut found = Vec::new();
        // A word that is mostly masks ("******ss") is no evidence of any particular word.
        let masks = token.syms.iter().filter(|s| matches!(s, Sym::Any)).count();
        if masks * 2 > token.syms.len() {
            return (found, 0);
        }
        let is_exception = |pattern: u32| self.patterns[pattern as usize].exception;
        let steps = walk(&self.skeletons, token, false, budget, is_exception, &mut found)
            + walk(&self.letters, token, true, budget, is_exception, &mut found);
        if found.is_empty() {
            return (found, steps);
        }
        let strongest_exception = found
            .iter()
            .filter(|m| {
                let p = &self.patterns[m.pattern as usize];
                p.exception && p.words == 1
            })
            .map(|m| m.rank.0)
            .max();
        // Nobody masks a letter of an innocent word, nor hammers one: in a word with a mask
        // ("sik*e") or a letter written three times ("SİKKKEM") an entry as long as an exception
        // ("sikke") wins the tie.
        let masked = token.syms.iter().any(|s| matches!(s, Sym::Any))
            || token.syms.windows(3).any(|w| same_letter(w[0], w[1]) && same_letter(w[1], w[2]));
        found.retain(|m| {
            let pattern = &self.patterns[m.pattern as usize];
            if pattern.exception {
                // Single-word exceptions have done their work; phrase exceptions still need their words.
                return pattern.words > 1;
            }
            strongest_exception.map_or(true, |letters| m.rank.0 > letters || masked && m.rank.0 == letters)
        });
        (found, steps)
    }
}

/// The look-ups of one scan: the steps they took against the scan's budget, and, in a long
/// comment (which repeats its words), each word form's matches so it is looked up once.
struct Lookups<'t> {
    steps: usize,
    remembered: Option<FxHashMap<(&'t [Sym], Option<usize>, bool), Vec<WordMatch>>>,
}

impl<'t> Lookups<'t> {
    fn new(tokens: usize) -> Self {
        Lookups { steps: 0, remembered: (tokens >= REMEMBER_FROM_TOKENS).then(FxHashMap::default) }
    }

    fn get(&mut self, lexicon: &Lexicon, token: &'t Token) -> Vec<WordMatch> {
        let key = (token.syms.as_slice(), token.suffix_at, token.proper_name);
        if let Some(known) = self.remembered.as_ref().and_then(|m| m.get(&key)) {
            return known.clone();
        }
        let budget = if self.steps > MAX_STEPS_PER_SCAN { SPENT_STEPS_PER_WORD } else { MAX_STEPS_PER_WORD };
        let (matches, taken) = lexicon.lookup(token, budget);
        self.steps += taken;
        if let Some(remembered) = self.remembered.as_mut() {
            remembered.insert(key, matches.clone());
        }
        matches
    }
}

/// The form a Turkish stem takes before a vowel: a final k of a word of two syllables or more
/// softens to ğ (g after n): salak → salağı, pezevenk → pezevengi. Listing the stem covers both.
fn softened(word: &super::EntryWord) -> Option<(Vec<char>, Vec<char>)> {
    let is_vowel = |c: &char| "aeıioöuü".contains(*c);
    let (&last, init) = word.letters.split_last()?;
    if !word.stem || last != 'k' || word.letters.iter().filter(|c| is_vowel(c)).count() < 2 {
        return None;
    }
    let soft = if init.last() == Some(&'n') { 'g' } else { 'ğ' };
    let mut letters = init.to_vec();
    letters.push(soft);
    let mut skeleton = word.skeleton[..word.skeleton.len() - 1].to_vec();
    skeleton.push('g');
    Some((letters, skeleton))
}

fn hit(token: &Token, entry: u32) -> Hit {
    Hit {
        words: token.words.clone(),
        source: token.source.clone(),
        sentence: token.sentence,
        masked: token.masked,
        entry,
    }
}

/// Walks a tree along a word. A letter repeated for emphasis may stand for one or two letters of the
/// entry ("siiiktir", "amkk"); masks and symbols branch over the letters they may be.
///
/// Some readings count only one way: a capital `I` may complete an exact-letter exception ("SIKTI"
/// may be the innocent sıktı) but not an exact-letter entry ("AMIN" is amen as often as amın);
/// reading two letters out of a letter hammered three times may complete an entry but not an
/// exception ("CAHİLLL" is not Cahill); and in a name with an apostrophe suffix, a stem may not end
/// inside the name ("Götze'nin").
/// Returns the number of tree steps taken.
fn walk(trie: &Trie, token: &Token, use_letters: bool, budget: usize, is_exception: impl Fn(u32) -> bool, found: &mut Vec<WordMatch>) -> usize {
    // The first letter (a run's symbol is its first, or one of its readings) leads nowhere: no
    // entry begins so, and nothing need be built to walk.
    if token.syms.first().is_none_or(|&first| !trie.can_step(0, first, use_letters)) {
        return 0;
    }
    let runs = runs(&token.syms, token.suffix_at);
    // A whole word may also end where suffixes after an apostrophe begin ("ABD'de").
    let suffix_run = token.suffix_at.and_then(|at| run_starting_at(&runs, at));
    let name_ends_at = token.suffix_at.filter(|_| token.proper_name);
    let keep = |end: &End, weak: bool, stretched: bool, position: usize| {
        let exception = is_exception(end.pattern);
        (!weak || exception) && (!stretched || !exception) && (!end.stem || name_ends_at.is_none_or(|at| position >= at))
    };
    struct State {
        run: usize,
        node: usize,
        /// Letters of the entry matched so far.
        depth: usize,
        /// Positions of the word consumed so far.
        position: usize,
        weak: bool,
        /// Two letters were read out of a letter written three times or more.
        stretched: bool,
    }
    let mut stack = vec![State { run: 0, node: 0, depth: 0, position: 0, weak: false, stretched: false }];
    let mut steps = 0;
    let mut frontier: Vec<(usize, bool)> = Vec::new();
    let mut next = Vec::new();
    while let Some(state) = stack.pop() {
        if steps > budget {
            break;
        }
        let State { run, node, depth, position, weak, stretched } = state;
        if run == runs.len() || Some(run) == suffix_run {
            for end in trie.nodes[node].ends.iter().filter(|e| !e.stem && keep(e, weak, stretched, position)) {
                found.push(WordMatch { pattern: end.pattern, word: end.word, rank: (depth, true) });
            }
            if run == runs.len() {
                continue;
            }
        }
        let (sym, count) = runs[run];
        // A letter written three times or more is emphasis ("siiiktir"), and so is a doubled last
        // letter ("amkk"); a double inside a word is usually spelling ("Anna", "book", "sikke").
        let ends_word = run + 1 == runs.len() || Some(run + 1) == suffix_run;
        // A run of masks hides one letter or several: "f***" may be "fuck", "s*****k" may be "sik".
        let (fewest, most) = match (sym, count) {
            (Sym::Any, _) => (1, count),
            (_, 1) => (1, 1),
            (_, 2) if !ends_word => (2, 2),
            _ => (1, 2),
        };
        let hammered = count >= 3 && !matches!(sym, Sym::Any);
        // One walk down the tree serves every way of reading the run: after `step` letters the
        // frontier is where a reading of `step` letters leads. It stops where the tree ends, so a
        // long run of masks costs no more than the deepest entry.
        frontier.clear();
        frontier.push((node, weak));
        for step in 1..=most {
            next.clear();
            for &(n, weak_so_far) in &frontier {
                // Within one run too: a run of masks at the root reaches every node a level down.
                if steps > budget {
                    break;
                }
                let before = next.len();
                trie.step(n, sym, use_letters, &mut next);
                // A step is a node reached: a mask reaching thirty letters costs thirty, as the
                // states it leaves behind do (one step of a written letter reaches one or two).
                steps += (next.len() - before).max(1);
                for reached in &mut next[before..] {
                    reached.1 |= weak_so_far;
                }
            }
            std::mem::swap(&mut frontier, &mut next);
            if frontier.is_empty() {
                break;
            }
            let stretched = stretched || hammered && step == 2;
            // A stem may end inside a run ("aptal" in "aptallar"); read as the whole run it ends
            // after the run.
            let at = if step >= fewest { position + count } else { position + step };
            for &(reached, weak) in &frontier {
                for end in trie.nodes[reached].ends.iter().filter(|e| e.stem && keep(e, weak, stretched, at)) {
                    found.push(WordMatch { pattern: end.pattern, word: end.word, rank: (depth + step, false) });
                }
                if step >= fewest {
                    stack.push(State { run: run + 1, node: reached, depth: depth + step, position: position + count, weak, stretched });
                }
            }
        }
    }
    found.sort_unstable_by_key(|m| (m.pattern, m.word, std::cmp::Reverse(m.rank)));
    found.dedup_by_key(|m| (m.pattern, m.word));
    steps
}

/// Runs of the same symbol: "siiiktir" is s, i×3, k, t, i, r. No run crosses `split`.
fn runs(syms: &[Sym], split: Option<usize>) -> Vec<(Sym, usize)> {
    let mut runs: Vec<(Sym, usize)> = Vec::with_capacity(syms.len());
    for (index, &sym) in syms.iter().enumerate() {
        match runs.last_mut() {
            Some((last, count)) if same_letter(*last, sym) && Some(index) != split => {
                *count += 1;
                // The run stands for the letter it was written with, not the symbol's other readings.
                if matches!(last, Sym::OneOf(_)) {
                    *last = sym;
                }
            }
            _ => runs.push((sym, 1)),
        }
    }
    runs
}

fn run_starting_at(runs: &[(Sym, usize)], at: usize) -> Option<usize> {
    let mut seen = 0;
    for (index, (_, count)) in runs.iter().enumerate() {
        if seen == at {
            return Some(index);
        }
        seen += count;
    }
    None
}

/// Two positions stand for the same letter: "$ss" is three s's. A symbol with two readings next to
/// one of them stays apart ("zavall1sin": the `1` is ı, not a third l).
fn same_letter(a: Sym, b: Sym) -> bool {
    match (a, b) {
        (Sym::Any, Sym::Any) => true,
        (Sym::Letter { skeleton: x, .. }, Sym::Letter { skeleton: y, .. }) => x == y,
        (Sym::OneOf(x), Sym::OneOf(y)) => x == y,
        (Sym::OneOf([only]), Sym::Letter { skeleton, .. }) | (Sym::Letter { skeleton, .. }, Sym::OneOf([only])) => *only == skeleton,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wordlist::parse;

    fn lexicon(list: &str) -> Lexicon {
        let entries = parse(list).unwrap();
        Lexicon::build([("test.txt", entries.as_slice())])
    }

    fn found(lexicon: &Lexicon, comment: &str) -> Vec<String> {
        let text = Text::new(comment);
        lexicon.scan(&text).iter().map(|h| text.span(h.source.clone()).text).collect()
    }

    #[test]
    fn can_step_agrees_with_step_for_every_kind_of_symbol() {
        let list = lexicon("ılık*\nişte\nsık*\natlas\n");
        let symbols = [
            Sym::Letter { letter: 'ı', skeleton: 'i', dotless_capital: false },
            Sym::Letter { letter: 'ı', skeleton: 'i', dotless_capital: true },
            Sym::Letter { letter: 's', skeleton: 's', dotless_capital: false },
            Sym::Letter { letter: 'z', skeleton: 'z', dotless_capital: false },
            Sym::OneOf(&['a', 'e']),
            Sym::OneOf(&['q']),
            Sym::Any,
            Sym::Literal('7'),
        ];
        for trie in [&list.skeletons, &list.letters] {
            for use_letters in [false, true] {
                for sym in symbols {
                    let mut reached = Vec::new();
                    trie.step(0, sym, use_letters, &mut reached);
                    assert_eq!(trie.can_step(0, sym, use_letters), !reached.is_empty(), "{sym:?}, letters {use_letters}");
                }
            }
        }
    }

    #[test]
    fn stems_match_inflected_forms_only_at_the_start_of_a_word() {
        let list = lexicon("aptal*\n");
        assert_eq!(found(&list, "aptallar ve aptalsın"), ["aptallar", "aptalsın"]);
        assert_eq!(found(&list, "APTALLLAR"), ["APTALLLAR"]);
        assert!(found(&list, "yaptalım").is_empty());
    }

    #[test]
    fn whole_words_do_not_match_longer_words() {
        let list = lexicon("amk\n");
        assert_eq!(found(&list, "AMK"), ["AMK"]);
        assert!(found(&list, "amkara").is_empty());
    }

    #[test]
    fn longest_entry_decides_between_entry_and_exception() {
        let list = lexicon("göt*\n!götür*\nsiktir*\n!=sık*\nsik*\n");
        assert_eq!(found(&list, "götün götürmek"), ["götün"]);
        assert_eq!(found(&list, "sıkıntı sıktır sikik"), ["sıktır", "sikik"]);
    }

    #[test]
    fn stems_ending_in_k_also_match_their_softened_form() {
        let entries = parse("salak*\npezevenk*\nbok*\n").unwrap();
        let list = Lexicon::build([("tr/test.txt", entries.as_slice())]);
        assert_eq!(found(&list, "salağın teki, pezevengin biri, salagi"), ["salağın", "pezevengin", "salagi"]);
        assert!(found(&list, "boğa").is_empty(), "one syllable does not soften");
    }

    #[test]
    fn a_capital_i_confirms_an_innocent_reading_but_never_a_swear_word() {
        let list = lexicon("=amın*\nsikti\n!=sıktı*\n");
        assert!(found(&list, "ALLAH RAZI OLSUN AMIN").is_empty());
        assert_eq!(found(&list, "amın"), ["amın"]);
        assert!(found(&list, "SIKTI").is_empty(), "typed in capitals it may be the innocent sıktı");
        assert_eq!(found(&list, "SİKTİ"), ["SİKTİ"]);
    }

    #[test]
    fn an_exception_never_reads_two_letters_out_of_a_hammered_one() {
        let list = lexicon("cahil\n!cahill\n");
        assert!(found(&list, "Tim Cahill").is_empty());
        assert_eq!(found(&list, "CAHİLLL"), ["CAHİLLL"]);
    }

    #[test]
    fn a_stem_does_not_end_inside_a_name_before_its_suffix() {
        let list = lexicon("=göt*\nallah*\n");
        assert!(found(&list, "Götze'nin golü").is_empty());
        assert_eq!(found(&list, "Allah'ın izniyle göt"), ["Allah'ın", "göt"]);
    }

    #[test]
    fn exact_letter_entries_need_the_turkish_letter() {
        let list = lexicon("=amın*\n");
        assert_eq!(found(&list, "amin amın"), ["amın"]);
    }

    #[test]
    fn repeated_letters_and_masks_still_match() {
        let list = lexicon("siktir*\nşerefsiz*\n");
        assert_eq!(found(&list, "siiiiktir ŞEREFSİZZZ s*ktir s1kt1r s***tir"), ["siiiiktir", "ŞEREFSİZZZ", "s*ktir", "s1kt1r", "s***tir"]);
    }

    #[test]
    fn a_word_that_is_mostly_masks_is_no_evidence_of_any_word() {
        let list = lexicon("retards*
kutsal*
siktir*
");
        assert!(found(&list, "bu ******ss bir adam").is_empty());
        assert!(found(&list, "******ss ******ss").is_empty());
        assert_eq!(found(&list, "s**tir"), ["s**tir"]);
    }

    #[test]
    fn a_long_run_of_masks_costs_no_more_than_the_deepest_entry() {
        // Counted in steps, not timed: the walk must stop where the tree ends.
        let list = lexicon("siktir*\nsik\n");
        assert!(found(&list, &format!("s{}k", "*".repeat(9))).is_empty(), "nine masks hide no word");
        // The walk itself stays linear even on a run the tokenizer would not produce.
        let letter = |c: char| Sym::Letter { letter: c, skeleton: c, dotless_capital: false };
        let mut syms = vec![letter('s')];
        syms.extend(std::iter::repeat_n(Sym::Any, 9_998));
        syms.push(letter('k'));
        let token = Token { syms, source: 0..10_000, chars: 0..10_000, words: 0..1, sentence: 0, masked: true, suffix_at: None, proper_name: false };
        let steps = walk(&list.skeletons, &token, false, MAX_STEPS_PER_WORD, |_| false, &mut Vec::new());
        assert!(steps < 100, "{steps} tree steps for one word");
    }

    #[test]
    fn a_double_letter_inside_a_word_is_spelling_not_emphasis() {
        let list = lexicon("bok*\nananın*\namk\n");
        assert!(found(&list, "Book Anna'nın").is_empty());
        assert_eq!(found(&list, "amkk bokkk"), ["amkk", "bokkk"]);
    }

    #[test]
    fn phrases_match_words_in_a_row_and_phrase_exceptions_cover_entries() {
        let list = lexicon("mal mısın\nkaşar*\n!kaşar peynir*\n");
        assert_eq!(found(&list, "sen mal mısın"), ["mal mısın"]);
        assert!(found(&list, "mal sahibi misin").is_empty());
        assert_eq!(found(&list, "kaşar peyniri aldım, kaşarlar"), ["kaşarlar"]);
    }

    #[test]
    fn whole_words_match_before_an_apostrophe_suffix() {
        let list = lexicon("abd\nisa\n");
        assert_eq!(found(&list, "ABD'de İsa'ya"), ["ABD'de", "İsa'ya"]);
        assert!(found(&list, "abdest").is_empty());
    }

    #[test]
    fn symbol_entries_match_the_symbol_anywhere() {
        let list = lexicon("🖕\n");
        assert_eq!(found(&list, "al bunu🖕🏻"), ["🖕"]);
    }

    #[test]
    fn split_letters_are_matched_and_masked() {
        let list = lexicon("siktir*\naq\n");
        let text = Text::new("S İ K T İ R a.q");
        let hits = list.scan(&text);
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.masked));
    }
}
