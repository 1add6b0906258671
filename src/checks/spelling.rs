//! `spelling`: careless writing — chat-speak, misspellings, colloquial spellings.
//!
//! ## What it catches
//! Comments not written by the spelling rules: "slm nbr bu haberi okudum ama bisey anlamadm yaw",
//! "herkez biliyoki bu iş böyle olmıcak", "yanlız kaldık birşey yapamıyoruz tabiki". Each word is
//! judged by the comment language's spelling model (`crate::spell`): a Hunspell dictionary with the
//! language's affix rules (so "kitaplarımızdan" is a word), misspellings known with their
//! corrections ("herkez" → "herkes", "slm" → "selam"), colloquial endings ("diyo" → "diyor"),
//! particles written joined ("biliyorki" → "biliyor ki"), letters repeated for emphasis
//! ("çoook" → "çok"), the vowel of a last syllable left out ("sevmedm" → "sevmedim"), and,
//! looking at the words around: a pronoun with "de" joined where a verb of
//! its person follows ("bende bilmiyorum" → "ben de bilmiyorum", never "kitap bende kalsın"), one
//! word written as two ("hiç bir" → "hiçbir"), a suffix written apart ("insanlar ın" →
//! "insanların"), and a name's case ending joined without its apostrophe ("Adanadan" →
//! "Adana'dan"; weak alone, careless twice).
//!
//! ## What it leaves alone
//! Words that are no evidence of careless writing: names (a capitalised word the dictionary lacks,
//! or one with an apostrophe suffix: "Stoltenberg'in", "Türkiye’de"), acronyms, numbers and words
//! joined to digits, URLs, e-mail addresses, mentions, hashtags, emoji, words of another language
//! (an English word in a Turkish comment), a site's own names and terms (the `allow` word lists),
//! and a word wrong only because its Turkish letters are missing: Turkish letters are restored
//! first, and that is the `turkish-characters` rule's business (a word typed with some of them
//! but not all, "cünkü", is judged as typed: Zemberek's misspellings know such words). A slip or two in a long comment is
//! not careless writing either: each kind of misspelling has a weight, and the comment must reach
//! `min_score`, and `min_ratio` of it per judged word (not counting words right only once their
//! Turkish letters are restored), unless one of its misspellings is of a kind
//! that is careless writing alone (chat-speak, "diyo", "çoook").
//!
//! ## Why
//! The policy rejects comments "not written with spelling rules". A moderator means the commenter
//! who does not try, not the one who writes a name the dictionary lacks; so a word that may be a
//! name never counts, and the thresholds were chosen so edited news passes (README, "Measured
//! quality").
//!
//! ## Parameters
//! - `letters`: the model of Turkish letters restored before a Turkish comment is judged.
//! - `dictionaries`: the spelling model for each language (`tr = "spelling-tr"`).
//! - `allow`: word lists of names and terms to accept as they are.
//! - `letters_allow` (optional): the lists of names and abbreviations `turkish-characters` leaves
//!   as typed where they begin with a capital ("Salomon Brothers Inc"): the suggestion leaves them
//!   so too, rather than give them the letters of a word ("İnç").
//! - `chat` (optional): word lists of chat-speak with no correction to offer (abbreviated swearing:
//!   "amk", "aq"); a word they match is a `listed` misspelling.
//! - `weights`: how much a misspelled word of each kind counts (`crate::spell::Kind`); kinds added
//!   later may be left out and weigh as the older kind nearest them: `detached` and `suffix-apart` as `apart`,
//!   `assimilation` as `misspelling`, `joined-verb` as `joined-de`, `abbreviated` as `published`,
//!   `name-suffix` as nothing.
//! - `alone`: the kinds that make a comment careless writing on their own, however long it is.
//! - `min_score`: the weight that rejects; `min_ratio`: and the weight per judged word it needs
//!   without a word of an `alone` kind (words right only with their Turkish letters restored are
//!   not counted: they show no care).
//! - `unfinished_weight` (optional, 1 by default): what the weights are multiplied by in a Turkish
//!   comment whose last sentence has no closing mark: edited text closes its sentences.
//! - `twice` (optional): kinds two words of which (of any of them) make a comment careless writing
//!   however long it is: one "birşey" in a long comment is a slip, "ilerde … birşey" is not.
//! - `min_score_any_length` (optional): misspellings weighing this much together (with
//!   `unfinished_weight`) make a comment careless writing however long it is.
//!
//! ## Example
//! "ya bu haberde ne diyo anlamadim kimse aciklamiyo" → rejected: `diyo`, `aciklamiyo` (with
//! the Turkish letters of "anlamadım" restored, the suggestion is "ya bu haberde ne diyor
//! anlamadım kimse açıklamıyor"). "Stoltenberg'in açıklaması Brüksel'de yankı uyandırdı" →
//! approved: names are not misspellings.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;

use super::{overlaps_any, Check, Finding, ListId, ModelId, PolicyData, Scan, SpellerId};
use crate::restore::{handles_and_links, is_apostrophe, touches_a_digit, word_end};
use crate::spell::{capitalised, is_drawn_out_vowel, is_vowel, lower, Judgement, Kind, SpellingModel, GLUED_FIRST_WORD};
use crate::text::Language;

/// The log10 probability above which a form of the letters model's corpus is a word, not a typo.
const CORPUS_COMMON: f32 = -6.0;

/// Whether the letters model's corpus would have this form if it were common: it keeps only forms
/// with a letter that may take a Turkish accent (`tools/export-turkish-letters.py`).
fn in_corpus_alphabet(word: &str) -> bool {
    word.chars().any(|c| "cgiosuçğıöşü".contains(c))
}

/// The fewest words a comment in title case must have ("Senin Yüreğin Güzel Olursa").
const TITLE_CASE_WORDS: usize = 4;

/// The most letters of an allowed word typed in lower case taken for an acronym ("tbmm").
const LOWER_CASE_ACRONYM_LETTERS: usize = 5;

/// The most letters of two words joined back into one that the dictionary is asked about.
const MAX_JOINED_LETTERS: usize = 40;

/// The fewest letters of a listed misspelling judged in capitals where it could be an acronym.
const LISTED_IN_CAPITALS: usize = 4;

/// Words of a comment the rule judges at most (about 2,000 characters of ordinary text).
const JUDGED_WORDS_MAX: usize = 300;

/// How far after "bende" a verb of the first person is looked for.
const PRONOUN_CLAUSE_WORDS: usize = 8;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SpellingSpec {
    #[serde(default)]
    letters: Option<String>,
    dictionaries: HashMap<Language, String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    letters_allow: Vec<String>,
    #[serde(default)]
    chat: Vec<String>,
    weights: HashMap<Kind, f64>,
    #[serde(default)]
    alone: Vec<Kind>,
    #[serde(default)]
    twice: Vec<Kind>,
    min_score: f64,
    #[serde(default)]
    min_ratio: f64,
    #[serde(default = "one")]
    unfinished_weight: f64,
    #[serde(default)]
    min_score_any_length: Option<f64>,
}

fn one() -> f64 {
    1.0
}

impl SpellingSpec {
    pub(crate) fn build(&self, data: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if !(0.0..=1.0).contains(&self.min_ratio) {
            return Err(format!("`min_ratio` must be between 0 and 1, not {}", self.min_ratio));
        }
        if !(self.min_score > 0.0) {
            return Err(format!("`min_score` must be above 0, not {}", self.min_score));
        }
        if let Some(any_length) = self.min_score_any_length.filter(|w| !(*w >= self.min_score)) {
            return Err(format!("`min_score_any_length` must be at least `min_score` ({}), not {any_length}", self.min_score));
        }
        if !(1.0..=10.0).contains(&self.unfinished_weight) {
            return Err(format!("`unfinished_weight` must be between 1 and 10, not {}", self.unfinished_weight));
        }
        // A rule file written before suffixes cut off their word, or written apart after an
        // acronym, had kinds of their own weighs them as it weighed them then, with words written
        // apart.
        let mut weights = self.weights.clone();
        if let Some(apart) = weights.get(&Kind::Apart).copied() {
            weights.entry(Kind::Detached).or_insert(apart);
            weights.entry(Kind::SuffixApart).or_insert(apart);
        }
        // Kinds found later weigh as their nearest older kind in a rule file that predates them:
        // consonants that disagree as misspellings, a noun joined to its verb as "de" joined, a
        // vowel left out as a published misspelling.
        if let Some(misspelling) = weights.get(&Kind::Misspelling).copied() {
            weights.entry(Kind::Assimilation).or_insert(misspelling);
        }
        if let Some(joined_de) = weights.get(&Kind::JoinedDe).copied() {
            weights.entry(Kind::JoinedVerb).or_insert(joined_de);
        }
        if let Some(published) = weights.get(&Kind::Published).copied() {
            weights.entry(Kind::Abbreviated).or_insert(published);
        }
        // Before names' endings were judged, a name with one joined was no evidence.
        weights.entry(Kind::NameSuffix).or_insert(0.0);
        for kind in Kind::ALL {
            match weights.get(&kind) {
                Some(weight) if *weight >= 0.0 => {}
                Some(weight) => return Err(format!("`weights.{}` must not be negative, not {weight}", kind.name())),
                None => return Err(format!("`weights` has no `{}`", kind.name())),
            }
        }
        let mut dictionaries: Vec<(Language, SpellerId)> = Vec::new();
        for (language, name) in &self.dictionaries {
            dictionaries.push((*language, data.resolve_speller(name)?));
        }
        dictionaries.sort_by_key(|(language, _)| *language as u8);
        Ok(Box::new(SpellingCheck {
            letters: self.letters.as_deref().map(|name| data.resolve_model(name)).transpose()?,
            dictionaries,
            allow: self.allow.iter().map(|name| data.resolve(name)).collect::<Result<_, _>>()?,
            letters_allow: self.letters_allow.iter().map(|name| data.resolve(name)).collect::<Result<_, _>>()?,
            chat: self.chat.iter().map(|name| data.resolve(name)).collect::<Result<_, _>>()?,
            weights,
            alone: self.alone.clone(),
            twice: self.twice.clone(),
            min_score: self.min_score,
            min_ratio: self.min_ratio,
            unfinished_weight: self.unfinished_weight,
            min_score_any_length: self.min_score_any_length.unwrap_or(f64::INFINITY),
        }))
    }
}

