//! Amounts: money with its ISO 4217 currency and personnel counts, with
//! the qualifier ("about", "more than", "up to") and the raw span.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Lexicon, WordClass};
use crate::model::Qualifier;

/// What an amount counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// Money in a currency (ISO 4217 code).
    Money(String),
    /// People: troops, police, personnel; the noun that named them.
    Personnel(String),
}

/// An amount found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number.
    pub value: f64,
    /// Money or people.
    pub measure: Measure,
    /// How exact it is.
    pub qualifier: Option<Qualifier>,
    /// First byte (of the qualifier when there is one).
    pub start: usize,
    /// One past the last byte (of the noun or currency).
    pub end: usize,
    /// Recurring yearly ("a year", "annually").
    pub per_year: bool,
    /// Written as "N-strong" (the size of a force).
    pub strength: bool,
}

impl Amount {
    /// The unit as the graph stores it: the currency code, or `personnel`.
    pub fn unit(&self) -> &str {
        match &self.measure {
            Measure::Money(c) => c,
            Measure::Personnel(_) => "personnel",
        }
    }
}

const QUALIFIER: &str = r"(?:(?P<q>about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|close to|more than|over|at least|upwards of|up to|as many as|fewer than|less than|under|just over|just under|a further|another|an additional|only)\s+)?";
const NUMBER: &str = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
const SCALE: &str = r"(?:\s?(?P<s>trillion|billion|million|thousand|bn|mln|m|k)\b)?";

/// ISO 4217 codes written before an amount ("DKK 20 million") that are
/// their own currency; the codes with a sign of their own are in
/// [`MONEY_PREFIX`].
const ISO_CODES: &[&str] = &[
    "DKK", "SEK", "NOK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "INR", "NGN", "GHS", "RUB",
    "SAR", "AED", "QAR", "KWD", "TRY", "XOF", "XAF", "BRL", "MXN", "ARS", "CLP", "COP", "KRW",
    "IDR", "PKR", "BDT", "NZD", "HKD", "SGD", "EGP", "MAD", "ETB", "UGX", "TZS", "RWF",
];

static MONEY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:{QUALIFIER})(?P<c>US\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|NZ\$|HK\$|\$|€|£|¥|₹|EUR\s?|USD\s?|GBP\s?|CHF\s?|CAD\s?|AUD\s?|JPY\s?|CNY\s?|ZAR\s?|KSh\s?|\b(?:{})\s?|\bR){NUMBER}{SCALE}",
        ISO_CODES.join("|")
    ))
    .expect("money regex")
});

/// A currency named by a word after the number.
const CURRENCY_WORD: &str = r"(?P<w>(?:U\.S\.\s|US\s|Canadian\s|Australian\s|Hong Kong\s)?dollars|euros?|pounds(?: sterling)?|yuan|renminbi|rand|(?:Kenyan\s)?shillings|yen|rupees|(?:Swiss\s|CFA\s)?francs|naira|roubles|rubles|riyals|dirhams|lira|krona|kronor|kroner)\b";

static MONEY_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:{QUALIFIER}){NUMBER}{SCALE}\s{CURRENCY_WORD}"
    ))
    .expect("money regex")
});

/// "half a billion dollars", "two million euros": a number in words needs
/// its scale (a bare "two dollars" is no contribution).
static MONEY_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:{QUALIFIER})\b(?P<n>(?i:half a|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred))\s(?P<s>(?i:trillion|billion|million))\s{CURRENCY_WORD}"
    ))
    .expect("money regex")
});

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let words = WORD_NUMBERS
        .iter()
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i:{QUALIFIER})(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|{words})(?:\s(?:hundred|thousand))?)(?P<strong>-strong)?\b"
    ))
    .expect("count regex")
});

/// A share of a sum written before it: "18 percent of the", "a quarter
/// of the mission's".
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per cent)|(?P<n>a|one|two|three|four)[\s-]+(?P<part>half|thirds?|quarters?|fifths?|tenths?)|(?P<half>half))\s+of(?:\s+[^\s,;]+){0,6}\s*$",
    )
    .expect("valid regex")
});

