//! The offense rules as a moderator expects them on the sentences of issue 12: attacks on beliefs
//! made without a listed word, words only mentioned (reported, negated, naming an act), masks that
//! hide no particular word, and borderline words that context decides.

use std::sync::OnceLock;

use moderate::{Comment, Decision, Engine, Policy, Verdict};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Policy::embedded().expect("the default policy loads")))
}

/// The four offense rules alone: the sentences below are written with care, and spelling or
/// Turkish letters are not what is tested here.
fn offense() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(engine().policy().only(&["insult", "profanity", "offensive", "belief-attack"]).expect("rules exist")))
}

fn judge(text: &str) -> Verdict {
    offense().moderate(&Comment::new(text))
}

fn rules(verdict: &Verdict) -> Vec<&str> {
    verdict.reasons.iter().map(|r| r.rule.as_str()).collect()
}

/// The comment is approved by the four offense rules; the message names the rules that fired.
fn assert_approved(text: &str) {
    let verdict = judge(text);
    assert_eq!(verdict.decision, Decision::Approve, "{text}: {:?}", rules(&verdict));
}

/// The comment is flagged (rejected or sent to review), and `rule` is among the reasons.
fn assert_flagged_by(text: &str, rule: &str) {
    let verdict = judge(text);
    assert_ne!(verdict.decision, Decision::Approve, "{text}");
    assert!(rules(&verdict).contains(&rule), "{text}: {:?}", rules(&verdict));
}

#[test]
fn attacks_on_beliefs_without_a_listed_insult_are_flagged_as_attacks_on_beliefs() {
    for text in [
        "Müslümanların hepsi geri kafalı, bu din ülkeyi karanlığa sürüklüyor",
        "Yahudiler dünyayı yönetiyor, hepsi sinsi ve para düşkünü",
        "Hristiyanlık uydurma bir masaldan ibaret, inananlar da kandırılmış zavallılar",
        "Papaz da imam da aynı, hepsi dolandırıcı",
        "Dinler saçmalıktır, inananların hepsi aptaldır",
        "Islam is a disgusting religion.",
        // A borderline word said of believers: a person decides, whatever the rest scores.
        "Hristiyanlar kafirdir, hepsi cehennemde yanacak.",
        "Kafir Yahudiler yine sahnede",
        // Slurs said of believers, words no insult on their own.
        "Aleviler sapıktır, onlarla aynı sofraya oturmam.",
        "İslam bir terör dinidir.",
        "Kuran saçmalıklarla dolu bir kitap.",
        "Şii domuzları Suriye'de katliam yapıyor.",
        "Yahudilerin hepsi tefeci.",
        "Yahudi dölü olduğun belli.",
        "Din adamlarının hepsi asalak.",
        // Calls for harm said of believers, their books or houses of worship.
        "Bütün camiler yıkılsın, yerlerine okul yapılsın.",
        "Alevilerin hepsi asılmalı.",
        "Müslümanları bu ülkeden kovmak lazım, hepsi terörist.",
        "Kuran yakılmalı, bu kitap şiddet öğretiyor.",
        "Ezan yasaklanmalı.",
        "Islam should be banned in Europe.",
    ] {
        assert_flagged_by(text, "belief-attack");
    }
}

