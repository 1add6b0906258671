//! Spelling: whether a dictionary knows a word, and how a known misspelling is corrected.
//!
//! A spelling model is a folder under `models/` (`models/spelling-tr/`, `models/spelling-en/`):
//!
//! | file | what |
//! |---|---|
//! | `dictionary.aff`, `dictionary.dic` | a Hunspell dictionary, read by the `spellbook` crate (Turkish: Harun Reşit Zafer's, inflected forms through its affix rules) |
//! | `corrections.txt` | the project's own: `misspelling<TAB>correction`, always a misspelling, even where the dictionary accepts it ("bi", "slm", "tabiki") |
//! | `misspellings.txt` | the project's own: misspellings careful writers make too ("herkez", "süpriz"), always misspellings, weighed apart from chat-speak |
//! | `corrections-*.txt` | published lists (Zemberek's normalisation data): used only where the dictionary rejects the word and knows every word of the correction |
//! | `rewrites.txt` | `ending<TAB>replacement`: colloquial endings ("diyo" → "diyor", "gidiyom" → "gidiyorum"), tried on words the dictionary rejects; the rewrite must be a word it knows |
//! | `separate.txt` | words always written apart from the next ("ne", "her"): written together with a word the dictionary knows, they are careless ("negüzel") |
//! | `ambiguous.txt` | words that are misspellings unless the words around them show the other meaning ("tabi" is "tabii" except in "vergiye tabi olmak", "vizeye tabi.") |
//! | `pronouns.txt` | pronouns with "de" written joined ("bende" for "ben de"), with the verb endings of their person that tell them from the locative |
//! | `suffixes.txt` | suffixes found written apart from their word ("insanlar ın" for "insanların", "GS ye" for "GS'ye"); `!` marks those that are no word of their own though the dictionary knows them ("ni", "li") |
//! | `copulas.txt` | endings the dictionary lacks after words it knows, in archiphonemes ("DIr", "(y)DI": "müfrezedir", "mıntıkadaydı"), written as the word's sounds demand (`endings`) |
//! | `particles.txt` | words written apart by the rules ("ki", "mi"), found joined to a word the dictionary knows ("biliyorki" → "biliyor ki") |
//!
//! Every file but the dictionary is optional, and every list is data a moderator can edit.
//! A word is judged as written: the dictionary handles capitals by the affix file's language
//! (Turkish `I`/`ı`, `İ`/`i` for `LANG tr_TR`).

mod endings;

use std::fmt;
use std::sync::Mutex;

use endings::{is_voiceless, Ending};

use rustc_hash::FxHashMap;

use crate::text::fold::{ascii_skeleton, turkish_lowercase, turkish_uppercase};

/// Words of at most this many c, g, i, o, s, u have every spelling with Turkish letters tried
/// (2^5 look-ups at most).
const VARIANT_POSITIONS: usize = 5;

/// Turkish number words, written together in [`is_number_written_out`].
const NUMBER_WORDS: [&str; 23] = [
    "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen",
    "doksan", "yüz", "bin", "milyon", "milyar", "buçuk",
];

/// The number word `number` begins `word` (letters folded by [`ascii_skeleton`], so that
/// "doksanıki" and "altmisiki" are found however their Turkish letters were typed or restored).
fn begins_with_number(word: &[char], number: &str) -> bool {
    let mut letters = word.iter();
    number.chars().all(|n| letters.next().is_some_and(|&c| ascii_skeleton(c) == ascii_skeleton(n)))
}

/// Where number words written together end in `word`: `counts[i]` is the most number words
/// making up its first `i` letters, 0 where none do.
fn number_word_ends(word: &[char]) -> Vec<usize> {
    let mut counts = vec![0usize; word.len() + 1];
    // Counts are kept plus one, so that 0 can mean "not reached".
    counts[0] = 1;
    for start in 0..word.len() {
        if counts[start] == 0 {
            continue;
        }
        for number in NUMBER_WORDS.iter().filter(|n| begins_with_number(&word[start..], n)) {
            let end = start + number.chars().count();
            counts[end] = counts[end].max(counts[start] + 1);
        }
    }
    counts.iter().map(|c| c.saturating_sub(1)).collect()
}

/// The most letters a word may have to be looked up; Turkish's longest real words have about 40.
const LONGEST_WORD: usize = 48;

/// The most letters of a chain of suffixes written apart ("lerinden", "larındaki").
const SUFFIX_CHAIN_LETTERS: usize = 12;

/// How many judgements the cache holds before it starts again.
const CACHE_WORDS: usize = 200_000;

/// The diminutive suffix, which the dictionary also knows as a word ("cık"): a word ending in it is
/// no two words written together.
const DIMINUTIVES: [&str; 8] = ["cık", "cik", "cuk", "cük", "çık", "çik", "çuk", "çük"];

/// Letters repeated this many times in a row are emphasis ("çoook"), never spelling.
const EMPHASIS_RUN: usize = 3;

/// Published corrections are trusted for words at least this long: shorter ones are as often
/// fragments ("nın" split from "ABD'nin") as chat-speak, which the project's own list covers.
const PUBLISHED_MIN_LETTERS: usize = 4;

/// The shortest known word an ending of `copulas.txt` is tried after.
const COPULA_STEM: usize = 2;

/// The shortest listed misspelling found with suffixes after it ("bişey" in "bişeyler").
const LISTED_STEM: usize = 4;

/// The shortest part of a word written together with another ("ne" + "güzel").
const GLUED_PART: usize = 2;
/// The shortest first word of two written together, where the split is not the dictionary's own
/// (a word typed without some Turkish letters, or at a sentence's start): short words of
/// `separate.txt` begin names ("Vehibe", "Enfal"). The second, typed without letters, needs four.
pub(crate) const GLUED_FIRST_WORD: usize = 3;
const GLUED_SECOND_WITHOUT_LETTERS: usize = 4;

/// The shortest word left before a particle split off it ("gelecekmi" → "gelecek mi").
const PARTICLE_STEM: usize = 3;

/// The shortest word whose last vowel left out is judged ([`SpellingModel::last_vowel_left_out`]):
/// "geldm"; a shorter one is as often an abbreviation with a vowel ("adm" for "adım" or "adam").
const ABBREVIATED_MIN_LETTERS: usize = 5;

/// A Hunspell dictionary and the misspellings known for its language.
pub(crate) struct SpellingModel {
    dictionary: spellbook::Dictionary,
    /// The project's corrections, decided whatever the dictionary says.
    certain: FxHashMap<String, String>,
    /// Misspellings careful writers make too (`misspellings.txt`: "herkez", "süpriz"), decided
    /// whatever the dictionary says, but weaker evidence than chat-speak.
    misspellings: FxHashMap<String, String>,
    /// Published corrections, used where the dictionary rejects the word.
    published: FxHashMap<String, String>,
    /// The language's suffixes harmonise their vowels (Turkish, by the affix file's `LANG`), so a
    /// vowel left out of a last syllable can be put back.
    vowel_harmony: bool,
    rewrites: Vec<(String, String)>,
    particles: Vec<Particle>,
    /// Words always written apart from the next word.
    separate: rustc_hash::FxHashSet<String>,
    /// Suffixes found written apart from their word ("insanlar ın").
    suffixes: rustc_hash::FxHashSet<String>,
    /// Those of them no word of its own, though the dictionary knows them ("ni", "li": marked `!`).
    suffixes_never_words: rustc_hash::FxHashSet<String>,
    /// Endings a known word may take that the dictionary's affix rules lack (`copulas.txt`).
    copulas: Vec<Ending>,
    /// Pronouns with "de" written joined ("bende" for "ben de"), told from the locative ("bende"
    /// = "on me") by a verb of the pronoun's person later in the clause.
    pronouns: WordTable<Pronoun>,
    /// `ambiguous.txt`: a word, its correction, and the beginnings of the next word that make it
    /// right as written.
    ambiguous: WordTable<Ambiguous>,
    /// Judgements already made: comments repeat their words, and an unknown word costs dozens of
    /// dictionary look-ups. Emptied when full, so memory stays bounded.
    cache: Memo<(String, bool), Judgement>,
    /// Whether the dictionary knows a word as written, or with Turkish letters, asked again and
    /// again of the same words.
    known: Memo<String, bool>,
    known_with_letters: Memo<String, bool>,
    /// The word with its missing Turkish letters restored, for words typed with some of them.
    restored: Memo<String, Option<String>>,
    /// A name's ending marked with its apostrophe ("Adanada" → "Adana'da"): names recur, and each
    /// costs dozens of look-ups.
    marked_names: Memo<String, Option<String>>,
    /// The case endings of [`NAME_ENDINGS_WRITTEN_BY_SOUND`], read.
    name_endings: Vec<Ending>,
}

/// Answers already given, emptied when full so memory stays bounded. A poisoned lock only means
/// another thread panicked mid-insert: what it holds are still answers, so it is used as it is.
struct Memo<K, V> {
    map: Mutex<FxHashMap<K, V>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo { map: Mutex::new(FxHashMap::default()) }
    }
}

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    fn get_or_insert_with(&self, key: K, answer: impl FnOnce() -> V) -> V {
        if let Some(known) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return known.clone();
        }
        let value = answer();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CACHE_WORDS {
            map.clear();
        }
        map.insert(key, value.clone());
        value
    }
}

/// A pronoun and "de" written as one word, and the endings of the verbs that agree with it.
#[derive(Debug, Clone)]
struct Pronoun {
    correction: String,
    verb_endings: Vec<String>,
}

/// Entries keyed by a word in lower case, asked of every known word of a comment: the lengths of
/// the keys are kept, so most words are ruled out without lowering them.
#[derive(Debug)]
struct WordTable<T> {
    entries: FxHashMap<String, T>,
    letters: Vec<usize>,
}

impl<T> WordTable<T> {
    fn new(entries: FxHashMap<String, T>) -> Self {
        let mut letters: Vec<usize> = entries.keys().map(|key| key.chars().count()).collect();
        letters.sort_unstable();
        letters.dedup();
        WordTable { entries, letters }
    }

    /// The entry of a word in any case.
    fn get(&self, word: &str) -> Option<&T> {
        if !self.letters.contains(&word.chars().count()) {
            return None;
        }
        self.entries.get(&lower(word))
    }
}

/// A word right in one construction and a misspelling elsewhere ("tabi").
#[derive(Debug)]
struct Ambiguous {
    correction: String,
    right_before: Vec<String>,
    /// Endings of the word before that make it right where it ends its clause.
    right_at_end_after: Vec<String>,
}