#[derive(Debug)]
struct SpellingCheck {
    letters: Option<ModelId>,
    dictionaries: Vec<(Language, SpellerId)>,
    allow: Vec<ListId>,
    letters_allow: Vec<ListId>,
    chat: Vec<ListId>,
    weights: HashMap<Kind, f64>,
    alone: Vec<Kind>,
    twice: Vec<Kind>,
    min_score: f64,
    min_ratio: f64,
    unfinished_weight: f64,
    min_score_any_length: f64,
}

/// The comment as the check judged it.
struct Judged<'s> {
    /// The comment with its Turkish letters restored, but words typed with some of them as typed
    /// (the original for other languages).
    text: Cow<'s, [char]>,
    /// Its words that are evidence either way, in order.
    words: Vec<JudgedWord>,
    /// No mark closing a sentence follows its last judged word ([`ends_unfinished`]).
    unfinished: bool,
}

/// One word of the comment and what the check made of it.
struct JudgedWord {
    source: Range<usize>,
    /// How the word is known to be misspelled; `None` for a word spelled right.
    misspelled: Option<Kind>,
    correction: Option<String>,
}

impl SpellingCheck {
    fn speller<'s>(&self, scan: &'s Scan<'_>, language: Language) -> Option<&'s SpellingModel> {
        self.dictionaries.iter().find(|(l, _)| *l == language).map(|(_, id)| scan.speller(*id))
    }

    /// The letters model's corpus writes this word with a capital: a name.
    fn is_name(&self, scan: &Scan<'_>, word: &str) -> bool {
        scan.language == Language::Tr && self.letters.is_some_and(|model| scan.model(model).is_name(word))
    }

    /// The letters model's corpus has this form, more than a few times (a typo such as "değilm"
    /// is in it too, rarely).
    fn corpus_knows(&self, scan: &Scan<'_>, word: &str) -> bool {
        self.letters.is_some_and(|model| scan.model(model).has_form(word, CORPUS_COMMON))
    }

    /// The letters model's corpus has this form at all, however rarely.
    fn corpus_has(&self, scan: &Scan<'_>, word: &str) -> bool {
        self.letters.is_some_and(|model| scan.model(model).has_form(word, f32::NEG_INFINITY))
    }

    /// The comment for the suggestion to correct: each word as typed, or with its Turkish letters
    /// restored where that makes a word the dictionary lacks one it knows ("cok" → "çok"). The
    /// letters model guesses at words it has not seen, and a right word must not come back wrong
    /// ("bi harfidir" → "bir harfidir", not "bir harfıdır").
    fn letters_kept(&self, scan: &Scan<'_>, restored: &[char]) -> Vec<char> {
        let original = scan.text.original();
        let Some(speller) = self.speller(scan, scan.language).filter(|_| restored.len() == original.len()) else {
            return restored.to_vec();
        };
        let left_as_typed = scan.capitalised_hits(&self.letters_allow);
        let mut kept = original.to_vec();
        for span in word_spans(restored) {
            let (typed, guessed) = (&original[span.clone()], &restored[span.clone()]);
            if overlaps_any(&left_as_typed, &span) {
                continue;
            }
            if typed != guessed && speller.knows_remembered(&typed_as(restored, &span)) && !speller.knows_remembered(&typed_as(original, &span)) {
                kept[span.clone()].copy_from_slice(guessed);
            }
        }
        kept
    }

    /// The comment as judged (Turkish letters restored, see [`Judged::text`]) and its words that are
    /// evidence either way.
    fn judge<'s>(&self, scan: &'s Scan<'_>) -> Option<Judged<'s>> {
        let speller = self.speller(scan, scan.language)?;
        let others: Vec<&SpellingModel> =
            self.dictionaries.iter().filter(|(l, _)| *l != scan.language).map(|(_, id)| scan.speller(*id)).collect();
        let original = scan.text.original();
        // A word typed with some of its Turkish letters is judged as typed: the letters model
        // completes it for `turkish-characters`, but a writer who has the letters and leaves some
        // out is careless too ("cünkü", "yapmıs"), and Zemberek's misspellings know such words.
        let judged_text: Cow<'s, [char]> = match (self.letters, scan.language) {
            (Some(model), Language::Tr) => {
                let restoration = scan.restoration(model);
                let mut partly_typed = restoration.words.iter().filter(|w| w.partly_typed && w.changed).peekable();
                if partly_typed.peek().is_none() {
                    Cow::Borrowed(&restoration.text[..])
                } else {
                    let mut text = restoration.text.clone();
                    for word in partly_typed {
                        text[word.source.clone()].copy_from_slice(&original[word.source.clone()]);
                    }
                    Cow::Owned(text)
                }
            }
            _ => Cow::Borrowed(original),
        };
        let text: &[char] = &judged_text;
        let allowed: Vec<Range<usize>> = self.allow.iter().flat_map(|list| scan.hits(*list).iter().map(|h| h.source.clone())).collect();
        let chat: Vec<Range<usize>> = self.chat.iter().flat_map(|list| scan.hits(*list).iter().map(|h| h.source.clone())).collect();
        let in_link = handles_and_links(original);
        let mut spans = word_spans(text);
        // A long comment is judged on its first words: enough evidence for the decision, and the
        // cost of a comment stays bounded whatever its words (unknown ones cost tens of look-ups).
        spans.truncate(JUDGED_WORDS_MAX);
        let long_words = spans.iter().filter(|s| s.len() >= 2).count();
        let shouting = spans.iter().filter(|s| in_capitals(&text[(*s).clone()])).count() * 5 >= long_words * 3;
        // Every Word Capitalised ("İyi Geceler Dilerim Değerli Dost"): a capital is no sign of a
        // name there, so only names the letters model knows are left alone.
        // Counted by common words written so, not by names: a sentence full of names is not one.
        let capitalised: Vec<&Range<usize>> =
            spans.iter().filter(|s| s.len() >= 2 && text[s.start].is_uppercase() && !in_capitals(&text[(*s).clone()])).collect();
        let mostly_capitalised = |count: usize| long_words >= TITLE_CASE_WORDS && count * 5 >= long_words * 3;
        // The dictionary is asked only when the capitals alone could make it so.
        let title_case = mostly_capitalised(capitalised.len())
            && mostly_capitalised(capitalised.iter().filter(|s| speller.knows_remembered(&lower_word(&text[(**s).clone()]))).count());

