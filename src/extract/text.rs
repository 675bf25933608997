//! Text segmentation: sentences and tokens with byte offsets, aware of
//! abbreviations (U.S., U.N., Gen., Jan.), initials, quotes and datelines.
//! The extractor cuts a document in one walk over its bytes ([`segment`]):
//! a sentence can only end where a token ends or inside a word, so the
//! tokens and their lower-case forms are found on the way.

/// A sentence: a byte range of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the paragraph (line block) it belongs to.
    pub paragraph: usize,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner dots for abbreviations like "U.S.").
    Word,
    /// Digits, with inner commas and dots ("2,500", "2.37").
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// A token: a byte range and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

/// Titles after which a period does not end a sentence, written as here
/// or, in transcripts and bylines, in capitals ("MAJ. GEN.").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Brig", "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Amb",
];

/// Other words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "St", "Jr", "Sr", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Inc", "Co", "Corp", "Ltd", "vs", "etc", "approx", "Mt", "Ft", "Dept",
    "Est",
];

/// Words that, capitalised after an abbreviation like "U.S.", start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "It",
    "He",
    "She",
    "They",
    "We",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "However",
    "Its",
    "Their",
    "His",
    "Her",
    "There",
    "Some",
    "Many",
    "Officials",
];

/// A sentence as [`segment`] cuts a text: its span, its tokens and their
/// lower-case forms.
#[derive(Debug, Clone)]
pub struct Segment {
    /// The byte range.
    pub span: Sentence,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// [`lower`] of each token's text.
    pub lower: Vec<Lower>,
    /// Whether one of its bytes is an ASCII digit (every amount written
    /// in figures has one).
    pub digit: bool,
}

/// Cut a text into sentences and their tokens, with the tokens' lower-case
/// forms: [`sentences`], then [`tokens`] and [`lower`] of each, in one
/// walk over the bytes (the extractor reads every document so).
pub fn segment(text: &str) -> Vec<Segment> {
    let mut cut = Segmenter {
        line: "",
        base: 0,
        paragraph: 0,
        start: 0,
        tokens: Vec::with_capacity(SENTENCE_TOKENS),
        lower: Vec::with_capacity(SENTENCE_TOKENS),
        digit: false,
        out: Vec::new(),
    };
    walk_lines(text, &mut cut);
    cut.out
}

/// Split a text into sentences. Line breaks end paragraphs and sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut cut = Spans {
        line: "",
        base: 0,
        paragraph: 0,
        start: 0,
        out: Vec::new(),
    };
    walk_lines(text, &mut cut);
    cut.out
}

/// Split a byte range of `text` into tokens.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    // About one token in five bytes of news text: room for them at once.
    let mut out = Tokens(Vec::with_capacity((end - start) / 4 + 1));
    walk(&text[start..end], start, false, &mut out);
    out.0
}

/// Each line of `text` without its line break, with the byte where it
/// starts and its index (the paragraph).
fn each_line<'t>(text: &'t str, mut f: impl FnMut(&'t str, usize, usize)) {
    let mut offset = 0;
    for (paragraph, line) in text.split_inclusive('\n').enumerate() {
        f(line.trim_end_matches(['\n', '\r']), offset, paragraph);
        offset += line.len();
    }
}

/// What a walk over a stretch of text reports.
trait Sink {
    /// A token with its text and the [`CLASS`] bits of its bytes
    /// (`NON_ASCII` for any byte beyond ASCII).
    fn token(&mut self, token: Token, text: &str, seen: u8);
    /// A sentence ends at byte `at` of the stretch: the tokens reported
    /// so far are its, the ones after are the next sentence's.
    fn cut(&mut self, at: usize);
}

/// A sink that cuts sentences line by line: it is told which line it is
/// in before the walk over that line.
trait LineSink<'t>: Sink {
    /// Start reading `line`, at byte `base` of the text, in paragraph
    /// `paragraph`.
    fn enter(&mut self, line: &'t str, base: usize, paragraph: usize);
}

/// Walk every line of `text` into `sink`; a line break ends the sentence.
fn walk_lines<'t>(text: &'t str, sink: &mut impl LineSink<'t>) {
    each_line(text, |line, base, paragraph| {
        sink.enter(line, base, paragraph);
        walk(line, base, true, sink);
        sink.cut(line.len());
    });
}