/// A word written apart that careless writers join to the word before it.
#[derive(Debug, Clone)]
struct Particle {
    word: String,
    /// Endings of the word before after which the joined form is a suffix, not the particle
    /// ("evdeki", "seninki").
    not_after: Vec<String>,
    /// Joined, it may also be a form the dictionary lacks ("de": "polaritede"): weaker evidence.
    weak: bool,
}

impl fmt::Debug for SpellingModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpellingModel")
            .field("certain", &self.certain.len())
            .field("published", &self.published.len())
            .field("rewrites", &self.rewrites.len())
            .field("particles", &self.particles.len())
            .finish_non_exhaustive()
    }
}

/// The text files of a spelling model, by role.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct SpellingFiles<'a> {
    pub aff: &'a str,
    pub dic: &'a str,
    pub corrections: Option<&'a str>,
    pub misspellings: Option<&'a str>,
    pub published: &'a [&'a str],
    pub rewrites: Option<&'a str>,
    pub particles: Option<&'a str>,
    pub separate: Option<&'a str>,
    pub pronouns: Option<&'a str>,
    pub suffixes: Option<&'a str>,
    pub ambiguous: Option<&'a str>,
    pub copulas: Option<&'a str>,
}

/// A file of the model that does not read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpellingFileError {
    /// Which file: `dictionary`, `corrections`, `published`, `rewrites` or `particles`.
    pub file: &'static str,
    /// Which of the published files, for `published`.
    pub index: usize,
    pub line: usize,
    pub message: String,
}

/// How a misspelling is known, from the surest to the least sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Kind {
    /// In the project's own list (`corrections.txt`): chat-speak, words written together.
    Listed,
    /// In the project's list of misspellings careful writers make too (`misspellings.txt`:
    /// "herkez", "süpriz").
    Misspelling,
    /// A consonant that disagrees with its neighbour where the word with it agreeing is known
    /// ("etdim" → "ettim", "sebebten" → "sebepten"): a suffix spelled as it is named, not as it
    /// sounds.
    Assimilation,
    /// Letters repeated for emphasis ("çoook").
    Emphasis,
    /// A colloquial ending (`rewrites.txt`: "diyo").
    Colloquial,
    /// A particle joined to its word (`particles.txt`: "gelecekmi").
    Joined,
    /// "de/da" joined to its word where the dictionary lacks the joined form ("gidincede",
    /// "anlatsada"); also how a locative it lacks looks ("polaritede"), so weaker.
    JoinedDe,
    /// A noun joined to "etmek" or "olmak" where the rules write it apart ("farkettim",
    /// "varolan"): edited text slips here too.
    JoinedVerb,
    /// In a published list of misspellings (`corrections-*.txt`), which also holds typos.
    Published,
    /// A word the rules always write apart (`separate.txt`: "ne", "her", "hiç") written together
    /// with the next ("negüzel", "hertürlü").
    Glued,
    /// Two words the dictionary knows written as one ("ülkefakirlerin"); also how compounds the
    /// dictionary lacks look ("yıldızışığının"), so weak evidence.
    Compound,
    /// Two words written apart that the rules write as one (listed: "hiç bir" → "hiçbir"), or a
    /// suffix written apart after a mention or hashtag ("@ali nin", where an apostrophe would
    /// break the link): mistakes careful writers make too.
    Apart,
    /// A suffix written apart after an acronym ("AKP yi", "ysk nin"), or a chain of suffixes cut
    /// off its word ("Suriye liydi"): no edited sentence does it.
    SuffixApart,
    /// A case or derivational suffix written apart from a word or name ("insanlar ın", "Caner
    /// in"): a word cut in two, which careful writers do not do.
    Detached,
    /// A name with its case ending joined without the apostrophe the rules put there
    /// ("Volkandan" → "Volkan'dan", "Ankarada" → "Ankara'da").
    NameSuffix,
    /// Letters hit at random, no vowel among them ("sjsjdj", "ksksksk"): laughter or
    /// exasperation typed as keyboard mash.
    Mash,
    /// The vowel of a word's last syllable left out, as chat types it ("sevmedm", "geldm" for
    /// "sevmedim", "geldim").
    Abbreviated,
    /// Not in the dictionary, no correction known.
    Unknown,
}

impl Kind {
    pub(crate) const ALL: [Kind; 18] = [
        Kind::Listed,
        Kind::Misspelling,
        Kind::Assimilation,
        Kind::Emphasis,
        Kind::Colloquial,
        Kind::Joined,
        Kind::JoinedDe,
        Kind::JoinedVerb,
        Kind::Published,
        Kind::Glued,
        Kind::Compound,
        Kind::Apart,
        Kind::SuffixApart,
        Kind::Detached,
        Kind::NameSuffix,
        Kind::Mash,
        Kind::Abbreviated,
        Kind::Unknown,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Listed => "listed",
            Kind::Misspelling => "misspelling",
            Kind::Assimilation => "assimilation",
            Kind::Emphasis => "emphasis",
            Kind::Colloquial => "colloquial",
            Kind::Joined => "joined",
            Kind::JoinedDe => "joined-de",
            Kind::JoinedVerb => "joined-verb",
            Kind::Published => "published",
            Kind::Glued => "glued",
            Kind::Compound => "compound",
            Kind::Apart => "apart",
            Kind::SuffixApart => "suffix-apart",
            Kind::Detached => "detached",
            Kind::NameSuffix => "name-suffix",
            Kind::Mash => "mash",
            Kind::Abbreviated => "abbreviated",
            Kind::Unknown => "unknown",
        }
    }
}

/// What the model says of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Judgement {
    /// The dictionary knows it.
    Known,
    /// A misspelling, how it is known, and its correction where one is known ("herkez" → "herkes").
    Misspelled(Kind, Option<String>),
    /// The dictionary does not know it and no correction is known: a misspelling, or a name or
    /// word the dictionary lacks.
    Unknown,
}