        let mut judged: Vec<JudgedWord> = Vec::new();
        // The last word judged or left alone as a name: what a suffix written apart belongs to.
        let mut previous_word: Option<Range<usize>> = None;
        // Whether that word is an allowed acronym typed in lower case ("akp", "tv").
        let mut acronym_in_lower_case = false;
        let mut previous_end = None;
        // Whether the word before began its sentence: a capital there is no sign of a name.
        let mut sentence_start = true;
        for span in spans {
            let previous_began_sentence = sentence_start;
            sentence_start = previous_end.is_none_or(|end| text[end..span.start].iter().any(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '\n')));
            // Mentions and links before the first word ("@ali @veli Tamm …") open no sentence.
            if !in_link[span.start] || previous_end.is_some() {
                previous_end = Some(span.end);
            }
            let previous = previous_word.replace(span.clone());
            let after_acronym_in_lower_case = std::mem::take(&mut acronym_in_lower_case);
            let letters = &text[span.clone()];
            let no_word = letters.iter().filter(|c| c.is_alphabetic()).count() < 2 || in_link[span.start] || touches_a_digit(original, &span);
            let allowed_here = overlaps_any(&allowed, &span);
            // Turkish chat-speak with no correction ("amk", "Amk"): careless writing in a Turkish
            // comment; in capitals only where the comment shouts ("MK" may be an acronym).
            let chat_here = scan.language == Language::Tr
                && !(in_capitals(letters) && !shouting)
                && !no_word
                && !allowed_here
                && chat.iter().any(|c| c.start <= span.start && span.end <= c.end);
            if chat_here {
                judged.push(JudgedWord { source: span, misspelled: Some(Kind::Listed), correction: None });
                previous_word = None;
                continue;
            }
            // A word of the other language (lower-cased: "Yaw", "Bee" as names).
            let english = |word: &str| others.iter().any(|other| other.knows_remembered(&lower(word)));
            // A case ending of one vowel cut off a name ("Allah a" for "Allah'a"): careless alone.
            let turkish = |word: &str| speller.knows_in_lower_case(&lower(word));
            let cut_off = (scan.language == Language::Tr && !in_link[span.start])
                .then(|| name_before_a_vowel_ending(text, &span, previous.as_ref(), judged.last(), english, turkish))
                .flatten();
            if let Some(name) = cut_off {
                let typed: String = text[name.clone()].iter().collect();
                if judged.last().is_some_and(|last| last.source == name) {
                    judged.pop();
                }
                judged.push(JudgedWord { source: name.start..span.end, misspelled: Some(Kind::Detached), correction: Some(format!("{typed}'{}", letters[0])) });
                previous_word = None;
                continue;
            }
            if no_word || allowed_here || !letters.iter().all(|c| c.is_alphabetic() && (c.is_ascii() || is_latin(*c)) || is_apostrophe(*c)) {
                // An allowed acronym still takes a suffix written apart ("ABD ye", "TL ye"), also
                // typed in lower case ("akp ye", "tv lere") where it is no word ("iyi", "mit" are).
                acronym_in_lower_case = allowed_here
                    && !no_word
                    && letters.len() <= LOWER_CASE_ACRONYM_LETTERS
                    && letters.iter().all(|c| c.is_lowercase())
                    && !speller.knows_in_lower_case(&lower_word(letters));
                if no_word || !(allowed_here && in_capitals(letters)) && !acronym_in_lower_case {
                    previous_word = None;
                }
                continue;
            }
            let capitals = in_capitals(letters);
            // An acronym, unless it is a listed misspelling of at least four letters ("HEMDE",
            // "HERŞEY": no acronym is spelled so).
            if capitals && !shouting && !(letters.len() >= LISTED_IN_CAPITALS && speller.is_listed(&letters.iter().collect::<String>())) {
                continue;
            }
            let word: String = letters.iter().map(|&c| if is_apostrophe(c) { '\'' } else { c }).collect();
            let (stem, suffixed) = match word.split_once('\'') {
                Some((stem, _)) => (stem, true),
                None => (word.as_str(), false),
            };
            // The question particle is a word, never a suffix: "Şehla'mı?" is "Şehla mı?".
            // After a vowel the bare particle may be "my" and the object ending ("benim Leyla'mı",
            // "güzel Ankara'mı"): only a question mark right after it tells.
            if let Some((_, particle)) = word.split_once('\'').filter(|(stem, after)| {
                let after = lower(after);
                let possessive_too = after.chars().count() == 2 && stem.chars().last().is_some_and(is_vowel);
                stem.chars().count() >= 2 && is_question_particle(&after) && (!possessive_too || text.get(span.end) == Some(&'?'))
            }) {
                let correction = format!("{stem} {particle}");
                judged.push(JudgedWord { source: span, misspelled: Some(Kind::Joined), correction: Some(correction) });
                continue;
            }
            if suffixed && starts_with_capital(stem) && !(capitals && shouting) {
                continue; // a name and its suffix: "Stoltenberg'in"
            }
            let may_be_name = starts_with_capital(&word) && !capitals && !sentence_start && !title_case;
            // A word the dictionary knows as the writer typed it is spelled right, whatever
            // restoring Turkish letters made of it ("abaca" is a word; "abaça" is not).
            let known_as_typed = || original[span.clone()] != *letters && speller.knows_remembered(&typed_as(original, &span));
            // Nor is a word typed without its Turkish letters that is right with them, whatever
            // the letters model guessed or left: "baslas" is "başlaş", though the model made it
            // "baslaş", a misspelling Zemberek lists; "avliyorduk", left as typed, is Zemberek's
            // too; "yeniles" is "yenileş", no compound; "dogdur" is "doğdur", no "döktür". Missing
            // letters are `turkish-characters`' business. Not against the project's own lists
            // ("suan" for "şu an", "cokta"), which know better than a dictionary that has "şuan".
            let with_letters =
                || original[span.clone()].iter().all(char::is_ascii).then(|| speller.with_missing_letters(&typed_as(original, &span))).flatten();
            let judgement = match speller.judge(&word, may_be_name) {
                Judgement::Unknown if suffixed && (speller.knows(stem) || starts_with_capital(stem)) => Judgement::Known,
                Judgement::Misspelled(..) if known_as_typed() => Judgement::Known,
                Judgement::Unknown if known_as_typed() => Judgement::Known,
                // The letters model guesses at a word it does not know ("gitdim" → "gitdım"); a
                // consonant against its neighbour, or two words written together ("dahaiyi",
                // "icinistemedigin"), is surer evidence in the word as typed.
                Judgement::Unknown if original[span.clone()] != *letters => match speller.judge(&typed_as(original, &span), may_be_name) {
                    typed @ Judgement::Misspelled(Kind::Assimilation, _) => typed,
                    Judgement::Misspelled(Kind::Glued, Some(correction)) if opens_with_a_long_word(&correction) => {
                        Judgement::Misspelled(Kind::Glued, Some(correction))
                    }
                    _ => Judgement::Unknown,
                },
                judgement => judgement,
            };
            // A listed misspelling whose correction only puts the letters back ("mahcupca" →
            // "mahcupça") is the same case; not one that corrects more ("cokta" → "çok da").
            let judgement = match judgement {
                Judgement::Misspelled(kind, ref correction) if scan.language == Language::Tr => match with_letters() {
                    Some(restored)
                        if matches!(kind, Kind::Published | Kind::Compound | Kind::Assimilation | Kind::Glued | Kind::Joined | Kind::JoinedDe)
                            || correction.as_deref().is_some_and(|c| lower(c) == lower(&restored)) =>
                    {
                        Judgement::Known
                    }
                    _ => judgement,
                },
                judgement => judgement,
            };
            // Words written together, and letters doubled for emphasis, are judged in lower case
            // only ("Birsel", "Penn" are names); at a sentence's start a capital is no sign of a
            // name, so "Birtürlü" is "Bir türlü" where the letters model's corpus knows no name so
            // written and no capital inside shows one ("BirGün", the newspaper).
            let judgement = match judgement {
                Judgement::Unknown | Judgement::Misspelled(Kind::Compound, _)
                    if sentence_start
                        && !capitals
                        && !title_case
                        && starts_with_capital(&word)
                        && !letters[1..].iter().any(|c| c.is_uppercase())
                        && !self.is_name(scan, &word) =>
                {
                    match speller.judge(&lower_word(letters), false) {
                        Judgement::Misspelled(Kind::Glued, Some(correction)) if opens_with_a_long_word(&correction) => {
                            Judgement::Misspelled(Kind::Glued, Some(crate::spell::capitalised(&correction)))
                        }
                        // So is a last letter doubled for emphasis ("Tamm", "Aminn", "Yaa"), but not
                        // opening a line of dialogue, where a novel writes speech as it sounds
                        // ("-Yoo, bir görev, dedi").
                        Judgement::Misspelled(Kind::Emphasis, Some(correction)) if !opens_dialogue(text, span.start) => {
                            Judgement::Misspelled(Kind::Emphasis, Some(crate::spell::capitalised(&correction)))
                        }
                        _ => judgement,
                    }
                }
                judgement => judgement,
            };
            // A word of the other language is no evidence, unless this language lists it.
            // Only a word with no letter of Turkish alone: checked in capitals, "ın" would be "IN".
            let foreign = || !word.chars().any(|c| "çğıöşüÇĞİÖŞÜ".contains(c)) && others.iter().any(|other| other.knows_remembered(&word));
            // A name the dictionary knows with a case ending joined where the rules put an
            // apostrophe ("Adanada" → "Adana'da", not "Adana da"), unless the letters model's
            // corpus writes the word so as a name of its own ("Samandağı").
            // "Ayşede" is as often "Ayşe de" (the conjunction) as "Ayşe'de": wrong either way, but
            // with no correction to offer.
            // Typed in lower case too ("avrupaya", "istanbulu" → "Avrupa'ya", "İstanbul'u"): an
            // unknown word only, so a common word that is also a name ("aydına") is left alone.
            let name_with_ending = match judgement {
                Judgement::Unknown | Judgement::Misspelled(Kind::JoinedDe | Kind::Compound, _)
                    if scan.language == Language::Tr && starts_with_capital(&word) && !capitals && !title_case && !self.is_name(scan, &word) =>
                {
                    speller.name_without_apostrophe(&word, |stem| self.is_name(scan, stem))
                }
                Judgement::Unknown if scan.language == Language::Tr && lower_word(letters) == word => {
                    let capital = crate::spell::capitalised(&word);
                    if self.is_name(scan, &capital) {
                        None
                    } else {
                        speller.name_without_apostrophe(&capital, |stem| self.is_name(scan, stem))
                    }
                }
                _ => None,
            };
            // The word before, of four letters or more and not in capitals, with only spaces between,
            // and the two joined into a word the dictionary knows (as typed, lower case to check).
            let joins_into_known = || -> Option<String> {
                let before = &text[previous.as_ref()?.clone()];
                let between = &text[previous.as_ref()?.end..span.start];
                let spaces_between = !between.is_empty() && between.iter().all(|c| *c == ' ');
                let joined_lower = format!("{}{}", lower_word(before), lower_word(letters));
                let fits = before.len() >= 4 && !in_capitals(before) && spaces_between && joined_lower.chars().count() <= MAX_JOINED_LETTERS;
                (fits && speller.knows(&joined_lower)).then(|| format!("{}{}", before.iter().collect::<String>(), word))
            };
            // A suffix that is no word of its own, in lower case, right after a word it joins
            // ("gelmeleri ni", "Suriye li"; not "Li Si", a name, nor "bu nu harfi", "ul ve li", "iki
            // li": a letter, a tag, a Chinese mile). As it may be a letter or a foreign word after
            // all, it weighs as `apart`, not as a suffix cut off its word: one alone rejects only a
            // short comment.
            let joins_previous = || speller.is_suffix_never_a_word(&word) && lower_word(letters) == word && joins_into_known().is_some();
            // A chain of suffixes the list lacks ("liydi", "lerinde"), in lower case and unknown,
            // beginning with a listed one and joining the word before into a known word ("Suriye
            // liydi" → "Suriyeliydi"): cut off its word, weighed as `suffix-apart`.
            let chain_joined = || -> Option<String> {
                if lower_word(letters) != word || !word.char_indices().skip(1).any(|(at, _)| speller.is_suffix(&word[..at])) {
                    return None;
                }
                joins_into_known()
            };
            // An acronym with its suffix joined in lower case and no apostrophe ("AKPli", "TVye"):
            // no edited sentence writes one.
            let capitals_suffixed = (scan.language == Language::Tr && !shouting).then(|| capitals_with_suffix(letters, speller)).flatten();
            let (misspelled, correction) = match judgement {
                _ if capitals_suffixed.is_some() => (Some(Kind::SuffixApart), capitals_suffixed),
                _ if name_with_ending.is_some() => {
                    let locative_or_de = name_with_ending.as_deref().is_some_and(|marked| ["'da", "'de", "'ta", "'te"].iter().any(|e| marked.ends_with(e)));
                    (Some(Kind::NameSuffix), name_with_ending.filter(|_| !locative_or_de))
                }
                Judgement::Known if speller.may_be_pronoun_with_de(&word) => {
                    let rest = clause_after(text, span.end, PRONOUN_CLAUSE_WORDS);
                    match speller.pronoun_with_de(&word, rest.iter().map(String::as_str)) {
                        Some(correction) => (Some(Kind::Joined), Some(correction)),
                        None => (None, None),
                    }
                }
                Judgement::Known if speller.is_ambiguous(&word) => {
                    let next = clause_after(text, span.end, 1);
                    let before = word_before(text, span.start);
                    match speller.ambiguous_correction(&word, before.as_deref(), next.first().map(String::as_str)) {
                        Some(correction) => (Some(Kind::Misspelling), Some(correction)),
                        None => (None, None),
                    }
                }
                Judgement::Known => (None, None),
                // An interjection set off by a comma, as novels write one ("Eee, kes şu şarkıyı"):
                // the writer punctuates with care. Tweets write it bare ("Aaa kimler gelmiş").
                Judgement::Misspelled(Kind::Emphasis, _) if is_drawn_out_vowel(&word) && text.get(span.end) == Some(&',') => (None, None),
                // A doubled "i" where the letters model's corpus has the word is no emphasis: an
                // Arabic loanword's object or genitive form the dictionary lacks ("mercii",
                // "sanayiin", "mevkiin"); "benii", "ediin" are not in it. Not a short word: the
                // corpus has "kii" too.
                Judgement::Misspelled(Kind::Emphasis, _)
                    if scan.language == Language::Tr
                        && word.chars().count() >= 6
                        && word.contains("ii")
                        && !word.contains("iii")
                        && self.corpus_has(scan, &word) =>
                {
                    (None, None)
                }
                Judgement::Misspelled(kind, _) if kind != Kind::Listed && foreign() => continue,
                // Chat-speak of three letters or more that is also a word of the other language
                // ("bee", "yaw") is that language's where it is a name inside a sentence ("Ganalı
                // futbolcu Yaw Preko", "Spelling Bee") or stands beside a word of it ("honey bee";
                // a review helper, 2026-12-07). Not "bi", which chat writes capitalised and
                // before English nouns as often ("Bi boşluk", "bi tweet").
                Judgement::Misspelled(Kind::Listed, _)
                    if word.chars().count() >= 3 && english(&word) && {
                        let beside_foreign = |w: Option<&str>| w.is_some_and(|w| !speller.knows_remembered(&lower(w)) && english(w));
                        let next = clause_after(text, span.end, 1);
                        starts_with_capital(&word) && !sentence_start
                            || beside_foreign(next.first().map(String::as_str))
                            || beside_foreign(word_before(text, span.start).as_deref())
                    } =>
                {
                    continue
                }
                // "legalizmi" is "legalizm" with its object ending, not "legaliz mi": where the
                // corpus of the letters model knows the word before the particle's vowel, the
                // dictionary merely lacks it. Not after a verb in the past, which takes no object
                // ending ("geldimi" is "geldi mi" though the corpus has "geldim").
                Judgement::Misspelled(Kind::Joined, Some(ref correction))
                    if ends_with_question_particle(correction)
                        && !correction.split(' ').next().is_some_and(|verb| speller.is_past_verb(verb))
                        && self.corpus_knows(scan, &word[..word.len() - word.chars().last().map_or(0, char::len_utf8)]) =>
                {
                    (Some(Kind::Unknown), None)
                }
                // A name typed in lower case ("pektaş", "netaş") splits into words as well: careless
                // with capitals, not with spelling, where the letters model's corpus writes it
                // with a capital.
                Judgement::Misspelled(Kind::Glued, _) if lower_word(letters) == word && self.is_name(scan, &crate::spell::capitalised(&word)) => continue,
                // Words written together split so that the second is a form the letters model's
                // corpus (every common form with a letter of c, ç, g, ğ, ı, i, o, ö, s, ş, u, ü)
                // does not have as a common one (`CORPUS_COMMON`), or at all:
                // "nesili" is no "ne sili", "enisi" no "en isi", "velince" no "ve lince". A typo
                // or a form the dictionary lacks, with no correction to offer.
                Judgement::Misspelled(Kind::Glued, Some(ref correction))
                    if scan.language == Language::Tr
                        && correction.split_once(' ').is_some_and(|(_, second)| in_corpus_alphabet(second) && !self.corpus_knows(scan, second)) =>
                {
                    (Some(Kind::Compound), None)
                }
                // A name typed in lower case ("türkiyede", "fenerbahçe") is careless with
                // capitals, not with spelling: the letters model's corpus writes it with a capital.
                // So is a name with its locative read as a dative and "de" ("bursada": "bursa" is
                // also "burs" with the dative).
                Judgement::Misspelled(kind @ (Kind::JoinedDe | Kind::Compound | Kind::Misspelling), ref correction)
                    if (kind != Kind::Misspelling || correction.as_deref().and_then(|c| c.rsplit_once(' ')).is_some_and(|(_, de)| matches!(lower(de).as_str(), "de" | "da")))
                        && self.is_name(scan, correction.as_deref().and_then(|c| c.split(' ').next()).unwrap_or(&word)) =>
                {
                    continue
                }
                Judgement::Misspelled(kind, correction) => (Some(kind), correction),
                Judgement::Unknown => {
                    // Not evidence: a name, a word of another language, or a word wrong only for
                    // its missing Turkish letters.
                    let name = starts_with_capital(&word) && !(capitals && shouting) && !title_case;
                    let foreign = foreign();
                    let ascii_typed = scan.language == Language::Tr && original[span.clone()].iter().all(char::is_ascii);
                    let not_evidence = name || foreign || suffixed || ascii_typed && (speller.knows_with_turkish_letters(&word) || with_letters().is_some()) || self.is_name(scan, &word);
                    if not_evidence {
                        if !joins_previous() {
                            continue;
                        }
                        (Some(Kind::Apart), None)
                    } else if scan.language == Language::Tr
                        && lower_word(letters) == word
                        && ends_in_spoken_future(&word)
                        && !word.strip_suffix("cam").is_some_and(|stem| others.iter().any(|other| other.knows_remembered(stem)))
                    {
                        // The future as spoken, on a stem the rewrites could not restore
                        // ("yucarlicam", "konuşmuyucam", "gitmicen"): careless whatever the stem.
                        // Not an English camera ("bodycam", "facecam": a word of the other language
                        // before "cam").
                        (Some(Kind::Colloquial), None)
                    } else if let Some(with_v) = (scan.language == Language::Tr && lower_word(letters) == word && word.contains('w') && word.chars().count() >= 4)
                        .then(|| word.replace('w', "v"))
                        .filter(|with_v| speller.knows(with_v))
                    {
                        // "w" typed for "v", as chat does ("dewam", "sewdim", "wermiyor"): Turkish
                        // has no "w", and a word of the other language was left out above. Not a
                        // short one: "tw" is Twitter, not "tv". Weighed as an unknown word, with
                        // its correction: words cited from Kurdish, Arabic or Polish are typed so
                        // too ("newroz", "hawala", "weto"; a review helper, 2026-12-07).
                        (Some(Kind::Unknown), Some(with_v))
                    } else {
                        // Typed with some of its Turkish letters and not others ("cıkıyor"): still
                        // careless, but the fix can put the missing ones back.
                        let restored = (scan.language == Language::Tr).then(|| speller.with_missing_letters(&word)).flatten();
                        (Some(Kind::Unknown), restored)
                    }
                }
            };
            // A suffix standing alone after a word and a space ("yi", "liler", "nin") is always one
            // written apart from its word, even where that word is a name the dictionary lacks
            // ("mekke yi"); so is one that is also a word ("ye") after an acronym ("GS ye").
            // After an apostrophe, however spaced or doubled ("Adası 'ndan", "Dale''nin"), or a
            // bracket, it is attached as the writer could. After a number it is left alone: edited
            // text writes "0 dan küçük" too.
            let before_space = || end_before_spaces(text, span.start).and_then(|end| end.checked_sub(1)).map(|at| text[at]);
            let after_acronym = || {
                let in_capitals_before = before_space().is_some_and(char::is_uppercase) && previous.as_ref().is_some_and(|p| p.len() >= 2 && in_capitals(&text[p.clone()]));
                in_capitals_before || after_acronym_in_lower_case && previous.as_ref().is_some_and(|p| before_space() == text[p.clone()].last().copied())
            };
            let previous_takes = |suffix: &str| previous.as_ref().is_some_and(|p| acronym_takes(&text[p.clone()], suffix));
            // A suffix that is also a word ("ye", "ten") after a name it fits by vowel harmony and
            // by its first letter ("Türkiye ye", "İzmit ten") is the name's suffix written apart;
            // not after a capitalised common word ("Dört tür", "four kinds").
            // A capitalised word is a name where the letters model's corpus writes it so, or the
            // dictionary does not know it in lower case ("Türkiye", "Mekke"; not "Dört", "İmza").
            let name_like = |letters: &[char]| {
                letters.first().is_some_and(|c| c.is_uppercase()) && !in_capitals(letters) && {
                    let typed: String = letters.iter().collect();
                    self.is_name(scan, &typed) || !speller.knows_in_lower_case(&lower_word(letters))
                }
            };
            // Inside a sentence (and not in a comment Written Like This) a capital marks a name,
            // even one that is also a word ("Mert", "Hakan"); but not before "ye", the verb as
            // often ("gel benim Ülkemde ye iç").
            let name_here = |letters: &[char]| {
                name_like(letters)
                    || word != "ye"
                        && !previous_began_sentence
                        && !title_case
                        && !in_capitals(letters)
                        && letters.first().is_some_and(|c| c.is_uppercase())
            };
            // A name typed in lower case ("morhipo dan", "rte ye"): a word of letters only, in lower
            // case, that neither the dictionary nor the letters model knows; not before "in",
            // English after an English word as often ("check in").
            let lower_case_unknown = |letters: &[char]| {
                letters.len() >= 3 && letters.iter().all(|c| c.is_alphabetic() && c.is_lowercase()) && {
                    let typed: String = letters.iter().collect();
                    !speller.knows_remembered(&typed) && !self.is_name(scan, &typed)
                }
            };
            // Not in a title of another language: "Radiative Transfer in Slabs".
            let next_capitalised = || text[span.end..].iter().find(|c| **c != ' ').is_some_and(|c| c.is_uppercase());
            let after_name = || {
                !next_capitalised() && previous.as_ref().is_some_and(|p| {
                    let name = &text[p.clone()];
                    name.len() >= 2 && before_space() == name.last().copied() && suffix_fits(name, &word) && (name_here(name) || word != "in" && lower_case_unknown(name))
                })
            };
            let chained = if misspelled == Some(Kind::Unknown) && !speller.is_suffix(&word) { chain_joined() } else { None };
            // A word with a capital and lower-case letters after an acronym is a name, not a
            // suffix: "NASA Dan Goldin", "PSV Ten Hag", "ICC Den Haag".
            let name_cased = starts_with_capital(&word) && !capitals;
            let misspelled = match misspelled {
                Some(Kind::Unknown) if !name_cased && speller.is_suffix(&word) && before_space().is_some_and(char::is_alphabetic) => {
                    // After a mention or hashtag ("@ali nin", "#beşiktaş ın") the apostrophe would
                    // break the link, and careful writers leave such a suffix apart too.
                    let after_word = previous.as_ref().is_some_and(|p| end_before_spaces(text, span.start) == Some(p.end));
                    Some(if !after_word {
                        Kind::Apart
                    } else if after_acronym() {
                        Kind::SuffixApart
                    } else {
                        Kind::Detached
                    })
                }
                // After an acronym ending in a vowel as typed ("NATO", "UEFA"), only a suffix that
                // fits it: "NATO tır" is a truck ("tır"), not "NATO'dur".
                // Turkish letter names all end in a vowel, so an acronym read letter by letter takes
                // "d", never "t" ("THY'den"): "WWF tür", "AFAD tır", "THY ten" are words after it,
                // or at most a slip.
                None if !capitals && !name_cased && after_acronym() && speller.is_suffix(&word) && previous_takes(&word) => {
                    Some(if word.starts_with('t') { Kind::Apart } else { Kind::SuffixApart })
                }
                // The dative "ya" after an acronym read with a back vowel last ("PKK ya": pe-ka-ka,
                // "NATO ya"), unless "ya da" ("AKP ya da CHP", the conjunction).
                // Nor where the sentence has another "ya" ("ya NATO ya AB", "PKK ya silah bırakır ya
                // da …", "ya hep ya hiç") or a mark follows ("Ne de olsa NATO ya, …", the interjection).
                None if word == "ya" && after_acronym() && dative_ya_fits(previous.as_ref().map(|p| &text[p.clone()])) && {
                    let next = clause_after(text, span.end, 1);
                    let followed_by_word = text[span.end..].iter().find(|c| **c != ' ').is_some_and(|c| c.is_alphabetic());
                    followed_by_word
                        && !next.first().is_some_and(|n| matches!(lower(n).as_str(), "da" | "de"))
                        && !other_ya_in_sentence(text, span.clone())
                } => Some(Kind::SuffixApart),
                // The plural with its case ending apart after an acronym ("TV lerde", "STK ların").
                Some(Kind::Unknown) if lower_word(letters) == word && after_acronym() && speller.is_suffix_chain(&word) && previous_takes(&word) => {
                    Some(if word.starts_with('t') { Kind::Apart } else { Kind::SuffixApart })
                }
                None if lower_word(letters) == word && speller.is_suffix(&word) && after_name() => Some(Kind::Detached),
                None if joins_previous() => Some(Kind::Apart),
                Some(Kind::Unknown) if chained.is_some() => Some(Kind::SuffixApart),
                other => other,
            };
            // "-mış gibi yapmak" names the evidential as a word ("siyasette mış gibi yapmak").
            let misspelled = if matches!(word.as_str(), "mış" | "miş" | "muş" | "müş") && clause_after(text, span.end, 1).first().is_some_and(|next| lower(next) == "gibi") {
                None
            } else {
                misspelled
            };
            // Two words the rules write as one ("hiç bir" → "hiçbir"), or a suffix written apart
            // from its word ("insanlar ın"), are one misspelling.
            let after_a_space = previous.as_ref().filter(|p| {
                let between = &text[p.end..span.start];
                !between.is_empty() && between.iter().all(|c| *c == ' ')
            });
            if let Some(previous_span) = after_a_space {
                let first: String = text[previous_span.clone()].iter().collect();
                let joined = match misspelled {
                    None => speller.phrase(&first, &word).map(|phrase| recase_phrase(&first, &phrase)),
                    // Joined back, the word must be one the dictionary knows ("en yi" is no "enyi");
                    // an acronym's suffix goes after an apostrophe ("GS'ye", "RT'ler"), and so
                    // does a name's case ending ("Türkiye'ye") but not its plural or -lik
                    // ("Kürtler", "Türklük").
                    // Not after a word that already has its suffix ("Çin'in deki").
                    Some(Kind::Apart | Kind::SuffixApart | Kind::Detached) if (speller.is_suffix(&word) || speller.is_suffix_chain(&word) || word == "ya") && !first.contains('\'') => {
                        let letters = &text[previous_span.clone()];
                        let derived = is_plural_or_derivation(&word);
                        let word = conjunction_apart(&word);
                        if after_acronym_in_lower_case {
                            // Written as acronyms are: "akp ye" → "AKP'ye".
                            Some(format!("{}'{word}", first.chars().map(crate::text::fold::turkish_uppercase).collect::<String>()))
                        } else if in_capitals(letters) && letters.len() >= 2 && !(shouting && speller.knows_in_lower_case(&lower_word(letters)))
                            || !derived && name_here(letters)
                        {
                            // In a comment in capitals a word the dictionary knows is no acronym:
                            // "KİTAP LAR" is "KİTAPLAR", not "KİTAP'LAR".
                            Some(format!("{first}'{word}"))
                        } else if derived && name_here(letters) {
                            // The dictionary knows few names, and fewer with "-lular".
                            Some(format!("{first}{word}"))
                        } else {
                            Some(format!("{first}{word}")).filter(|joined| speller.knows(joined))
                        }
                    }
                    Some(Kind::Apart | Kind::SuffixApart) => chained.clone(),
                    _ => None,
                };
                // The word before may already be part of a correction ("hiç bir" → "hiçbir" before
                // "ler"): then this word is judged alone, as spans must not overlap.
                let joinable = judged.last().is_none_or(|last| last.source == *previous_span || last.source.end <= previous_span.start);
                if let (Some(joined), true) = (joined, joinable) {
                    match judged.last_mut().filter(|p| p.source == *previous_span) {
                        Some(previous) if previous.misspelled.is_none() => {
                            previous.correction = Some(joined);
                            previous.misspelled = misspelled.or(Some(Kind::Apart));
                            previous.source.end = span.end;
                        }
                        Some(_) => {}
                        None => judged.push(JudgedWord {
                            source: previous_span.start..span.end,
                            misspelled: misspelled.or(Some(Kind::Apart)),
                            correction: Some(joined),
                        }),
                    }
                    continue;
                }
            }
            // A chain of suffixes that could not be joined back (its word is already part of
            // another correction) is an unknown word, as it was.
            let misspelled = if chained.is_some() { Some(Kind::Unknown) } else { misspelled };
            judged.push(JudgedWord { source: span, misspelled, correction });
        }
        let unfinished = ends_unfinished(original, &in_link, &judged);
        Some(Judged { text: judged_text, words: judged, unfinished })
    }
}