/// A sentence's span from the bytes `start..end` of a line starting at
/// `base`, its white space trimmed; none when only white space is left.
fn span(line: &str, base: usize, paragraph: usize, start: usize, end: usize) -> Option<Sentence> {
    let seg = &line[start..end];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if seg.trim().is_empty() {
        return None;
    }
    Some(Sentence {
        start: base + start + lead,
        end: base + end - trail,
        paragraph,
    })
}

/// Room for the tokens of a sentence at first: most sentences of news
/// have fewer.
const SENTENCE_TOKENS: usize = 32;

/// [`segment`]'s sink: the sentences of the line being walked, with their
/// tokens.
struct Segmenter<'t> {
    line: &'t str,
    base: usize,
    paragraph: usize,
    /// Where the open sentence starts in the line.
    start: usize,
    /// The open sentence's tokens and their lower-case forms.
    tokens: Vec<Token>,
    lower: Vec<Lower>,
    digit: bool,
    out: Vec<Segment>,
}

impl Segmenter<'_> {
    fn close(&mut self, at: usize) {
        if let Some(span) = span(self.line, self.base, self.paragraph, self.start, at) {
            // The open lists are the sentence's as they are, and the next
            // one's start with room for a sentence of news: copied out at
            // their own length, they cost a copy of every token each.
            self.out.push(Segment {
                span,
                tokens: std::mem::replace(&mut self.tokens, Vec::with_capacity(SENTENCE_TOKENS)),
                lower: std::mem::replace(&mut self.lower, Vec::with_capacity(SENTENCE_TOKENS)),
                digit: self.digit,
            });
        }
        self.tokens.clear();
        self.lower.clear();
        self.digit = false;
        self.start = at;
    }
}

impl<'t> LineSink<'t> for Segmenter<'t> {
    fn enter(&mut self, line: &'t str, base: usize, paragraph: usize) {
        (self.line, self.base, self.paragraph, self.start) = (line, base, paragraph, 0);
    }
}

impl Sink for Segmenter<'_> {
    // Called for every token of every document.
    #[inline]
    fn token(&mut self, token: Token, text: &str, seen: u8) {
        self.tokens.push(token);
        self.lower.push(lower_seen(text, seen));
        self.digit |= seen & DIGIT != 0;
    }

    fn cut(&mut self, at: usize) {
        self.close(at);
    }
}

/// [`sentences`]' sink: the spans alone.
struct Spans<'t> {
    line: &'t str,
    base: usize,
    paragraph: usize,
    start: usize,
    out: Vec<Sentence>,
}

impl<'t> LineSink<'t> for Spans<'t> {
    fn enter(&mut self, line: &'t str, base: usize, paragraph: usize) {
        (self.line, self.base, self.paragraph, self.start) = (line, base, paragraph, 0);
    }
}

impl Sink for Spans<'_> {
    fn token(&mut self, _: Token, _: &str, _: u8) {}

    fn cut(&mut self, at: usize) {
        self.out
            .extend(span(self.line, self.base, self.paragraph, self.start, at));
        self.start = at;
    }
}

/// [`tokens`]' sink.
struct Tokens(Vec<Token>);

impl Sink for Tokens {
    fn token(&mut self, token: Token, _: &str, _: u8) {
        self.0.push(token);
    }

    fn cut(&mut self, _: usize) {}
}

/// [`CLASS`] bit of an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`CLASS`] bit of an ASCII capital.
const UPPER: u8 = 2;
/// [`CLASS`] bit of an ASCII digit.
const DIGIT: u8 = 4;
/// [`CLASS`] bit of a byte beyond ASCII.
const NON_ASCII: u8 = 8;

/// What each byte is, for the walk's inner loop over a word.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            b'A'..=b'Z' => ALNUM | UPPER,
            b'a'..=b'z' => ALNUM,
            b'0'..=b'9' => ALNUM | DIGIT,
            0x80..=0xFF => NON_ASCII,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The [`CLASS`] bits of the bytes of `s`.
fn classes(s: &str) -> u8 {
    s.bytes().fold(0, |seen, b| seen | CLASS[b as usize])
}