impl SpellingModel {
    pub(crate) fn parse(files: SpellingFiles<'_>) -> Result<Self, SpellingFileError> {
        let dictionary = spellbook::Dictionary::new(files.aff, files.dic)
            .map_err(|e| SpellingFileError { file: "dictionary", index: 0, line: 0, message: e.to_string() })?;
        let certain = files.corrections.map(|c| pairs(c, "corrections")).transpose()?.unwrap_or_default();
        let misspellings = files.misspellings.map(|c| pairs(c, "misspellings")).transpose()?.unwrap_or_default();
        let mut published = FxHashMap::default();
        for (index, file) in files.published.iter().enumerate() {
            let pairs = pairs(file, "published").map_err(|e| SpellingFileError { index, ..e })?;
            for (from, to) in pairs {
                published.entry(from).or_insert(to);
            }
        }
        // An ending may have several written forms ("ıcak": "acak" in "yapıcak", "ayacak" in
        // "karşılıcak"), tried in the file's order.
        let mut rewrites: Vec<(String, String)> = files.rewrites.map(|c| pair_lines(c, "rewrites")).transpose()?.unwrap_or_default();
        // The longest ending first: "yorsun" is tried before "yo"; the sort keeps the file's order
        // among the forms of one ending.
        rewrites.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then_with(|| a.0.cmp(&b.0)));
        let mut particles: Vec<Particle> = files
            .particles
            .map(lines)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, l)| {
                let mut fields = l.split('\t');
                let word = lower(fields.next().unwrap_or("").trim());
                let not_after = fields.next().unwrap_or("").split_whitespace().map(lower).collect();
                let weak = fields.next().is_some_and(|f| f.trim() == "weak");
                Particle { word, not_after, weak }
            })
            .collect();
        particles.sort_by(|a, b| b.word.chars().count().cmp(&a.word.chars().count()).then_with(|| a.word.cmp(&b.word)));
        let separate = files.separate.map(lines).unwrap_or_default().into_iter().map(|(_, l)| lower(l.trim())).collect();
        let mut pronouns = FxHashMap::default();
        for (line, text) in files.pronouns.map(lines).unwrap_or_default() {
            let fields = tab_fields(text, "pronouns", line, 3, "joined<TAB>correction<TAB>verb endings")?;
            let verb_endings = fields[2].split_whitespace().map(lower).collect();
            pronouns.insert(lower(fields[0].trim()), Pronoun { correction: fields[1].trim().to_string(), verb_endings });
        }
        let suffix_lines: Vec<String> = files.suffixes.map(lines).unwrap_or_default().into_iter().map(|(_, l)| lower(l.trim())).collect();
        let suffixes_never_words = suffix_lines.iter().filter_map(|l| l.strip_prefix('!')).map(str::to_string).collect();
        let suffixes = suffix_lines.iter().map(|l| l.trim_start_matches('!').to_string()).collect();
        let mut copulas = Vec::new();
        for (line, text) in files.copulas.map(lines).unwrap_or_default() {
            let ending = Ending::parse(text).ok_or_else(|| SpellingFileError {
                file: "copulas",
                index: 0,
                line,
                message: format!("\"{}\" is no ending: lower-case letters and D, I, A, (y)", text.trim()),
            })?;
            copulas.push(ending);
        }
        let mut ambiguous = FxHashMap::default();
        for (line, text) in files.ambiguous.map(lines).unwrap_or_default() {
            let fields = tab_fields(text, "ambiguous", line, 3, "word<TAB>correction<TAB>beginnings of the next word[<TAB>endings of the word before]")?;
            let words = |at: usize| fields.get(at).copied().unwrap_or_default().split_whitespace().map(lower).collect();
            let entry = Ambiguous { correction: fields[1].trim().to_string(), right_before: words(2), right_at_end_after: words(3) };
            ambiguous.insert(lower(fields[0].trim()), entry);
        }
        Ok(SpellingModel {
            dictionary,
            certain,
            misspellings,
            published,
            rewrites,
            particles,
            separate,
            ambiguous: WordTable::new(ambiguous),
            pronouns: WordTable::new(pronouns),
            suffixes,
            suffixes_never_words,
            copulas,
            cache: Memo::default(),
            known: Memo::default(),
            known_with_letters: Memo::default(),
            restored: Memo::default(),
            marked_names: Memo::default(),
            vowel_harmony: files.aff.lines().any(|line| line.trim_start().starts_with("LANG tr")),
            name_endings: NAME_ENDINGS_WRITTEN_BY_SOUND.iter().filter_map(|e| Ending::parse(e)).collect(),
        })
    }

    /// The dictionary knows the word as written, or, written in lower case, with a capital or in
    /// capitals (a name or acronym typed in lower case is careless with capitals, not with
    /// spelling); â, î and û may be written as a, i and u ("resmî", "hâlâ").
    pub(crate) fn knows(&self, word: &str) -> bool {
        let checker = self.dictionary.checker().check_lower_as_title(true).check_lower_as_upper(true);
        checker.check(word)
            || word.contains(['â', 'î', 'û', 'Â', 'Î', 'Û']) && checker.check(&word.chars().map(without_circumflex).collect::<String>())
            || !self.copulas.is_empty() && self.known_with_copula(&lower(word), |stem| checker.check(stem))
    }

    /// A known word followed by one of `copulas.txt`'s endings, written as its sounds demand
    /// ("müfreze" + "DIr" is "müfrezedir"; "atmış" + "(y)DI" is "atmıştı", so "atmışdı" is not).
    fn known_with_copula(&self, lowered: &str, known: impl Fn(&str) -> bool) -> bool {
        let letters: Vec<(usize, char)> = lowered.char_indices().collect();
        self.copulas.iter().any(|ending| {
            ending.lengths().any(|length| {
                let Some(&(at, _)) = letters.len().checked_sub(length).filter(|stem| *stem >= COPULA_STEM).and_then(|stem| letters.get(stem)) else {
                    return false;
                };
                let (stem, written) = lowered.split_at(at);
                ending.after(stem).is_some_and(|expected| expected == written) && known(stem)
            })
        })
    }

    /// Judges one word as the writer typed it (Turkish letters restored first, where the comment
    /// is Turkish). A correction keeps the word's capitals. `may_be_name`: the word is capitalised
    /// inside a sentence, so only the project's own corrections and emphasis make it misspelled
    /// ("Gecek" is a name, not "Gerçek").
    pub(crate) fn judge(&self, word: &str, may_be_name: bool) -> Judgement {
        if too_long(word) {
            return Judgement::Unknown;
        }
        self.cache.get_or_insert_with((word.to_string(), may_be_name), || self.judge_uncached(word, may_be_name))
    }

    /// The dictionary knows the word in lower case as a word of its own, not only as a name
    /// written with a capital ("hatay" is only "Hatay"; "video" is a word).
    pub(crate) fn knows_in_lower_case(&self, word: &str) -> bool {
        !too_long(word) && self.dictionary.check(word)
    }

    /// [`SpellingModel::knows`], remembered.
    pub(crate) fn knows_remembered(&self, word: &str) -> bool {
        !too_long(word) && self.known.get_or_insert_with(word.to_string(), || self.knows(word))
    }

    /// The dictionary knows a lower-case ASCII word once some of its c, g, i, o, s, u are made
    /// Turkish letters (for words with at most [`VARIANT_POSITIONS`] such letters): "yalniz" is
    /// "yalnız" typed without its letters, not a misspelling.
    pub(crate) fn knows_with_turkish_letters(&self, word: &str) -> bool {
        !too_long(word) && self.known_with_letters.get_or_insert_with(word.to_string(), || with_turkish_letters(word).any(|v| self.knows(&v)))
    }

    /// The word the dictionary knows that `word` is with some of its Turkish letters typed
    /// plain ("cıkıyor", "kücük": the writer typed "ı", "ü" and left out "ç"); the one with the
    /// fewest letters changed. A correction to offer, not a judgement.
    pub(crate) fn with_missing_letters(&self, word: &str) -> Option<String> {
        if too_long(word) {
            return None;
        }
        self.restored.get_or_insert_with(word.to_string(), || {
            let lowered = lower(word);
            let changed = |variant: &String| variant.chars().zip(lowered.chars()).filter(|(a, b)| a != b).count();
            with_turkish_letters(&lowered).filter(|v| self.knows(v)).min_by_key(changed).map(|v| recase(word, &v))
        })
    }

    fn judge_uncached(&self, word: &str, may_be_name: bool) -> Judgement {
        let lowered = lower(word);
        if let Some((correction, kind)) = self.listed(&lowered) {
            return Judgement::Misspelled(kind, Some(recase(word, correction)));
        }
        if self.knows(word) || mixed_case(word) && self.knows(&lowered) {
            return Judgement::Known;
        }
        // A number written out in one word ("doksaniki", "birbuçuk", "ikibinüç"): the rules write
        // it apart, but edited text writes it joined (180 in the treebanks and Wikipedia, 16 in
        // all the tweets), so it is no sign of careless writing, nor "doksanı ki".
        if self.is_number_written_out(&lowered) {
            return Judgement::Known;
        }
        let tripled = has_run(&lowered, EMPHASIS_RUN);
        if tripled {
            let squeezed = squeeze_emphasis(&lowered, false);
            let known = squeezed.iter().find(|s| self.knows(s) || self.listed(s).is_some());
            let corrected = known.map(|s| self.listed(s).map_or_else(|| s.clone(), |(c, _)| c.to_string()));
            return Judgement::Misspelled(Kind::Emphasis, corrected.map(|c| recase(word, &c)));
        }
        // Letters repeated for emphasis were judged above: "çokkkkk" is "çok", not mash.
        if lowered == word && is_mash(&lowered) || is_capitalised_mash(&lowered) {
            return Judgement::Misspelled(Kind::Mash, None);
        }
        // A capitalised word inside a sentence the dictionary lacks may be a name ("Gecek", "Bill").
        if may_be_name {
            return Judgement::Unknown;
        }
        // A doubled last letter is emphasis where the word without it is one ("yaa", "selamlarr");
        // only in lower case, where it is no name ("Penn").
        // With a vowel: "pkk" is an acronym in lower case, not "pk" stretched.
        let emphasised = if lowered == word && lowered.chars().any(is_vowel) { squeeze_emphasis(&lowered, true) } else { Vec::new() };
        if let Some(squeezed) = emphasised.into_iter().find(|s| *s != lowered && s.chars().count() > 1 && self.knows(s)) {
            let corrected = self.listed(&squeezed).map_or(squeezed.clone(), |(c, _)| c.to_string());
            return Judgement::Misspelled(Kind::Emphasis, Some(corrected));
        }
        // The last vowel doubled for emphasis ("yook", "ediin", "güzeel"), where the word
        // with it once is one: Turkish doubles a vowel only in loanwords ("saat", "kooperatif"),
        // which the dictionary knows as they are. Arabic loanwords keep "ii" in forms the
        // dictionary lacks, but before another vowel ("mevkiindeki", "sanayiine") or at the end
        // ("mercii"), where it is not taken for emphasis.
        if lowered == word {
            if let Some(single) = doubled_vowels_once(&lowered).find(|s| s.chars().count() > 1 && self.knows(s)) {
                let corrected = self.listed(&single).map_or(single.clone(), |(c, _)| c.to_string());
                return Judgement::Misspelled(Kind::Emphasis, Some(corrected));
            }
        }
        if let Some((correction, kind)) = self.listed_with_suffix(&lowered) {
            return Judgement::Misspelled(kind, Some(recase(word, &correction)));
        }
        if let Some(rewritten) = self.rewrite(&lowered) {
            return Judgement::Misspelled(Kind::Colloquial, Some(recase(word, &rewritten)));
        }
        if let Some(spelled_out) = self.last_vowel_left_out(&lowered) {
            return Judgement::Misspelled(Kind::Abbreviated, spelled_out.map(|s| recase(word, &s)));
        }
        if let Some(spelled_out) = self.ne_contracted(&lowered) {
            return Judgement::Misspelled(Kind::Listed, Some(recase(word, &spelled_out)));
        }
        if let Some(corrected) = self.particle_after_verb_form(&lowered).or_else(|| self.particle_after_locative(&lowered)) {
            return Judgement::Misspelled(Kind::Joined, Some(recase(word, &corrected)));
        }
        for particle in &self.particles {
            let Some(stem) = lowered.strip_suffix(particle.word.as_str()) else { continue };
            // A genitive after a possessive ("ikisinin", "hepsinin") takes no case ending: "de"
            // after it is the particle, written joined ("ikisininde" is "ikisinin de").
            if particle.weak && GENITIVES_OF_POSSESSIVE.iter().any(|ending| stem.ends_with(ending)) && self.knows(stem) {
                return Judgement::Misspelled(Kind::Joined, Some(recase(word, &format!("{stem} {}", particle.word))));
            }
            if stem.chars().count() < PARTICLE_STEM {
                continue;
            }
            // The particle after chat-speak or a spoken ending ("tabikide", "burdada", "oluyoda") is
            // careless as its word is: the word's kind, corrected with the particle apart. Neither
            // is a noun taking a case ending, which is what `not_after` guards against.
            if let Some((correction, kind)) = self.listed(stem).filter(|(_, kind)| *kind == Kind::Listed) {
                return Judgement::Misspelled(kind, Some(recase(word, &format!("{correction} {}", particle.word))));
            }
            let known = self.knows(stem);
            if !known {
                if let Some(rewritten) = self.rewrite(stem) {
                    return Judgement::Misspelled(Kind::Colloquial, Some(recase(word, &format!("{rewritten} {}", particle.word))));
                }
            }
            if particle.not_after.iter().any(|ending| stem.ends_with(ending.as_str())) {
                continue;
            }
            // "azaldığımı" is "azaldığım" with its object ending, not "azaldığı mı". A verb in the
            // past ("geldi", "oldu") takes no object ending: "geldimi" is "geldi mi" though the
            // dictionary knows "geldim".
            let mut without_last = lowered.chars();
            without_last.next_back();
            if !self.is_past_verb(stem) && self.knows(without_last.as_str()) {
                continue;
            }
            if self.is_possessive_with_object(stem, &particle.word) {
                continue;
            }
            if known {
                // After an object ending of the third person or "kendi" ("sesini", "ikisini",
                // "kendini"), "de" is no locative, which would be "sesinde": the conjunction, sure.
                let object_of_possessive = {
                    let mut tail = stem.chars().rev();
                    matches!((tail.next(), tail.next()), (Some('ı' | 'i' | 'u' | 'ü'), Some('n')))
                };
                // Nor after a verb in the past ("geldide", "aldıda"), which takes no case ending.
                let kind = if particle.weak && !object_of_possessive && !self.is_past_verb(stem) {
                    // After a word's object or possessive ending ("muhalefetide", "danalarıda"),
                    // whose locative would have an "n" ("muhalefetinde"), it is the conjunction too;
                    // unless the word before is a noun of its own, which takes a plural ("tutu",
                    // "satı": "tutuda" is its locative). Edited text slips so (2 Wikipedia
                    // sentences): a misspelling careful writers make, not chat-speak.
                    let plural = match self.known_word_before_vowel(stem) {
                        Some((_, 'ı' | 'u')) => Some("lar"),
                        Some(_) => Some("ler"),
                        None => None,
                    };
                    let possessive = plural.is_some_and(|plural| !self.knows(&format!("{stem}{plural}")));
                    // A name ("Gutada", or typed in lower case, "türkiyede") takes the locative.
                    let dative = lowered == word && self.knows_in_lower_case(stem) && self.is_dative(stem);
                    if possessive || dative { Kind::Misspelling } else { Kind::JoinedDe }
                } else {
                    Kind::Joined
                };
                return Judgement::Misspelled(kind, Some(recase(word, &format!("{stem} {}", particle.word))));
            }
        }
        // A plural's endings standing alone ("tv lere", "lerini") were cut off a word: the published
        // guess at a word they resemble ("ellere", "ellerini") is no correction.
        let cut_off_plural = lowered.starts_with("ler") || lowered.starts_with("lar");
        if lowered.chars().count() >= PUBLISHED_MIN_LETTERS && !cut_off_plural {
            if let Some(correction) = self.published.get(&lowered) {
                if correction.split(' ').all(|w| self.knows(w)) {
                    // Typed with some Turkish letters and not others ("yapmıs", "görüsmek"), the
                    // word with them restored is surer than the published guess ("yazmış",
                    // "görülmek").
                    let corrected = self.with_missing_letters(word).unwrap_or_else(|| recase(word, correction));
                    return Judgement::Misspelled(Kind::Published, Some(corrected));
                }
            }
        }
        // Before words written together: "korumuşdur" is "korumuştur", not "korumuş" and "dur";
        // "farkettim" is "fark ettim", a mistake of its own.
        if lowered == word {
            if let Some(corrected) = unassimilated(&lowered).find(|v| self.knows(v)) {
                return Judgement::Misspelled(Kind::Assimilation, Some(corrected));
            }
            if let Some((noun, verb)) = self.light_verb_joined(&lowered) {
                return Judgement::Misspelled(Kind::JoinedVerb, Some(format!("{noun} {verb}")));
            }
        }
        // Only in lower case: "Birsel" is a name, not "bir sel".
        if let Some((left, right)) = self.glued(&lowered).filter(|_| lowered == word) {
            // A compound the dictionary lacks splits into words as well ("fenerbahçe" is not
            // "fener bahçe"): its split is no correction to offer.
            return match self.separate.contains(left) {
                true => Judgement::Misspelled(Kind::Glued, Some(recase(word, &format!("{left} {right}")))),
                false => Judgement::Misspelled(Kind::Compound, None),
            };
        }
        if let Some(correction) = (lowered == word).then(|| self.glued_without_letters(&lowered)).flatten() {
            return Judgement::Misspelled(Kind::Glued, Some(correction));
        }
        Judgement::Unknown
    }

    /// A word always written apart joined to the next, one of the two typed without some of its
    /// Turkish letters ("icinistemedigin" is "için istemediğin", "degilgüclü" "değil güçlü"): the
    /// same mistake as "negüzel", which [`Self::glued`] finds where both are typed with their
    /// letters. Not where the whole is a word typed without its letters ("hicbir" is "hiçbir"),
    /// and only with a first word of three letters or more and a second of four (or one of
    /// `separate.txt`, "icincok"): restoring letters makes more splits, and shorter parts split
    /// names typed in lower case ("hoscan", no "hoş can").
    fn glued_without_letters(&self, lowered: &str) -> Option<String> {
        // Nor where the whole, its letters restored, is a listed misspelling: "hoşcakal" is
        // "hoşça kal", not "hoş çakal".
        if self.with_missing_letters(lowered).is_some() || with_turkish_letters(lowered).any(|variant| self.listed(&variant).is_some()) {
            return None;
        }
        let longest_separate = self.separate.iter().map(|w| w.chars().count()).max().unwrap_or_default();
        lowered.char_indices().skip(GLUED_PART).take((longest_separate + 1).saturating_sub(GLUED_PART)).find_map(|(at, _)| {
            let (left, right) = lowered.split_at(at);
            if left.chars().count() < GLUED_FIRST_WORD {
                return None;
            }
            let as_known = |part: &str| if self.knows(part) { Some(part.to_string()) } else { self.with_missing_letters(part) };
            let first = as_known(left).filter(|first| self.separate.contains(first))?;
            // A shorter second word only where it is one always written apart too ("icincok").
            let second = as_known(right).filter(|second| second.chars().count() >= GLUED_SECOND_WITHOUT_LETTERS || self.separate.contains(second))?;
            // Both typed with their letters is `glued`'s case, judged before.
            (first != left || second != right).then(|| format!("{first} {second}"))
        })
    }

    /// "bende" written for "ben de": the correction when one of the words after it in its clause
    /// is a verb of the pronoun's person ("bende bilmiyorum"), not where it is the locative
    /// ("kitap bende kalsın").
    pub(crate) fn pronoun_with_de<'w>(&self, word: &str, rest_of_clause: impl Iterator<Item = &'w str>) -> Option<String> {
        let pronoun = self.pronouns.get(word)?;
        let mut rest = rest_of_clause.map(lower);
        rest.any(|w| pronoun.verb_endings.iter().any(|ending| w.len() > ending.len() && w.ends_with(ending.as_str())))
            .then(|| recase(word, &pronoun.correction))
    }

    /// A particle joined to a verb form after which it can only be the particle: "de/da" after
    /// the present in -yor ("görüyorda", "bakıyorumda"), the converbs in -ıp and -arak
    /// ("bakıpta", "olarakta"), which take no case ending; "ki" after a verb of the second person
    /// ("biliyorsunki", "görürsünki"), whose ending looks like a genitive's ("onunki"), so
    /// `particles.txt` leaves it alone. "de" written "ta/te", as said after a voiceless
    /// consonant, is corrected with its "d" and its vowel by harmony.
    fn particle_after_verb_form(&self, lowered: &str) -> Option<String> {
        PARTICLES_AFTER_VERB_FORMS.iter().find_map(|(written, endings, particle)| {
            let stem = written.iter().find_map(|p| lowered.strip_suffix(p))?;
            let verb_form = endings.iter().any(|ending| stem.ends_with(ending)) && stem.chars().count() >= 5;
            if !verb_form || !self.knows(stem) {
                return None;
            }
            let back = stem.chars().rev().find(|c| is_vowel(*c)).is_some_and(|v| "aıou".contains(v));
            let particle = match *particle {
                "de" if back => "da",
                other => other,
            };
            Some(format!("{stem} {particle}"))
        })
    }

    /// "de/da" joined after a pronoun's locative ("bendede", "sizdede", "onlardada" for "bende de",
    /// "sizde de", "onlarda da"): no word ends in two locatives, so it can only be the conjunction,
    /// and chat writes "ben de" so. After a noun's locative ("yılındada", "sayıdada") careful
    /// writers slip too (3 Wikipedia sentences): that stays a weak `joined-de`.
    fn particle_after_locative(&self, lowered: &str) -> Option<String> {
        let (locative, particle) = ["de", "da"].iter().find_map(|&particle| Some((lowered.strip_suffix(particle)?, particle)))?;
        let agrees = locative.chars().last() == particle.chars().last();
        // The pronouns' locatives are `pronouns.txt`'s words ("bende", "onlarda", "onda").
        (agrees && self.pronouns.get(locative).is_some()).then(|| format!("{locative} {particle}"))
    }

    /// "hanumanımı" is "hanuman" with "-ım" (my) and the object ending "-ı", not "hanumanı mı":
    /// the word before "mı" ends in the particle's own vowel after a known word of four letters
    /// or more ending in a consonant ([`SpellingModel::known_word_before_vowel`]; "senimi" is
    /// "seni mi": pronouns take no "my"). The check above catches the possessive where the
    /// dictionary knows it ("azaldığım"); for rarer nouns it lacks the possessive though it knows
    /// the noun. "güzelmi" (no vowel between) stays "güzel mi".
    fn is_possessive_with_object(&self, stem: &str, particle: &str) -> bool {
        let mut particle_letters = particle.chars();
        let (Some('m'), Some(vowel @ ('ı' | 'i' | 'u' | 'ü')), None) = (particle_letters.next(), particle_letters.next(), particle_letters.next()) else {
            return false;
        };
        let Some(noun) = self.known_word_before_vowel(stem).filter(|(noun, before)| *before == vowel && noun.chars().count() >= 4).map(|(noun, _)| noun) else {
            return false;
        };
        if self.is_past_verb(stem) {
            return false;
        }
        // A word already ending in "your" or a genitive takes no "my": "cezasınımı" is "cezasını
        // mı", "verdiğinizimi" is "verdiğinizi mi" ("hanuman" ends so as a root).
        let genitive_or_yours = ["n", "ın", "in", "un", "ün", "nız", "niz", "nuz", "nüz", "ınız", "iniz", "unuz", "ünüz"]
            .iter()
            .any(|ending| noun.strip_suffix(ending).is_some_and(|before| before.chars().count() >= PARTICLE_STEM && self.knows(before)));
        !genitive_or_yours
    }

    /// `stem` as a known word of at least [`PARTICLE_STEM`] letters ending in a consonant,
    /// softened or not, and the vowel "ı/i/u/ü" after it: "muhalefeti" is "muhalefet" and "i",
    /// "sakınganlığı" is "sakınganlığ" (from "sakınganlık") and "ı". Such a vowel is the word's
    /// object or possessive ending, or a word of its own ("tutu"): callers tell which.
    fn known_word_before_vowel<'s>(&self, stem: &'s str) -> Option<(&'s str, char)> {
        let vowel = stem.chars().last().filter(|c| matches!(c, 'ı' | 'i' | 'u' | 'ü'))?;
        let noun = &stem[..stem.len() - vowel.len_utf8()];
        let last = noun.chars().last().filter(|c| !is_vowel(*c))?;
        if noun.chars().count() < PARTICLE_STEM {
            return None;
        }
        let unsoftened = || endings::hardened(last).is_some_and(|hard| self.knows(&format!("{}{hard}", &noun[..noun.len() - last.len_utf8()])));
        (self.knows(noun) || unsoftened()).then_some((noun, vowel))
    }

    /// The word is a known word's dative ("gençlere", "buraya", "resmine"): after it
    /// "de" is the conjunction, as no word takes the locative after the dative. A noun of its own
    /// ending so would be read as one too ("vara" in "varada mudra", a Sanskrit term in a
    /// Wikipedia sentence, is no "var" with the dative), so only a word of four letters or more
    /// before the ending counts ("buraya", "resmine"; not "adaya"), and the caller weighs it as a
    /// misspelling careful writers make, not as chat-speak.
    fn is_dative(&self, stem: &str) -> bool {
        let Some(vowel) = stem.chars().last().filter(|c| matches!(c, 'e' | 'a')) else { return false };
        let before = &stem[..stem.len() - vowel.len_utf8()];
        let harmonises = |word: &str| {
            word.chars().rev().find(|c| is_vowel(*c)).is_some_and(|last| "eiöü".contains(last) == (vowel == 'e'))
        };
        let known = |word: &str| word.chars().count() >= 4 && harmonises(word) && self.knows(word);
        // After a vowel the dative takes a "y" ("buraya"), after the third person's "-(s)ı" an "n"
        // ("resmine"); after a consonant none ("gençlere").
        match before.chars().last() {
            Some('y' | 'n') if before.chars().rev().nth(1).is_some_and(is_vowel) => {
                let buffer = before.chars().last().map_or(0, char::len_utf8);
                known(&before[..before.len() - buffer]) || before.ends_with('n') && known(before)
            }
            Some(last) if !is_vowel(last) => known(before),
            _ => false,
        }
    }

    /// A verb in the past, third person singular ("geldi", "oldu"): its stem is known with an
    /// infinitive ending ("gelmek"). "kasveti" ends the same way but is a noun's ("kasvemek" is no
    /// verb).
    pub(crate) fn is_past_verb(&self, word: &str) -> bool {
        let word = lower(word);
        PAST_ENDINGS.iter().any(|ending| {
            word.strip_suffix(ending).is_some_and(|verb| {
                // -tı after a voiceless consonant only ("gitti"), -dı elsewhere ("geldi"):
                // "tanıtı" is no past of "tanımak".
                let voiceless = verb.chars().last().is_some_and(is_voiceless);
                voiceless == ending.starts_with('t') && ["mak", "mek"].iter().any(|infinitive| self.knows(&format!("{verb}{infinitive}")))
            })
        })
    }

    /// The word is in `ambiguous.txt`: whether it is misspelled depends on the next word.
    pub(crate) fn is_ambiguous(&self, word: &str) -> bool {
        self.ambiguous.get(word).is_some()
    }

    /// The correction of an ambiguous word (see [`SpellingModel::is_ambiguous`]) unless the next
    /// word of its clause begins as the right meaning's construction does ("tabi olmak"), or it
    /// ends its clause after a word ending as that construction's does ("vizeye tabi.").
    pub(crate) fn ambiguous_correction(&self, word: &str, before: Option<&str>, next: Option<&str>) -> Option<String> {
        let entry = self.ambiguous.get(word)?;
        let right = match next.map(lower) {
            Some(next) => entry.right_before.iter().any(|beginning| next.starts_with(beginning.as_str())),
            None => before.map(lower).is_some_and(|before| entry.right_at_end_after.iter().any(|ending| before.ends_with(ending.as_str()))),
        };
        (!right).then(|| recase(word, &entry.correction))
    }

    /// A capitalised word the dictionary lacks that is a name it knows with a case ending joined
    /// where the rules put an apostrophe: "Volkandan" is "Volkan'dan", since the dictionary knows
    /// "Volkan'dan". The dictionary's own forms of the name decide which endings fit it, so
    /// "Kerime" (a name) is no "Kerim'e" where the dictionary knows "Kerime".
    ///
    /// A name the dictionary lacks counts where `is_name` says it is one (the policy's letters
    /// model, whose corpus writes it with a capital: "Volkan") and the ending is written as the
    /// name's last vowel and sound demand ("Volkan" + "DAn" is "dan"): `is_name` must answer the
    /// same for every call on this model, as the answers are remembered.
    pub(crate) fn name_without_apostrophe(&self, word: &str, is_name: impl Fn(&str) -> bool) -> Option<String> {
        if too_long(word) {
            return None;
        }
        self.marked_names.get_or_insert_with(word.to_string(), || {
            self.known_name_without_apostrophe(word).or_else(|| name_with_ending(word, &self.name_endings, is_name))
        })
    }

    fn known_name_without_apostrophe(&self, word: &str) -> Option<String> {
        let letters: Vec<(usize, char)> = word.char_indices().collect();
        if letters.len() < NAME_STEM + 1 || !letters[0].1.is_uppercase() || letters[1..].iter().any(|(_, c)| c.is_uppercase()) {
            return None;
        }
        let checker = self.dictionary.checker();
        NAME_ENDINGS.iter().find_map(|ending| {
            let stem = word.strip_suffix(ending)?;
            // "-iye" makes names of its own ("Safeviye", "Hayriye"), not "Safevi'ye".
            if *ending == "ye" && stem.ends_with('i') {
                return None;
            }
            let marked = format!("{stem}'{ending}");
            (stem.chars().count() >= NAME_STEM && checker.check(stem) && checker.check(&marked)).then_some(marked)
        })
    }

    /// The word is two or more number words written together ("yirmidört", "ikibinüç"), the
    /// last perhaps with a suffix the dictionary knows it with ("yirmibeşinci", "ondokuzda",
    /// "onbeşer").
    fn is_number_written_out(&self, lowered: &str) -> bool {
        let letters: Vec<char> = lowered.chars().collect();
        let counts = number_word_ends(&letters);
        if counts[letters.len()] >= 2 {
            return true;
        }
        // After one number word or more, the rest is a number word with its suffix.
        (1..letters.len()).filter(|&at| counts[at] >= 1).any(|at| {
            let rest = &letters[at..];
            NUMBER_WORDS.iter().any(|n| begins_with_number(rest, n)) && self.knows(&rest.iter().collect::<String>())
        })
    }

    /// The word is a suffix that belongs to the word before it ("ın" in "insanlar ın").
    pub(crate) fn is_suffix(&self, word: &str) -> bool {
        self.suffixes.contains(&lower(word))
    }

    /// The word is two or more suffixes one after another ("lerde": "ler" + "de"; "ların"),
    /// the first of the list: the plural with its case ending written apart after an acronym
    /// ("TV lerde"). The list leaves such chains out, as edited text writes one after a foreign
    /// name ("Hell lerde"); the caller decides where a chain counts.
    pub(crate) fn is_suffix_chain(&self, word: &str) -> bool {
        let lowered = lower(word);
        // A long word is no chain, and the split below takes time by the square of its length.
        if lowered.chars().count() > SUFFIX_CHAIN_LETTERS {
            return false;
        }
        let ends: Vec<usize> = lowered.char_indices().map(|(at, _)| at).skip(1).chain([lowered.len()]).collect();
        // splits[i]: the first `ends[i]` bytes are a listed suffix and chained ones after it.
        let mut splits = vec![false; ends.len()];
        for (i, &end) in ends.iter().enumerate() {
            splits[i] = self.suffixes.contains(&lowered[..end])
                || ends[..i].iter().zip(&splits).any(|(&start, &split)| split && self.is_chained_suffix(&lowered[start..end]));
        }
        // Two suffixes at least: the word splits before a chained one at its end.
        let last = lowered.len();
        ends.iter().zip(&splits).any(|(&start, &split)| split && start < last && self.is_chained_suffix(&lowered[start..]))
    }

    /// A suffix after another in a chain: a listed one, the locative, which the list leaves out
    /// as a word ("de", the conjunction) but which ends a chain ("ler" + "de"), or the dative
    /// ("ler" + "e"), too short to stand in the list.
    fn is_chained_suffix(&self, part: &str) -> bool {
        self.suffixes.contains(part) || ["de", "da", "te", "ta", "e", "a"].contains(&part)
    }

    /// The word is a suffix that is no word of its own, though the dictionary knows it as a
    /// letter, a note or a foreign word ("ni", "li", "deki"): apart after any word it joins.
    pub(crate) fn is_suffix_never_a_word(&self, word: &str) -> bool {
        self.suffixes_never_words.contains(&lower(word))
    }

    /// The word may be a pronoun with "de" written joined (see [`SpellingModel::pronoun_with_de`]).
    pub(crate) fn may_be_pronoun_with_de(&self, word: &str) -> bool {
        self.pronouns.get(word).is_some()
    }

    /// The correction of two words written apart that the rules write as one ("hiç bir" →
    /// "hiçbir"), from the project's list.
    /// The second word may carry suffixes ("bir kaçımızı" → "birkaçımızı") where the dictionary
    /// knows the corrected word with them.
    pub(crate) fn phrase(&self, first: &str, second: &str) -> Option<String> {
        let (first, second) = (lower(first), lower(second));
        if let Some((exact, _)) = self.listed(&format!("{first} {second}")) {
            return Some(exact.to_string());
        }
        let ends: Vec<usize> = second.char_indices().map(|(i, _)| i).skip(2).collect();
        ends.into_iter().rev().find_map(|end| {
            let (correction, _) = self.listed(&format!("{first} {}", &second[..end]))?;
            let candidate = format!("{correction}{}", &second[end..]);
            let last = candidate.rsplit(' ').next().unwrap_or(&candidate);
            self.knows(last).then_some(candidate)
        })
    }

    /// A listed misspelling with suffixes after it, corrected where the dictionary knows the
    /// correction's last word with those suffixes ("bişeyler" → "bir şeyler").
    fn listed_with_suffix(&self, lowered: &str) -> Option<(String, Kind)> {
        let ends: Vec<usize> = lowered.char_indices().map(|(i, _)| i).skip(LISTED_STEM).collect();
        ends.into_iter().rev().find_map(|end| {
            let (correction, kind) = self.listed(&lowered[..end])?;
            let candidate = format!("{correction}{}", &lowered[end..]);
            let last = candidate.rsplit(' ').next().unwrap_or(&candidate);
            self.knows(last).then_some((candidate, kind))
        })
    }

    /// The word (any case) is in the project's lists of misspellings: never an acronym, even in
    /// capitals ("HERŞEY", "HEMDE").
    pub(crate) fn is_listed(&self, word: &str) -> bool {
        self.listed(&lower(word)).is_some()
    }

    /// A word (or two) of the project's lists, its correction and its kind.
    fn listed(&self, lowered: &str) -> Option<(&str, Kind)> {
        if let Some(correction) = self.certain.get(lowered) {
            return Some((correction, Kind::Listed));
        }
        self.misspellings.get(lowered).map(|correction| (correction.as_str(), Kind::Misspelling))
    }

    /// Two words the dictionary knows, written as one ("negüzel", "değilzenginlerin"): the
    /// split with the shortest first word.
    fn glued<'w>(&self, lowered: &'w str) -> Option<(&'w str, &'w str)> {
        let bounds: Vec<usize> = lowered.char_indices().map(|(i, _)| i).collect();
        if bounds.len() < 2 * GLUED_PART {
            return None;
        }
        bounds[GLUED_PART..=bounds.len() - GLUED_PART].iter().find_map(|&at| {
            let (left, right) = lowered.split_at(at);
            // "kadarcık" is "kadar" with the diminutive suffix, not "kadar" and "cık".
            let suffix = DIMINUTIVES.contains(&right);
            (!suffix && self.dictionary.check(left) && self.dictionary.check(right)).then_some((left, right))
        })
    }

    /// A noun joined to "etmek" or "edilmek" where it keeps its form ("farkettim", "haketmedi",
    /// "gaspedilen", "terkeden"), or "var"/"yok" to "olmak" ("varolan"): the rules write these
    /// apart, and join only a noun its verb changes ("affetmek", "kaybolmak", "sabretmek"),
    /// whose first part is then no word.
    fn light_verb_joined<'w>(&self, lowered: &'w str) -> Option<(&'w str, &'w str)> {
        let is_form_of_etmek = |verb: &str| {
            verb == "et"
                || ["ett", "etm", "ets", "ede", "edi"].iter().any(|start| verb.starts_with(start))
                    // "ette", "etsiz": meat; "edebi", "edep": literature, manners.
                    && !["ette", "etsiz", "edeb", "edep"].iter().any(|start| verb.starts_with(start))
        };
        lowered.char_indices().skip(3).find_map(|(at, _)| {
            let (noun, verb) = lowered.split_at(at);
            let light = is_form_of_etmek(verb) || matches!(noun, "var" | "yok") && verb.starts_with("ol");
            if !light || !self.dictionary.check(noun) || !self.dictionary.check(verb) {
                return None;
            }
            // Not where the word splits as well after the "et" ("paketsin" is "paket" and "sin",
            // no "pak etsin").
            let after_et = verb.get(2..).unwrap_or_default();
            let splits_after_et = !after_et.is_empty() && self.dictionary.check(&format!("{noun}et")) && self.dictionary.check(after_et);
            (!splits_after_et).then_some((noun, verb))
        })
    }

    /// "ne yap…" and "ne ol…" spoken as one word ("napacak", "napabilirim", "nolsun"), spelled
    /// out where the verb form is one the dictionary knows, or a colloquial one it rewrites.
    /// `corrections.txt` lists the common ones; this finds the rest of the verb's forms.
    fn ne_contracted(&self, lowered: &str) -> Option<String> {
        [("nap", "yap"), ("nol", "ol")].into_iter().find_map(|(spoken, verb)| {
            // "nolu" is "numaralı" ("3 nolu daire"), not "ne olu".
            let rest = lowered.strip_prefix(spoken).filter(|rest| !rest.is_empty() && lowered != "nolu")?;
            let form = format!("{verb}{rest}");
            let written = if self.knows(&form) { Some(form) } else { self.rewrite(&form) };
            written.map(|written| format!("ne {written}"))
        })
    }

    /// The word with the vowel of its last syllable put back, where it ends in two different
    /// consonants and the dictionary knows it so: "sevmedm" → "sevmedim", "anladm" → "anladım".
    /// The vowel is one vowel harmony allows, high ("-ım", "-in", "-uz") or low ("-dan", "-ler");
    /// where both make a word ("sizdn": "sizdin" or "sizden") the word is abbreviated all the same,
    /// corrected as Zemberek's published misspellings correct it if they name one of the two, else
    /// with no correction to offer. A doubled last letter is emphasis ("Aminn"), judged before.
    /// Only in a language whose suffixes harmonise their vowels: English "helpd" is a typo.
    fn last_vowel_left_out(&self, lowered: &str) -> Option<Option<String>> {
        let letters: Vec<char> = lowered.chars().collect();
        let [.., before, last] = letters[..] else { return None };
        if !self.vowel_harmony || letters.len() < ABBREVIATED_MIN_LETTERS || before == last || is_vowel(before) || is_vowel(last) || !letters.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let (high, low) = match letters.iter().rev().find(|c| is_vowel(**c))? {
            'a' | 'ı' | 'â' => ('ı', 'a'),
            'e' | 'i' | 'î' => ('i', 'e'),
            'o' | 'u' | 'û' => ('u', 'a'),
            _ => ('ü', 'e'),
        };
        let stem = &letters[..letters.len() - 1];
        let mut known = [high, low].into_iter().map(|vowel| stem.iter().chain([&vowel, &last]).collect::<String>()).filter(|w| self.knows(w));
        let first = known.next()?;
        let Some(second) = known.next() else { return Some(Some(first)) };
        Some(self.published.get(lowered).filter(|published| **published == first || **published == second).cloned())
    }

    /// A colloquial ending replaced by the written one, where the dictionary knows the result.
    fn rewrite(&self, lowered: &str) -> Option<String> {
        let matching = || {
            self.rewrites.iter().filter_map(|(ending, written)| lowered.strip_suffix(ending.as_str()).filter(|stem| !stem.is_empty()).map(|stem| (stem, written)))
        };
        if let Some(candidate) = matching().map(|(stem, written)| format!("{stem}{written}")).find(|candidate| self.knows(candidate)) {
            return Some(candidate);
        }
        // Typed, wholly or in part, on an ASCII keyboard ("konusuyon", "karsılıcak"): the stem with
        // its Turkish letters. At most ASCII_REWRITE_LOOKUPS look-ups a word, whatever its letters:
        // a comment of made-up words ending so must not cost many times an ordinary one.
        matching()
            .flat_map(|(stem, written)| with_turkish_letters(stem).map(move |variant| format!("{variant}{written}")))
            .take(ASCII_REWRITE_LOOKUPS)
            .find(|candidate| self.knows(candidate))
    }
}