/// No mark closing a sentence ("." "!" "?" "…" ":" ";") follows the last word judged: "bu iş
/// böyle olmaz 😊" is unfinished, "Bu iş böyle olmaz." and "«Olmaz!» dedi." are not. Marks inside
/// links do not count, and what the check does not judge (names, numbers, links, emoji) may
/// follow either way, so adding them never makes a comment unfinished.
fn ends_unfinished(original: &[char], in_link: &[bool], words: &[JudgedWord]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    !(last.source.end..original.len()).any(|at| !in_link[at] && matches!(original[at], '.' | '!' | '?' | '…' | ':' | ';'))
}

impl Check for SpellingCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let Judged { text, words, unfinished } = self.judge(scan)?;
        let score: f64 = words.iter().filter_map(|w| w.misspelled).map(|kind| self.weights.get(&kind).copied().unwrap_or(0.0)).sum();
        // Edited text closes its last sentence; a comment typed in haste often does not, and there
        // a doubtful word (an unknown one, a typo) is more likely carelessness than a rare word.
        // Measured on Turkish comments only: an English comment is judged as before.
        let score = match scan.language == Language::Tr && unfinished {
            true => score * self.unfinished_weight,
            false => score,
        };
        // A sure sign is careless writing however long the comment; weaker signs must be dense,
        // or weigh `min_score_any_length` together.
        let sure = words.iter().filter_map(|w| w.misspelled).any(|kind| self.alone.contains(&kind))
            || words.iter().filter_map(|w| w.misspelled).filter(|kind| self.twice.contains(kind)).count() >= 2
            || score >= self.min_score_any_length;
        // The density counts the misspelled words and those judged as typed: a word right only
        // once its Turkish letters are restored ("cok" for "çok") is no sign of care, and counted
        // it hid the misspellings of a comment typed without them ("Helal olsun sana guzel insan.
        // Hayatta hersey sinav degil."). So, rarely, is a word right as typed that the letters
        // model changed ("abaca").
        let original = scan.text.original();
        let typed_right = |w: &&JudgedWord| w.misspelled.is_some() || original[w.source.clone()] == text[w.source.clone()];
        let counted = words.iter().filter(typed_right).count();
        if score < self.min_score || !sure && score / (counted.max(1) as f64) < self.min_ratio {
            return None;
        }
        // Keyboard mash and unknown words have no correction: a "fix" that changes nothing is none.
        let fixed = corrected(&self.letters_kept(scan, &text), &words);
        let changes_something = fixed.chars().ne(scan.text.original().iter().copied());
        Some(Finding {
            spans: words.iter().filter(|w| w.misspelled.is_some()).map(|w| w.source.clone()).collect(),
            suggestion: changes_something.then_some(fixed),
            evidence: words
                .iter()
                .filter_map(|w| {
                    let kind = w.misspelled?;
                    // The word as the commenter typed it, not as its Turkish letters were restored
                    // ("gitdim → gittim", not the letters model's guess "gitdım").
                    let typed: String = scan.text.original()[w.source.clone()].iter().collect();
                    Some(match &w.correction {
                        Some(correction) => format!("{typed} → {correction} ({})", kind.name()),
                        None => format!("{typed} ({})", kind.name()),
                    })
                })
                .collect(),
            ..Finding::default()
        })
    }

    fn fix(&self, scan: &Scan<'_>) -> Option<String> {
        let judged = self.judge(scan)?;
        Some(corrected(&self.letters_kept(scan, &judged.text), &judged.words))
    }

    /// After Turkish letters (words are judged with them), before sentence case.
    fn fix_order(&self) -> u8 {
        2
    }
}