/// The char at byte `k` of `s`, read without decoding when it is ASCII.
fn char_at(s: &str, k: usize) -> char {
    match s.as_bytes()[k] {
        a if a.is_ascii() => a as char,
        _ => s[k..].chars().next().expect("a char at a char boundary"),
    }
}

/// Walk the stretch `s` (starting at byte `base` of the text), reporting
/// its tokens to `sink`; with `cut`, `s` is a line and the walk reports
/// where its sentences end too.
///
/// A sentence ends after a '.', '!' or '?' (and the closing quotes and
/// brackets after it) when white space and a capital or digit follow,
/// unless the dot closes an abbreviation; and where a scraped page glued
/// two sentences together ("networkShould"). Both happen only where a
/// token ends with the mark or inside a word, so the tokens are found on
/// the way: no token runs over the end of a sentence (white space follows
/// it), and a glued start ends the word there, as it ends the text of the
/// sentence before.
fn walk(s: &str, base: usize, cut: bool, sink: &mut impl Sink) {
    let b = s.as_bytes();
    let mut pos = 0;
    // The end of a sentence decided at its mark, which falls after the
    // closing quotes and brackets that follow: their tokens are its own.
    let mut pending: Option<usize> = None;
    'walk: while pos < b.len() {
        if let Some(at) = pending
            && pos >= at
        {
            sink.cut(at);
            pending = None;
        }
        let i = pos;
        let c = char_at(s, i);
        pos = i + c.len_utf8();
        // Markdown emphasis left in plain text ("**Athens has") says
        // nothing a reader of the facts needs.
        if c.is_whitespace() || c == '*' {
            continue;
        }
        if c.is_alphabetic() {
            let mut seen = if c.is_ascii() {
                CLASS[b[i] as usize]
            } else {
                NON_ASCII
            };
            let mut j = pos;
            let mut negation = None;
            loop {
                // Most characters of a word are ASCII letters, which the
                // tests below would only take in as well.
                while j < b.len() {
                    let k = CLASS[b[j] as usize];
                    if k & ALNUM == 0 {
                        break;
                    }
                    // A capital inside a word may open a glued sentence:
                    // the word ends there, and a new one starts the next
                    // sentence.
                    if cut && k & UPPER != 0 && is_glued_start(s, j) {
                        sink.token(
                            Token {
                                start: base + i,
                                end: base + j,
                                kind: TokenKind::Word,
                            },
                            &s[i..j],
                            seen,
                        );
                        debug_assert!(pending.is_none());
                        sink.cut(j);
                        pos = j;
                        continue 'walk;
                    }
                    seen |= k;
                    j += 1;
                }
                // An ASCII mark other than a dot or an apostrophe ends the
                // word: nearly every word ends so, at a space.
                if j >= b.len() || (b[j].is_ascii() && !matches!(b[j], b'.' | b'\'')) {
                    break;
                }
                let d = char_at(s, j);
                match word_step(s, i, j, d) {
                    WordStep::Continue(next) => {
                        if !d.is_ascii() {
                            seen |= NON_ASCII;
                        }
                        j = next;
                    }
                    WordStep::End => break,
                    WordStep::Negation(neg) => {
                        negation = Some(neg);
                        break;
                    }
                }
            }
            pos = j;
            // A trailing dot belongs to an abbreviation ("U.S.", "Gen.").
            let dot = s[j..].starts_with('.') && takes_its_dot(&s[i..j]);
            if dot {
                j += 1;
                pos = j;
            }
            if let Some(neg) = &negation {
                j = neg.start;
            }
            sink.token(
                Token {
                    start: base + i,
                    end: base + j,
                    kind: TokenKind::Word,
                },
                &s[i..j],
                seen,
            );
            if let Some(neg) = negation {
                // Past the apostrophe and the "t".
                while pos < neg.end {
                    pos += char_at(s, pos).len_utf8();
                }
                let text = &s[neg.clone()];
                sink.token(
                    Token {
                        start: base + neg.start,
                        end: base + neg.end,
                        kind: TokenKind::Word,
                    },
                    text,
                    classes(text),
                );
            } else if cut && dot {
                pending = sentence_end(s, j - 1);
            }
        } else if c.is_ascii_digit() {
            while pos < b.len() && number_continues(s, pos) {
                pos += 1;
            }
            sink.token(
                Token {
                    start: base + i,
                    end: base + pos,
                    kind: TokenKind::Number,
                },
                &s[i..pos],
                ALNUM | DIGIT,
            );
        } else if let Some(len) = possessive_len(s, i, c) {
            pos = i + len;
            sink.token(
                Token {
                    start: base + i,
                    end: base + i + len,
                    kind: TokenKind::Punct,
                },
                &s[i..i + len],
                classes(&s[i..i + len]),
            );
        } else {
            sink.token(
                Token {
                    start: base + i,
                    end: base + pos,
                    kind: TokenKind::Punct,
                },
                &s[i..pos],
                if c.is_ascii() {
                    CLASS[b[i] as usize]
                } else {
                    NON_ASCII
                },
            );
            if cut && matches!(c, '.' | '!' | '?') {
                debug_assert!(pending.is_none());
                pending = sentence_end(s, i);
            }
        }
    }
    if let Some(at) = pending {
        sink.cut(at);
    }
}