/// The word with one consonant made to agree with its neighbour, as Turkish writes them: "d"
/// after a voiceless consonant is "t" ("etdim" → "ettim", "atmışdı" → "atmıştı"), and "b", "d",
/// "g" before a voiceless stop are "p", "t", "k" ("sebebten" → "sebepten"). Careless writing
/// spells a suffix as it is named rather than as it sounds; "c" for "ç" is left to the letters
/// model, since it is also ASCII typing.
fn unassimilated(lowered: &str) -> impl Iterator<Item = String> + '_ {
    let letters: Vec<char> = lowered.chars().collect();
    (1..letters.len()).filter_map(move |at| {
        let (changed, agreeing) = match (letters[at - 1], letters[at]) {
            // A softened consonant kept before a suffix that begins with "d" ("mutluluğdan",
            // "kitabdan", "ağacdan"): both agree, "mutluluktan".
            (softened @ ('b' | 'c' | 'ğ'), 'd') => {
                let hard = endings::hardened(softened).unwrap_or(softened);
                return Some(letters.iter().enumerate().map(|(i, &c)| if i == at - 1 { hard } else if i == at { 't' } else { c }).collect());
            }
            (before, 'd') if is_voiceless(before) => (at, 't'),
            ('b', 't' | 'k' | 'ç') => (at - 1, 'p'),
            ('d', 't' | 'k' | 'ç') => (at - 1, 't'),
            // Not after "n": "ng" is a foreign name's ("bangtan" is no "banktan").
            ('g', 't' | 'ç') if at >= 2 && letters[at - 2] != 'n' => (at - 1, 'k'),
            _ => return None,
        };
        Some(letters.iter().enumerate().map(|(i, &c)| if i == changed { agreeing } else { c }).collect())
    })
}