/// The fraction of a sum a giver pays when the words right before the sum
/// name it ("pays 18 percent of the $5.6 billion budget"). A share not
/// told in numbers ("the bulk of its 2,900 troops") leaves the sum as it
/// is: that is how news is read for the figure.
///
/// ```
/// use newsgraph::extract::amount::share_before;
/// assert_eq!(share_before(" 18 percent of the "), Some(0.18));
/// assert_eq!(share_before(" about a quarter of the mission's "), Some(0.25));
/// assert_eq!(share_before(" two-thirds of its "), Some(2.0 / 3.0));
/// assert_eq!(share_before(" the bulk of its "), None);
/// assert_eq!(share_before(" 18 percent of the cost, and later "), None);
/// ```
pub fn share_before(before: &str) -> Option<f64> {
    let c = SHARE.captures(before)?;
    if let Some(p) = c.name("pct") {
        return p.as_str().parse::<f64>().ok().map(|p| p / 100.0);
    }
    if c.name("half").is_some() {
        return Some(0.5);
    }
    if let (Some(n), Some(part)) = (c.name("n"), c.name("part")) {
        let n = match n.as_str().to_ascii_lowercase().as_str() {
            "a" | "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            _ => 4.0,
        };
        let d = match part.as_str().to_ascii_lowercase().trim_end_matches('s') {
            "half" => 2.0,
            "third" => 3.0,
            "quarter" => 4.0,
            "fifth" => 5.0,
            _ => 10.0,
        };
        return (n < d).then_some(n / d);
    }
    None
}

/// "two contingents of", "three formed police units of": a count of groups
/// right before the size of each.
static GROUPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+){0,2}(?:units?|contingents?|battalions?|companies|company|teams?|platoons?|squadrons?|groups?)\s+of\s+(?:about\s+|some\s+|up to\s+)?$").expect("groups regex")
});

/// Numbers in words, as counts and sums read them.
const WORD_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
];

/// How exact a qualifier makes a number ("about", "more than").
pub(crate) fn qualifier_of(q: &str) -> Option<Qualifier> {
    Some(match q.to_lowercase().as_str() {
        "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost"
        | "an estimated" | "estimated" | "close to" => Qualifier::About,
        "more than" | "over" | "at least" | "upwards of" | "just over" => Qualifier::Over,
        "up to" | "as many as" => Qualifier::UpTo,
        "fewer than" | "less than" | "under" | "just under" => Qualifier::Under,
        _ => return None,
    })
}

/// Whether `word` is a number, in digits or in words ("2,000", "two").
pub(crate) fn is_number(word: &str) -> bool {
    number_value(word).is_some()
}

/// The value of a number in digits or words ("2,000", "thirty-five").
pub(crate) fn number_value(n: &str) -> Option<f64> {
    let lower = n.to_lowercase();
    match lower.as_str() {
        "half a" => return Some(0.5),
        "a" => return Some(1.0),
        _ => {}
    }
    let mut parts = lower.split_whitespace();
    let first = parts.next()?;
    let word = |w: &str| WORD_NUMBERS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v);
    let mut value = match word(first) {
        Some(v) => v,
        // "thirty-five"
        None => match first.split_once('-') {
            Some((tens, units)) if word(tens).is_some_and(|t| t >= 20.0) => {
                word(tens)? + word(units).filter(|&u| u < 10.0)?
            }
            _ => first.replace(',', "").parse().ok()?,
        },
    };
    for p in parts {
        value *= match p {
            "hundred" => 100.0,
            "thousand" => 1000.0,
            _ => 1.0,
        };
    }
    Some(value)
}