/// Where the sentence ends when the '.', '!' or '?' at byte `i` of `line`
/// ends it: after the closing quotes and brackets that follow, when white
/// space and a capital or a digit come next (the next sentence may open
/// with quotes, a bracket or Markdown emphasis left in plain text,
/// "**Athens has") and the mark is no abbreviation's dot.
fn sentence_end(line: &str, i: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    // Extend over closing quotes and brackets.
    let mut end = i + 1;
    while end < bytes.len() && is_closer(line, end) {
        end += closer_len(line, end);
    }
    let next = line[end..].trim_start();
    let gap = line.len() - end - next.len();
    let opened = next.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', '(', '[', '*', '_']);
    let ends_here = gap > 0
        && opened.starts_with(|n: char| n.is_uppercase() || n.is_ascii_digit())
        && !(bytes[i] == b'.' && is_abbreviation(line, i, next));
    ends_here.then_some(end)
}

/// Whether a sentence starts at `i` though no space precedes it: scraped
/// pages glue a caption or link to the next sentence ("networkShould the
/// Council ..."). A lowercase word of four or more letters running into a
/// capitalised one is that seam; brand names ("iPhone", "eBay") have shorter
/// lowercase parts and names ("McCain", "MacArthur") start with a capital.
fn is_glued_start(line: &str, i: usize) -> bool {
    let bytes = line.as_bytes();
    if !(bytes[i].is_ascii_uppercase() && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)) {
        return false;
    }
    let word_start = line[..i]
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |p| {
            p + line[p..].chars().next().map_or(1, char::len_utf8)
        });
    let before = &line[word_start..i];
    before.len() >= 4 && before.chars().all(|c| c.is_ascii_lowercase())
}

fn is_closer(line: &str, i: usize) -> bool {
    line[i..].starts_with(['"', '\'', ')', ']', '*', '_', '\u{201D}', '\u{2019}'])
}

fn closer_len(line: &str, i: usize) -> usize {
    line[i..].chars().next().map_or(1, char::len_utf8)
}