/// Every spelling of a lower-case ASCII word with some of its c, g, i, o, s, u made Turkish
/// letters, for words with at most [`VARIANT_POSITIONS`] such letters.
fn with_turkish_letters(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    let positions: Vec<usize> = chars.iter().enumerate().filter(|(_, c)| matches!(c, 'c' | 'g' | 'i' | 'o' | 's' | 'u')).map(|(i, _)| i).collect();
    let count = if positions.len() <= VARIANT_POSITIONS { 1u32 << positions.len() } else { 0 };
    (1..count).map(move |mask| {
        let mut variant = chars.clone();
        for (bit, &at) in positions.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                variant[at] = match variant[at] {
                    'c' => 'ç',
                    'g' => 'ğ',
                    'i' => 'ı',
                    'o' => 'ö',
                    's' => 'ş',
                    _ => 'ü',
                };
            }
        }
        variant.into_iter().collect()
    })
}

/// Longer than any word a dictionary knows: keyboard mash or an attack, judged unknown without a
/// look-up (a dictionary look-up, and the splits tried on an unknown word, grow with its length).
fn too_long(word: &str) -> bool {
    word.chars().count() > LONGEST_WORD
}

/// A consonant of the Turkish keyboard, as keyboard mash is judged.
fn is_mash_consonant(c: char) -> bool {
    c.is_ascii_lowercase() && !is_vowel(c) && c != 'y' && c != 'w' || matches!(c, 'ç' | 'ş' | 'ğ')
}