/// The judged text with each correction in place of its word (words in order, not overlapping;
/// one that overlaps the last corrected is left as written).
fn corrected(text: &[char], words: &[JudgedWord]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for word in words {
        if word.source.start < at || word.source.end > text.len() {
            continue;
        }
        if let Some(correction) = &word.correction {
            out.extend(&text[at..word.source.start]);
            out.push_str(correction);
            at = word.source.end;
        }
    }
    out.extend(&text[at..]);
    out
}

/// The comment's words, cut as the restorer cuts them (see `crate::restore::word_end`).
fn word_spans(text: &[char]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < text.len() {
        if !text[at].is_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        at = word_end(text, start);
        spans.push(start..at);
    }
    spans
}

/// An unknown word ending as the future is spoken, not written: the first person ("-cam",
/// "-cez": "napicam", "unutcam", "bekliycez") after any stem, the others after the raised vowel
/// that stands for "-(y)ecek" ("gitmicen", "bitmicek", "olucaksın"). Among the unknown words of
/// 31,756 tweets and 11,303 edited sentences, 49 forms end so, all spoken futures but one name
/// typed in lower case ("hilmicem"); no edited sentence has one.
fn ends_in_spoken_future(word: &str) -> bool {
    const FIRST_PERSON: [&str; 4] = ["cam", "cem", "caz", "cez"];
    const AFTER_RAISED_VOWEL: [&str; 10] = ["can", "cen", "cak", "cek", "cağım", "ceğim", "caksın", "ceksin", "cağız", "ceğiz"];
    let stem_before = |ending: &str| word.strip_suffix(ending).map(|stem| (stem, stem.chars().count()));
    FIRST_PERSON.iter().any(|e| stem_before(e).is_some_and(|(_, n)| n >= 3))
        || AFTER_RAISED_VOWEL.iter().any(|e| stem_before(e).is_some_and(|(stem, n)| n >= 3 && stem.ends_with(['ı', 'i', 'u', 'ü'])))
}