#[test]
fn naming_beliefs_in_an_ordinary_sentence_is_approved() {
    for text in [
        "Müslüman, Hristiyan ve Yahudi liderler barış çağrısı yaptı",
        "Ramazan ayında camiler doldu, imamlar vaaz verdi",
        "Papa, Vatikan'da inananlara seslendi",
        "Dindar ve laik kesimler bu konuda uzlaştı",
        "Yahudi cemaati Hanuka bayramını kutladı, sinagogda bir anma töreni de düzenlendi.",
        "Şii ve Sünni alimler ortak bir bildiri yayımladı.",
        // Letters are folded for evasion: a contempt word must not fold into a common one ("dolu").
        "Rabbim mutluluk dolu günler versin, Allah'a emanet olun.",
        // Contempt words only as slurs: not pork, not "a lot of".
        "Müslümanlar domuz eti yemez, Ramazan'da bir sürü insan camiye gitti.",
        // "pis" is contempt only as a word: not the runway, not the bishop.
        "Piskopos, pistteki kazada ölenler için kilisede dua etti.",
        // A prayer opening with a one-word exclamation: the name alone is no sentence to score.
        "Allahım! Geçmişte işlediğim tüm günahlarımı bağışla.",
        "Allah'ım! Sana teslim olan bir kalp, doğru sözlü bir dil ve dosdoğru bir ahlak istiyorum. Hayırlı Cumalar...",
        // Blessings are no contempt: "masallah" is not "masal", illness is wished away.
        "Masallah Allah yar ve yardımcıları olsun inşallah",
        "Allah ölüm ve hastalık vermesin, başınız sağ olsun",
        // A verse naming unbelievers, scored harmless around the borderline word.
        "Rabbimiz! Günahlarımızı bağışla ve kâfirler güruhuna karşı bize yardım et.",
        // Harm done to believers reported as news, and a blessing: no call for harm.
        "Kiliseyi yakan çete çökertildi, camiye saldıran kişi tutuklandı.",
        "Camide namaz kılan 50 kişi kurşuna dizildi.",
        "Salgın nedeniyle camiler bir süre kapatıldı.",
        "Ramazan bayramınız mübarek olsun, Allah kabul etsin.",
        // Contempt reported, not said: the other side's words.
        "Karşı tarafta bir vaka oldu mu 1,5 milyar müslümana sapık derler.",
        // God's curse invoked is no contempt of God.
        "Allah'ın laneti zalimlerin üzerine olsun.",
        "The mosque was burned down by extremists, police said.",
        // Attacks on believers condemned in the words an attack on them would use.
        "Sinagogdaki hain saldırıyı şiddetle kınıyoruz, başımız sağ olsun.",
        "Camiye yapılan bu saldırı tam bir barbarlık, failler cezalandırılsın.",
        "Kiliseye saldıranların yaptığı vahşi bir eylem, hepimiz üzgünüz.",
        "Camiye yapılan saldırıyı lanetliyoruz.",
        "Sinagogdaki hain saldırıyı kınadığımızı bildiririz.",
        "Yahudi mezarlığına yapılan saldırı vahşice, failler bulunmalı.",
        // A curse on terror is the commonest condolence under the news of an attack.
        "Kahrolsun terör, Allah şehitlerimize rahmet eylesin.",
        "Lanet olsun teröre, şehitlerimize rahmet olsun.",
        "We condemn the barbaric attack on the mosque.",
        // Animals named beside a faith, fairy tales of a people, pity and a curse on a match: a
        // moderator approves all of them.
        "Allah hayvanları da sever, onlara iyi bakın.",
        "Tanrı hayvanları yarattı, insanları da.",
        "İslam hayvanlara merhameti emreder.",
        "Ramazan hayvanları besledi, komşular da yardım etti.",
        "Alman masalları çocuklara hep bir ders verir.",
        "Türk halk masalları derlendi, kitap yakında çıkıyor.",
        "Zavallı Suriyeli çocuklar soğukta kaldı, yardım edelim.",
        "Lanet olsun, Türk takımı yine kaybetti.",
    ] {
        assert_approved(text);
    }
}

#[test]
fn condemning_an_attack_spares_only_the_words_that_describe_it() {
    // Contempt said of the people named, beside an attack the speaker's side suffers, or beside a
    // condemnation, is still contempt of the people.
    for text in [
        "Yahudiler yine bize yönelik hain bir saldırı planlıyor",
        "Kürtler kalleş, bize yapılan her saldırının arkasında onlar var",
        "Araplar kalleş, saldırıyı kınamadılar bile",
        "Türk halkına yönelik saldırıyı kınıyoruz, hainler",
        "Kahrolsun terör, kahrolsun Kürtler",
        // The curse shared with a people joined to the attack, or with its doers; an attack on
        // the speaker's side blamed on a people.
        "Kahrolsun terör ve Kürtler",
        "Kahrolsun katliam yapan Yahudiler",
        "Askerlerimize yapılan hain saldırıların arkasında Ermeniler var.",
        // A people cursed, then accused of an attack.
        "Yahudilere lanet olsun, Gazze'de katliam yapıyorlar.",
    ] {
        assert_ne!(judge(text).decision, Decision::Approve, "{text}: {:?}", rules(&judge(text)));
    }
}