/// The home row of a Turkish Q keyboard, where hands drum mash ("aksks", "jdhashdas").
const HOME_ROW: &str = "asdfghjklşi";

/// Drummed on the home row: five letters or more, at most a quarter of them vowels, with a "j" or
/// two keys struck in turn ("ksks"); English words of those letters ("flash", "hills") have
/// neither.
fn is_home_row_mash(lowered: &str) -> bool {
    let letters: Vec<char> = lowered.chars().collect();
    let vowels = letters.iter().filter(|c| is_vowel(**c)).count();
    let alternating = letters.windows(4).any(|w| w[0] == w[2] && w[1] == w[3] && w[0] != w[1]);
    letters.len() >= MASH_LETTERS
        && vowels * 4 <= letters.len()
        && letters.iter().all(|c| HOME_ROW.contains(*c))
        && (letters.contains(&'j') || alternating)
}

/// Keyboard mash: at least [`MASH_LETTERS`] letters, all consonants of the Turkish keyboard, or
/// drummed on the home row ([`is_home_row_mash`]). No Turkish word is written so; acronyms are
/// shorter ("tbmm") or written in capitals, which are judged before this, and a letter with another mark ("Chōshū") is a vowel of another language.
/// Longer mash may hit a vowel or two ("djelfkrldl"): five consonants in a row are mash too, where
/// no Turkish word has more than three ("kontrplak" is known, so never asked).
fn is_mash(lowered: &str) -> bool {
    if is_home_row_mash(lowered) {
        return true;
    }
    let letters = lowered.chars().count();
    if letters >= MASH_LETTERS && lowered.chars().all(is_mash_consonant) {
        return true;
    }
    letters >= MASH_RUN_WORD && has_consonant_run(lowered, MASH_RUN)
}