/// A word in Turkish lower case.
fn lower_word(letters: &[char]) -> String {
    letters.iter().flat_map(|&c| crate::text::fold::turkish_lowercase(c)).collect()
}

/// The word as the writer typed it, apostrophes as `'`.
fn typed_as(original: &[char], span: &Range<usize>) -> String {
    original[span.clone()].iter().map(|&c| if is_apostrophe(c) { '\'' } else { c }).collect()
}

/// A suffix a name takes without an apostrophe: the plural and the derivations -li, -lik, -ci
/// and their endings ("Kürtler", "Trabzonsporlular", "Türklük", "Fenerbahçeci").
fn is_plural_or_derivation(suffix: &str) -> bool {
    ["ler", "lar", "li", "lı", "lu", "lü", "c", "ç"].iter().any(|start| suffix.starts_with(start))
}

/// Two words written together split so that the first has [`GLUED_FIRST_WORD`] letters or more:
/// names begin with a short word of `separate.txt` ("Vehibe", "Enfal", "enisim", a poet's "enis").
fn opens_with_a_long_word(correction: &str) -> bool {
    correction.split(' ').next().is_some_and(|first| first.chars().count() >= GLUED_FIRST_WORD)
}

/// Another "ya" in the sentence around `span`: then "ya" is the conjunction ("ya … ya").
fn other_ya_in_sentence(text: &[char], span: Range<usize>) -> bool {
    let is_end = |c: &char| matches!(c, '.' | '!' | '?' | '…' | '\n');
    let start = text[..span.start].iter().rposition(is_end).map_or(0, |at| at + 1);
    let end = text[span.end..].iter().position(is_end).map_or(text.len(), |at| span.end + at);
    let words = |part: &[char]| part.split(|c| !c.is_alphabetic()).filter(|w| lower_word(w) == "ya").count();
    words(&text[start..span.start]) + words(&text[span.end..end]) > 0
}