#[test]
fn a_condolence_for_the_dead_of_an_attack_mourns_the_attack() {
    assert_approved("PKK'nın hain saldırısında şehit olan askerlerimize Allah'tan rahmet diliyorum.");
    assert_approved("Sosyal medyada \"Kürtler defolsun\" yazan kişi gözaltına alındı, yerinde bir karar.");
    // The curse is on the attacker of believers, after the attack is named.
    assert_approved("Yeni Zelanda'daki cami katliamında ölen Müslümanlara rahmet, katile lanet olsun.");
}

#[test]
fn a_coup_called_traitorous_is_no_contempt_of_the_people_it_struck() {
    // "hain darbe girişimi" is how the news names the 15 July coup attempt; a coup suffered is
    // described as an attack is.
    for text in [
        "Türk milleti 15 Temmuz'da hain darbe girişimine karşı durdu.",
        "15 Temmuz hain darbe girişiminde şehit olan Türk askerlerini rahmetle anıyoruz.",
        "Türk Silahlı Kuvvetleri'ne yapılan hain ve alçakça bir darbenin adı olmayacaktır.",
        "Ermenilere yapılan hain ve alçakça bir saldırı kabul edilemez.",
    ] {
        assert_approved(text);
    }
    // The people called traitors, with a coup beside it, is contempt still.
    for text in ["Ermeniler hain, darbe yapmaya çalıştılar.", "Yahudiler hain ve alçakça bir saldırı planlıyor."] {
        assert_ne!(judge(text).decision, Decision::Approve, "{text}: {:?}", rules(&judge(text)));
    }
}

#[test]
fn naming_peoples_is_no_offense_but_attacking_them_is() {
    for text in [
        "Suriyeliler bu yıl da bayramı Türkiye'de kutladı",
        "Kürt ve Türk gençler aynı takımda oynuyor",
        "Arap turistler ülke ekonomisine katkı sağlıyor",
        // Sympathy in the words of contempt: said of how a people is treated, not of the people.
        "Suriyeli mülteciler hayvan gibi çalıştırılıyor, bu bir utanç",
        "Suriyelilere yapılan zulümden tiksiniyorum",
        "Syrian refugees are welcome here",
        "Japon balığı akvaryumda yüzüyor, Çinli turistler fotoğraf çekiyor",
        // Contempt words inside ordinary ones: principles, a crime tried, wildlife, a dish, a
        // false witness.
        "İslam'ın temel ilkeleri bu kitapta anlatılıyor.",
        "Papaz dolandırıcılık suçundan tutuklandı.",
        "Alman turistler Antalya'da vahşi doğayı keşfetti.",
        "Rum usulü yalancı dolma tarifi çok tuttu.",
        "Kürt kökenli yalancı tanık mahkemede ifade verdi.",
        "Bu diziler insanları aptallaştırıyor, Türk televizyonu böyle olmamalı.",
        // Harm reported, not called for; a rat's soaking; a sick refugee.
        "Çin'de Müslüman Uygurlar kamplara kapatıldı, dünya sessiz.",
        "Alman turistler yağmurda fare gibi ıslandı.",
        "Many Syrian refugees are sick and need urgent medical help.",
    ] {
        assert_approved(text);
    }
    for text in [
        "Suriyeliler defolsun bu ülkeden",
        "Ermeniler yalancı ve sinsidir",
        "Bu Araplar hepsi pis ve hain",
        // Condemning the people themselves is no condemnation of an attack, and an attack they
        // are accused of is neither condemned nor suffered.
        "Kürtler kalleş, hepsini kınıyorum",
        "Müslümanların hepsi hain, onları kınıyorum",
        "Yahudiler yine hain bir saldırı planlıyor",
    ] {
        assert_ne!(judge(text).decision, Decision::Approve, "{text}");
    }
    // Contempt or a call for harm said of a people goes to a person, as said of believers: the
    // model reads a generalisation in plain words as calm.
    for text in [
        "Arapların hepsi kalleş, tarih boyunca arkadan vurdular",
        "Kürtlerin iyisi ölüsüdür",
        "Afganlar sınır dışı edilmeli",
        // Dehumanising comparisons, shutting a people away, and the same in English.
        "Suriyeliler fare gibi üreyip duruyor",
        "Afganları toplayıp kamplara kapatmak lazım",
        "Syrians are parasites, send them back",
        "Araplar vahşi hayvanlar gibi",
        "Araplar lanetli bir millettir.",
        "Arap sürüleri şehri bastı.",
    ] {
        assert_eq!(judge(text).decision, Decision::Review, "{text}: {:?}", rules(&judge(text)));
    }
    // Letters are folded for evasion, and "kurt" is also a wolf and "kurtulmak" a verb: neither is
    // a people ("Sapıklıktan kurtulmak" is no contempt of Kurds); a breed is no slur.
    for text in ["Bu sapıklıktan kurtulmak istiyorum, hayat işte", "Kurtlar vadisi pis bir diziydi", "Alman kurdu çok sadık bir köpektir"] {
        assert_approved(text);
    }
    // A people or a belief named and called animals in the same breath goes to a person ("Kürt"
    // itself stays a people though "kurt" is excepted); words near the people are not: "Kürtaj",
    // "kurdele", "almana".
    for (text, rule) in [("Bu Afgan köpekleri şehri köye çevirdi", "offensive"), ("Kürt itleri", "offensive"), ("Şii domuzları yine sahnede", "belief-attack")] {
        let verdict = judge(text);
        assert_eq!(verdict.decision, Decision::Review, "{text}: {:?}", rules(&verdict));
        assert!(rules(&verdict).contains(&rule), "{text}: {:?}", rules(&verdict));
    }
    for text in ["Kürtaj tartışması yine gündemde, meclis konuyu görüşecek", "Kırmızı kurdele takıldı", "Kurtçuklar bahçedeki elmaları sardı", "Bunu almana gerek yok, evde var", "Denizlerdeki mikroplastik kirliliği artıyor"] {
        assert_approved(text);
    }
}