/// A word of letters only with `length` consonants of the keyboard in a row.
fn has_consonant_run(lowered: &str, length: usize) -> bool {
    let mut run = 0;
    lowered.chars().all(|c| c.is_alphabetic())
        && lowered.chars().any(|c| {
            run = if is_mash_consonant(c) { run + 1 } else { 0 };
            run >= length
        })
}

/// Keyboard mash typed with a capital ("Hajsjdjjdjf", "FANDOMIZDJEOFMEKDLDMCK"): a name may
/// have five consonants in a row ("Albrechtsberger"), hardly [`CAPITALISED_MASH_RUN`].
fn is_capitalised_mash(lowered: &str) -> bool {
    has_consonant_run(lowered, CAPITALISED_MASH_RUN)
}

/// Consonants in a row that no name has: mash even with a capital.
const CAPITALISED_MASH_RUN: usize = 6;

/// A word at least this long with [`MASH_RUN`] consonants in a row is mash.
const MASH_RUN_WORD: usize = 7;
const MASH_RUN: usize = 5;

/// The most dictionary look-ups spent on the Turkish-letter spellings of an ASCII word's stem
/// before its colloquial ending ("konusuyon" needs 4 of the 15 of "konusu"; "karsilicak" 3).
const ASCII_REWRITE_LOOKUPS: usize = 8;

/// Endings of a verb in the past, third person singular ("geldi", "oldu", "gitti").
const PAST_ENDINGS: [&str; 8] = ["dı", "di", "du", "dü", "tı", "ti", "tu", "tü"];

/// Endings of a possessive's genitive ("ikisinin", "birinin", "hepsinin").
const GENITIVES_OF_POSSESSIVE: [&str; 4] = ["sinin", "sının", "sunun", "sünün"];
/// Endings of the second person singular of the present, aorist, future, reported past and
/// necessity ("biliyorsun", "görürsün", "bileceksin", "bilmişsin", "bilmelisin").
const SECOND_PERSON_BEFORE_KI: [&str; 16] = [
    "yorsun", "ırsın", "irsin", "ursun", "ürsün", "arsın", "ersin", "acaksın", "eceksin", "mışsın", "mişsin", "muşsun", "müşsün",
    "malısın", "melisin", "yorsunuz",
];
/// Endings of verb forms that take no case ending: "de/da" joined after them is the conjunction.
const VERB_FORMS_BEFORE_DE: [&str; 29] = [
    "yor", "yorum", "yorsun", "yoruz", "yorsunuz", "yorlar", "ıp", "ip", "up", "üp", "arak", "erek", "yordu", "yordum", "yordun",
    "yorduk", "yormuş", "madan", "meden", "ınca", "ince", "unca", "ünce",
    // The conditional ("fark etmesekte", "istesende"): a noun ending so takes a locative the
    // dictionary knows ("yüksekte"), and only words it does not know are read here. Not "-sa",
    // "-sanız", "-salar": a noun's own ending ("Fransada", "hissenizde", "hisselerde").
    "sam", "sem", "san", "sen", "sak", "sek",
];
/// How a particle is found joined after a verb form ([`SpellingModel::particle_after_verb_form`]):
/// as written, after which endings, and the particle it is.
const PARTICLES_AFTER_VERB_FORMS: [(&[&str], &[&str], &str); 2] =
    [(&["da", "de", "ta", "te"], &VERB_FORMS_BEFORE_DE, "de"), (&["ki"], &SECOND_PERSON_BEFORE_KI, "ki")];

/// The fewest letters of keyboard mash: "hşşh" may be a name's initials, "sjsjd" is not a word.
const MASH_LETTERS: usize = 5;

/// Case endings (and the copula) a name takes after an apostrophe, longest first so that
/// "Ankaranın" is "Ankara'nın", not "Ankaran'ın". Not the object ending after a consonant
/// ("-ı", "-i"): a place named with a possessive ends so ("Samandağı", not "Samandağ'ı").
const NAME_ENDINGS: [&str; 36] = [
    "nın", "nin", "nun", "nün", "dan", "den", "tan", "ten", "yla", "yle", "dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür",
    "ya", "ye", "yı", "yi", "yu", "yü", "ın", "in", "un", "ün", "da", "de", "ta", "te", "la", "le", "a", "e",
];

/// The same endings in archiphonemes (see `endings.rs`), for names only the letters model knows:
/// genitive, ablative, locative, instrumental, copula, and the dative and object endings after a
/// vowel. Not a single vowel after a consonant: foreign names end so ("Rossa", "Carla", "Simone"
/// are no "Ross'a", "Carl'a", "Simon'e").
const NAME_ENDINGS_WRITTEN_BY_SOUND: [&str; 8] = ["nIn", "In", "DAn", "DA", "yA", "(y)lA", "DIr", "yI"];

/// A capitalised word that is a name (by `is_name`) and one of `endings` written as the name's
/// sounds demand: "Volkandan" → "Volkan'dan"; not "Volkanden".
fn name_with_ending(word: &str, endings: &[Ending], is_name: impl Fn(&str) -> bool) -> Option<String> {
    let letters: Vec<(usize, char)> = word.char_indices().collect();
    if letters.len() < NAME_STEM + 1 || !letters[0].1.is_uppercase() || letters[1..].iter().any(|(_, c)| c.is_uppercase()) {
        return None;
    }
    endings.iter().find_map(|ending| {
        ending.lengths().rev().find_map(|length| {
            let stem_letters = letters.len().checked_sub(length).filter(|stem| *stem >= NAME_STEM)?;
            let (stem, written) = word.split_at(letters[stem_letters].0);
            let expected = ending.after(&lower(stem))?;
            (expected == written && is_name(stem)).then(|| format!("{stem}'{written}"))
        })
    })
}

/// The fewest letters of a name before an ending joined without its apostrophe.
const NAME_STEM: usize = 3;

/// A Turkish vowel, with or without a circumflex.
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'ı' | 'i' | 'o' | 'ö' | 'u' | 'ü' | 'â' | 'î' | 'û')
}

fn without_circumflex(c: char) -> char {
    match c {
        'â' => 'a',
        'î' => 'i',
        'û' => 'u',
        'Â' => 'A',
        'Î' => 'İ',
        'Û' => 'U',
        other => other,
    }
}

/// The word with runs of three or more letters cut to one, then to two ("çoook" → "çok",
/// "çook"); with `last_double`, a doubled last letter cut to one ("yaa" → "ya").
fn squeeze_emphasis(word: &str, last_double: bool) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut to_one = String::new();
    let mut to_two = String::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|&&c| c == chars[i]).count();
        let last = i + run == chars.len();
        if (run >= EMPHASIS_RUN || last_double && last && run == 2 && i > 0) && chars[i].is_alphabetic() {
            to_one.push(chars[i]);
            to_two.extend([chars[i], chars[i]]);
        } else {
            to_one.extend(std::iter::repeat_n(chars[i], run));
            to_two.extend(std::iter::repeat_n(chars[i], run));
        }
        i += run;
    }
    vec![to_one, to_two]
}

/// The word with its last vowel written once where it is doubled ("yook", "güzeel", "tamaam"):
/// emphasis stretches the last syllable; a doubled vowel earlier is a typo ("sıralaamasında").
fn doubled_vowels_once(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len())
        .filter(move |&at| {
            let c = chars[at];
            // "ii" at the very end is an Arabic loanword's object form as often ("mercii",
            // "mesaii") as emphasis ("benii"); before a consonant it is emphasis ("ediin",
            // "söylerdiim"). Three or more are judged as emphasis before this.
            is_vowel(c)
                && (c != 'i' || at + 1 < chars.len())
                && chars[at - 1] == c
                && (at < 2 || chars[at - 2] != c)
                && !chars[at + 1..].iter().any(|c| is_vowel(*c))
        })
        .map(move |at| word.chars().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c).collect())
}

/// One vowel drawn out ("Eee", "aaa"): an interjection, not a word stretched.
pub(crate) fn is_drawn_out_vowel(word: &str) -> bool {
    let lowered = lower(word);
    let mut letters = lowered.chars();
    letters.next().is_some_and(|first| is_vowel(first) && letters.all(|c| c == first))
}

/// Some letter stands `length` or more times in a row.
fn has_run(word: &str, length: usize) -> bool {
    let mut run = 0;
    let mut previous = None;
    for c in word.chars() {
        run = if Some(c) == previous { run + 1 } else { 1 };
        previous = Some(c);
        if run >= length && c.is_alphabetic() {
            return true;
        }
    }
    false
}

/// Capitals after lower case inside a word ("inşaALLAH"): typed carelessly, but judged by its letters.
fn mixed_case(word: &str) -> bool {
    let mut seen_lower = false;
    word.chars().any(|c| {
        seen_lower |= c.is_lowercase();
        seen_lower && c.is_uppercase()
    })
}

pub(crate) fn lower(word: &str) -> String {
    word.chars().flat_map(turkish_lowercase).collect()
}

/// A correction written in the case of the word it replaces: all capitals, a capital first
/// letter, or lower case.
fn recase(word: &str, correction: &str) -> String {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_capitals = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_capitals {
        return correction.chars().map(turkish_uppercase).collect();
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        return capitalised(correction);
    }
    correction.to_string()
}

/// The text with its first letter a capital, by Turkish rules ("ileride" → "İleride").
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| turkish_uppercase(c).to_string() + chars.as_str()).unwrap_or_default()
}

/// Lines that are not blank or `#` comments, with their line numbers.
fn lines(content: &str) -> Vec<(usize, &str)> {
    content
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect()
}

/// `from<TAB>to` lines, `from` in lower case.
fn pairs(content: &str, file: &'static str) -> Result<FxHashMap<String, String>, SpellingFileError> {
    let mut map = FxHashMap::default();
    for (from, to) in pair_lines(content, file)? {
        map.entry(from).or_insert(to);
    }
    Ok(map)
}

/// The tab-separated fields of a line of `file`, at least `required` of them (`shape` says which).
fn tab_fields<'t>(text: &'t str, file: &'static str, line: usize, required: usize, shape: &str) -> Result<Vec<&'t str>, SpellingFileError> {
    let fields: Vec<&str> = text.split('\t').collect();
    if fields.len() < required {
        return Err(SpellingFileError { file, index: 0, line, message: format!("expected `{shape}`") });
    }
    Ok(fields)
}