/// "ya", the dative after a back vowel, fits an acronym ending in "k" (read "ka": "PKK'ya",
/// "SGK'ya") or in a back vowel as typed ("NATO'ya"); the others end in a front vowel read by
/// their letters' names ("AKP'ye", "THY'ye").
fn dative_ya_fits(acronym: Option<&[char]>) -> bool {
    let lowered = acronym.map(lower_word).unwrap_or_default();
    lowered.ends_with('k') || lowered.ends_with(['a', 'ı', 'o', 'u'])
}

/// After the genitive, "de/da" is the conjunction ("CHP ninde şansı yok" → "CHP'nin de"): no
/// word takes the locative after its genitive.
fn conjunction_apart(suffixes: &str) -> String {
    const GENITIVES: [&str; 8] = ["nin", "nın", "nun", "nün", "in", "ın", "un", "ün"];
    let split = ["de", "da", "te", "ta"].iter().find_map(|de| {
        let genitive = suffixes.strip_suffix(de)?;
        GENITIVES.contains(&genitive).then(|| format!("{genitive} {de}"))
    });
    split.unwrap_or_else(|| suffixes.to_string())
}

/// The question particle with or without its person or tense ("mı", "misin", "muydu").
fn is_question_particle(word: &str) -> bool {
    const ENDINGS: [&str; 8] = ["", "sın", "yım", "yız", "ydı", "ymış", "sınız", "lar"];
    ["mı", "mi", "mu", "mü"].iter().any(|particle| {
        word.strip_prefix(particle).is_some_and(|rest| {
            ENDINGS.iter().any(|ending| {
                // The ending's vowel follows the particle's: "misin", "muyum", "müydü".
                let vowel = particle.chars().last().unwrap_or('ı');
                ending.chars().map(|c| if c == 'ı' { vowel } else { c }).collect::<String>() == rest
            })
        })
    })
}

/// A correction that splits off the question particle "mi" ("değil mi").
fn ends_with_question_particle(correction: &str) -> bool {
    correction.rsplit(' ').next().is_some_and(|last| {
        let mut letters = last.chars().flat_map(crate::text::fold::turkish_lowercase);
        letters.next() == Some('m') && letters.next().is_some_and(|v| matches!(v, 'i' | 'ı' | 'u' | 'ü')) && letters.next().is_none()
    })
}