#[test]
fn naming_sexual_orientations_is_no_offense_but_insulting_them_is() {
    // Before the model stopped seeing these words (`wordlists/tr/identities.txt`), the first went
    // to review at 0.70, the second at 0.45.
    for text in [
        "\"Eşcinseller aşkı anlatıyor\" adlı bu dizide Türkiye'de eşcinsellik konusundaki ikiyüzlü yaklaşımları anlatıyor.",
        "Bunların büyük bir çoğunluğu gay veya lesbiyen olarak partneri ile yaşıyor.",
    ] {
        assert_approved(text);
    }
    assert_ne!(judge("Eşcinseller hepsi sapık ve iğrenç").decision, Decision::Approve);
}

#[test]
fn a_one_word_insult_before_a_sentence_is_still_judged() {
    for text in ["Şerefsiz! Bunu nasıl yaparsın", "Defol! Seni bir daha görmek istemiyorum"] {
        assert_eq!(judge(text).decision, Decision::Reject, "{text}: {:?}", rules(&judge(text)));
    }
}

#[test]
fn words_only_mentioned_are_not_insults() {
    for text in [
        "Bakan, muhalefet liderine 'şerefsiz' dedi; açıklama tepki çekti.",
        "Taraftarların 'şerefsiz hakem' tezahüratı soruşturma konusu oldu",
        "Alınan karar tam bir aptallık",
        "Bu nasıl bir ahmaklık, kendi ayağımıza kurşun sıkıyoruz",
        // Acts judged, not people: "kabul edilemez" is no one doing the act.
        "Bu yapılan aptallık kabul edilemez.",
        "Şehit ailelerine yapılan tam bir alçaklık.",
        "Dünya futbol tarihi bu kadar ahmakça bir tercihe şahit olmamıştır.",
        // Swearing quoted from a court case; a curse quoted from the stands; a rule for all.
        "Mahkeme, eşine \"kaltak\" diye hakaret eden adamı mahkum etti.",
        "Teknik direktör, taraftarların kendisine \"defol\" diye tezahürat yapmasına tepki gösterdi.",
        "Hakeme şerefsiz demek yanlış, ama verdiği kararlar tartışılır.",
        "Kimseye aptal demiyorum ama bu kararın mantığı yok",
        // A word named as a word, and a curse quoted in a report.
        "\"Yobaz\" kelimesinin kökeni neymiş, etimolojisi ilginç imiş",
        "Bu adam \"Kürtler defolsun\" diye yazmış, ırkçılık yaptığı için şikayet ettim",
        // A word for a fraudster in a news report, not said to anyone.
        "Kendini doktor olarak tanıtan şarlatan tutuklandı",
    ] {
        let verdict = judge(text);
        assert!(!rules(&verdict).contains(&"insult"), "{text}: {:?}", rules(&verdict));
        assert_ne!(verdict.decision, Decision::Reject, "{text}: {:?}", rules(&verdict));
    }
    // Said by the commenter, the quoted curse is the commenter's.
    assert_eq!(judge("Sana \"defol\" diyorum").decision, Decision::Reject);
}