/// The `from<TAB>to` lines of a file in their order, `from` in lower case, repeats kept.
fn pair_lines(content: &str, file: &'static str) -> Result<Vec<(String, String)>, SpellingFileError> {
    let mut pairs = Vec::new();
    for (line, text) in lines(content) {
        let Some((from, to)) = text.split_once('\t') else {
            return Err(SpellingFileError { file, index: 0, line, message: "expected `misspelling<TAB>correction`".to_string() });
        };
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() || to.is_empty() {
            return Err(SpellingFileError { file, index: 0, line, message: "both sides of the tab must be words".to_string() });
        }
        pairs.push((lower(from), to.to_string()));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nLANG tr_TR\nSFX A Y 1\nSFX A 0 lar .\nSFX B Y 1\nSFX B 0 'dan .\n";
    const DIC: &str = "19\nkitap/A\nVolkan/B\nbeşinci\nmutluluktan\nkitapda\nherkes\nbiliyor\ngelecek\nçok\nİstanbul\nyapacak\nkarşılayacak\ngeldi\ngeldim\ngelmek\nkasveti\nkasvetim\ntanımak\n";

    fn model() -> SpellingModel {
        SpellingModel::parse(SpellingFiles {
            aff: AFF,
            dic: DIC,
            corrections: Some("bi\tbir\n"),
            misspellings: None,
            published: &["herkez\therkes\nkitab\tkitapx\nlere\tkitaplar\n"],
            rewrites: Some("yo\tyor\nıcak\tacak\nıcak\tayacak\nicak\tayacak\n"),
            particles: Some("ki\tde da\nmi\n"),
            separate: None,
            pronouns: Some("bende\tben de\tdım dim yorum\n"),
            suffixes: None,
            copulas: Some("DIr\n(y)DI\n"),
            ambiguous: Some("tabi\ttabii\tol tut\ta e\n"),
        })
        .expect("test model parses")
    }

    #[test]
    fn dictionary_words_and_their_affixed_forms_are_known() {
        let model = model();
        assert_eq!(model.judge("kitaplar", false), Judgement::Known);
        assert_eq!(model.judge("Kitaplar", false), Judgement::Known);
        assert_eq!(model.judge("istanbul", false), Judgement::Known, "a name in lower case");
        assert_eq!(model.judge("kitapar", false), Judgement::Unknown);
        assert_eq!(model.judge(&"kitap".repeat(2000), false), Judgement::Unknown, "too long to look up");
    }

    #[test]
    fn a_number_written_out_in_one_word_is_no_mistake() {
        let model = model();
        // As typed, as the letters model restores them ("doksanıki"), and without Turkish letters.
        for number in ["doksaniki", "doksanıki", "ikibinüç", "birbuçuk", "yirmidört", "altmisiki", "yirmibeşinci"] {
            assert_eq!(model.judge(number, false), Judgement::Known, "{number}");
        }
        assert!(!model.is_number_written_out("bir"), "one number word is a word the dictionary judges");
        assert!(!model.is_number_written_out("birkaç"));
        assert!(!model.is_number_written_out("onur"));
        assert_ne!(model.judge("ikikitap", false), Judgement::Known);
    }

    #[test]
    fn a_name_with_its_ending_joined_is_marked_with_an_apostrophe() {
        let model = model();
        let no_names = |_: &str| false;
        assert_eq!(model.name_without_apostrophe("Volkandan", no_names).as_deref(), Some("Volkan'dan"));
        assert_eq!(model.name_without_apostrophe("Volkanda", no_names), None, "an ending the dictionary does not give the name");
        assert_eq!(model.name_without_apostrophe("Kitaplar", no_names), None, "the plural is no case ending");
        assert_eq!(model.name_without_apostrophe("volkandan", no_names), None, "in lower case it is careless with capitals");
        // A name only the letters model knows takes its ending as its sounds demand.
        let mert = |word: &str| word == "Mert";
        assert_eq!(model.name_without_apostrophe("Mertten", mert).as_deref(), Some("Mert'ten"));
        assert_eq!(model.name_without_apostrophe("Mertin", mert).as_deref(), Some("Mert'in"));
        assert_eq!(model.name_without_apostrophe("Merte", mert), None, "a single vowel: foreign names end so (\"Carla\")");
        assert_eq!(model.name_without_apostrophe("Mertden", mert), None, "not as its sounds demand: a typo");
        assert_eq!(model.name_without_apostrophe("Merti", mert), None, "the object ending after a consonant is left alone");
    }

    #[test]
    fn a_vowel_drawn_out_is_told_by_turkish_case() {
        assert!(is_drawn_out_vowel("Iıı"));
        assert!(is_drawn_out_vowel("Eee"));
        assert!(!is_drawn_out_vowel("İıı"), "İ is i, not ı");
        assert!(!is_drawn_out_vowel("hmm"));
    }

    #[test]
    fn a_plurals_endings_cut_off_their_word_get_no_published_guess() {
        let model = model();
        assert_eq!(model.judge("herkez", false), Judgement::Misspelled(Kind::Published, Some("herkes".into())));
        assert_eq!(model.judge("lere", false), Judgement::Unknown, "\"tv lere\" is no \"kitaplar\"");
    }

    #[test]
    fn ne_spoken_into_the_verb_is_spelled_out() {
        let model = model();
        assert_eq!(model.judge("napacak", false), Judgement::Misspelled(Kind::Listed, Some("ne yapacak".into())));
        assert_eq!(model.judge("napıcak", false), Judgement::Misspelled(Kind::Listed, Some("ne yapacak".into())), "a colloquial verb form too");
        assert_eq!(model.judge("nolu", false), Judgement::Unknown, "\"3 nolu daire\": numbered");
        assert_eq!(model.judge("napalm", false), Judgement::Unknown, "no verb form after the n");
    }

    #[test]
    fn a_consonant_that_disagrees_with_its_neighbour_is_a_misspelling() {
        let model = model();
        assert_eq!(model.judge("gelecekdi", false), Judgement::Misspelled(Kind::Assimilation, Some("gelecekti".into())));
        assert_eq!(model.judge("kitapdır", false), Judgement::Misspelled(Kind::Assimilation, Some("kitaptır".into())));
        assert_eq!(
            model.judge("mutluluğdan", false),
            Judgement::Misspelled(Kind::Assimilation, Some("mutluluktan".into())),
            "a softened consonant before -dan"
        );
        assert_eq!(model.judge("Gelecekdi", true), Judgement::Unknown, "a capitalised word inside a sentence may be a name");
        assert_eq!(model.judge("gelecekdu", false), Judgement::Unknown, "no known word with the consonant agreeing");
    }

    #[test]
    fn a_known_word_takes_the_copula_as_its_sounds_demand() {
        let model = model();
        assert!(model.knows("kitaptır"));
        assert!(model.knows("Kitaplardır"), "after an affixed form, capitalised");
        assert!(model.knows("gelecekti"));
        assert!(!model.knows("kitapdır"), "after a voiceless consonant the copula is written with t");
        assert!(!model.knows("gelecekdi"));
        assert!(!model.knows("kitaptir"), "nor against vowel harmony");
    }

    #[test]
    fn known_misspellings_get_their_correction_in_the_word_s_case() {
        let model = model();
        assert_eq!(model.judge("herkez", false), Judgement::Misspelled(Kind::Published, Some("herkes".into())));
        assert_eq!(model.judge("Herkez", false), Judgement::Misspelled(Kind::Published, Some("Herkes".into())));
        assert_eq!(model.judge("HERKEZ", false), Judgement::Misspelled(Kind::Published, Some("HERKES".into())));
        assert_eq!(model.judge("Herkez", true), Judgement::Unknown, "inside a sentence it may be a name");
        assert_eq!(model.judge("Bİ", false), Judgement::Misspelled(Kind::Listed, Some("BİR".into())));
        // A published correction the dictionary does not know is no correction.
        assert_eq!(model.judge("kitab", false), Judgement::Unknown);
    }

    #[test]
    fn colloquial_endings_emphasis_and_joined_particles() {
        let model = model();
        assert_eq!(model.judge("biliyo", false), Judgement::Misspelled(Kind::Colloquial, Some("biliyor".into())));
        assert_eq!(model.judge("karsilicak", false), Judgement::Misspelled(Kind::Colloquial, Some("karşılayacak".into())), "typed in ASCII");
        assert_eq!(model.judge("yapıcak", false), Judgement::Misspelled(Kind::Colloquial, Some("yapacak".into())));
        assert_eq!(model.judge("karşılıcak", false), Judgement::Misspelled(Kind::Colloquial, Some("karşılayacak".into())), "an ending's second form");
        assert_eq!(model.judge("çoook", false), Judgement::Misspelled(Kind::Emphasis, Some("çok".into())));
        // A particle joined to a spoken ending or to chat-speak is careless as its word is.
        assert_eq!(model.judge("biliyoki", false), Judgement::Misspelled(Kind::Colloquial, Some("biliyor ki".into())));
        assert_eq!(model.judge("gelecekmi", false), Judgement::Misspelled(Kind::Joined, Some("gelecek mi".into())));
        assert_eq!(model.judge("geldimi", false), Judgement::Misspelled(Kind::Joined, Some("geldi mi".into())), "a past verb takes no object ending");
        assert_eq!(model.judge("kasvetimi", false), Judgement::Unknown, "a noun with its object ending");
        assert!(model.is_past_verb("geldi") && !model.is_past_verb("tanıtı"), "-tı only after a voiceless consonant");
        assert_eq!(model.judge("aaaaa", false), Judgement::Misspelled(Kind::Emphasis, None));
        assert_eq!(model.judge("sjsjdj", false), Judgement::Misspelled(Kind::Mash, None));
        assert_eq!(model.judge("hmm", false), Judgement::Unknown, "too short to be mash");
        assert_eq!(model.judge("djelfkrldl", false), Judgement::Misspelled(Kind::Mash, None), "five consonants in a row");
        assert_eq!(model.judge("ekstrem", false), Judgement::Unknown, "four are a loanword");
        assert_eq!(model.judge("kitapdaki", false), Judgement::Unknown, "-daki is a suffix, not the particle");
        assert_eq!(model.pronoun_with_de("Bende", ["çok", "bildim"].into_iter()).as_deref(), Some("Ben de"));
        assert_eq!(model.pronoun_with_de("bende", ["kalsın"].into_iter()), None, "the locative");
        assert_eq!(model.ambiguous_correction("Tabi", None, Some("geleceğim")).as_deref(), Some("Tabii"));
        assert_eq!(model.ambiguous_correction("tabi", Some("gelirim"), None).as_deref(), Some("tabii"));
        assert_eq!(model.ambiguous_correction("tabi", Some("vergiye"), Some("olmayan")), None, "vergiye tabi olmayan");
        assert_eq!(model.ambiguous_correction("tabi", Some("vizeye"), None), None, "vizeye tabi.");
    }
}
