//! When a listed word is mentioned rather than used: quoted in reported speech, negated, or naming an
//! act instead of a person.
//!
//! ## What it spares
//! - reported speech: the word is inside quotes followed by a verb of saying from the `reporting`
//!   list ("Bakan, muhalefet liderine 'şerefsiz' dedi", "'şerefsiz hakem' tezahüratı");
//! - with `unquoted`, for words that only send to review: a verb of saying within two words
//!   after the word, without quotes ("1,5 milyar müslümana sapık derler");
//! - with `reported`, for every word: a news report's way of saying what someone said, without
//!   quotes, within two words after it ("rakiplerine aptal dediği için özür diledi", "eşine
//!   kaltak diye hakaret eden adam"): forms a commenter's own insult does not take;
//!   A report the commenter then agrees with (`agreeing`: "… diyor, ben de katılıyorum", "…
//!   yazan herkese katılıyorum") is the commenter's own word again;
//! - negated mentions: a word of the `negating` list follows within two words ("Kimseye aptal
//!   demiyorum", "o aptal değil"; the list's own exceptions keep "aptal değil mi" an insult);
//! - a word named as a word: the noun for a word follows it ("Yobaz kelimesinin kökeni", "şu
//!   yobaz lafını her dindara yapıştırmayı bırakalım"), quoted or not;
//! - acts: the word takes the suffix -lık/-lik/-luk/-lük that makes a noun of the quality ("Alınan
//!   karar tam bir aptallık", "Bu nasıl bir ahmaklık"), or -ca/-ce, the manner of an act ("ahmakça
//!   bir tercih"): criticism of a decision, not of a person; unless a verb of doing follows
//!   ("şerefsizlik yapmayın", "terbiyesizlik etme"), said of the doer, or the act is owned by the
//!   one addressed ("Senin ahmaklığın").
//! - with `attacks`, `condemning` and `suffered`, a word that describes an attack it stands right
//!   before or after (a noun of `attacks`: "hain saldırı", "vahşi bir eylem", "saldırı vahşice")
//!   where the sentence condemns it (a verb of `condemning`: "Sinagogdaki hain saldırıyı
//!   kınıyoruz") or reports it suffered (a
//!   word of `suffered` just before the description: "Camiye yapılan barbarca saldırı",
//!   "Müslümanlara yönelik bu vahşi eylem"): news comments condemn attacks on believers in the
//!   words an attack on them would use. Nothing else in such a sentence is spared ("Türk halkına
//!   yönelik saldırıyı kınıyoruz, hainler"), nor an attack the speaker's side says it suffers from
//!   those named ("Yahudiler yine bize yönelik hain bir saldırı planlıyor"), nor one neither
//!   condemned nor suffered ("Yine hain bir saldırı planlıyorlar"). The curse that condemns is
//!   spared too where its sentence names the attack ("Cami katliamında ölenlere rahmet, katile
//!   lanet olsun"): a `condemning` phrase holding the hit ("lanet olsun" holds "lanet").
//!
//! ## Why
//! A news site's readers quote what was said and criticise decisions. Rejecting those for the word
//! alone turns readers away; the learned check still scores the sentence, so a real attack dressed as
//! a quotation can still be caught there.
//!
//! Used by `lexicon` (the `mentions` table of a rule file).

use serde::Deserialize;