#[test]
fn the_same_words_said_of_a_person_are_still_insults() {
    for text in ["Muhalefet lideri şerefsiz", "Sen tam bir aptalsın", "Bu hakem şerefsiz", "Aptal değil misin sen", "Sen tam bir şarlatansın", "Alçaklık yapmayın", "Bu mallığı yapma artık", "Ona \"aptal\" dedim.", "Senin ahmaklığın kabul edilemez.", "Sunucu konuğuna \"beyinsiz\" diyor, ben de katılıyorum.", "Bu aptallığı her gün yapıyorsun."] {
        let verdict = judge(text);
        assert_eq!(verdict.decision, Decision::Reject, "{text}");
        assert!(rules(&verdict).contains(&"insult"), "{text}: {:?}", rules(&verdict));
    }
}

#[test]
fn a_word_that_is_mostly_masks_is_no_particular_word() {
    let verdict = judge("bu ******ss bir adam");
    assert!(!rules(&verdict).contains(&"insult"), "{:?}", verdict.reasons);
    let verdict = judge("******ss ******ss");
    assert!(!rules(&verdict).contains(&"belief-attack"), "{:?}", verdict.reasons);
    // One mask in a word still reads as the word.
    assert_eq!(judge("s*ktir git").decision, Decision::Reject);
}

#[test]
fn borderline_words_are_decided_by_their_sentence() {
    for text in ["Bu alet tam bir gavur icadı, ama çok işe yarıyor", "Gavur sevdası bir Anadolu türküsüdür"] {
        assert_ne!(judge(text).decision, Decision::Reject, "{text}: {:?}", judge(text).reasons);
    }
    let verdict = judge("Gavur dölü şerefsiz herif");
    assert_eq!(verdict.decision, Decision::Reject);
    // Beside a belief, a borderline word reported without quotes is no attack on it; said of
    // believers, a person decides.
    assert_approved("Kuran'da \"Dinde zorlama yoktur\" ayeti var, kimseye kafir diye saldırmak İslam'a uygun değil.");
    assert_flagged_by("Hristiyanlar kafirdir, onlarla dost olunmaz.", "belief-attack");
}

#[test]
fn a_curse_is_offensive_and_trouble_is_not() {
    let verdict = judge("Allah'ın belası Yahudiler yine iş başında.");
    assert_eq!(verdict.decision, Decision::Reject);
    assert!(rules(&verdict).contains(&"offensive"), "{:?}", rules(&verdict));
    assert_eq!(judge("Bu iş başının belası oldu, ama sonunda çözüldü.").decision, Decision::Approve);
}

#[test]
fn a_threat_of_violence_is_offensive_and_a_report_of_violence_is_not() {
    for text in [
        "Bu kadın gazeteciyi gördüğüm yerde döverim.",
        "Bu adamı sokakta linç etmek lazım.",
        "Seni öldüreceğim, bekle",
        "Bu vekil kurşuna dizilmeli.",
        "Allah canını alsın inşallah.",
    ] {
        let verdict = judge(text);
        assert_eq!(verdict.decision, Decision::Reject, "{text}");
        assert!(rules(&verdict).contains(&"offensive"), "{text}: {:?}", rules(&verdict));
    }
    for text in [
        "Gazeteci sosyal medyada linç edildi.",
        "IŞİD militanları rehinenin kafasını kesip videoya çekti.",
        "Sanık, eşini \"seni öldüreceğim\" diye tehdit etti.",
        "Hayır deme yoksa kendimi öldürürüm. Seni çok seviyorum",
        "Darbeciler 1960'ta başbakanı kurşuna dizdi.",
    ] {
        assert_approved(text);
    }
}