/// Whether the period at `dot` closes an abbreviation rather than a sentence.
fn is_abbreviation(line: &str, dot: usize, next: &str) -> bool {
    let word_start = line[..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .map_or(0, |p| {
            p + line[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &line[word_start..dot];
    // Dotted acronyms (U.S., U.N.): a sentence ends only before a typical
    // sentence opener.
    // A number ("1.1%.") is no acronym.
    if word.contains('.')
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        // A slice of `next`, not a copy, read only here: a period is met
        // in nearly every sentence.
        let next_word = &next[..next
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(next.len())];
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    // Initials: "George W. Bush".
    if word.len() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    is_abbreviation_word(word)
}

/// Whether a word written before a dot is a known abbreviation.
fn is_abbreviation_word(word: &str) -> bool {
    // Every abbreviation has two to six letters: the lists are read only
    // for a word that long (nearly every word before a dot is longer or
    // shorter).
    (2..=6).contains(&word.len())
        && (ABBREVIATIONS.contains(&word)
            || TITLE_ABBREVIATIONS.iter().any(|t| {
                *t == word
                    || (t.eq_ignore_ascii_case(word) && !word.chars().any(|c| c.is_lowercase()))
            }))
}

/// [`lower`] of a token's text, told by the [`CLASS`] bits of its bytes
/// whether it is ASCII and has a capital to lower.
fn lower_seen(text: &str, seen: u8) -> Lower {
    if seen & NON_ASCII != 0 {
        return lower(text);
    }
    match arrayvec::ArrayString::from(text) {
        Ok(mut out) => {
            if seen & UPPER != 0 {
                out.make_ascii_lowercase();
            }
            Lower(LowerRepr::Inline(out))
        }
        Err(_) => Lower(LowerRepr::Heap(text.to_ascii_lowercase())),
    }
}

/// `s` without its leading copies of `prefix`, as
/// `s.trim_start_matches(prefix)` gives it but without building a
/// substring searcher on each call, which cost more than the trimming on
/// the short phrases the mention passes trim.
pub fn trim_prefix<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    if prefix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// How many bytes a [`Lower`] word holds inline.
const LOWER_INLINE: usize = 22;

/// A word in lower case (as [`str::to_lowercase`] writes it), held inline
/// when it is short, as nearly every word is: lower-casing a token for a
/// comparison allocates nothing.
#[derive(Clone, Default)]
pub struct Lower(LowerRepr);

#[derive(Clone)]
enum LowerRepr {
    Inline(arrayvec::ArrayString<LOWER_INLINE>),
    Heap(String),
}

impl Default for LowerRepr {
    fn default() -> LowerRepr {
        LowerRepr::Inline(arrayvec::ArrayString::new())
    }
}

/// `s` in lower case, without allocating when it is short.
pub fn lower(s: &str) -> Lower {
    if s.is_ascii()
        && let Ok(mut out) = arrayvec::ArrayString::from(s)
    {
        out.make_ascii_lowercase();
        return Lower(LowerRepr::Inline(out));
    }
    let l = s.to_lowercase();
    match arrayvec::ArrayString::from(&l) {
        Ok(inline) => Lower(LowerRepr::Inline(inline)),
        Err(_) => Lower(LowerRepr::Heap(l)),
    }
}

impl Lower {
    /// Two words with a space between, as `format!("{a} {b}")` writes them
    /// (their case unchanged: they are lower case already), held inline
    /// when short.
    pub fn joined(a: &str, b: &str) -> Lower {
        let mut out = arrayvec::ArrayString::<LOWER_INLINE>::new();
        if out.try_push_str(a).is_ok() && out.try_push(' ').is_ok() && out.try_push_str(b).is_ok() {
            Lower(LowerRepr::Inline(out))
        } else {
            Lower(LowerRepr::Heap(format!("{a} {b}")))
        }
    }

    /// The word.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerRepr::Inline(s) => s.as_str(),
            LowerRepr::Heap(s) => s.as_str(),
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Lower {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Lower {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lower {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::fmt::Display for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<String> for Lower {
    /// A word already in lower case.
    fn from(s: String) -> Lower {
        match arrayvec::ArrayString::from(&s) {
            Ok(inline) => Lower(LowerRepr::Inline(inline)),
            Err(_) => Lower(LowerRepr::Heap(s)),
        }
    }
}

impl From<Lower> for String {
    fn from(l: Lower) -> String {
        match l.0 {
            LowerRepr::Inline(s) => s.as_str().to_string(),
            LowerRepr::Heap(s) => s,
        }
    }
}

/// Whether the number at `k` goes on there: a digit, or a thousands or
/// decimal separator with a digit after it ("1,000", "2.5").
fn number_continues(s: &str, k: usize) -> bool {
    let b = s.as_bytes();
    b[k].is_ascii_digit()
        || (matches!(b[k], b',' | b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit))
}

/// The length of a possessive "'s" starting with the apostrophe `c` at
/// `i`, which is one token ("Kenya's"), not a quote and a word ("'so").
fn possessive_len(s: &str, i: usize, c: char) -> Option<usize> {
    let after = i + c.len_utf8();
    ((c == '\'' || c == '\u{2019}')
        && s[after..].starts_with('s')
        && !s[after + 1..].starts_with(char::is_alphanumeric))
    .then_some(c.len_utf8() + 1)
}

/// Whether the dot after a word is the word's: "U.S.", "Gen.", the
/// initial of "George W. Bush".
fn takes_its_dot(word: &str) -> bool {
    word.contains('.')
        || is_abbreviation_word(word)
        || (word.len() == 1 && word.starts_with(char::is_uppercase))
}

/// What a character other than an ASCII letter or digit does to a word.
enum WordStep {
    /// The word goes on; the byte after the character.
    Continue(usize),
    /// The word ends before it.
    End,
    /// "won't", "doesn't": the word ends before its "n", and "n't" is a
    /// word of its own (as "will not" has one); its bytes.
    Negation(std::ops::Range<usize>),
}

/// Whether character `d` at byte `k` of `s` goes on the word begun at `i`:
/// letters do, as do the dots of "U.N." and the apostrophes of "O'Brien",
/// but not the "'s" of a possessive.
fn word_step(s: &str, i: usize, k: usize, d: char) -> WordStep {
    let after = k + d.len_utf8();
    if (d == '\'' || d == '\u{2019}')
        && k > i + 1
        && s[..k].ends_with(['n', 'N'])
        && s[after..].starts_with(['t', 'T'])
        && !s[after + 1..].starts_with(char::is_alphanumeric)
    {
        return WordStep::Negation(k - 1..after + 1);
    }
    // Read only after a dot or an apostrophe: most characters of a word
    // are letters.
    let next_alpha = || s[after..].chars().next().is_some_and(char::is_alphabetic);
    if d.is_alphanumeric()
        || (d == '.' && next_alpha() && is_dotted_acronym(&s[i..k]))
        || (d == '\'' && next_alpha() && !s[k..].starts_with("'s"))
        || (d == '\u{2019}' && next_alpha() && !s[k..].starts_with("\u{2019}s"))
    {
        WordStep::Continue(after)
    } else {
        WordStep::End
    }
}

fn is_dotted_acronym(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase() || c == '.') && word.len() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it read chars one by one, which [`tokens`] must
    /// match token for token.
    fn tokens_by_chars(text: &str, start: usize, end: usize) -> Vec<Token> {
        // About one token in five bytes of news text: room for them at once.
        let mut out = Vec::with_capacity((end - start) / 4 + 1);
        let s = &text[start..end];
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            // Markdown emphasis left in plain text ("**Athens has") says
            // nothing a reader of the facts needs.
            if c.is_whitespace() || c == '*' {
                continue;
            }
            if c.is_alphabetic() {
                let mut j = i + c.len_utf8();
                let mut negation = None;
                while let Some(&(k, d)) = iter.peek() {
                    // Most characters of a word are ASCII letters, which the
                    // tests below would only take in as well.
                    if d.is_ascii_alphanumeric() {
                        iter.next();
                        j = k + 1;
                        continue;
                    }
                    match word_step(s, i, k, d) {
                        WordStep::Continue(next) => {
                            iter.next();
                            j = next;
                        }
                        WordStep::End => break,
                        WordStep::Negation(neg) => {
                            negation = Some(neg);
                            break;
                        }
                    }
                }
                // A trailing dot belongs to an abbreviation ("U.S.", "Gen.").
                if s[j..].starts_with('.') && takes_its_dot(&s[i..j]) {
                    iter.next();
                    j += 1;
                }
                if let Some(neg) = &negation {
                    j = neg.start;
                }
                out.push(Token {
                    start: start + i,
                    end: start + j,
                    kind: TokenKind::Word,
                });
                if let Some(neg) = negation {
                    while iter.next_if(|&(k, _)| k < neg.end).is_some() {}
                    out.push(Token {
                        start: start + neg.start,
                        end: start + neg.end,
                        kind: TokenKind::Word,
                    });
                }
            } else if c.is_ascii_digit() {
                let mut j = i + 1;
                while let Some(&(k, _)) = iter.peek() {
                    if number_continues(s, k) {
                        iter.next();
                        j = k + 1;
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: start + i,
                    end: start + j,
                    kind: TokenKind::Number,
                });
            } else if let Some(len) = possessive_len(s, i, c) {
                iter.next();
                out.push(Token {
                    start: start + i,
                    end: start + i + len,
                    kind: TokenKind::Punct,
                });
            } else {
                out.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    kind: TokenKind::Punct,
                });
            }
        }
        out
    }

    /// The sentence splitter as it read every byte of a line on its own,
    /// before the tokens were found on the same walk: [`sentences`] and
    /// [`segment`] must cut as it does.
    fn sentences_by_bytes(text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut offset = 0;
        for (paragraph, line) in text.split_inclusive('\n').enumerate() {
            let body = line.trim_end_matches(['\n', '\r']);
            let bytes = body.as_bytes();
            let mut start = 0;
            let mut i = 0;
            while i < bytes.len() {
                if is_glued_start(body, i) {
                    out.extend(span(body, offset, paragraph, start, i));
                    start = i;
                }
                if matches!(bytes[i], b'.' | b'!' | b'?')
                    && let Some(end) = sentence_end(body, i)
                {
                    out.extend(span(body, offset, paragraph, start, end));
                    start = end;
                    i = end;
                    continue;
                }
                i += 1;
            }
            out.extend(span(body, offset, paragraph, start, body.len()));
            offset += line.len();
        }
        out
    }

    /// Texts that try the tokenizer and the sentence splitter: the tricky
    /// cases, a generated corpus, and pieces of those strung together at
    /// random.
    fn trying_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "The U.S. won't back it; Gen. Smith doesn't. AU-led force's 1,000 troops (3.5%).",
            "Don\u{2019}t they\u{2019}re n't 'n't x'ty O'Brien's rock'n'roll 5€ 12.3.4 1,2, 7.",
            "**Athens** has — Ünïcode Éa naïve café’s 「引用」 ﬁve ſ the U.N.'s U.N. A. B",
            "isn't. ISN'T Isn\u{2019}T can't\u{2019}t  \t tabs\nnew\u{a0}lines 10.000,5 x.y.z. e.g. a'",
            "Gang leader exposes the networkShould the Council approve it. \"Yes.\" (No!) Why?\r\nOk",
            "", "a", "'", "’s", "N'T", "an't", "ab'", "9.", ".9", "U.", "Mr.", "MR.", "mr.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for d in crate::synth::Corpus::new(7).documents(300_000) {
            texts.push(d.text);
        }
        let pieces = [
            "a", "b", "n", "t", "s", "N", "T", "S", "X", "abcd", "network", "Should", "The",
            "U.S.", "U.N", "Gen", "Mr", "MR", "e.g", "n't", "N'T", "'s", "’s", ".", ".", "!", "?",
            " ", " ", " ", "  ", "\n", "\r\n", "'", "’", "\"", "”", "“", "(", ")", "[", "]", "*",
            "_", "-", "1", "2,500", "3.5", "é", "É", "ß", "ſ", "\u{a0}", "٣", "ﬁ", "Ω",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..30 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        texts
    }

    /// One walk cuts the sentences and finds their tokens as the splitter
    /// and the tokenizer did one after the other.
    #[test]
    fn segment_as_sentences_then_tokens() {
        for t in &trying_texts() {
            check(t);
        }
    }

    fn check(t: &str) {
        {
            let expected = sentences_by_bytes(t);
            assert_eq!(sentences(t), expected, "{t:?}");
            let segments = segment(t);
            assert_eq!(segments.len(), expected.len(), "{t:?}");
            for (seg, s) in segments.iter().zip(&expected) {
                let text = &t[s.start..s.end];
                assert_eq!(seg.span, *s, "{t:?}");
                assert_eq!(seg.tokens, tokens_by_chars(t, s.start, s.end), "{text:?}");
                let lowered: Vec<Lower> = seg
                    .tokens
                    .iter()
                    .map(|k| lower(&t[k.start..k.end]))
                    .collect();
                assert_eq!(seg.lower, lowered, "{text:?}");
                assert_eq!(
                    seg.digit,
                    text.bytes().any(|b| b.is_ascii_digit()),
                    "{text:?}"
                );
            }
        }
    }

    /// The byte cursor gives the tokens the char iterator gave, on tricky
    /// text and on a generated corpus.
    #[test]
    fn tokens_as_by_chars() {
        for t in &trying_texts() {
            for s in sentences(t) {
                assert_eq!(
                    tokens(t, s.start, s.end),
                    tokens_by_chars(t, s.start, s.end),
                    "{:?}",
                    &t[s.start..s.end]
                );
            }
            assert_eq!(
                tokens(t, 0, t.len()),
                tokens_by_chars(t, 0, t.len()),
                "{t:?}"
            );
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_in_capitals_do_not_end_sentences() {
        assert_eq!(
            split("MAJ. GEN. DICK OLUM, Commander. COL. MAGEZI: Good morning."),
            [
                "MAJ. GEN. DICK OLUM, Commander.",
                "COL. MAGEZI: Good morning."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. and the U.N. agreed on Jan. 5. Gen. Smith said so. It ended."),
            [
                "The U.S. and the U.N. agreed on Jan. 5.",
                "Gen. Smith said so.",
                "It ended."
            ]
        );
        assert_eq!(
            split("Aid went to the U.S. The talks ended."),
            ["Aid went to the U.S.", "The talks ended."]
        );
        // A number before the period is no acronym.
        assert_eq!(
            split("Imports edged up 1.1%. Exports were strong."),
            ["Imports edged up 1.1%.", "Exports were strong."]
        );
    }

    #[test]
    fn sentences_may_open_with_quotes_brackets_or_emphasis() {
        assert_eq!(
            split(
                "It sailed. **Athens pledged a frigate.** \"We agree,\" he said. (Rome did too.)"
            ),
            [
                "It sailed.",
                "**Athens pledged a frigate.**",
                "\"We agree,\" he said.",
                "(Rome did too.)"
            ]
        );
    }

    #[test]
    fn glued_sentences_split_but_names_stay_whole() {
        assert_eq!(
            split("Gang leader exposes the networkShould the Council approve it, it goes on."),
            vec![
                "Gang leader exposes the network",
                "Should the Council approve it, it goes on."
            ]
        );
        assert_eq!(
            split("MacArthur met McCain and the iPhone maker."),
            vec!["MacArthur met McCain and the iPhone maker."]
        );
    }

    #[test]
    fn quotes_and_lines() {
        assert_eq!(
            split("\"We regret it,\" he said. \"We respect it.\" Then they left.\nNext line"),
            [
                "\"We regret it,\" he said.",
                "\"We respect it.\"",
                "Then they left.",
                "Next line"
            ]
        );
    }

    fn token_texts(t: &str) -> Vec<&str> {
        tokens(t, 0, t.len())
            .iter()
            .map(|k| &t[k.start..k.end])
            .collect()
    }

    #[test]
    fn tokens_keep_acronyms_numbers_and_possessives() {
        assert_eq!(
            token_texts("Kenya-led U.S. troops, 2,500 of them, at Russia's $1.2 billion."),
            [
                "Kenya", "-", "led", "U.S.", "troops", ",", "2,500", "of", "them", ",", "at",
                "Russia", "'s", "$", "1.2", "billion", "."
            ]
        );
        // A contracted negation is a word of its own.
        assert_eq!(
            token_texts("Kenya won't send, Chad doesn’t."),
            [
                "Kenya", "wo", "n't", "send", ",", "Chad", "does", "n’t", "."
            ]
        );
        // A number right before a character of several bytes.
        let t = "5€ and 7’s";
        assert_eq!(tokens(t, 0, t.len()).len(), 5);
    }

    #[test]
    fn trim_prefix_trims_as_trim_start_matches() {
        for s in ["U.S. U.S. envoy", "U.S.", "the the", "", "xU.S. "] {
            for p in ["U.S. ", "the ", "", "x"] {
                assert_eq!(trim_prefix(s, p), s.trim_start_matches(p), "{s:?} {p:?}");
            }
        }
    }

    #[test]
    fn lower_matches_to_lowercase() {
        for w in [
            "",
            "The",
            "U.S.",
            "Côte",
            "ΣΟΦΟΣ",
            "İstanbul",
            "Peacekeeping-Operations-Abroad",
        ] {
            assert_eq!(lower(w).as_str(), w.to_lowercase());
            assert_eq!(
                Lower::joined(w, "peacekeeping").as_str(),
                format!("{w} peacekeeping")
            );
        }
    }
}