use super::{ListId, PolicyData, Scan};
use crate::learn::features::word_form;
use crate::text::Token;
use crate::text::fold::ascii_skeleton;
use crate::wordlist::Hit;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MentionsSpec {
    /// Verbs and nouns of saying: a quoted word followed by one is reported speech.
    reporting: Option<String>,
    /// Negated verbs of saying and "değil": a word followed by one is a negated mention.
    negating: Option<String>,
    /// A word turned into the name of an act (-lık) is no insult of a person.
    #[serde(default)]
    acts: bool,
    /// A verb of saying right after the word makes it reported speech without quotes too
    /// ("müslümanlara sapık derler"): for words that only send a comment to review.
    #[serde(default)]
    unquoted: bool,
    /// A news report's forms of saying ("dediği için", "diye hakaret eden"): a word followed by
    /// one is reported speech without quotes, whatever the list.
    reported: Option<String>,
    /// Words of agreement ("katılıyorum", "bence de"): after one, later in the sentence, a report
    /// is the commenter's own word.
    agreeing: Option<String>,
    /// Nouns for attacks and crimes ("saldırı", "eylem").
    attacks: Option<String>,
    /// Verbs of condemning ("kınıyoruz"): a word describing an attack in a sentence with one
    /// belongs to the condemnation.
    condemning: Option<String>,
    /// Words of an attack suffered ("yapılan", "yönelik"): a word describing an attack right after
    /// one belongs to the report of the attack.
    suffered: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Mentions {
    reporting: Option<ListId>,
    negating: Option<ListId>,
    acts: bool,
    unquoted: bool,
    reported: Option<ListId>,
    agreeing: Option<ListId>,
    attacks: Option<ListId>,
    condemning: Option<ListId>,
    suffered: Option<ListId>,
}

/// How many words a verb of saying may stand after the closing quote, or a negation after the word.
const REPORTING_WINDOW: usize = 3;
const NEGATING_WINDOW: usize = 2;
/// How many words a verb of saying may stand after a word reported without quotes.
const UNQUOTED_WINDOW: usize = 2;
/// How many words a quotation may hold around the quoted word.
const QUOTED_WORDS: usize = 8;

fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”' | '«' | '»' | '‹' | '›' | '`' | '´')
}

impl MentionsSpec {
    pub(crate) fn build(&self, data: &PolicyData<'_>) -> Result<Mentions, String> {
        Ok(Mentions {
            reporting: self.reporting.as_deref().map(|n| data.resolve(n)).transpose()?,
            negating: self.negating.as_deref().map(|n| data.resolve(n)).transpose()?,
            acts: self.acts,
            unquoted: self.unquoted,
            reported: self.reported.as_deref().map(|n| data.resolve(n)).transpose()?,
            agreeing: self.agreeing.as_deref().map(|n| data.resolve(n)).transpose()?,
            attacks: self.attacks.as_deref().map(|n| data.resolve(n)).transpose()?,
            condemning: self.condemning.as_deref().map(|n| data.resolve(n)).transpose()?,
            suffered: self.suffered.as_deref().map(|n| data.resolve(n)).transpose()?,
        })
    }
}

impl Mentions {
    /// The hit of `list` is a mention, not a use: it is no evidence for the rule.
    pub(crate) fn spares(&self, scan: &Scan<'_>, list: ListId, hit: &Hit) -> bool {
        named_as_a_word(scan, hit)
            || (self.acts && names_an_act(scan, list, hit))
            || self.negating.is_some_and(|negating| followed_by(scan, negating, hit, NEGATING_WINDOW))
            || self.is_reported_speech(scan, hit)
            || self.condemns_an_attack(scan, hit)
    }

    /// Quoted or reported and followed by a verb of saying, and not agreed with afterwards.
    fn is_reported_speech(&self, scan: &Scan<'_>, hit: &Hit) -> bool {
        let reported = self.reporting.is_some_and(|reporting| {
            is_reported(scan, reporting, hit) || self.unquoted && followed_by(scan, reporting, hit, UNQUOTED_WINDOW)
        }) || self.reported.is_some_and(|reported| reported_after(scan, reported, hit));
        let agreed = || self.agreeing.is_some_and(|agreeing| followed_by(scan, agreeing, hit, usize::MAX));
        reported && !agreed()
    }

    /// The hit describes an attack that its sentence condemns or reports suffered: "Camiye yapılan
    /// hain saldırıyı lanetliyoruz". A word elsewhere in the sentence may be said of the people
    /// named ("saldırıyı kınıyoruz, hainler"); an attack described but neither condemned nor
    /// suffered may be one they are accused of ("Yine hain bir saldırı planlıyorlar").
    fn condemns_an_attack(&self, scan: &Scan<'_>, hit: &Hit) -> bool {
        let Some(attacks) = self.attacks else { return false };
        let Some(described) = described_attack(scan, attacks, hit) else { return self.is_the_curse_on_an_attack(scan, attacks, hit) };
        let condemned = self.condemning.is_some_and(|verbs| scan.hits(verbs).iter().any(|h| h.sentence == hit.sentence));
        condemned || self.suffered.is_some_and(|suffered| reported_suffered(scan, suffered, hit.sentence, described))
    }

    /// The hit is the curse itself, inside a phrase of `condemning` ("lanet olsun"), after an
    /// attack named in its sentence: "… katliamında ölenlere rahmet, katile lanet olsun" curses the
    /// attacker. Not before one: "Yahudilere lanet olsun, katliam yapıyorlar" curses a people and
    /// then accuses it.
    fn is_the_curse_on_an_attack(&self, scan: &Scan<'_>, attacks: ListId, hit: &Hit) -> bool {
        let Some(curse) = self.condemning.and_then(|verbs| {
            scan.hits(verbs).iter().find(|h| h.sentence == hit.sentence && h.words.start <= hit.words.start && hit.words.end <= h.words.end)
        }) else {
            return false;
        };
        scan.hits(attacks).iter().any(|a| a.sentence == hit.sentence && a.words.end <= curse.words.start)
    }
}

/// Where the words describing an attack begin, if the hit is one of them: before a noun of
/// `attacks`, with at most three more words of an attack's description between ("hain saldırı",
/// "vahşi bir eylem", "hain bombalı saldırı", "hain ve alçakça bir saldırı"), or after one, at most
/// "tam bir" between, and ending its clause ("saldırı vahşice, failler bulunmalı", "saldırı tam bir
/// barbarlık, failler cezalandırılsın"), with only spaces between them:
/// "Kahrolsun terör, kahrolsun Kürtler" curses a people after the comma, not the attack. Not
/// where the noun is joined to others or names its doers ("Kahrolsun terör ve Kürtler", "Kürtler
/// ve terör kahrolsun", "Kahrolsun katliam yapan Yahudiler", "Kahrolsun zulüm kahrolsun
/// Yahudiler"): the words are said of them too. The description begins up to two such words
/// before the hit ("yapılan bu hain ve alçakça saldırı").
fn described_attack(scan: &Scan<'_>, attacks: ListId, hit: &Hit) -> Option<usize> {
    // Word forms are ASCII skeletons.
    const JOINED: [&str; 10] = ["ve", "ile", "veya", "yapan", "yapanlar", "eden", "edenler", "isleyen", "duzenleyen", "gerceklestiren"];
    // Words that describe an attack beside the hit: never a name, so "hain Kürt saldırısı" (an
    // attack blamed on a people) is described by "hain" alone and not at all.
    const DESCRIBING: [&str; 20] = [
        "bir", "ve", "bombali", "silahli", "kanli", "intihar", "teror", "hain", "alcak", "alcakca", "barbar", "barbarca", "vahsi",
        "vahsice", "menfur", "kalles", "kallesce", "namert", "namertce", "cirkin",
    ];
    // Words between an attack noun and the word that judges it ("saldırı tam bir barbarlık").
    const GRADING: [&str; 4] = ["tam", "bir", "resmen", "adeta"];
    const MOST_BETWEEN: usize = 3;
    let tokens = scan.text.tokens();
    let original = scan.text.original();
    let spaced = |from: usize, to: usize| original.get(from..to).is_some_and(|gap| gap.iter().all(|c| c.is_whitespace()));
    let joined_at = |at: usize| tokens.get(at).is_some_and(|t| JOINED.contains(&word_form(t).as_str()));
    let describing = |at: usize| tokens.get(at).is_some_and(|t| DESCRIBING.contains(&word_form(t).as_str()));
    // Only spaces between the word at `at` and the next.
    let spaced_after = |at: usize| tokens.get(at).zip(tokens.get(at + 1)).is_some_and(|(t, next)| spaced(t.source.end, next.source.start));
    // The hit, then describing words up to the noun at `to`, with only spaces between.
    let bridged = |to: usize| {
        tokens.get(hit.words.end).is_some_and(|t| spaced(hit.source.end, t.source.start))
            && (hit.words.end..to).all(|at| describing(at) && spaced_after(at))
    };
    let mut first = hit.words.start;
    while hit.words.start - first < MOST_BETWEEN && first > 0 && describing(first - 1) && spaced_after(first - 1) {
        first -= 1;
    }
    // Nothing but punctuation, or the end, after the hit before the next word.
    let ends_clause = tokens.get(hit.words.end).is_none_or(|next| !spaced(hit.source.end, next.source.start));
    scan.hits(attacks).iter().filter(|a| a.sentence == hit.sentence).find_map(|a| {
        let before = a.words.start >= hit.words.end
            && a.words.start - hit.words.end <= MOST_BETWEEN
            && bridged(a.words.start);
        // "saldırı vahşice", "saldırı tam bir barbarlık": only words that say how much between.
        let right_after = a.words.end <= hit.words.start
            && hit.words.start - a.words.end <= MOST_BETWEEN
            && (a.words.end..hit.words.start).all(|at| tokens.get(at).is_some_and(|t| GRADING.contains(&word_form(t).as_str())))
            && (a.words.end.saturating_sub(1)..hit.words.start).all(spaced_after)
            && ends_clause;
        if before && !joined_at(a.words.end) {
            Some(first)
        } else if right_after && !a.words.start.checked_sub(1).is_some_and(joined_at) {
            Some(a.words.start)
        } else {
            None
        }
    })
}

/// A word of `suffered` stands right before the words describing the attack, or before one
/// bridging word and them ("yapılan barbarca saldırı", "yönelik bu vahşi eylem", "saldıranların
/// yaptığı vahşi bir eylem"), and not after the speaker's side ("bize", "bana", "askerlerimize",
/// "ülkemize"): "bize yönelik hain saldırılar" accuses those named of attacking it.
fn reported_suffered(scan: &Scan<'_>, suffered: ListId, sentence: usize, described: usize) -> bool {
    const SPEAKERS_SIDE: [&str; 2] = ["bize", "bana"];
    // "our …" in the dative, as ASCII skeletons: -(ı)mıza, -(i)mize, -(u)muza, -(ü)müze.
    const OUR_DATIVE: [&str; 3] = ["miza", "mize", "muza"];
    // A determiner, or the attackers' deed named after them ("yaptığı"; word forms are ASCII
    // skeletons); "Yahudilerin yaptığı vahşi eylem" has no word of `suffered` before "yaptığı"
    // and stays an accusation.
    const BRIDGES: [&str; 5] = ["bu", "bir", "yaptigi", "gerceklestirdigi", "duzenledigi"];
    let tokens = scan.text.tokens();
    let form_at = |at: usize| tokens.get(at).map(word_form);
    scan.hits(suffered).iter().any(|s| {
        let right_before = s.words.end == described
            || s.words.end + 1 == described && form_at(s.words.end).is_some_and(|f| BRIDGES.contains(&f.as_str()));
        let accused = s.words.start.checked_sub(1).and_then(form_at).is_some_and(|f| {
            SPEAKERS_SIDE.contains(&f.as_str()) || f.chars().count() > 5 && OUR_DATIVE.iter().any(|ending| f.ends_with(ending))
        });
        s.sentence == sentence && right_before && !accused
    })
}

/// The word right after the hit, with only spaces between, names it as a word: "Yobaz kelimesinin
/// kökeni", "'aptal' sözcüğü", "yobaz lafını yapıştırmak", "gavur tabiri".
fn named_as_a_word(scan: &Scan<'_>, hit: &Hit) -> bool {
    // Word forms are ASCII skeletons. Not "lafı bile az" or "tabiri caizse": idioms that say the
    // word of someone ("Ermeniler için aşağılık lafı bile az"), so not "lafı" or "tabiri" alone.
    const WORD_NOUNS: [&str; 21] = [
        "kelimesi", "kelimesini", "kelimesinin", "kelimesine", "kelimesinde", "kelimesinden", "kelimesiyle", "sozcugu", "sozcugunu",
        "sozcugunun", "sozcugune", "sozcugunde", "sozcugunden", "sozcuguyle", "lafini", "lafinin", "terimi", "terimini", "teriminin",
        "tabirini", "tabirinin",
    ];
    let tokens = scan.text.tokens();
    let original = scan.text.original();
    let Some(next) = tokens.get(hit.words.end) else { return false };
    let spaced = original.get(hit.source.end..next.source.start).is_some_and(|gap| gap.iter().all(|c| c.is_whitespace() || is_quote(*c)));
    // "… kelimesi bile az": the word said, however it is named.
    let said_anyway = tokens.get(hit.words.end + 1).is_some_and(|after| word_form(after) == "bile");
    spaced && next.sentence == hit.sentence && WORD_NOUNS.contains(&word_form(next).as_str()) && !said_anyway
}

/// "aptallık", "ahmaklığı": the listed stem followed by -lık/-lik/-luk/-lük; or by -ca/-ce, the
/// manner of an act ("ahmakça bir tercih", "edepsizce bir cevap", "karaktersizce yapılan").
fn names_an_act(scan: &Scan<'_>, list: ListId, hit: &Hit) -> bool {
    if hit.words.len() != 1 {
        return false;
    }
    let Some(token) = scan.text.tokens().get(hit.words.start) else { return false };
    if token.source != hit.source {
        return false;
    }
    let origin = scan.origin(list, hit);
    let entry = origin.split_once(' ').map_or(origin.as_str(), |(_, entry)| entry);
    let Some(stem) = entry.strip_suffix('*') else { return false };
    if stem.contains(' ') {
        return false;
    }
    let stem: String = stem.trim_start_matches(['!', '=']).chars().map(ascii_skeleton).collect();
    let form = word_form(token);
    // -lık, softened before a vowel to -lığ ("aptallığı").
    let is_act = form.strip_prefix(stem.as_str()).is_some_and(|rest| ["lik", "luk", "lig", "lug", "ca", "ce"].iter().any(|s| rest.starts_with(s)));
    is_act && !done_by_someone(scan, hit) && !owned_by_the_addressee(scan, hit)
}

/// "Senin ahmaklığın", "sizin bu terbiyesizliğiniz": the act is the person addressed.
fn owned_by_the_addressee(scan: &Scan<'_>, hit: &Hit) -> bool {
    // ASCII skeletons; "bu" may stand between ("sizin bu terbiyesizliğiniz").
    const ADDRESSEE: [&str; 2] = ["senin", "sizin"];
    let tokens = scan.text.tokens();
    let before = |back: usize| hit.words.start.checked_sub(back).and_then(|at| tokens.get(at)).filter(|t| t.sentence == hit.sentence).map(word_form);
    match before(1).as_deref() {
        Some(word) if ADDRESSEE.contains(&word) => true,
        Some("bu") => before(2).is_some_and(|word| ADDRESSEE.contains(&word.as_str())),
        _ => false,
    }
}

/// The act is done by someone: "şerefsizlik yapmayın", "terbiyesizlik etme", "yalakalık yapan
/// gazeteler", "şerefsizlik resmen yaptı" say it of a person, the doer, as "aptal" would; "tam bir
/// aptallık" names the act. The speaker's own acts ("aptallık yaptım", "hırsızlık yapmıyorum",
/// "haksızlık ettik") insult nobody, nor does the passive, which names no doer ("bu aptallık
/// yapılmamalı"). The verb follows the act right after it or after at most two adverbs ("bu
/// aptallığı her gün yapıyorsun"): a noun between makes a verb of its own ("bu aptallık kabul
/// edilemez" judges the act).
fn done_by_someone(scan: &Scan<'_>, hit: &Hit) -> bool {
    // Forms of yapmak and etmek, as typed in ASCII; not "yapı" (a building) or "etki" (an effect).
    const DOING: [&str; 20] = [
        "yapm", "yapt", "yapar", "yapan", "yapac", "yapip", "yapiyo", "yapin", "yapsin", "yapabil", "etm", "ett", "eder", "eden",
        "edec", "edip", "ediyo", "edin", "edebil", "etsin",
    ];
    // Words that may stand between the act and its verb, as ASCII skeletons: adverbs, and the
    // words of "her gün", "her zaman", "bir daha", "bu kadar".
    const ADVERBS: [&str; 22] = [
        "resmen", "yine", "gene", "hep", "bile", "de", "da", "cok", "acikca", "artik", "hala", "surekli", "daima", "hic", "her", "gun",
        "zaman", "seferinde", "bir", "daha", "bu", "kadar",
    ];
    const MOST_ADVERBS: usize = 2;
    let doing = |t: &Token| {
        let form = word_form(t);
        DOING.iter().any(|prefix| form.starts_with(prefix)) && !said_of_the_speaker(&form)
    };
    let mut after = scan.text.tokens().iter().skip(hit.words.end).take_while(|t| t.sentence == hit.sentence);
    for _ in 0..=MOST_ADVERBS {
        match after.next() {
            Some(next) if doing(next) => return true,
            Some(next) if ADVERBS.contains(&word_form(next).as_str()) => continue,
            _ => return false,
        }
    }
    false
}

/// A verb in the first person, in its ASCII skeleton: "-m" (yaptım, yapmıyorum, edeceğim), the past
/// "-dık" (yaptık, etmedik), or "-ız" not after the "n" of the second person (yaparız, yapmamız;
/// not yaptınız, yapıyorsunuz). The future "yapacak" and the infinitive "yapmak" end in "-ak".
fn said_of_the_speaker(form: &str) -> bool {
    form.ends_with('m')
        || form.ends_with("ik")
        || form.ends_with("uk")
        || ((form.ends_with("iz") || form.ends_with("uz")) && !form[..form.len() - 2].ends_with('n'))
}

/// A hit of `list` starts within `window` words after the hit, in its sentence: a negation ("aptal
/// demiyorum"), or a verb of saying without quotes ("sapık derler", "hain diye bağırdı").
fn followed_by(scan: &Scan<'_>, list: ListId, hit: &Hit, window: usize) -> bool {
    hits_after(scan, list, hit, window).next().is_some()
}

/// The hits of `list` that start within `window` words after the hit, in its sentence.
fn hits_after<'s>(scan: &'s Scan<'_>, list: ListId, hit: &'s Hit, window: usize) -> impl Iterator<Item = &'s Hit> {
    scan.hits(list)
        .iter()
        .filter(move |n| n.sentence == hit.sentence && n.words.start >= hit.words.end && n.words.start - hit.words.end < window)
}

/// A news report's form of saying follows within two words, with nothing but words and spaces
/// between: "kaltak diye hakaret eden", "şerefsiz hakem diye bağıran"; not "O şerefsiz, dediği için
/// hesap verecek", where the comma closes the commenter's own insult.
fn reported_after(scan: &Scan<'_>, reported: ListId, hit: &Hit) -> bool {
    let original = scan.text.original();
    hits_after(scan, reported, hit, UNQUOTED_WINDOW).any(|r| {
        original
            .get(hit.source.end..r.source.start)
            .is_some_and(|between| between.iter().all(|c| c.is_alphanumeric() || c.is_whitespace() || is_quote(*c)))
    })
}

/// Inside quotes, and a verb of saying within a few words after the closing quote.
fn is_reported(scan: &Scan<'_>, reporting: ListId, hit: &Hit) -> bool {
    let original = scan.text.original();
    let tokens = scan.text.tokens();
    // The quotes are looked for within a few words of the hit, in its sentence: the cost of a hit
    // stays the same however long the comment.
    let mut first = hit.words.start.min(tokens.len());
    while first > 0 && hit.words.start - first < QUOTED_WORDS && tokens[first - 1].sentence == hit.sentence {
        first -= 1;
    }
    let from = tokens.get(first).map_or(0, |t| t.source.start).saturating_sub(1);
    // An opening quote stands before a word, not after a letter ("Türkiye'nin" is a suffix).
    let opened = (from..hit.source.start).rev().any(|at| {
        original.get(at).is_some_and(|&c| is_quote(c)) && !original.get(at.wrapping_sub(1)).is_some_and(|c| c.is_alphanumeric())
    });
    if !opened {
        return false;
    }
    let until = tokens.get(hit.words.end + QUOTED_WORDS).map_or(original.len(), |t| t.source.start).max(hit.source.end);
    let Some(closing) =
        (hit.source.end..until).find(|&at| is_quote(original[at]) && !original.get(at + 1).is_some_and(|c| c.is_alphanumeric()))
    else {
        return false;
    };
    let after = tokens.partition_point(|t| t.source.start < closing);
    scan.hits(reporting).iter().any(|r| r.words.start >= after && r.words.start - after < REPORTING_WINDOW)
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    fn fixture() -> Fixture {
        Fixture::new(&[
            ("insult", "aptal*\nşerefsiz*\nahmak*\n"),
            ("reporting", "dedi*\ntezahürat*\n"),
            ("negating", "demiyorum\ndeğil\n!değil mi*\n"),
        ])
    }

    const SPEC: &str = "kind = 'lexicon'\nlists = ['insult']\nmentions = { reporting = 'reporting', negating = 'negating', acts = true }";

    #[test]
    fn reported_speech_is_spared_but_a_quote_alone_is_not() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Bakan, muhalefet liderine 'şerefsiz' dedi; açıklama tepki çekti."), None);
        assert_eq!(fixture.spans(&*check, "Taraftarların “şerefsiz hakem” tezahüratı soruşturma konusu oldu"), None);
        assert_eq!(fixture.spans(&*check, "'şerefsiz' sensin"), Some(vec!["şerefsiz".into()]));
        assert_eq!(fixture.spans(&*check, "Türkiye'nin şerefsiz yöneticileri dedi ki"), Some(vec!["şerefsiz".into()]));
    }

    #[test]
    fn negated_mentions_are_spared_and_questions_are_not() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Kimseye aptal demiyorum ama bu kararın mantığı yok"), None);
        assert_eq!(fixture.spans(&*check, "O aptal değil, sadece yanılıyor"), None);
        assert_eq!(fixture.spans(&*check, "Sen aptal değil misin"), Some(vec!["aptal".into()]));
        assert_eq!(fixture.spans(&*check, "aptal"), Some(vec!["aptal".into()]));
    }

    #[test]
    fn an_act_is_spared_and_a_person_is_not() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Alınan karar tam bir aptallık"), None);
        assert_eq!(fixture.spans(&*check, "Bu nasıl bir ahmaklık, kendi ayağımıza kurşun sıkıyoruz"), None);
        assert_eq!(fixture.spans(&*check, "Bu ne AHMAKLIĞI"), None);
        assert_eq!(fixture.spans(&*check, "Bu kadar ahmakça bir tercih görülmedi"), None);
        assert_eq!(fixture.spans(&*check, "Senin ahmaklığın kabul edilemez"), Some(vec!["ahmaklığın".into()]));
        assert_eq!(fixture.spans(&*check, "Sizin bu ahmaklığınız bitmedi"), Some(vec!["ahmaklığınız".into()]));
        assert_eq!(fixture.spans(&*check, "Sen tam bir ahmaksın"), Some(vec!["ahmaksın".into()]));
        // Doing the act is said of the doer.
        assert_eq!(fixture.spans(&*check, "Bu kadar ahmaklık yapmayın"), Some(vec!["ahmaklık".into()]));
        assert_eq!(fixture.spans(&*check, "ahmaklık etme"), Some(vec!["ahmaklık".into()]));
        assert_eq!(fixture.spans(&*check, "Bu ahmaklık yapısı gereği"), None);
        assert_eq!(fixture.spans(&*check, "Bunu yapmayın, siz de ahmaklık yapıyorsunuz"), Some(vec!["ahmaklık".into()]));
        assert_eq!(fixture.spans(&*check, "Adam ahmaklık resmen yaptı"), Some(vec!["ahmaklık".into()]));
        // A noun between makes a verb of its own, and the passive names no doer.
        assert_eq!(fixture.spans(&*check, "Bu yapılan ahmaklık kabul edilemez"), None);
        assert_eq!(fixture.spans(&*check, "Bu ahmaklık bir daha yapılmamalı"), None);
        // The speaker's own acts.
        assert_eq!(fixture.spans(&*check, "Ben ahmaklık yaptım, kabul"), None);
        assert_eq!(fixture.spans(&*check, "Şerefsizlik hırsızlık yapmıyorum"), None);
        assert_eq!(fixture.spans(&*check, "Biz bu ahmaklığı etmeyiz"), None);
    }

    #[test]
    fn unquoted_reported_speech_is_spared_only_where_asked() {
        let fixture = fixture();
        let unquoted = fixture.check("kind = 'lexicon'\nlists = ['insult']\nmentions = { reporting = 'reporting', unquoted = true }");
        assert_eq!(fixture.spans(&*unquoted, "Herkese şerefsiz dedi, özür diledi"), None);
        assert_eq!(fixture.spans(&*unquoted, "Şerefsiz herif, ne dedi bilmiyorum"), Some(vec!["Şerefsiz".into()]));
        let quoted_only = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*quoted_only, "Herkese şerefsiz dedi, özür diledi"), Some(vec!["şerefsiz".into()]));
    }

    #[test]
    fn a_news_reports_forms_of_saying_spare_a_word_without_quotes() {
        let fixture = Fixture::new(&[("insult", "aptal*\nşerefsiz*\n"), ("reported", "dediği için\ndiye hakaret*\n")]);
        let check = fixture.check("kind = 'lexicon'\nlists = ['insult']\nmentions = { reported = 'reported' }");
        assert_eq!(fixture.spans(&*check, "Vekil rakibine aptal dediği için özür diledi"), None);
        assert_eq!(fixture.spans(&*check, "Eşine şerefsiz diye hakaret eden adam tutuklandı"), None);
        assert_eq!(fixture.spans(&*check, "Bu aptal dediğini yapmadı"), Some(vec!["aptal".into()]));
        assert_eq!(fixture.spans(&*check, "O şerefsiz, dediği için hesap verecek"), Some(vec!["şerefsiz".into()]));
    }

    #[test]
    fn a_report_the_commenter_agrees_with_is_the_commenters_own_word() {
        let fixture = Fixture::new(&[("insult", "beyinsiz*\n"), ("reporting", "diyor\n"), ("agreeing", "katılıyorum\n")]);
        let check = fixture.check("kind = 'lexicon'\nlists = ['insult']\nmentions = { reporting = 'reporting', agreeing = 'agreeing' }");
        assert_eq!(fixture.spans(&*check, "Vekil ona \"beyinsiz\" diyor, tepki çekti"), None);
        assert_eq!(fixture.spans(&*check, "Vekil ona \"beyinsiz\" diyor, ben de katılıyorum"), Some(vec!["beyinsiz".into()]));
    }

    #[test]
    fn words_describing_a_condemned_or_suffered_attack_are_spared_only_where_asked() {
        let fixture = Fixture::new(&[
            ("contempt", "hain*\nbarbar*\nkalleş*\n"),
            ("attacks", "saldırı*\neylem*\n"),
            ("condemning", "kınıyoruz\nlanetliyoruz\n"),
            ("suffered", "yapılan\nyönelik\nsaldıran*\n"),
        ]);
        let check = fixture.check(
            "kind = 'lexicon'\nlists = ['contempt']\nmentions = { attacks = 'attacks', condemning = 'condemning', suffered = 'suffered' }",
        );
        assert_eq!(fixture.spans(&*check, "Sinagogdaki hain saldırıyı kınıyoruz"), None);
        assert_eq!(fixture.spans(&*check, "Bu barbarca bir eylemi lanetliyoruz"), None);
        assert_eq!(fixture.spans(&*check, "Camiye yapılan barbarca saldırı herkesi üzdü"), None);
        assert_eq!(fixture.spans(&*check, "Müslümanlara yönelik bu hain saldırı"), None);
        assert_eq!(fixture.spans(&*check, "Camiye yapılan saldırı barbarca, failler bulunmalı"), None);
        assert_eq!(fixture.spans(&*check, "Camiye saldıranların yaptığı barbarca bir eylem"), None);
        assert_eq!(fixture.spans(&*check, "Onların yaptığı barbarca bir eylem"), Some(vec!["barbarca".into()]));
        assert_eq!(fixture.spans(&*check, "Bu saldırıyı kınıyoruz, kalleşler"), Some(vec!["kalleşler".into()]));
        // A word not describing the attack is said of someone: the condemned or those named.
        assert_eq!(fixture.spans(&*check, "Bu saldırıyı kınıyoruz, hainler"), Some(vec!["hainler".into()]));
        assert_eq!(fixture.spans(&*check, "Hepsi hain, onları kınıyoruz"), Some(vec!["hain".into()]));
        assert_eq!(fixture.spans(&*check, "Hepsi kalleş, bize yapılan her saldırının arkasında onlar"), Some(vec!["kalleş".into()]));
        // An attack described but neither condemned nor suffered, or suffered by the speaker's side.
        assert_eq!(fixture.spans(&*check, "Yine hain bir saldırı planlıyorlar"), Some(vec!["hain".into()]));
        assert_eq!(fixture.spans(&*check, "Yine bize yönelik hain bir saldırı planlıyorlar"), Some(vec!["hain".into()]));
        assert_eq!(fixture.spans(&*check, "Askerlerimize yapılan hain saldırıların arkasında onlar var"), Some(vec!["hain".into()]));
        // An attack joined to others, or named with its doers, shares the words with them.
        assert_eq!(fixture.spans(&*check, "Hain saldırı ve hainler, kınıyoruz"), Some(vec!["Hain".into(), "hainler".into()]));
        assert_eq!(fixture.spans(&*check, "Kalleş saldırı yapan Yahudiler, kınıyoruz"), Some(vec!["Kalleş".into()]));
        assert_eq!(fixture.spans(&*check, "Saldırı kalleşçe kınıyoruz onları"), Some(vec!["kalleşçe".into()]));
        // Several words describe one attack; a name between is no description.
        assert_eq!(fixture.spans(&*check, "Kiliseye yönelik hain bombalı saldırıyı kınıyoruz"), None);
        assert_eq!(fixture.spans(&*check, "Kiliseye yapılan bu hain ve barbarca saldırı"), None);
        assert_eq!(fixture.spans(&*check, "Hain Kürt saldırısını kınıyoruz"), Some(vec!["Hain".into()]));
        let plain = fixture.check("kind = 'lexicon'\nlists = ['contempt']");
        assert_eq!(fixture.spans(&*plain, "Sinagogdaki hain saldırıyı kınıyoruz"), Some(vec!["hain".into()]));
    }

    #[test]
    fn without_the_table_every_hit_counts() {
        let fixture = fixture();
        let check = fixture.check("kind = 'lexicon'\nlists = ['insult']");
        assert!(fixture.spans(&*check, "Alınan karar tam bir aptallık").is_some());
    }
}