#[test]
fn threat_and_insult_phrases_leave_their_ordinary_senses_alone() {
    for text in [
        "Havalimanında gördüğüm yerde döviz bozdurdum, kur çok kötüydü.",
        "Kasap tavuğun kafasını keserim dedi, sonra temizledi.",
        "Kimse linç edilmeli mi diye soruyor, elbette hayır.",
        "Napolyon esirler kurşuna dizilsin emrini verdi.",
        "Çiftlikte tam bir domuz gribi salgını yaşandı.",
        "Sivrisineklerin soyunu kurutmak için ilaçlama yapıldı.",
        "Teknik direktör, sahada tam bir eşek yükü iş yaptıklarını söyledi.",
        "Oğluma arkadaşına \"salak\" deme dedim.",
        "\"Aptal Kutusu\" belgeseli televizyonun çocuklara etkisini iyi anlatmış.",
    ] {
        let verdict = judge(text);
        assert!(!rules(&verdict).iter().any(|r| ["insult", "profanity"].contains(r)), "{text}: {:?}", rules(&verdict));
        assert!(
            !verdict.reasons.iter().any(|r| r.rule == "offensive" && r.score.is_none()),
            "{text}: a listed word, {:?}",
            verdict.reasons
        );
    }
    for text in ["Sen tam bir domuzsun.", "O şerefsiz, dediği için hesap verecek!"] {
        assert_eq!(judge(text).decision, Decision::Reject, "{text}");
    }
}

#[test]
fn a_gardeners_side_shoot_is_no_swear_word() {
    assert_approved("Domatesin piçlerini almazsanız verim düşer, her hafta kontrol edin.");
    assert_eq!(judge("Seni piç seni").decision, Decision::Reject);
}

#[test]
fn swearing_said_by_the_commenter_is_swearing_even_when_reported() {
    for text in ["Daha demin kendi kendime \"Derdini sikeyim senin.\" dedim.", "Orospu çocuğu hakem yine bizi yaktı"] {
        let verdict = judge(text);
        assert_eq!(verdict.decision, Decision::Reject, "{text}");
        assert!(rules(&verdict).contains(&"profanity"), "{text}: {:?}", rules(&verdict));
    }
}

#[test]
fn contempt_for_those_who_exploit_a_faith_is_no_attack_on_it() {
    // The fraudsters are the ones called so, not the faith they exploit.
    for text in [
        "Dinî duyguları istismar eden dolandırıcılara karşı herkes uyanık olmalı.",
        "Dini kullanarak insanları kandıran sahtekarlar yakalandı.",
    ] {
        let verdict = judge(text);
        assert!(!rules(&verdict).contains(&"belief-attack"), "{text}: {:?}", rules(&verdict));
    }
    // Believers named before the phrase are its subject: the generalisation is still an attack.
    assert_flagged_by("Müslümanlar dini istismar ediyor, hepsi sahtekar.", "belief-attack");
}

#[test]
fn goods_and_what_something_cost_are_no_fool() {
    // "mal" is goods or property in news of trade and courts; "X'e mal olmak" is to cost X.
    for text in [
        "Bakanın mal beyanı açıklandı.",
        "İhracatçılar bu yıl daha fazla mal sattı.",
        "Kaza, sürücünün hayatına mal oldu.",
        "Bu proje belediyeye çok pahalıya mal oldu.",
    ] {
        assert_approved(text);
    }
    for text in ["Bu adam tam bir mal.", "Mal mısın sen?", "Ne kadar mal olduğunu herkes biliyor."] {
        assert_eq!(judge(text).decision, Decision::Reject, "{text}");
    }
}