fn scale(s: &str) -> f64 {
    match s.to_lowercase().as_str() {
        "trillion" => 1e12,
        "billion" | "bn" => 1e9,
        "million" | "m" | "mln" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

fn currency_of_prefix(c: &str) -> &'static str {
    match c.trim().to_uppercase().as_str() {
        "C$" | "CA$" | "CAD" => "CAD",
        "A$" | "AU$" | "AUD" => "AUD",
        "NZ$" => "NZD",
        "HK$" => "HKD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "CNY" => "CNY",
        "₹" => "INR",
        "CHF" => "CHF",
        "R" | "ZAR" => "ZAR",
        "KSH" => "KES",
        code => ISO_CODES
            .iter()
            .find(|c| **c == code)
            .copied()
            .unwrap_or("USD"),
    }
}

fn currency_of_word(w: &str) -> &'static str {
    let w = w.to_lowercase();
    if w.contains("canadian") {
        "CAD"
    } else if w.contains("australian") {
        "AUD"
    } else if w.contains("hong kong") {
        "HKD"
    } else if w.contains("dollar") {
        "USD"
    } else if w.starts_with("euro") {
        "EUR"
    } else if w.starts_with("pound") {
        "GBP"
    } else if w == "yuan" || w == "renminbi" {
        "CNY"
    } else if w == "rand" {
        "ZAR"
    } else if w.contains("shilling") {
        "KES"
    } else if w == "yen" {
        "JPY"
    } else if w == "rupees" {
        "INR"
    } else if w.contains("cfa") {
        "XOF"
    } else if w.contains("franc") {
        "CHF"
    } else if w == "naira" {
        "NGN"
    } else if w == "roubles" || w == "rubles" {
        "RUB"
    } else if w == "riyals" {
        "SAR"
    } else if w == "dirhams" {
        "AED"
    } else if w == "lira" {
        "TRY"
    } else {
        "SEK"
    }
}

const YEARLY: &[&str] = &[
    " a year",
    " annually",
    " per year",
    " each year",
    " every year",
    " a-year",
    " per annum",
];

/// Whether `s` may hold a digit beyond ASCII as the regexes' `\d` reads
/// it (any Unicode decimal digit): a numeric character beyond ASCII.
fn may_have_digit_beyond_ascii(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(char::is_numeric)
}

/// The number words [`COUNT`] reads, as it matches them case-insensitively.
static NUMBER_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(WORD_NUMBERS.iter().map(|(w, _)| w))
        .expect("number words")
});

/// Whether [`COUNT`] may match in `s`: a digit, or one of its number
/// words. Unicode case folding adds one letter beyond ASCII to those
/// words, the long s (U+017F) that folds to 's'.
fn may_have_count(s: &str, digit: bool) -> bool {
    digit || NUMBER_WORDS.is_match(s) || (!s.is_ascii() && s.contains('\u{17F}'))
}

/// What [`MONEY_PREFIX`] needs before its number (case-sensitive, as the
/// regex reads them): a currency sign or code. Its one other currency, a
/// bare "R", is checked apart.
static CURRENCY_MARKS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(
        [
            "$", "€", "£", "¥", "₹", "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "CNY", "ZAR",
            "KSh",
        ]
        .iter()
        .chain(ISO_CODES),
    )
    .expect("currency marks")
});

/// The currency words [`MONEY_SUFFIX`] needs after its number (case-sensitive).
static CURRENCY_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "dollars",
        "euro",
        "pounds",
        "yuan",
        "renminbi",
        "rand",
        "shillings",
        "yen",
        "rupees",
        "francs",
        "naira",
        "roubles",
        "rubles",
        "riyals",
        "dirhams",
        "lira",
        "krona",
        "kronor",
        "kroner",
    ])
    .expect("currency words")
});

/// Whether [`MONEY_PREFIX`] may match in `s`: a currency sign or code, or
/// an "R" right before a digit ("R2.37 billion").
fn may_have_prefix_money(s: &str) -> bool {
    CURRENCY_MARKS.is_match(s)
        || s.match_indices('R')
            .any(|(i, _)| s[i + 1..].chars().next().is_some_and(char::is_numeric))
}

/// Find the amounts in `text[start..end]`; spans are offsets in `text`.
pub fn find_amounts(text: &str, start: usize, end: usize, lex: &Lexicon) -> Vec<Amount> {
    let ascii_digit = text.as_bytes()[start..end].iter().any(u8::is_ascii_digit);
    find_amounts_in(text, start, end, ascii_digit, lex)
}