/// The words after a position up to the end of its clause (a comma or the end of the sentence),
/// at most `limit` of them.
fn clause_after(text: &[char], from: usize, limit: usize) -> Vec<String> {
    let rest = &text[from.min(text.len())..];
    let end = rest.iter().position(|c| matches!(c, '.' | '!' | '?' | '…' | ',' | ';' | ':' | '\n')).unwrap_or(rest.len());
    rest[..end]
        .split(|c| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(limit)
        .map(|w| w.iter().collect())
        .collect()
}

/// Where the text before the spaces that end at `at` ends; `None` where no space is right before.
fn end_before_spaces(text: &[char], at: usize) -> Option<usize> {
    let before = &text[..at.min(text.len())];
    let spaces = before.iter().rev().take_while(|c| **c == ' ').count();
    (spaces > 0).then(|| before.len() - spaces)
}

/// The word right before a position, with only spaces between.
fn word_before(text: &[char], at: usize) -> Option<String> {
    let end = end_before_spaces(text, at)?;
    let start = text[..end].iter().rposition(|c| !c.is_alphabetic()).map_or(0, |i| i + 1);
    (start < end).then(|| text[start..end].iter().collect())
}

/// The word at `start` opens a line of dialogue: a dash before it, spaces between.
fn opens_dialogue(text: &[char], start: usize) -> bool {
    text[..start].iter().rev().find(|c| **c != ' ').is_some_and(|c| matches!(c, '-' | '–' | '—'))
}

/// A correction with the first letter of the words it replaces capitalised where that was.
fn recase_phrase(typed: &str, correction: &str) -> String {
    if starts_with_capital(typed) {
        capitalised(correction)
    } else {
        correction.to_string()
    }
}

/// The suffix `suffix` may follow the word `stem` as written: its vowel agrees with the stem's last
/// vowel (a/e by front and back, ı/i/u/ü also by rounding), a suffix starting with y or n follows a
/// vowel and one starting with a vowel a consonant, and d/t agree with the stem's last sound.
fn suffix_fits(stem: &[char], suffix: &str) -> bool {
    let stem: Vec<char> = lower_word(stem).chars().collect();
    let (Some(&last), Some(&last_vowel)) = (stem.last(), stem.iter().rev().find(|c| is_vowel(**c))) else { return false };
    let Some(vowel) = suffix.chars().find(|c| is_vowel(*c)) else { return false };
    let front = "eiöü".contains(last_vowel);
    let rounded = "ouöü".contains(last_vowel);
    let harmony = match vowel {
        'a' => !front,
        'e' => front,
        'ı' => !front && !rounded,
        'i' => front && !rounded,
        'u' => !front && rounded,
        'ü' => front && rounded,
        _ => false,
    };
    let stem_ends_in_vowel = is_vowel(last);
    let voiceless = "fstkçşhp".contains(last);
    let first = suffix.chars().next().unwrap_or(' ');
    let joins = match first {
        'y' | 'n' => stem_ends_in_vowel,
        'd' => !voiceless,
        't' => voiceless,
        c if is_vowel(c) => !stem_ends_in_vowel,
        _ => true,
    };
    harmony && joins
}

/// The name a one-vowel case ending at `span` was cut off ("Allah a", "Erdoğan ı", "Katar a" for
/// "Allah'a", "Erdoğan'ı", "Katar'a"): the capitalised word right before it, spaces between, ending
/// in a consonant the vowel fits, and not judged misspelled already; and after the vowel a word of
/// Turkish in lower case, as the clause goes on ("Allah a numara yapamazsın"). Not "u", "ü",
/// Persian's "and" in classical titles ("Hüsn ü Aşk"); not a prefix ("Şimşek e-fatura"), a letter
/// named or listed ("Euler e sabiti", "Latin i harfi", "a ve c"), nor a conjunction or article of
/// another language between names or words of its own ("Ordem e Progresso", "Make a wish",
/// "Vamos a bailar"; a review helper's 265 careful sentences, 2026-12-07). No edited sentence has one.
fn name_before_a_vowel_ending(
    text: &[char],
    span: &Range<usize>,
    previous: Option<&Range<usize>>,
    last_judged: Option<&JudgedWord>,
    english: impl Fn(&str) -> bool,
    turkish: impl Fn(&str) -> bool,
) -> Option<Range<usize>> {
    // Nouns that name a letter after it ("e harfi", "e sabiti", "a noktası", a chess file "a
    // dosyası") or before it ("indis i", "Grup A", "Vitamin E"), and words that list letters.
    const LETTER_NOUNS: [&str; 13] = ["harf", "sabit", "sayı", "nokta", "değer", "şık", "piyon", "kenar", "vitamin", "ünlü", "değişken", "katsayı", "dosya"];
    const NAMING_NOUNS: [&str; 10] = ["indis", "grup", "vitamin", "tip", "sınıf", "madde", "bent", "plan", "sayfa", "harf"];
    const LISTING: [&str; 4] = ["ve", "ile", "veya", "ya"];
    // Words that never take a case ending: no name before the vowel ("Her i", "Fakat a", "Tüm e").
    const NEVER_SUFFIXED: [&str; 14] = ["her", "tüm", "bütün", "ilk", "tek", "fakat", "ancak", "ama", "lakin", "eğer", "hem", "gibi", "için", "çünkü"];
    let vowel = match &text[span.clone()] {
        [vowel @ ('a' | 'e' | 'ı' | 'i')] => *vowel,
        _ => return None,
    };
    // A space, then a word: not a prefix's hyphen, an apostrophe, or a comma after the letter.
    let spaced = text.get(span.end).is_some_and(|c| *c == ' ');
    let next = clause_after(text, span.end, 2);
    let goes_on_in_turkish = next.first().is_some_and(|word| {
        let lowered = lower(word);
        word.chars().next().is_some_and(char::is_lowercase)
            && turkish(word)
            && !english(word)
            && !LETTER_NOUNS.iter().any(|noun| lowered.starts_with(noun))
            && !(LISTING.contains(&lowered.as_str()) && next.get(1).is_some_and(|w| w.chars().count() == 1))
    });
    if !spaced || !goes_on_in_turkish {
        return None;
    }
    let name = previous?;
    let letters = &text[name.clone()];
    let fits = end_before_spaces(text, span.start) == Some(name.end)
        && letters.len() >= 2
        && letters[0].is_uppercase()
        && !in_capitals(letters)
        && letters.iter().all(|c| c.is_ascii_alphabetic() || "çğıöşüâîûÇĞİÖŞÜÂÎÛ".contains(*c))
        && !NAMING_NOUNS.iter().any(|noun| lower_word(letters).starts_with(noun))
        && !NEVER_SUFFIXED.contains(&lower_word(letters).as_str())
        && suffix_fits(letters, &vowel.to_string())
        && last_judged.is_none_or(|last| last.source.end <= name.start || last.source == *name && last.misspelled.is_none());
    fits.then(|| name.clone())
}

/// An acronym, two letters or more, with a suffix or a chain of them joined in lower case
/// ("AKPli", "KHKlı", "TVye", "FETÖcüler"), corrected with the apostrophe ("AKP'li"). Not a
/// word the dictionary knows, which is emphasis ("TAMAMdır", "ŞEREFinle oynamak"). The suffix
/// must fit the acronym ([`acronym_takes`]). Brands and hashtags in camel case ("TRTHaber",
/// "NTVspor") end in no suffix.
fn capitals_with_suffix(letters: &[char], speller: &SpellingModel) -> Option<String> {
    let split = letters.iter().position(|c| c.is_lowercase())?;
    let (head, tail) = letters.split_at(split);
    if head.len() < 2 || !head.iter().all(|c| c.is_alphabetic() && c.is_uppercase()) || !tail.iter().all(|c| c.is_alphabetic() && c.is_lowercase()) {
        return None;
    }
    let suffix: String = tail.iter().collect();
    if !acronym_takes(head, &suffix) || !(speller.is_suffix(&suffix) || speller.is_suffix_chain(&suffix)) {
        return None;
    }
    let head: String = head.iter().collect();
    (!speller.knows_in_lower_case(&lower(&head))).then(|| format!("{head}'{suffix}"))
}

/// The acronym takes the suffix: an acronym read letter by letter ("AKP": a-ka-pe) ends in a vowel
/// whatever its last letter, so any suffix fits it; one ending in a vowel as typed is read as a
/// word ("NATO") and its suffix must fit it ("NATO'dur", not "NATO tır").
fn acronym_takes(acronym: &[char], suffix: &str) -> bool {
    !lower_word(acronym).ends_with(is_vowel) || suffix_fits(acronym, suffix)
}

/// The part before any apostrophe has two or more letters, none in lower case.
fn in_capitals(letters: &[char]) -> bool {
    let stem = letters.split(|&c| is_apostrophe(c)).next().unwrap_or(letters);
    stem.iter().filter(|c| c.is_alphabetic()).count() >= 2 && !stem.iter().any(|c| c.is_lowercase())
}

fn starts_with_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Latin letters beyond ASCII (Turkish ç, ş, é of a French name): a word in another script is
/// not judged by a Latin dictionary.
fn is_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;
    use crate::spell::{SpellingFiles, SpellingModel};

    const AFF: &str = "SET UTF-8\nLANG tr_TR\nSFX A Y 2\nSFX A 0 ı .\nSFX A 0 dı .\n";
    const DIC: &str = "15\nbu\nhaber/A\nokudum\nama\nanlamadım\nherkes\nbiliyor\nçok\ngüzel\niş\nböyle\nyalnız\nye\ntabi\nolur\n";
    const SPEC: &str = "kind = 'spelling'\ndictionaries = { tr = 'tr' }\nallow = ['allow']\nmin_score = 2.0\nmin_ratio = 0.1\n\
        weights = { listed = 1.0, misspelling = 1.0, emphasis = 1.0, colloquial = 1.0, joined = 1.0, joined-de = 0.5, published = 0.5, glued = 1.0, compound = 0.5, apart = 0.5, mash = 1.0, unknown = 0.5 }";

    fn fixture() -> Fixture {
        let speller = SpellingModel::parse(SpellingFiles {
            aff: AFF,
            dic: DIC,
            corrections: Some("slm\tselam\nbisey\tbir şey\nherkez\therkes\n"),
            misspellings: None,
            published: &[],
            rewrites: Some("yo\tyor\n"),
            particles: Some("ki\n"),
            separate: None,
            pronouns: None,
            suffixes: Some("ın\nye\n"),
            ambiguous: Some("tabi\ttabii\tol\ta e\n"),
            copulas: None,
        })
        .expect("test speller parses");
        Fixture::new(&[("allow", "zelenski*\n")]).with_speller("tr", speller)
    }

    #[test]
    fn careless_writing_fires_with_its_corrections() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        let comment = "slm bu haberi okudum ama bisey anlamadım, herkez biliyoki";
        assert_eq!(
            fixture.spans(&*check, comment),
            Some(vec!["slm".to_string(), "bisey".into(), "herkez".into(), "biliyoki".into()])
        );
        assert_eq!(
            fixture.suggestion(&*check, comment).as_deref(),
            Some("selam bu haberi okudum ama bir şey anlamadım, herkes biliyor ki")
        );
    }

    #[test]
    fn names_acronyms_links_numbers_and_allowed_words_are_no_evidence() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Stoltenberg'in haberi Brüksel'de, Kovalenko okudum"), None);
        assert_eq!(fixture.spans(&*check, "Bu haber NATO ve AKP @kullanici #etiket www.ornek.com 3ncu"), None);
        assert_eq!(fixture.spans(&*check, "zelenskiyi zelenskinin haberi"), None);
    }

    #[test]
    fn one_slip_is_not_careless_writing() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "bu haber çok güzel, herkez okudum ama anlamadım böyle iş"), None);
    }

    #[test]
    fn a_suffix_written_apart_is_one_misspelling_with_its_word() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        // After an acronym even a suffix that is also a word ("ye": eat); after a name the
        // dictionary lacks, written in lower case.
        let comment = "slm bu haber GS ye çok güzel, herkez okudum";
        assert_eq!(fixture.spans(&*check, comment), Some(vec!["slm".to_string(), "GS ye".into(), "herkez".into()]));
        assert_eq!(fixture.suggestion(&*check, comment).as_deref(), Some("selam bu haber GS'ye çok güzel, herkes okudum"));
        assert_eq!(fixture.spans(&*check, "slm mekke ın haberi, herkez okudum"), Some(vec!["slm".to_string(), "mekke".into(), "ın".into(), "herkez".into()]));
        // Attached by an apostrophe, however spaced: the writer's way of writing a name's suffix,
        // no suffix written apart (the dictionary knows no "ın", so it weighs as an unknown word).
        let finding = fixture.finding(&*check, "slm bu haber Mekke 'ın, herkez okudum").expect("slm and herkez");
        assert!(finding.evidence.iter().all(|e| !e.contains("(apart)")), "{:?}", finding.evidence);
    }

    #[test]
    fn a_suffix_after_words_already_corrected_together_is_judged_alone() {
        let fixture = Fixture::new(&[("allow", "")]).with_speller(
            "tr",
            SpellingModel::parse(SpellingFiles {
                aff: "SET UTF-8\n",
                dic: "5\nbu\nhiçbir\nhiç\nbir\nbirler\n",
                corrections: Some("hiç bir\thiçbir\n"),
                suffixes: Some("ler\n"),
                ..SpellingFiles::default()
            })
            .expect("test speller parses"),
        );
        let check = fixture.check(SPEC);
        // Found on 2026-12-03: "bir" was both the end of "hiç bir" and the start of "bir ler",
        // two corrections over the same letters, and building the fixed comment panicked.
        let finding = fixture.finding(&*check, "slm bu hiç bir ler slm").expect("slm twice");
        assert!(finding.spans.windows(2).all(|pair| pair[0].end <= pair[1].start), "{:?}", finding.spans);
    }

    #[test]
    fn an_ambiguous_word_is_judged_by_the_next() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "haberi okudum tabi, herkez anlamadım"), Some(vec!["tabi".to_string(), "herkez".into()]));
        assert_eq!(fixture.spans(&*check, "bu haber habere tabi olur, herkez anlamadım"), None, "tabi olmak: subject to");
        assert_eq!(fixture.spans(&*check, "bu haber habere tabi. herkez anlamadım"), None, "at the end after a dative");
    }

    #[test]
    fn a_word_wrong_only_for_its_turkish_letters_is_not_misspelled() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "cok guzel haber, yalniz bu is boyle"), None);
    }
}