#[test]
fn learned_reasons_carry_a_score_and_the_words_behind_it() {
    let text = "Senin gibi beyinsiz bir yaratığın yorum yapması bile rezalet, defol git buradan";
    let verdict = judge(text);
    let learned = verdict.reasons.iter().find(|r| r.score.is_some()).expect("a learned reason");
    let score = learned.score.expect("score");
    assert!((0.0..=1.0).contains(&score));
    assert!(!learned.spans.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for span in &learned.spans {
        assert_eq!(span.text, chars[span.start..span.end].iter().collect::<String>());
    }
}

#[test]
fn a_span_covers_an_emoji_with_its_skin_tone_whole() {
    let text = "al sana 🖕🏻 bu da senin";
    let verdict = judge(text);
    let span = verdict.reasons.iter().flat_map(|r| &r.spans).find(|s| s.text.contains('🖕')).expect("the finger is caught");
    assert_eq!(span.text, "🖕🏻");
    assert_eq!((span.start, span.end), (8, 10));
}

#[test]
fn a_long_harmless_comment_without_full_stops_is_not_scored_offensive() {
    // A thousand ordinary words and no full stop: scored in parts, the small weights of ordinary
    // words do not pile up into a high score.
    let words = ["bu", "haber", "çok", "güzel", "olmuş", "emeğinize", "sağlık", "ama", "bazı", "noktalar", "eksik", "kalmış", "gibi", "geliyor", "bana"];
    let text: Vec<&str> = (0..1_000).map(|i| words[(i * 7 + i / 3) % words.len()]).collect();
    let verdict = judge(&text.join(" "));
    assert_eq!(verdict.decision, Decision::Approve, "{:?}", verdict.reasons.iter().map(|r| (&r.rule, r.score)).collect::<Vec<_>>());
}

#[test]
fn english_comments_are_not_scored_by_a_model_of_turkish() {
    // "it" is the Turkish word for dog, an insult in Turkish tweets.
    for text in ["Nailed it", "this aint it chief", "Is it too hot to visit Cappadocia in August?"] {
        assert_eq!(judge(text).decision, Decision::Approve, "{text}");
    }
    // English insults are the word lists'.
    assert_eq!(judge("You are an idiot").decision, Decision::Reject);
}

#[test]
fn a_sentence_scores_the_same_with_or_without_its_closing_full_stop() {
    // Whether a sentence ends in a full stop depends on whether another sentence follows it; its
    // score must not, or a comment's neighbour sentence decides its fate.
    let score = |text: &str| {
        let verdict = judge(text);
        verdict.reasons.iter().filter_map(|r| r.score).fold(0.0f32, f32::max)
    };
    let sentence = "Senin gibi beyinsiz bir yaratığın yorum yapması bile rezalet";
    let bare = score(sentence);
    assert!(bare > 0.0, "the sentence is scored offensive");
    assert_eq!(score(&format!("{sentence}.")), bare);
    assert_eq!(score(&format!("{sentence}. Belediye yeni yolu yarın açıyor.")), bare);
}

#[test]
fn a_generalisation_said_with_hepsi_or_bunlar_reaches_back_to_the_people_or_faith_named() {
    for (text, rule) in [
        ("Şiiler İran'ın beşinci kolu, bu ülkedeki hepsi toplanıp sınır dışı edilmeli", "belief-attack"),
        ("Rum da Ermeni de Süryani de hepsi aynı hain soy", "offensive"),
        ("Yahudiler Türkiye'de yaşayıp İsrail'i savunuyor, hepsinin vatandaşlığı düşürülmeli.", "belief-attack"),
        ("Suriyeliler geldiğinden beri mahallede huzur kalmadı, hepsi geri gönderilmeli.", "offensive"),
        // A campaign hashtag is a sentence with its spaces taken out.
        ("#SuriyelilerDefolsun hepsini otobüslere doldurun", "offensive"),
    ] {
        assert_flagged_by(text, rule);
    }
    // The same words about something else, or a question that defends them.
    for text in [
        "Suriyeli çocuklar da okula gidiyor, hepsi çok çalışkan.",
        "Suriyeliler de insan değil mi?",
        "Yahudi cemaati bayramı kutladı. Hepsi çok mutluydu.",
    ] {
        assert_approved(text);
    }
}

#[test]
fn calls_to_send_a_people_away_or_boycott_it_are_decided_by_a_person() {
    for text in [
        "Gürcüler tembel bir millet, hepsi devletten geçiniyor.",
        "Mültecilerin hepsini ülkelerine yollayın, yeter artık.",
        "Sığınmacılar ya asimile olsun ya gitsin.",
        "Afgan dükkanlarına gitmeyin, bir kuruş bırakmayın.",
        "Eşcinsellerin hepsi kamplara kapatılmalı.",
        "Araplar ve Suriyeliler denize dökülsün.",
        "Afganları gemilere bindirip geri yollayın.",
        "Suriyelilerin hepsi hırsız, hiçbirine güvenmem.",
        "Bu Kürt milletinden bir şey olmaz, hepsi bölücü.",
    ] {
        assert_flagged_by(text, "offensive");
    }
    // News of refugees, contempt for a view of homosexuals, not for them, a call for their rights,
    // trans fats, migratory birds, seeds, goods sent back, a football boast.
    for text in [
        "Mülteciler için yeni bir kamp kuruldu, aileler çadırlara yerleşti.",
        "Dizi, eşcinsellik konusundaki ikiyüzlü yaklaşımları anlatıyor.",
        "Eşcinsellere ayrımcılık yasaklanmalı.",
        "Trans yağlar gıdalarda yasaklanmalı.",
        "Göçmen kuş avı yasaklanmalı.",
        "Kürt çiftçiler tohumlarını toprağa bıraktı, yağmur bekleniyor.",
        "Bu Alman malı çamaşır makinesini geri gönderin, arızalı çıktı.",
        "Alman ekibini yendik, yine yaparız!",
        "Suriyeli çocuklar denize düştü, sahil güvenlik kurtardı.",
        "Bu yasa tasarısı çöpe atılmalı.",
    ] {
        assert_approved(text);
    }
}

#[test]
fn calls_to_kill_or_sterilise_a_people_in_their_many_forms_are_decided_by_a_person() {
    for text in [
        "Suriyelilerin hepsi kısırlaştırılmalı.",
        "Ermenilerin kafaları kesilmeli.",
        // "her biri" reaches back to the people named before it.
        "Eşcinseller toplumun kanseri, yakalanan her biri asılmalı.",
    ] {
        assert_flagged_by(text, "offensive");
    }
    assert_flagged_by("Alevilerin öldürülmesi şart.", "belief-attack");
    // Beaten wherever seen, thrown out of public service; a people called backstabbers.
    for text in [
        "Suriyeliler sokakta görüldüğü yerde dövülmeli.",
        "Ermeni asıllı kim varsa kamudan atılmalı.",
        "Ermeniler tarih boyunca hep sırtımızdan hançerlediler, bugün de güvenilmez.",
        "Çingeneler hırsızlıktan başka bir şey bilmez, hepsi aynı.",
        "Suriyeliler kanserli hücre gibi, bünyeden kesip atmak gerek.",
    ] {
        assert_flagged_by(text, "offensive");
    }
    // A flag hung, animals neutered, a court's ruling, the negative, a film's plot.
    for text in [
        "Cumhuriyet Bayramı'nda her eve Türk bayrağı asılmalı.",
        "Kürt köylerindeki sokak köpekleri kısırlaştırılmalı.",
        "Mahkeme, Afgan göçmenin asılması gerektiğine hükmetti.",
        "Hiçbir Kürt'ün öldürülmesi gerekmiyor, barış şart.",
        "Filmde Ermeni kahraman, düşmanını öldürünce köyüne döner.",
        // Victims, news of the missing, research, the flag (a review helper's innocent comments).
        "Sırtından bıçaklanan Suriyeli genç hastaneye kaldırıldı.",
        "Kayıp Suriyeli çocuk en son görüldüğü yerde bulundu.",
        "Japon araştırmacılar kanserli hücreyi aç bırakan bir yöntem buldu.",
        "Türk bayrağının her balkona asılması şart.",
    ] {
        assert_approved(text);
    }
}

#[test]
fn god_invoked_in_a_curse_or_a_prayer_is_no_belief_attacked() {
    for text in [
        "PKK'lı teröristler bir kez daha kalleşçe saldırdı, Allah kahretsin bu katilleri.",
        "Allah bu hain teröristlerin cezasını versin.",
    ] {
        assert!(!rules(&judge(text)).contains(&"belief-attack"), "{text}: {:?}", rules(&judge(text)));
    }
    // God named as an object is still attacked; a people cursed is still the curse's target.
    assert!(rules(&judge("Allah'ını kitabını sikeyim")).contains(&"belief-attack"));
    assert_ne!(judge("Allah kahretsin bu Yahudileri, hepsi hain").decision, Decision::Approve);
}

#[test]
fn a_word_named_as_a_word_is_not_used() {
    for text in [
        "Yobaz kelimesinin kökeni hakkında bir makale okudum, Arapçadan geldiği söyleniyor.",
        "Şu yobaz lafını her dindara yapıştırmayı bırakalım artık.",
    ] {
        assert_approved(text);
    }
    assert_ne!(judge("Sen tam bir yobazsın, lafını bil.").decision, Decision::Approve);
}