/// [`find_amounts`] in a stretch the caller has read already, which knows
/// whether it holds an ASCII digit: the tokenizer does
/// ([`super::text::Segment::digit`]), and most sentences have none.
pub fn find_amounts_in(
    text: &str,
    start: usize,
    end: usize,
    ascii_digit: bool,
    lex: &Lexicon,
) -> Vec<Amount> {
    let s = &text[start..end];
    let mut out: Vec<Amount> = Vec::new();
    // Every amount has a number: the regexes run only where one may be,
    // which most sentences lack.
    let digit = ascii_digit || may_have_digit_beyond_ascii(s);
    // Asked once: the sums after a number need a currency word too, and
    // so do sums in words, which need "illion"; a sentence with neither a
    // digit nor that (most) is not searched for one.
    let currency_word = (digit || s.contains("illion")) && CURRENCY_WORDS.is_match(s);
    // Or a sum in words ("half a billion dollars").
    let in_words = currency_word && s.contains("illion");
    if !may_have_count(s, digit) && !in_words {
        return out;
    }
    let per_year = |e: usize| {
        let rest = &s[e..];
        YEARLY.iter().any(|y| rest.starts_with(y))
    };
    // Money needs a digit, and a currency before or after it.
    let prefix = digit && may_have_prefix_money(s);
    let suffix = digit && currency_word;
    let money = [
        (prefix, &*MONEY_PREFIX),
        (suffix, &*MONEY_SUFFIX),
        (in_words, &*MONEY_IN_WORDS),
    ];
    for re in money.iter().filter(|(on, _)| *on).map(|(_, re)| re) {
        for c in re.captures_iter(s) {
            let m = c.get(0).expect("whole match");
            let Some(n) = c.name("n").and_then(|n| number_value(n.as_str())) else {
                continue;
            };
            let value = n * c.name("s").map_or(1.0, |x| scale(x.as_str()));
            let currency = match (c.name("c"), c.name("w")) {
                (Some(p), _) => currency_of_prefix(p.as_str()),
                // "kroner" are Norway's, or Denmark's where the sentence
                // names it; "kronor" Sweden's.
                (_, Some(w)) if w.as_str() == "kroner" => {
                    if ["Denmark", "Danish", "Copenhagen"]
                        .iter()
                        .any(|d| s.contains(d))
                    {
                        "DKK"
                    } else {
                        "NOK"
                    }
                }
                (_, Some(w)) => currency_of_word(w.as_str()),
                _ => "USD",
            };
            out.push(Amount {
                value,
                measure: Measure::Money(currency.to_string()),
                qualifier: c.name("q").and_then(|q| qualifier_of(q.as_str())),
                start: start + m.start(),
                end: start + m.end(),
                per_year: per_year(m.end()),
                strength: false,
            });
        }
    }
    // Most matches count no one (a year, "one of", "ten" in "often"): the
    // groups are read only for a match a noun of people follows, as the
    // whole match alone tells that; `captures_at` from a match's start
    // finds that same match.
    for m in COUNT.find_iter(s) {
        if out
            .iter()
            .any(|a| a.start <= start + m.start() && start + m.start() < a.end)
        {
            continue;
        }
        // A year, a percentage or part of a larger number is no count.
        let after = &s[m.end()..];
        if after.starts_with('%') || after.starts_with(" percent") || after.starts_with(" per cent")
        {
            continue;
        }
        // No number before it holds "-strong", so it ends the match only
        // as the group `strong`.
        let strength = m.as_str().ends_with("-strong");
        // The noun: up to four words after the number, the last of which
        // names people ("foreign security personnel", "military police").
        let (noun, noun_end) = if strength {
            ("strong".to_string(), m.end())
        } else {
            match personnel_noun(after, lex) {
                Some((noun, len)) => (noun, m.end() + len),
                // "an infantry battalion of some 170": the body of troops
                // before "of" names the people counted.
                None => match s[..m.start()].trim_end().strip_suffix(" of").and_then(|b| {
                    b.rsplit(' ')
                        .next()
                        .filter(|w| lex.is(WordClass::Formation, &w.to_lowercase()))
                }) {
                    Some(formation) => (formation.to_lowercase(), m.end()),
                    None => continue,
                },
            }
        };
        let c = COUNT.captures_at(s, m.start()).expect("the same match");
        debug_assert_eq!(c.get(0).map(|g| g.range()), Some(m.range()));
        let n = c.name("n").expect("a number");
        let Some(value) = number_value(n.as_str()) else {
            continue;
        };
        // "several hundred soldiers", "a few thousand troops": no number.
        let vague = matches!(n.as_str().to_lowercase().as_str(), "hundred" | "thousand") && {
            let before = s[..m.start()].trim_end().to_lowercase();
            ["several", "few", "many", "hundreds", "thousands", "tens"]
                .iter()
                .any(|w| before.ends_with(w))
        };
        if vague {
            continue;
        }
        // "two formed police units of 140 officers each": units times size.
        let mut value = value;
        let mut first = start + m.start();
        if (s[m.end()..].trim_start().starts_with("each")
            || s[noun_end - start.min(noun_end)..]
                .trim_start()
                .starts_with("each"))
            && let Some(c) = GROUPS.captures(&s[..m.start()])
            && let Some(k) = number_value(&c[1])
        {
            value *= k;
            first = start + c.get(0).map_or(m.start(), |g| g.start());
        }
        out.push(Amount {
            value,
            measure: Measure::Personnel(noun),
            qualifier: c.name("q").and_then(|q| qualifier_of(q.as_str())),
            start: first,
            end: start + noun_end,
            per_year: false,
            strength,
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// The personnel noun phrase starting in `after`, and its length in bytes:
/// "troops", "police officers", "foreign security personnel".
fn personnel_noun(after: &str, lex: &Lexicon) -> Option<(String, usize)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    for w in after.split_inclusive(char::is_whitespace).take(5) {
        let t = w.trim_end();
        let core = t.trim_end_matches([',', '.', ';', ':', ')']);
        if core.is_empty() {
            i += w.len();
            continue;
        }
        words.push((i, i + core.len()));
        if core.len() != t.len() {
            break;
        }
        i += w.len();
    }
    // Longest phrase that ends in a personnel noun, starting right after the number.
    let mut best = None;
    for last in 0..words.len().min(4) {
        let phrase = after[words[0].0..words[last].1].trim().to_lowercase();
        let tail2 = if last >= 1 {
            after[words[last - 1].0..words[last].1].to_lowercase()
        } else {
            String::new()
        };
        let tail1 = after[words[last].0..words[last].1].to_lowercase();
        // "six armoured personnel carriers": the people noun only modifies
        // the machine after it.
        let modifies_a_vehicle = words.get(last + 1).is_some_and(|&(a, b)| {
            matches!(
                after[a..b].to_lowercase().as_str(),
                "carrier" | "carriers" | "vehicle" | "vehicles" | "transport" | "transports"
            )
        });
        if (lex.is(WordClass::Personnel, &tail1) || lex.is(WordClass::Personnel, &tail2))
            && !modifies_a_vehicle
        {
            best = Some((phrase, words[last].1));
        }
        // Stop at a word that cannot modify a noun phrase.
        if matches!(
            tail1.as_str(),
            "of" | "and"
                | "to"
                | "in"
                | "from"
                | "for"
                | "who"
                | "which"
                | "that"
                | "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
        ) {
            break;
        }
    }
    // "two formed police units of 140": the number counts units, not people.
    if let Some((_, end)) = &best {
        let next = after[*end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let groups = |w: &str| lex.is(WordClass::Formation, w);
        let last = best
            .as_ref()
            .map(|(p, _)| p.rsplit(' ').next().unwrap_or("").to_string())
            .unwrap_or_default();
        if groups(&next) || (groups(&last) && next == "of") {
            return None;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(t: &str) -> Vec<(f64, String, Option<Qualifier>)> {
        let lex = Lexicon::builtin();
        find_amounts(t, 0, t.len(), &lex)
            .into_iter()
            .map(|a| (a.value, a.unit().to_string(), a.qualifier))
            .collect()
    }

    /// The gate before [`COUNT`] lets through every text the regex matches
    /// in: generated articles, and words and marks strung together at
    /// random (number words inside and at the ends of words, in any case).
    #[test]
    fn count_matches_only_where_the_gate_lets_it() {
        let mut texts: Vec<String> = crate::synth::Corpus::new(11)
            .documents(200_000)
            .into_iter()
            .map(|d| d.text)
            .collect();
        let pieces = [
            "one",
            "Ten",
            "often",
            "TWELVE",
            "seven",
            "n't",
            "thirty",
            "-five",
            "-strong",
            " ",
            "a",
            " hundred",
            " thousand",
            "tent",
            "_",
            "9",
            "é",
            "\u{17F}ix",
            "eighteen",
            "x",
            ".",
            ",",
            "'",
            "some",
            "Ninety",
            "nine",
            "ONE",
            "teen",
            "ty",
            "\u{301}",
        ];
        let mut seed: u64 = 7;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        let mut matched = 0;
        for t in &texts {
            let digit = t.bytes().any(|b| b.is_ascii_digit()) || may_have_digit_beyond_ascii(t);
            if COUNT.is_match(t) {
                matched += 1;
                assert!(may_have_count(t, digit), "{t:?}");
            }
        }
        assert!(matched > 1000);
    }

    #[test]
    fn money_normalizes_to_numbers_and_iso_codes() {
        assert_eq!(
            amounts("having allocated over $300 million"),
            [(3e8, "USD".into(), Some(Qualifier::Over))]
        );
        assert_eq!(
            amounts("more than US$1.2 billion a year"),
            [(1.2e9, "USD".into(), Some(Qualifier::Over))]
        );
        assert_eq!(
            amounts("earmarked EUR 120 million"),
            [(1.2e8, "EUR".into(), None)]
        );
        assert_eq!(amounts("allocated €8m"), [(8e6, "EUR".into(), None)]);
        assert_eq!(
            amounts("C$80.5 million ($59 million)")[0],
            (8.05e7, "CAD".into(), None)
        );
        assert_eq!(amounts("R2.37 billion")[0], (2.37e9, "ZAR".into(), None));
        assert_eq!(
            amounts("about 25 million yuan")[0],
            (2.5e7, "CNY".into(), Some(Qualifier::About))
        );
        assert_eq!(amounts("£10m")[0], (1e7, "GBP".into(), None));
        assert_eq!(
            amounts("committed DKK 20 million")[0],
            (2e7, "DKK".into(), None)
        );
        // A code inside a word is no currency.
        assert!(amounts("the ADKK 20 plan").is_empty());
    }

    #[test]
    fn kroner_are_norwegian_unless_the_sentence_is_danish() {
        assert_eq!(
            amounts("Norway has committed 150 million kroner"),
            [(1.5e8, "NOK".into(), None)]
        );
        assert_eq!(
            amounts("Denmark gave 40 million kroner"),
            [(4e7, "DKK".into(), None)]
        );
        assert_eq!(
            amounts("Sweden gave 90 million kronor"),
            [(9e7, "SEK".into(), None)]
        );
    }

    #[test]
    fn money_in_words_needs_its_scale() {
        assert_eq!(
            amounts("pledged half a billion dollars to it"),
            [(5e8, "USD".into(), None)]
        );
        assert_eq!(
            amounts("nearly two million euros"),
            [(2e6, "EUR".into(), Some(Qualifier::About))]
        );
        assert_eq!(amounts("a billion U.S. dollars")[0].0, 1e9);
        assert!(amounts("not worth a dollar, not one million times").is_empty());
    }

    #[test]
    fn personnel_counts_need_a_personnel_noun() {
        assert_eq!(
            amounts("deploy 2,900 soldiers"),
            [(2900.0, "personnel".into(), None)]
        );
        assert_eq!(
            amounts("only about 400 foreign security personnel"),
            [(400.0, "personnel".into(), Some(Qualifier::About))]
        );
        assert_eq!(
            amounts("up to 2,500 security personnel")[0].2,
            Some(Qualifier::UpTo)
        );
        assert_eq!(amounts("the 13,000-strong force")[0].0, 13000.0);
        assert!(amounts("killed more than 2,400 people in 2023, 26% of them").is_empty());
        assert_eq!(amounts("1,000 police officers")[0].0, 1000.0);
        assert_eq!(
            amounts("two formed police units of 140 officers each")[0].0,
            280.0
        );
        assert_eq!(
            amounts("two contingents of 75 military police each")[0].0,
            150.0
        );
        assert!(amounts("several hundred soldiers").is_empty());
        assert_eq!(
            amounts("an infantry battalion of some 170."),
            [(170.0, "personnel".into(), Some(Qualifier::About))]
        );
        assert!(amounts("a battalion of the 12th brigade").is_empty());
        assert_eq!(amounts("thirty-five police officers")[0].0, 35.0);
        assert_eq!(number_value("ninety"), Some(90.0));
        assert_eq!(number_value("thirty-ten"), None);
    }
}
