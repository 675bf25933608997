//! Mentions: where the document names an actor, mission or resolution.
//!
//! Lexicon names come first (aho-corasick, leftmost-longest); then patterns
//! find what the lexicon does not know: acronyms defined in parentheses,
//! capitalised names with a telling head ("... Support Mission", "...
//! Alliance"), people after a title, numbered resolutions. Country
//! adjectives count only with a role noun ("Kenyan police") or a compound
//! ("Kenyan-led"). Pronouns and descriptions ("the mission") are collected
//! here and resolved in `resolve`.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt};
use smallvec::SmallVec;

use super::amount::{Amount, find_amounts_in};
use super::claims::Claims;
use super::ends::Ends;
use super::lexicon::{Lexicon, Surface, TriggerClass, WordClass};
use super::starts::NameStarts;
use super::text::{Lower, Sentence, Token, TokenKind, lower, segment, trim_prefix};
use crate::graph::{normalize_name, normalizes_to};
use crate::model::{ActorKind, NodeLabel};

/// An entity of the document (it becomes a node, or merges into one).
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// Actor, Mission or Resolution.
    pub label: NodeLabel,
    /// For actors.
    pub kind: Option<ActorKind>,
    /// Canonical name.
    pub name: String,
    /// Other names: the lexicon's and the ones the text uses.
    pub aliases: Vec<String>,
    /// The lexicon entry, when there is one.
    pub lexicon: Option<usize>,
    /// An implicit entity ("the resolution" with no number): it carries
    /// facts to what it stands for but is not written to the graph.
    pub implicit: bool,
    /// Where a mission operates (lexicon indexes of countries).
    pub location: Vec<usize>,
    /// Who leads a mission (lexicon index).
    pub leader: Option<usize>,
}

impl DocEntity {
    /// Whether one word of its name is `word`, in any case ("Global
    /// Coalition to Defeat ISIS", "drone coalition").
    pub fn named(&self, word: &str) -> bool {
        self.name
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Adds a name the entity is also called by, unless it has it already
    /// as written.
    pub fn add_alias(&mut self, alias: String) {
        if self.name != alias && !self.aliases.contains(&alias) {
            self.aliases.push(alias);
        }
    }

    /// The entity of a lexicon entry, as a document first meets it.
    pub fn from_lexicon(lex: &Lexicon, idx: usize) -> DocEntity {
        let (entry, resolved) = (&lex.entries[idx], lex.resolved(idx));
        DocEntity {
            label: entry.label,
            kind: entry.kind,
            name: entry.name.clone(),
            aliases: entry.aliases.clone(),
            lexicon: Some(idx),
            implicit: false,
            location: resolved.location.clone(),
            leader: resolved.leader,
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// By name or alias.
    Name,
    /// By an acronym defined in the text.
    Acronym,
    /// By a capital or seat of power.
    Metonym,
    /// By a country adjective with a role noun ("French officials").
    Role,
    /// By the person's surname.
    Surname,
    /// By a pronoun, resolved.
    Pronoun,
    /// By a description ("the mission"), resolved.
    Description,
    /// By the place of the dateline ("BANGUI, Dec 21 -"): where the story
    /// was filed, no part of its sentences.
    Dateline,
    /// Named inside a phrase that means something else ("Olaf Scholz" in
    /// "Olaf Scholz's cabinet", which is Germany): in the story, but no part
    /// of its sentences.
    Aside,
}

impl Via {
    /// Whether the mention takes part in its sentence (as a subject, an
    /// object, an antecedent); datelines and asides do not.
    pub fn in_sentence(self) -> bool {
        !matches!(self, Via::Dateline | Via::Aside)
    }
}

impl Via {
    /// The name used in explanations.
    pub fn name(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Acronym => "acronym",
            Via::Metonym => "metonym",
            Via::Role => "role noun",
            Via::Dateline => "dateline",
            Via::Aside => "named inside",
            Via::Surname => "surname",
            Via::Pronoun => "pronoun",
            Via::Description => "description",
        }
    }
}

/// A mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The entity.
    pub entity: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// How it is named.
    pub via: Via,
    /// The word after a hyphen: "led" in "Kenya-led".
    pub compound: Option<String>,
    /// A possessive ("Kenya's"), not followed by a role noun.
    pub possessive: bool,
}

/// A mention waiting for resolution: a pronoun or a description.
#[derive(Debug, Clone, PartialEq)]
pub struct Anaphor {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// What it can refer to.
    pub wants: Wants,
    /// Modifiers of a description (lower case), for choosing among missions.
    pub words: Vec<String>,
    /// A possessive ("its", "the mission's").
    pub possessive: bool,
    /// The owner named before "'s" ("SADC's military mission").
    pub owner: Option<usize>,
}

/// What an anaphor can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wants {
    /// "it", "its": a singular non-person entity.
    It,
    /// "they", "their", "them": a group of entities or a plural actor.
    They,
    /// "he", "she", "his", "her": a person.
    Person,
    /// "both countries", "the two powers", "the three juntas": the last
    /// countries named together, as many as the number says.
    Set(u8),
    /// "the mission", "the force", "a peacekeeping operation".
    Mission,
    /// "the resolution", "the text", "the draft".
    Resolution,
    /// "the council".
    Council,
    /// "the bloc", "the union", "the alliance".
    Bloc,
    /// "the group", "the movement", "the militia".
    Group,
    /// "the coalition": a group, or a body named a coalition.
    Coalition,
    /// "the government", "the junta", "the country", "the authorities".
    Government,
    /// "the army", "the military": a national army.
    Army,
}

/// A sentence with its tokens and amounts.
#[derive(Debug, Clone)]
pub struct SentenceData {
    /// The byte range.
    pub span: Sentence,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its tokens in lower case ([`lower`] of each token's text), worked
    /// out once for the passes that compare words: pronouns and
    /// descriptions, and relation reading, lower-cased every token again.
    pub lower: Vec<Lower>,
    /// Its amounts.
    pub amounts: Vec<Amount>,
}

/// Everything known about a document before relations are read.
#[derive(Debug, Clone)]
pub struct DocModel<'t> {
    /// The text.
    pub text: &'t str,
    /// Sentences.
    pub sentences: Vec<SentenceData>,
    /// Entities.
    pub entities: Vec<DocEntity>,
    /// Mentions, sorted by position.
    pub mentions: Vec<Mention>,
    /// Pronouns and descriptions, sorted by position.
    pub anaphors: Vec<Anaphor>,
    /// Capitalised phrases that matched nothing, for `explain`.
    pub unknown: Vec<(usize, String)>,
    /// The countries of the dateline ("BANGUI, Dec 21 -"): where the story
    /// is told from, lexicon indexes.
    pub dateline: Vec<usize>,
    /// The countries people serve as their titles say ("French President
    /// Emmanuel Macron"): (person entity, country entity).
    pub served: Vec<(usize, usize)>,
}

impl DocModel<'_> {
    /// The sentence that contains a byte offset.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .iter()
            .position(|s| s.span.start <= pos && pos < s.span.end.max(s.span.start + 1))
            .unwrap_or(0)
    }

    /// The text of a byte range.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[start..end]
    }
}

/// Words that start a sentence with a capital but are not names.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "But",
    "And",
    "Or",
    "If",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "Their",
    "His",
    "Her",
    "We",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "While",
    "When",
    "Where",
    "Since",
    "Under",
    "With",
    "Without",
    "Despite",
    "Although",
    "Unlike",
    "Between",
    "Some",
    "Many",
    "Most",
    "Several",
    "Both",
    "All",
    "Any",
    "No",
    "Not",
    "Only",
    "For",
    "From",
    "To",
    "By",
    "Of",
    "Into",
    "Over",
    "Instead",
    "However",
    "Meanwhile",
    "Also",
    "Even",
    "Still",
    "Yet",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Which",
    "Why",
    "How",
    "Analysts",
    "Diplomats",
    "Officials",
    "Residents",
    "Critics",
    "Western",
    "European",
    "African",
    "Arab",
    "Asian",
    "Latin",
    "Original",
    "Source",
    "Read",
    "Listen",
    "Ca",
    "Wo",
    "In Case",
    "Broader",
    "Financial",
    "Political",
    "Struggles",
    "Opposition",
    "Created",
    "Established",
    "Designed",
    "Aid",
    "Rights",
    "Legal",
    "Religious",
    "Armed",
    "Attacks",
    "Traffic",
    "Tensions",
    "Relations",
    "Anger",
    "Gangs",
    "Somali",
    "Acting",
    "Former",
    "Deputy",
    "Senior",
    "Major",
    "Several",
    "Both",
    "Each",
    "Every",
    "Other",
    "Smaller",
    "Larger",
    "Large",
    "New",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Reuters",
    "AP",
    "AFP",
    "Dec",
    "Jan",
];

/// Whether a word or phrase is written in capitals ("MAJ. GEN.").
fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// "MAJ. GEN." as a title is usually written: "Maj. Gen.".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

/// Possessive pronouns, capitalised at a sentence's start: never a name's
/// first word.
/// Nouns for an act that a stance may be taken on ("welcomed the
/// decision", "condemned Kenya's offer"): they stand for the mission the
/// act concerns.
pub(super) const ACT_NOUNS: &[&str] = &["offer", "decision", "announcement", "agreement", "move"];

const POSSESSIVE_PRONOUNS: &[&str] = &["Its", "Their", "His", "Her", "Our", "My", "Your"];

/// Connectors allowed inside a capitalised name ("Coordination of Azawad Movements").
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "le", "al", "el", "to", "-",
    "&",
];

/// Build the document model: sentences, mentions, anaphors.
pub fn analyze<'t>(text: &'t str, lex: &Lexicon) -> DocModel<'t> {
    let sents: Vec<SentenceData> = segment(text)
        .into_iter()
        .map(|s| SentenceData {
            amounts: find_amounts_in(text, s.span.start, s.span.end, s.digit, lex),
            span: s.span,
            tokens: s.tokens,
            lower: s.lower,
        })
        .collect();
    let mut b = Builder {
        text,
        lex,
        model: DocModel {
            text,
            sentences: sents,
            entities: Vec::new(),
            mentions: Vec::new(),
            anaphors: Vec::new(),
            unknown: Vec::new(),
            dateline: Vec::new(),
            served: Vec::new(),
        },
        // Room for what an article's entities bring at once: grown from
        // empty, these tables were rehashed (their names hashed again)
        // five or six times in every document.
        by_lexicon: HashMap::with_capacity(64),
        by_name: HashMap::with_capacity(256),
        taken: Claims::new(text.len()),
        starts: None,
        defined_acronyms: Vec::new(),
        runs: Vec::new(),
        dateline_span: None,
    };
    b.runs = (0..b.model.sentences.len())
        .map(|s| b.capitalized_runs(&b.model.sentences[s]))
        .collect();
    b.lexicon_mentions();
    b.dateline_mentions();
    b.administrations();
    b.resolution_mentions();
    b.acronym_definitions();
    b.named_phrases();
    b.people();
    b.code_names();
    b.known_as_names();
    b.acronym_uses();
    b.acronyms_of_names();
    b.surnames();
    b.short_names();
    b.generic_institutions();
    b.titled_people();
    b.organization_missions();
    b.organizations_in_mission_names();
    b.missions_by_frame();
    b.governments_of_countries();
    b.anaphors();
    b.model.mentions.sort_by_key(|m| m.start);
    b.model.anaphors.sort_by_key(|a| a.start);
    b.model
}

struct Builder<'t, 'l> {
    text: &'t str,
    lex: &'l Lexicon,
    model: DocModel<'t>,
    by_lexicon: HashMap<usize, usize>,
    by_name: HashMap<Cow<'l, str>, usize>,
    /// Byte ranges already claimed by a mention.
    taken: Claims,
    /// Where names can begin in the text, made when a pass first looks
    /// for a name again.
    starts: Option<NameStarts>,
    /// Acronyms the text defines in parentheses, and for which entity.
    defined_acronyms: Vec<(String, usize)>,
    /// The capitalized runs of each sentence, worked out once (the tokens
    /// do not change).
    runs: Vec<SmallVec<[(usize, usize); 8]>>,
    /// The dateline's bytes ("JUBA, South Sudan (AP)"), which name no
    /// actor and define no acronym.
    dateline_span: Option<(usize, usize)>,
}

/// How many of a story's first lines may hold its dateline.
const DATELINE_LINES: usize = 3;

/// How many may, when the line credits an agency ("(Reuters) -").
const DATELINE_LINES_CREDITED: usize = 6;

/// An agency credited right before a dateline's dash.
static CREDIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\([A-Z][A-Za-z]+\)\s*(?:-|\u{2014}|\u{2013})").expect("regex")
});

/// The countries of a wire story's dateline, the upper-case places that
/// open one of its first paragraphs ("BANGUI, Dec 21 -", "UNITED
/// NATIONS/MOGADISHU (Reuters) -").
fn dateline(text: &str, lex: &Lexicon) -> Dateline {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*([A-Z][A-Z.'\u{2019} -]*[A-Z.](?:/[A-Z][A-Z.'\u{2019} -]*[A-Z.])*)\s*(?:,|\(|-|\u{2014}|\u{2013})")
            .expect("regex")
    });
    let mut offset = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if lines > DATELINE_LINES_CREDITED {
            break;
        }
        let Some(places) = RE.captures(line).and_then(|c| c.get(1)) else {
            continue;
        };
        // Below a headline, byline and time stamp ("NOUAKCHOTT/N'DJAMENA,
        // Dec 6 (Reuters) -"), only a line that credits an agency before
        // its dash is a dateline: "NATO, which ..." opens a sentence.
        if lines > DATELINE_LINES && !CREDIT.is_match(line) {
            continue;
        }
        let mut at = start + places.start();
        let mut found = Vec::new();
        for place in places.as_str().split('/') {
            let lead = place.len() - place.trim_start().len();
            let name = place.trim();
            if let Some(country) = lex.place(name) {
                found.push((country, at + lead, at + lead + name.len()));
            }
            at += place.len() + 1;
        }
        // The dateline runs to the dash that opens the story.
        let end = [" - ", " \u{2014} ", " \u{2013} "]
            .iter()
            .filter_map(|d| line.find(d))
            .min()
            .map(|p| start + p);
        return Dateline {
            places: found,
            span: end.map(|end| (start, end)),
        };
    }
    Dateline::default()
}

/// A wire story's dateline: its places' countries and spans, and where it
/// ends.
#[derive(Debug, Default)]
struct Dateline {
    places: Vec<(usize, usize, usize)>,
    span: Option<(usize, usize)>,
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl<'t> Builder<'t, '_> {
    /// The word that ends right before `pos` (spaces between), with its start.
    fn word_before(&self, pos: usize) -> Option<(usize, &'t str)> {
        let text: &'t str = self.text;
        let before = text[..pos].trim_end();
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        Some((start, &before[start..]))
    }

    fn free(&self, start: usize, end: usize) -> bool {
        self.taken.free(start, end)
    }

    /// Where `name` next occurs in the text at or after `from`, as
    /// `self.text[from..].find(name)` (plus `from`) would say.
    fn find_again(&mut self, name: &str, from: usize) -> Option<usize> {
        let text = self.text;
        self.starts
            .get_or_insert_with(|| NameStarts::new(text))
            .find(text, name, from)
    }

    fn claim(&mut self, start: usize, end: usize) {
        self.taken.push((start, end));
    }

    fn sentence_of(&self, pos: usize) -> usize {
        self.model.sentence_of(pos)
    }

    fn lexicon_entity(&mut self, idx: usize) -> usize {
        if let Some(&e) = self.by_lexicon.get(&idx) {
            return e;
        }
        // As `add_entity`, with the names the lexicon normalized once.
        let resolved = self.lex.resolved(idx);
        let id = match self.by_name.get(resolved.keys[0].as_str()) {
            Some(&id) => id,
            None => {
                let id = self.model.entities.len();
                for key in &resolved.keys {
                    self.by_name
                        .entry(Cow::Borrowed(key.as_str()))
                        .or_insert(id);
                }
                self.model
                    .entities
                    .push(DocEntity::from_lexicon(self.lex, idx));
                id
            }
        };
        self.by_lexicon.insert(idx, id);
        id
    }

    fn add_entity(&mut self, e: DocEntity) -> usize {
        let key = normalize_name(&e.name);
        if let Some(&id) = self.by_name.get(key.as_str()) {
            return id;
        }
        let id = self.model.entities.len();
        self.by_name.insert(key.into(), id);
        for a in &e.aliases {
            self.by_name.entry(normalize_name(a).into()).or_insert(id);
        }
        self.model.entities.push(e);
        id
    }

    fn new_entity(&mut self, label: NodeLabel, kind: Option<ActorKind>, name: &str) -> usize {
        if let Some(&id) = self.by_name.get(normalize_name(name).as_str()) {
            return id;
        }
        if let Some(idx) = self.lex.by_name(name) {
            return self.lexicon_entity(idx);
        }
        self.add_entity(DocEntity {
            label,
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            lexicon: None,
            implicit: false,
            location: Vec::new(),
            leader: None,
        })
    }

    fn add_alias(&mut self, entity: usize, alias: &str) {
        let e = &mut self.model.entities[entity];
        // A name the entity has as written already adds nothing: it is
        // no new alias, and `by_name` holds every name and alias of every
        // entity. Nearly every call is so (a lexicon entry's alias each
        // time the text uses it), and it is told without normalizing.
        if e.name == alias || e.aliases.iter().any(|a| a == alias) {
            return;
        }
        let n = normalize_name(alias);
        if !normalizes_to(&e.name, &n) && !e.aliases.iter().any(|a| normalizes_to(a, &n)) {
            e.aliases.push(alias.to_string());
        }
        self.by_name.entry(n.into()).or_insert(entity);
    }

    fn push(&mut self, entity: usize, start: usize, end: usize, via: Via) {
        let sentence = self.sentence_of(start);
        let compound = self.compound_after(end);
        let possessive =
            self.text[end..].starts_with("'s") || self.text[end..].starts_with("\u{2019}s");
        self.claim(start, end);
        self.model.mentions.push(Mention {
            entity,
            start,
            end,
            sentence,
            via,
            compound,
            possessive,
        });
    }

    /// Whether an event noun follows `end` ("the Washington meeting", "the
    /// Doha talks"): the name before it is where the event took place.
    fn event_after(&self, end: usize) -> bool {
        let rest = self.text[end..].strip_prefix(' ').unwrap_or("");
        let next = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        matches!(
            next,
            "meeting"
                | "meetings"
                | "talks"
                | "summit"
                | "conference"
                | "process"
                | "declaration"
                | "accord"
                | "accords"
                | "visit"
                | "format"
                | "truce"
                | "ceasefire"
        )
    }

    /// Whether a model number follows `end` ("CP-140", "F-16", "C-130"):
    /// the letters before it name an aircraft or a weapon, not an actor.
    fn model_code_after(&self, end: usize) -> bool {
        self.text[end..]
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// The participle after a hyphen: "led" in "Kenya-led".
    fn compound_after(&self, end: usize) -> Option<String> {
        let rest = self.text[end..].strip_prefix('-')?;
        // "the UK- and French-led force": the participle comes after the
        // second name.
        let rest = match rest
            .strip_prefix(" and ")
            .or_else(|| rest.strip_prefix(" or "))
        {
            Some(second) => {
                let hyphen = second.find('-')?;
                if second[..hyphen].split_whitespace().count() > 3 {
                    return None;
                }
                &second[hyphen + 1..]
            }
            None => rest,
        };
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        matches!(
            word.as_str(),
            "led"
                | "backed"
                | "drafted"
                | "sponsored"
                | "brokered"
                | "funded"
                | "financed"
                | "supported"
                | "commanded"
                | "controlled"
                | "run"
                | "headed"
                | "chaired"
                | "allied"
                | "aligned"
                // "the Tripoli-based government": a place, no stance.
                | "based"
                | "linked"
                | "born"
        )
        .then_some(word)
    }

    /// The role phrase right after `end` ("police officers", "government")
    /// and its class; possessive "'s" is skipped.
    fn role_after(&self, end: usize) -> Option<(WordClass, usize)> {
        let mut rest_start = end;
        for p in ["'s", "\u{2019}s"] {
            if self.text[end..].starts_with(p) {
                rest_start = end + p.len();
            }
        }
        let rest = &self.text[rest_start..];
        let trimmed = rest.trim_start();
        let offset = rest_start + rest.len() - trimmed.len();
        // Skip up to two modifiers ("new prime minister", "federal government").
        let words: SmallVec<[(usize, &str); 6]> = trimmed
            .split_inclusive(char::is_whitespace)
            .scan(0usize, |pos, w| {
                let p = *pos;
                *pos += w.len();
                Some((p, w.trim_end()))
            })
            .take(6)
            .collect();
        for skip in 0..3 {
            for len in (1..=3).rev() {
                if skip + len > words.len() {
                    continue;
                }
                let (p0, _) = words[skip];
                let (pl, wl) = words[skip + len - 1];
                let core_end = pl + wl.trim_end_matches([',', '.', ';', ':', '"', ')']).len();
                let phrase = &trimmed[p0..core_end];
                let lower = lower(phrase);
                // "Japan's Official Security Assistance program": a word
                // that is also an adjective, capitalised inside a name.
                let in_a_name = len == 1
                    && matches!(lower.as_str(), "official" | "state" | "military")
                    && words
                        .get(skip + 1)
                        .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_uppercase()));
                if in_a_name {
                    continue;
                }
                for class in [
                    WordClass::Institution,
                    WordClass::StateRole,
                    WordClass::ForceRole,
                    WordClass::Opposition,
                ] {
                    let hit = match class {
                        WordClass::Institution => {
                            self.lex.is(class, &lower) || self.lex.is(class, phrase)
                        }
                        // "Krakozhian opposition to the plan" is a stance;
                        // "Kenya's opposition leader Raila Odinga" a person.
                        WordClass::Opposition => {
                            let after = trimmed[core_end..].trim_start();
                            let next = after.split(' ').next().unwrap_or("");
                            self.lex.is(class, &lower)
                                && !["to ", "against ", "from "]
                                    .iter()
                                    .any(|p| after.starts_with(p))
                                && !self.lex.is(WordClass::PersonRole, &next.to_lowercase())
                        }
                        _ => self.lex.is(class, &lower),
                    };
                    if hit {
                        return Some((class, offset + core_end));
                    }
                }
            }
            // Only adjectives may be skipped.
            let w = words.get(skip).map_or("", |w| w.1);
            if !matches!(
                lower(w).as_str(),
                "new"
                    | "federal"
                    | "transitional"
                    | "former"
                    | "deputy"
                    | "acting"
                    | "interim"
                    | "senior"
                    | "top"
                    | "own"
                    | "military"
                    | "outgoing"
                    | "incoming"
                    | "foreign"
                    | "elite"
            ) {
                break;
            }
        }
        None
    }

    /// "the Biden administration", "the Ruto government": a leader's name
    /// with "administration" or "government" stands for the leader's country.
    fn administrations(&mut self) {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"\b(\p{Lu}[\p{Ll}\p{M}'-]+?)(?:'s|\u{2019}s)? (administration|government|cabinet)\b",
            )
            .expect("regex")
        });
        let found: Vec<(usize, usize, String)> = RE
            .captures_iter(self.text)
            .map(|c| {
                let m = c.get(0).expect("match");
                (m.start(), m.end(), c[1].to_string())
            })
            .collect();
        for (start, end, surname) in found {
            let leader = self.lex.entries.iter().position(|e| {
                e.kind == Some(ActorKind::Person)
                    && e.name.rsplit(' ').next() == Some(surname.as_str())
                    && e.parent
                        .as_deref()
                        .and_then(|p| self.lex.index_of(p))
                        .is_some_and(|c| self.lex.entries[c].kind == Some(ActorKind::Country))
            });
            let Some(leader) = leader else { continue };
            let Some(country) = self.lex.entries[leader]
                .parent
                .as_deref()
                .and_then(|p| self.lex.index_of(p))
            else {
                continue;
            };
            // "Olaf Scholz's cabinet": the leader's full name opens the phrase.
            let surname_end = start + surname.len();
            let start = self
                .model
                .mentions
                .iter()
                .find(|m| {
                    m.end == surname_end
                        && m.start < start
                        && self.model.entities[m.entity].lexicon == Some(leader)
                })
                .map_or(start, |m| m.start);
            let phrase = self.text[start..end].to_string();
            // The leader named inside is in the story, but the phrase means
            // the country: the person's mention stays, aside.
            for m in self
                .model
                .mentions
                .iter_mut()
                .filter(|m| m.start >= start && m.end <= end)
            {
                m.via = Via::Aside;
            }
            self.taken.retain(|&(s, e)| !(s >= start && e <= end));
            if !self.free(start, end) {
                continue;
            }
            let e = self.lexicon_entity(country);
            self.add_alias(e, &phrase);
            self.push(e, start, end, Via::Metonym);
        }
    }

    fn lexicon_mentions(&mut self) {
        let matches = self.lex.find_names(self.text);
        for m in matches {
            let surface = &self.text[m.start..m.end];
            let entry = &self.lex.entries[m.entry];
            match m.surface {
                Surface::Adjective => {
                    // An adjective names the country only with a role noun or a compound.
                    if self.compound_after(m.end).is_some() {
                        let e = self.lexicon_entity(m.entry);
                        self.push(e, m.start, m.end, Via::Role);
                    } else if let Some((class, end)) = self.role_after(m.end) {
                        self.role_mention(m.entry, class, m.start, end, surface);
                    } else if self.shared_role_after(m.end).is_some() {
                        // "Freedonian and Genovian troops": the role noun
                        // is both adjectives'.
                        let e = self.lexicon_entity(m.entry);
                        self.push(e, m.start, m.end, Via::Role);
                    } else if self.stance_noun_after(m.end) {
                        // "Freedonian support for", "Krakozhian hostility
                        // toward": the country's, as with "Freedonia's".
                        let e = self.lexicon_entity(m.entry);
                        self.push(e, m.start, m.end, Via::Role);
                        if let Some(last) = self.model.mentions.last_mut() {
                            last.possessive = true;
                        }
                    }
                }
                Surface::Name | Surface::Metonym => {
                    // "U.N. peacekeeping" is the enterprise; "a U.N.
                    // peacekeeping force" is a mission the description reads.
                    if entry.id == "UN_PEACEKEEPING" {
                        let next: String = self.text[m.end..]
                            .trim_start()
                            .chars()
                            .take_while(|c| c.is_alphabetic())
                            .collect();
                        if matches!(
                            next.as_str(),
                            "force"
                                | "mission"
                                | "operation"
                                | "contingent"
                                | "troops"
                                | "chief"
                                | "personnel"
                                | "deployment"
                                | "presence"
                                | "option"
                        ) {
                            continue;
                        }
                    }
                    // "welcomed the Washington meeting", "the Doha talks":
                    // a capital before an event names where it happened.
                    if (m.surface == Surface::Metonym && self.event_after(m.end))
                        || self.model_code_after(m.end)
                    {
                        continue;
                    }
                    let via = if m.surface == Surface::Metonym {
                        Via::Metonym
                    } else {
                        Via::Name
                    };
                    if entry.kind == Some(ActorKind::Country)
                        && self.compound_after(m.end).is_none()
                        && let Some((class, end)) = self.role_after(m.end)
                    {
                        self.role_mention(m.entry, class, m.start, end, surface);
                        continue;
                    }
                    let e = self.lexicon_entity(m.entry);
                    if m.surface == Surface::Metonym || surface != self.model.entities[e].name {
                        self.add_alias(e, surface);
                    }
                    self.push(e, m.start, m.end, via);
                }
                // "ordered the Americans out": with the article, a
                // country's people are its forces or government; without,
                // a population ("Americans are divided").
                Surface::People => {
                    if self.text[..m.start].to_lowercase().ends_with("the ") {
                        let e = self.lexicon_entity(m.entry);
                        self.push(e, m.start, m.end, Via::Role);
                    }
                }
                Surface::Stop => {}
            }
        }
    }

    /// After "and" and another demonym, the role noun both share:
    /// "Freedonian and Genovian troops".
    fn shared_role_after(&self, end: usize) -> Option<(WordClass, usize)> {
        let rest = self.text[end..].strip_prefix(" and ")?;
        let start = end + " and ".len();
        let next = self
            .lex
            .find_names(&rest[..rest.len().min(60)])
            .into_iter()
            .find(|n| n.start == 0 && n.surface == Surface::Adjective)?;
        self.role_after(start + next.end)
    }

    /// Whether the word after `end` is the noun of a stance or a
    /// contribution ("support", "hostility", "funding").
    fn stance_noun_after(&self, end: usize) -> bool {
        let next: String = self.text[end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        // "Venezuelan opposition leader", "the Syrian opposition": the
        // country's political opposition, not the country's opposition to
        // something ("Krakozhian opposition to the plan").
        if next == "opposition" {
            let after = self.text[end..].trim_start()["opposition".len()..].trim_start();
            if !["to ", "against ", "from "]
                .iter()
                .any(|p| after.starts_with(p))
            {
                return false;
            }
        }
        self.lex.triggers(&next).iter().any(|f| {
            f.pos == super::lexicon::Pos::Noun
                && matches!(
                    f.class,
                    TriggerClass::Support
                        | TriggerClass::Oppose
                        | TriggerClass::Criticize
                        | TriggerClass::Contribute
                )
        })
    }

    /// "Kenyan police", "Kenya's parliament", "the Lebanese army".
    fn role_mention(
        &mut self,
        country: usize,
        class: WordClass,
        start: usize,
        end: usize,
        surface: &str,
    ) {
        let phrase = self.text[start..end].to_string();
        let role = phrase[surface.len()..]
            .trim_start_matches(['\'', '\u{2019}', 's'])
            .trim()
            .to_string();
        let lower = role.to_lowercase();
        let entity = match class {
            WordClass::Institution if !matches!(lower.as_str(), "lawmakers") => {
                let country_name = self.lex.entries[country].name.clone();
                let name = format!("{country_name}'s {role}");
                let e = self.new_entity(NodeLabel::Actor, Some(ActorKind::Organization), &name);
                let adjective = self.lex.entries[country].adjectives.first().cloned();
                if let Some(adj) = adjective {
                    self.add_alias(e, &format!("{adj} {role}"));
                }
                self.add_alias(e, &phrase);
                e
            }
            // "Kenya's opposition", "the Syrian opposition": a group
            // known by the country's adjective ("Kenyan opposition").
            WordClass::Opposition => {
                let entry = &self.lex.entries[country];
                let name = match entry.adjectives.first() {
                    Some(adj) => format!("{adj} opposition"),
                    None => format!("{}'s opposition", entry.name),
                };
                let e = self.new_entity(NodeLabel::Actor, Some(ActorKind::Group), &name);
                self.add_alias(e, &phrase);
                if lower != "opposition" {
                    self.add_alias(e, &role);
                }
                e
            }
            WordClass::ForceRole if matches!(lower.as_str(), "army" | "armed forces") => {
                match self.lex.army_of(country) {
                    Some(army) => {
                        let e = self.lexicon_entity(army);
                        self.add_alias(e, &phrase);
                        e
                    }
                    None if self.receives_at(start) => {
                        self.new_entity(NodeLabel::Actor, Some(ActorKind::Force), &phrase)
                    }
                    None => self.lexicon_entity(country),
                }
            }
            // "to train Palestinian police", "$380 million to Iraqi
            // security forces": a country's force that receives help is a
            // body of its own; acting, it stands for its country.
            WordClass::ForceRole
                if matches!(
                    lower.as_str(),
                    "security forces" | "police" | "military" | "navy" | "coast guard"
                ) && self.receives_at(start) =>
            {
                self.new_entity(NodeLabel::Actor, Some(ActorKind::Force), &phrase)
            }
            _ => self.lexicon_entity(country),
        };
        if class != WordClass::Institution
            && surface != self.model.entities[entity].name
            && self.lex.entries[country]
                .metonyms
                .iter()
                .any(|m| m == surface)
        {
            self.add_alias(entity, surface);
        }
        self.push(entity, start, end, Via::Role);
        // The mention covers the role noun; compounds and possessives refer to its end.
        if let Some(last) = self.model.mentions.last_mut() {
            last.possessive = false;
        }
    }

    /// Whether the words before `start` make what follows a recipient of
    /// help: "to (the)", "for (the)", "train", "equip", "fund".
    fn receives_at(&self, start: usize) -> bool {
        let mut before = self.text[..start].trim_end().rsplit([' ', '\n']);
        let mut last = before.next().unwrap_or("");
        if last.eq_ignore_ascii_case("the") {
            last = before.next().unwrap_or("");
        }
        matches!(
            last,
            "to" | "for"
                | "train"
                | "trains"
                | "trained"
                | "training"
                | "equip"
                | "equips"
                | "equipped"
                | "equipping"
                | "arm"
                | "fund"
                | "funds"
                | "funded"
                | "funding"
                | "strengthen"
                | "bolster"
                | "rebuild"
        )
    }

    fn resolution_mentions(&mut self) {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?:(?:U\.N\.|UN|United Nations)\s+)?(?:Security Council\s+)?\b[Rr]esolution\s+(\d{3,4})\b").expect("regex")
        });
        let matches: Vec<(usize, usize, String, String)> = RE
            .captures_iter(self.text)
            .map(|c| {
                let m = c.get(0).expect("match");
                (m.start(), m.end(), c[1].to_string(), m.as_str().to_string())
            })
            .collect();
        for (start, end, number, written) in matches {
            // A lexicon match inside ("U.N. Security Council") gives way.
            self.taken.retain(|&(s, e)| !(s >= start && e <= end));
            self.model
                .mentions
                .retain(|m| !(m.start >= start && m.end <= end));
            let e = self.new_entity(NodeLabel::Resolution, None, &format!("Resolution {number}"));
            for alias in [
                format!("UN Security Council Resolution {number}"),
                format!("U.N. Security Council Resolution {number}"),
                format!("Security Council resolution {number}"),
                written,
            ] {
                self.add_alias(e, &alias);
            }
            self.push(e, start, end, Via::Name);
        }
    }

    /// The capitalised words of a sentence grouped into runs: name candidates.
    fn capitalized_runs(&self, s: &SentenceData) -> SmallVec<[(usize, usize); 8]> {
        let t = self.text;
        let toks = &s.tokens;
        let mut runs = SmallVec::new();
        let mut i = 0;
        while i < toks.len() {
            let w = &t[toks[i].start..toks[i].end];
            if toks[i].kind == TokenKind::Word && is_capitalized(w) {
                let start = i;
                let mut end = i + 1;
                loop {
                    if end < toks.len()
                        && toks[end].kind == TokenKind::Word
                        && is_capitalized(&t[toks[end].start..toks[end].end])
                    {
                        end += 1;
                        continue;
                    }
                    // A connector followed by another capitalised word.
                    let conn_len = (1..=2).find(|&k| {
                        end + k < toks.len()
                            && (0..k).all(|j| {
                                let c = &t[toks[end + j].start..toks[end + j].end];
                                NAME_CONNECTORS.contains(&c)
                                    && (c != "-" || toks[end + j].start == toks[end + j - 1].end)
                            })
                            && toks[end + k].kind == TokenKind::Word
                            && is_capitalized(&t[toks[end + k].start..toks[end + k].end])
                            // "launched Operation X in May": a date is no
                            // part of a name.
                            && {
                                let w = lower(&t[toks[end + k].start..toks[end + k].end]);
                                !self.lex.is(WordClass::Month, &w)
                                    && !self.lex.is(WordClass::Weekday, &w)
                            }
                    });
                    if let Some(k) = conn_len {
                        end += k + 1;
                        continue;
                    }
                    // "Shin Won-sik", "Kim Jong-un": a hyphenated given name
                    // whose second part is in lower case.
                    if hyphenated_given_name(t, toks, end) {
                        end += 2;
                        continue;
                    }
                    break;
                }
                // "Combined Task Force 150", "Joint Task Force 7": a number
                // after a mission's head is part of its name.
                if end < toks.len()
                    && toks[end].kind == TokenKind::Number
                    && toks[end].end - toks[end].start <= 3
                    && toks
                        .get(end + 1)
                        .is_none_or(|n| n.kind != TokenKind::Number)
                    && self.lex.is(
                        WordClass::MissionHead,
                        &t[toks[end - 1].start..toks[end - 1].end],
                    )
                {
                    end += 1;
                }
                // "Speaking for the Arab Group": a participle that opens
                // the sentence and its preposition are no part of the name.
                let start = if (is_capitalised_participle(&t[toks[start].start..toks[start].end])
                    && start == 0)
                    && let Some(p) = (start + 1..end.min(start + 4)).find(|&k| {
                        let w = &t[toks[k].start..toks[k].end];
                        is_capitalized(w) && w != "-"
                    }) {
                    p
                } else {
                    start
                };
                // "Today the Collective Peacekeeping Forces", "Its
                // Collective ...": a word before "the" and a possessive
                // pronoun are no part of the name.
                let first = &t[toks[start].start..toks[start].end];
                let start =
                    if end > start + 2 && &t[toks[start + 1].start..toks[start + 1].end] == "the" {
                        start + 2
                    } else if end > start + 1 && POSSESSIVE_PRONOUNS.contains(&first) {
                        start + 1
                    } else {
                        start
                    };
                runs.push((toks[start].start, toks[end - 1].end));
                i = end;
            } else {
                i += 1;
            }
        }
        runs
    }

    fn acronym_definitions(&mut self) {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\(([A-Z][A-Za-z0-9./-]{1,11})\)").expect("regex")
        });
        let defs: Vec<(usize, usize, String)> = RE
            .captures_iter(self.text)
            .map(|c| {
                let m = c.get(0).expect("match");
                (m.start(), m.end(), c[1].to_string())
            })
            .collect();
        for (open, close, acronym) in defs {
            if self
                .dateline_span
                .is_some_and(|(start, end)| open >= start && close <= end)
            {
                continue;
            }
            // "Rep. Ed Case (D-Hawaii)": a lawmaker's party and state.
            let party_tag = acronym.len() > 2
                && matches!(acronym.as_bytes()[..2], [b'D' | b'R' | b'I', b'-'])
                && acronym.as_bytes()[2].is_ascii_uppercase();
            if party_tag {
                continue;
            }
            let acr_start = open + 1;
            let acr_end = close - 1;
            let before_end = self.text[..open].trim_end().len();
            // The capitalised name right before the parenthesis, when it is a
            // name of its own ("... Mission in Burundi (MAPROBU)").
            let mention_before = self
                .model
                .mentions
                .iter()
                .rposition(|m| m.end == before_end);
            // "the AU-led Somalia Stabilisation Force (SSF)": a name the
            // acronym spells word by word is one name, whatever names it
            // holds ("Somalia", the lexicon's "Stabilisation Force").
            let spelled_run = self
                .spelled_run_ending_at(open, before_end, &acronym)
                .filter(|&(rs, _)| {
                    mention_before.is_none_or(|p| self.model.mentions[p].start > rs)
                });
            if let Some((rs, re)) = spelled_run {
                self.replace_inner(rs, re);
            }
            let named_run = spelled_run.or_else(|| self.name_run_ending_at(open, before_end));
            let mention_before = if spelled_run.is_some() {
                None
            } else {
                mention_before
            };
            let covered = match (named_run, mention_before) {
                (Some((rs, _)), Some(pos)) => self.model.mentions[pos].start <= rs,
                (None, Some(_)) => true,
                _ => false,
            };
            if covered {
                let before = &self.model.mentions[mention_before.expect("covered")];
                let e = before.entity;
                let spelled = spells(&self.text[before.start..before.end], &acronym);
                if self.model.entities[e].label != NodeLabel::Resolution {
                    if spelled {
                        self.defined_acronyms.push((acronym.clone(), e));
                    }
                    self.add_alias(e, &acronym);
                    if self.free(acr_start, acr_end) {
                        self.push(e, acr_start, acr_end, Via::Acronym);
                    }
                }
                continue;
            }
            let known = self.lex.by_name(&acronym);
            let Some((rs, re)) = named_run else {
                // "Lebanese Armed Forces (LAF)" when only the acronym is known.
                if let Some(idx) = known
                    && self.free(acr_start, acr_end)
                {
                    let e = self.lexicon_entity(idx);
                    self.push(e, acr_start, acr_end, Via::Name);
                }
                continue;
            };
            let long = self.text[rs..re].to_string();
            if long.split_whitespace().count() < 2 {
                continue;
            }
            // "Coalition of Patriots for Change (CPC)": a name the text spells
            // out, whose initials make the acronym, is not the lexicon's
            // other CPC.
            let known = known.filter(|&idx| {
                let entry = &self.lex.entries[idx];
                !spells(&long, &acronym)
                    || std::iter::once(&entry.name)
                        .chain(&entry.aliases)
                        .any(|n| shares_a_word(n, &long))
            });
            let e = match known {
                Some(idx) => {
                    let e = self.lexicon_entity(idx);
                    self.add_alias(e, &long);
                    e
                }
                None => {
                    let (label, kind) = self
                        .classify_name(&long)
                        .unwrap_or((NodeLabel::Actor, Some(ActorKind::Organization)));
                    let e = self.new_entity(label, kind, &long);
                    self.add_alias(e, &acronym);
                    e
                }
            };
            self.replace_inner(rs, re);
            self.push(e, rs, re, Via::Name);
            self.defined_acronyms.push((acronym.clone(), e));
            if self.free(acr_start, acr_end) {
                self.push(e, acr_start, acr_end, Via::Acronym);
            }
        }
    }

    /// The capitalised run of the sentence at `pos` that ends at `end`,
    /// without a leading article or possessive owner ("Haiti's ..."), when
    /// it can be a name of its own: the only names inside it are countries
    /// named after a connector ("... Mission in Burundi").
    fn name_run_ending_at(&self, pos: usize, end: usize) -> Option<(usize, usize)> {
        let s = self.sentence_of(pos);
        let &(mut rs, re) = self.runs[s].iter().rev().find(|&&(_, e)| e == end)?;
        // Drop a leading possessive owner.
        let owner = self
            .model
            .mentions
            .iter()
            .find(|m| m.start == rs && m.end < re)
            .and_then(|m| {
                ["'s", "\u{2019}s"]
                    .iter()
                    .find(|p| self.text[m.end..].starts_with(**p))
                    .map(|p| m.end + p.len())
            });
        if let Some(o) = owner {
            rs = o;
        }
        let text = &self.text[rs..re];
        let trimmed = trim_prefix(trim_prefix(text, "The "), "the ");
        rs += text.len() - trimmed.len();
        if rs >= re {
            return None;
        }
        self.inner_names_allowed(rs, re).then_some((rs, re))
    }

    /// The capitalised run ending at `end`, past a leading article, owner
    /// or compound ("AU-led"), whose words' initials spell `acronym`, and
    /// which holds a name of its own (else the plain rules read it).
    fn spelled_run_ending_at(
        &self,
        pos: usize,
        end: usize,
        acronym: &str,
    ) -> Option<(usize, usize)> {
        let s = self.sentence_of(pos);
        let &(rs, re) = self.runs[s].iter().rev().find(|&&(_, e)| e == end)?;
        let text = &self.text[rs..re];
        // Try each word start as the start of the name, longest first.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(' ').map(|(i, _)| i + 1))
            .collect();
        for off in starts {
            let name = &text[off..];
            let first = name.split_whitespace().next().unwrap_or("");
            if matches!(first, "The" | "the") || first.contains('-') || first.ends_with("'s") {
                continue;
            }
            let words = name.split_whitespace().count();
            if words >= 2
                && words == acronym.chars().filter(char::is_ascii_uppercase).count()
                && spells(name, acronym)
            {
                let start = rs + off;
                let inner = self
                    .model
                    .mentions
                    .iter()
                    .any(|m| m.start >= start && m.end <= re && m.end - m.start < re - start);
                return inner.then_some((start, re));
            }
        }
        None
    }

    /// Whether the mentions inside `rs..re` may be swallowed by a longer
    /// name: only countries, and not at the start.
    fn inner_names_allowed(&self, rs: usize, re: usize) -> bool {
        // "the Solomon Islands International Assistance Force": a mission
        // may begin with its host's name, where a country's own force or
        // office ("Kenya Defence Forces") is the country's.
        // What the whole name is, worked out once and only when a name
        // inside it asks.
        let class = std::cell::OnceCell::new();
        let class = || *class.get_or_init(|| self.classify_name(&self.text[rs..re]));
        let mission = || matches!(class(), Some((NodeLabel::Mission, _)));
        // "the African Union Peace Fund", "the UN Verification and
        // Inspection Mechanism": an organization's own fund or mission may
        // begin with its name.
        let organization = || {
            matches!(
                class(),
                Some((NodeLabel::Actor, Some(ActorKind::Organization)))
            ) && self.text[rs..re].ends_with("Fund")
        };
        // "the Government of Kenya" is Kenya's government, whereas "the
        // Autonomous Bougainville Government" is a body.
        let government = || {
            self.text[rs..re]
                .split_whitespace()
                .any(|w| w == "Government")
        };
        self.model
            .mentions
            .iter()
            .filter(|m| m.start < re && rs < m.end)
            .all(|m| {
                let e = &self.model.entities[m.entity];
                let country = e.kind == Some(ActorKind::Country);
                let owner = e.kind == Some(ActorKind::Organization) && m.start == rs && m.end < re;
                // "the OSCE Mission" alone is the organization's mission
                // described, not a name.
                let own_name = || self.text[m.end..re].split_whitespace().count() >= 2;
                ((m.start > rs || (m.end < re && mission())) && country && !government()
                    || owner && (organization() || own_name() && mission()))
                    && m.start >= rs
                    && m.end <= re
            })
    }

    /// Drop the mentions inside a span that a longer name replaces.
    fn replace_inner(&mut self, rs: usize, re: usize) {
        self.model
            .mentions
            .retain(|m| !(m.start >= rs && m.end <= re));
        self.taken.retain(|&(s, e)| !(s >= rs && e <= re));
    }

    /// What a capitalised name is, from its head word.
    fn classify_name(&self, name: &str) -> Option<(NodeLabel, Option<ActorKind>)> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let first = *words.first()?;
        // Code-named operations and exercises ("Exercise Mosi II").
        if matches!(first, "Operation" | "Exercise") && words.len() >= 2 {
            return Some((NodeLabel::Mission, None));
        }
        // The head is the last word before "in"/"for"/"of" + place ("Mission in
        // Burundi"), or before the number of a numbered force ("Task Force 151").
        let numbered =
            words.len() >= 2 && words[words.len() - 1].bytes().all(|b| b.is_ascii_digit());
        let mut head_end = words.len() - usize::from(numbered);
        for (i, w) in words.iter().enumerate().skip(1) {
            if matches!(*w, "in" | "for" | "of" | "to" | "on") {
                head_end = i;
                break;
            }
        }
        // "Multinational Force Ukraine", "EU Training Mission Somalia": a
        // country named after the head is where it serves.
        for n in [2, 1] {
            if head_end > n
                && self
                    .lex
                    .by_name(&words[head_end - n..head_end].join(" "))
                    .is_some_and(|i| self.lex.entries[i].kind == Some(ActorKind::Country))
            {
                head_end -= n;
                break;
            }
        }
        self.head_class(&words, head_end)
    }

    /// The label and kind the head of a name ending at `head_end` gives:
    /// its last word or two.
    fn head_class(
        &self,
        words: &[&str],
        head_end: usize,
    ) -> Option<(NodeLabel, Option<ActorKind>)> {
        let last = words[head_end - 1];
        let last2 = if head_end >= 2 {
            words[head_end - 2..head_end].join(" ")
        } else {
            String::new()
        };
        // "the Federal Government", "the Transitional Government": a
        // country's government, which only a name of its own ("the
        // Autonomous Bougainville Government") makes a body.
        if last == "Government"
            && words[..head_end - 1]
                .iter()
                .all(|w| self.lex.is(WordClass::GovernmentModifier, w))
        {
            return None;
        }
        // A two-word head is the more telling one: "Peacekeeping Forces" is
        // a mission although "Forces" alone heads an army.
        [last2.as_str(), last].into_iter().find_map(|h| {
            if self.lex.is(WordClass::ForceHead, h) {
                Some((NodeLabel::Actor, Some(ActorKind::Force)))
            } else if self.lex.is(WordClass::MissionHead, h) {
                Some((NodeLabel::Mission, None))
            } else if self.lex.is(WordClass::OrgHead, h) {
                Some((NodeLabel::Actor, Some(ActorKind::Organization)))
            } else {
                None
            }
        })
    }

    /// Capitalised names with an organization, force or mission head.
    fn named_phrases(&mut self) {
        for s in 0..self.model.sentences.len() {
            let runs = self.runs[s].clone();
            for (rs0, re) in runs {
                let Some((rs, re)) =
                    self.name_run_ending_at(rs0.max(self.model.sentences[s].span.start), re)
                else {
                    continue;
                };
                let mut phrase = self.text[rs..re].trim();
                for lead in ["The ", "A ", "An "] {
                    if let Some(p) = phrase.strip_prefix(lead) {
                        phrase = p;
                    }
                }
                let start = re - phrase.len();
                if phrase.split_whitespace().count() < 2 && !self.introduced_as_name(start) {
                    continue;
                }
                let first = phrase.split_whitespace().next().unwrap_or("");
                if self.lex.is(WordClass::Title, first)
                    || self.lex.is(WordClass::Weekday, first)
                    || self.lex.is(WordClass::Month, first)
                {
                    continue;
                }
                // "the so-called Mechanism": a word that heads descriptions
                // of missions names one when the text introduces it as a name.
                let introduced_mission = || {
                    (self.introduced_as_name(start)
                        && matches!(
                            phrase.to_lowercase().as_str(),
                            "mechanism" | "initiative" | "mission" | "force" | "operation"
                        ))
                    .then_some((NodeLabel::Mission, None))
                };
                // "the Iran-backed militia Kataib Hezbollah": the noun before
                // a name says it is an armed group's.
                let labelled_group = || {
                    let before = self.text[..start].trim_end().to_lowercase();
                    let mut words = before.rsplit(' ');
                    let last = words.next().unwrap_or("");
                    let two = words.next().map(|w| format!("{w} {last}"));
                    (self.lex.is(WordClass::GroupLabel, last)
                        || two.is_some_and(|t| self.lex.is(WordClass::GroupLabel, &t)))
                    .then_some((NodeLabel::Actor, Some(ActorKind::Group)))
                };
                let Some((label, kind)) = self
                    .classify_name(phrase)
                    .or_else(introduced_mission)
                    .or_else(labelled_group)
                else {
                    if self.free(start, re) && !FUNCTION_WORDS.contains(&first) {
                        self.model.unknown.push((s, phrase.to_string()));
                    }
                    continue;
                };
                let phrase = phrase.to_string();
                let e = self.new_entity(label, kind, &phrase);
                self.replace_inner(start, re);
                self.push(e, start, re, Via::Name);
            }
        }
    }

    /// Whether the text introduces the word at `start` as a name: "the
    /// so-called Mechanism", "known as the Quartet".
    fn introduced_as_name(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end_matches(['"', '\u{201c}', ' ']);
        let before = before.strip_suffix(" the").unwrap_or(before);
        ["so-called", "known as", "dubbed"]
            .iter()
            .any(|cue| before.ends_with(cue))
    }

    /// People: a title and a name, a name with "said", a name in apposition.
    fn people(&mut self) {
        let mut title_buf = String::new();
        for s in 0..self.model.sentences.len() {
            let span = self.model.sentences[s].span;
            let runs = self.runs[s].clone();
            for (rs, re) in runs {
                let phrase = &self.text[rs..re];
                let words: SmallVec<[&str; 8]> = phrase.split_whitespace().collect();
                // Title + name: the longest title prefix.
                let mut name_start = None;
                for k in (1..words.len()).rev() {
                    title_buf.clear();
                    for (n, w) in words[..k].iter().enumerate() {
                        if n > 0 {
                            title_buf.push(' ');
                        }
                        title_buf.push_str(w);
                    }
                    let title = trim_prefix(
                        trim_prefix(trim_prefix(&title_buf, "U.S. "), "U.N. "),
                        "UN ",
                    );
                    let t_last = words[k - 1];
                    if self.lex.is(WordClass::Title, title)
                        || self.lex.is(WordClass::Title, t_last)
                        || is_all_caps(title) && self.lex.is(WordClass::Title, &title_case(title))
                    {
                        name_start = Some(k);
                        break;
                    }
                }
                let (nstart, nwords) = match name_start {
                    Some(k) => {
                        let offset = phrase.find(words[k]).unwrap_or(0);
                        (rs + offset, &words[k..])
                    }
                    None => {
                        // Apposition or speech: "Ekuru Aukot, leader of", "said Bintou Keita".
                        let after = self.text[re..].trim_start();
                        let before = self.text[span.start..rs].trim_end();
                        let cue_after = after.starts_with(", a ")
                            || after.starts_with(", an ")
                            || after.starts_with(", the ")
                            || after.starts_with(", who ")
                            || after.starts_with("said")
                            || after.starts_with("told")
                            || after.starts_with("says");
                        // "headed by Giovanni Pietro Barbano": whoever
                        // heads something is a person, named or titled.
                        let cue_before = before.ends_with(" said")
                            || before.ends_with(',') && rs > span.start
                            || [" led by", " headed by", " commanded by", " chaired by"]
                                .iter()
                                .any(|c| before.ends_with(c));
                        if !(cue_after || cue_before || self.role_noun_before(span.start, rs)) {
                            continue;
                        }
                        (rs, words.as_slice())
                    }
                };
                // A name ends before a connector: "Idris Farouk of Vespugia".
                let cut = nwords
                    .iter()
                    .position(|w| NAME_CONNECTORS.contains(w) && *w != "-")
                    .unwrap_or(nwords.len());
                let nwords = &nwords[..cut];
                let n = nwords.len();
                // "President Trump" where the story never names him in
                // full: a title before a known person's surname.
                // Royal titles go with a given name ("King Abdullah").
                let royal = name_start.is_some_and(|k| {
                    matches!(
                        words[k - 1],
                        "King" | "Queen" | "Prince" | "Princess" | "Emir" | "Sheikh" | "Sultan"
                    )
                });
                if n == 1
                    && name_start.is_some()
                    && !royal
                    && let Some(idx) = self.lex.person_by_surname(nwords[0])
                {
                    let start = nstart + self.text[nstart..re].find(nwords[0]).unwrap_or(0);
                    let end = start + nwords[0].len();
                    if self.free(start, end) {
                        let e = self.lexicon_entity(idx);
                        self.push(e, start, end, Via::Surname);
                    }
                    continue;
                }
                if !(2..=4).contains(&n) {
                    continue;
                }
                let name_len: usize = {
                    let first = nwords[0];
                    let last = nwords[n - 1];
                    let from = self.text[nstart..re].find(first).unwrap_or(0);
                    let to = self.text[nstart..re]
                        .rfind(last)
                        .map_or(re - nstart, |p| p + last.len());
                    to.max(from)
                };
                let re = nstart + name_len;
                let name = self.text[nstart..re].trim();
                let first = nwords[0];
                if FUNCTION_WORDS.contains(&first)
                    || nwords.iter().any(|w| {
                        self.lex.is(WordClass::Weekday, w)
                            || self.lex.is(WordClass::Month, w)
                            || self.lex.is(WordClass::OrgHead, w)
                            || self.lex.is(WordClass::ForceHead, w)
                            || self.lex.is(WordClass::MissionHead, w)
                    })
                    || nwords.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                {
                    continue;
                }
                let nend = nstart + name.len();
                if !self.free(nstart, nend) {
                    // "analyst Chad Whitaker", "Leading Seaman Jordan Price":
                    // a country's name as a first name, when a title or role
                    // says a person follows.
                    let strong_cue = name_start.is_some()
                        || self.role_noun_before(0, nstart)
                        || [", a ", ", an ", ", the "]
                            .iter()
                            .any(|c| self.text[nend..].starts_with(c));
                    let first_end = nstart + first.len();
                    let country_first_name = self.model.mentions.iter().any(|m| {
                        m.start == nstart
                            && m.end == first_end
                            && self.model.entities[m.entity].kind == Some(ActorKind::Country)
                    }) && self.free(first_end, nend);
                    if !(strong_cue && country_first_name) {
                        continue;
                    }
                    self.replace_inner(nstart, nend);
                }
                let e = self.new_entity(NodeLabel::Actor, Some(ActorKind::Person), name);
                if name_start.is_some() {
                    self.add_alias(e, &self.text[rs..re]);
                }
                self.push(e, nstart, nend, Via::Name);
                // "known as Barbecue": a nickname.
                let after = &self.text[nend..];
                if let Some(p) = after.find("known as ")
                    && p < 60
                {
                    let rest = &after[p + 9..];
                    let nick: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
                        .collect();
                    let nick = nick
                        .split(' ')
                        .take_while(|w| is_capitalized(w))
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !nick.is_empty() {
                        let ns = nend + p + 9;
                        self.add_alias(e, &nick);
                        if self.free(ns, ns + nick.len()) {
                            self.push(e, ns, ns + nick.len(), Via::Name);
                        }
                    }
                }
            }
        }
    }

    /// "The Mine Countermeasures Naval Group in the Black Sea, known as MCM
    /// Black Sea,": the name after "known as" is the same body's or
    /// mission's, wherever the text uses it.
    fn known_as_names(&mut self) {
        static KNOWN_AS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"^,? (?:also |more commonly |commonly |widely |locally |better )?(?:known|referred to) as (?:the )?([A-Z][\w.'\-]*(?: [A-Z0-9][\w.'\-]*){0,4})",
            )
            .expect("regex")
        });
        let named: Vec<(usize, usize)> = self
            .model
            .mentions
            .iter()
            .filter(|m| {
                let e = &self.model.entities[m.entity];
                matches!(m.via, Via::Name)
                    && (e.label == NodeLabel::Mission
                        || e.label == NodeLabel::Actor
                            && matches!(
                                e.kind,
                                Some(ActorKind::Organization | ActorKind::Force | ActorKind::Group)
                            ))
            })
            .map(|m| (m.entity, m.end))
            .collect();
        for (entity, end) in named {
            let Some(c) = KNOWN_AS.captures(&self.text[end..]) else {
                continue;
            };
            let name = c.get(1).expect("group 1");
            let (start, stop) = (end + name.start(), end + name.end());
            // "known as MCM Carpania": a place inside is part of the name.
            if !self.free(start, stop) {
                if !name.as_str().contains(' ') || !self.inner_names_allowed(start, stop) {
                    continue;
                }
                self.replace_inner(start, stop);
            }
            self.add_alias(entity, name.as_str());
            self.push(entity, start, stop, Via::Name);
        }
    }

    /// "Atalanta" in a text that names "EUNAVFOR Atalanta", "Southern
    /// Spear" after "Operation Southern Spear": an operation's code name
    /// alone stands for it (`acronym_uses` then finds it).
    fn code_names(&mut self) {
        const PREFIXES: &[&str] = &[
            "Operation ",
            "Opération ",
            "Exercise ",
            "EUNAVFOR Med ",
            "EUNAVFOR MED ",
            "EUNAVFOR ",
            "EU NAVFOR ",
            "EUFOR ",
        ];
        let mut found: Vec<(usize, String)> = Vec::new();
        for (i, e) in self.model.entities.iter().enumerate() {
            if e.label != NodeLabel::Mission {
                continue;
            }
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let Some(code) = PREFIXES.iter().find_map(|p| name.strip_prefix(p)) else {
                    continue;
                };
                // A code name of its own: capitalised words, none of them
                // a name the lexicon gives something else ("EUFOR BiH").
                let own = code.len() >= 4
                    && code
                        .split(' ')
                        .all(|w| w.starts_with(char::is_uppercase) && !is_all_caps(w))
                    && self.lex.by_name(code).is_none()
                    && !found.iter().any(|(_, c)| c == code);
                if own {
                    found.push((i, code.to_string()));
                }
            }
        }
        for (e, code) in found {
            if !self.by_name.contains_key(normalize_name(&code).as_str()) {
                self.add_alias(e, &code);
            }
        }
    }

    /// Later uses of acronyms and aliases the text defined.
    fn acronym_uses(&mut self) {
        let mut defined: Vec<(String, usize)> = Vec::new();
        for (i, e) in self.model.entities.iter().enumerate() {
            if e.lexicon.is_none() {
                for a in std::iter::once(&e.name).chain(&e.aliases) {
                    defined.push((a.clone(), i));
                }
            } else {
                for a in &e.aliases {
                    if self.lex.by_name(a) != e.lexicon {
                        defined.push((a.clone(), i));
                    }
                }
            }
        }
        for (alias, e) in defined {
            if alias.len() < 2 {
                continue;
            }
            let mut from = 0;
            while let Some(start) = self.find_again(&alias, from) {
                let end = start + alias.len();
                from = end;
                let bytes = self.text.as_bytes();
                let word = |b: u8| b.is_ascii_alphanumeric();
                if (start > 0 && word(bytes[start - 1])) || (end < bytes.len() && word(bytes[end]))
                {
                    continue;
                }
                let place_of_event = self.model.entities[e].kind == Some(ActorKind::Country)
                    && self.event_after(end);
                if place_of_event || self.model_code_after(end) {
                    continue;
                }
                if self.free(start, end) {
                    self.push(e, start, end, Via::Acronym);
                } else if alias.contains(' ')
                    && !self
                        .model
                        .mentions
                        .iter()
                        .any(|m| m.start <= start && m.end >= end)
                    && self.inner_names_allowed(start, end)
                {
                    // "MCM Carpania" again: the place inside is part of it.
                    self.replace_inner(start, end);
                    self.push(e, start, end, Via::Acronym);
                } else if self.defined_acronyms.contains(&(alias.clone(), e))
                    && let Some(m) = self.model.mentions.iter_mut().find(|m| {
                        m.start == start
                            && m.end == end
                            && self.model.entities[m.entity].lexicon.is_some()
                            && self.model.entities[m.entity].lexicon == self.lex.by_name(&alias)
                    })
                {
                    // The text's own definition wins over the lexicon's
                    // other bearer of the acronym.
                    m.entity = e;
                }
            }
        }
    }

    /// "deputy ambassador Robert Wood", "analyst Chad Whitaker": a role
    /// noun in lower case right before `pos`, in the text from `from`.
    fn role_noun_before(&self, from: usize, pos: usize) -> bool {
        self.text[from..pos]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .is_some_and(|w| {
                w.starts_with(char::is_lowercase) && self.lex.is(WordClass::PersonRole, w)
            })
    }

    /// "SDF" after "the Self-Defense Forces", "CTF-151" after "Combined
    /// Task Force 151": an acronym the text never defines stands for a name
    /// the text has written out whose initials (and number) it spells,
    /// before any other bearer of the acronym the lexicon knows.
    fn acronyms_of_names(&mut self) {
        let text = self.text;
        // The names written out: the words an acronym spells, the number
        // after them, the entity.
        let spelled: Vec<(&str, Option<&str>, usize)> = self
            .model
            .mentions
            .iter()
            .filter_map(|m| {
                let name = &text[m.start..m.end];
                if !name.contains(' ') {
                    return None;
                }
                let (letters, number) = match name.rsplit_once(' ') {
                    Some((letters, n)) if n.bytes().all(|b| b.is_ascii_digit()) => {
                        (letters, Some(n))
                    }
                    _ => (name, None),
                };
                Some((letters, number, m.entity))
            })
            .collect();
        if spelled.is_empty() {
            return;
        }
        // Where an acronym (with its number) stands for which entity.
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        for sentence in &self.model.sentences {
            let toks = &sentence.tokens;
            for (k, t) in toks.iter().enumerate() {
                let word = &text[t.start..t.end];
                if t.kind != TokenKind::Word
                    || !(2..=6).contains(&word.len())
                    || !word.bytes().all(|b| b.is_ascii_uppercase())
                {
                    continue;
                }
                // "CTF-151", "CTF 151".
                let (number, with_number) = match (toks.get(k + 1), toks.get(k + 2)) {
                    (Some(dash), Some(n))
                        if &text[dash.start..dash.end] == "-"
                            && dash.start == t.end
                            && n.start == dash.end
                            && n.kind == TokenKind::Number =>
                    {
                        (Some(&text[n.start..n.end]), n.end)
                    }
                    (Some(n), _) if n.kind == TokenKind::Number && n.start == t.end + 1 => {
                        (Some(&text[n.start..n.end]), n.end)
                    }
                    _ => (None, t.end),
                };
                let spells_it = |letters: &str| spells(letters, word);
                let Some(&(_, _, entity)) = spelled
                    .iter()
                    .find(|(letters, n, _)| spells_it(letters) && (n.is_none() || *n == number))
                else {
                    continue;
                };
                // The acronym and its number are one mention.
                let numbered = spelled
                    .iter()
                    .any(|(letters, n, e)| *e == entity && n.is_some() && spells_it(letters));
                let end = if numbered { with_number } else { t.end };
                found.push((t.start, t.end, end, entity));
            }
        }
        let written_out = |entity: usize, mentions: &[Mention]| {
            mentions
                .iter()
                .any(|m| m.entity == entity && text[m.start..m.end].contains(' '))
        };
        for (start, word_end, end, entity) in found {
            if self.free(start, end) {
                self.push(entity, start, end, Via::Acronym);
            } else if let Some(m) = self
                .model
                .mentions
                .iter()
                .position(|m| m.start == start && m.end == word_end)
            {
                let other = self.model.mentions[m].entity;
                if other != entity && !written_out(other, &self.model.mentions) {
                    self.model.mentions[m].entity = entity;
                }
            }
        }
    }

    /// "U.S. Ambassador Mike Waltz", "Rwandan President Paul Kagame": a
    /// country's role right before a person's name is the person's title,
    /// not a mention of the country.
    fn titled_people(&mut self) {
        let people: Vec<(usize, usize, usize)> = self
            .model
            .mentions
            .iter()
            .filter(|m| self.model.entities[m.entity].kind == Some(ActorKind::Person))
            .map(|m| (m.start, m.end, m.entity))
            .collect();
        let text = self.text;
        let before = self.model.mentions.len();
        let entities = &self.model.entities;
        let served = &mut self.model.served;
        self.model.mentions.retain(|m| {
            if m.via != Via::Role {
                return true;
            }
            let titles = |&(start, _, _): &(usize, usize, usize)| {
                start >= m.end && text[m.end..start].trim().is_empty()
            };
            // "Ertugrul Apakan, the Turkish diplomat": the role describes
            // the person named before it.
            let describes = |&(_, end, _): &(usize, usize, usize)| {
                end <= m.start && matches!(text[end..m.start].trim(), ", the" | ", a" | ", an")
            };
            let Some(&(_, _, person)) = people.iter().find(|p| titles(p) || describes(p)) else {
                return true;
            };
            if entities[m.entity].kind == Some(ActorKind::Country) {
                served.push((person, m.entity));
            }
            false
        });
        if self.model.mentions.len() != before {
            let kept: Vec<(usize, usize)> = self
                .model
                .mentions
                .iter()
                .map(|m| (m.start, m.end))
                .collect();
            self.taken.retain(|t| kept.contains(t));
        }
    }

    /// "Aukot told reporters": a surname of a person named earlier.
    fn surnames(&mut self) {
        let people: Vec<(usize, String)> = self
            .model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Some(ActorKind::Person))
            .filter_map(|(i, e)| e.name.split_whitespace().last().map(|s| (i, s.to_string())))
            .collect();
        for (e, surname) in people {
            if surname.len() < 3 {
                continue;
            }
            let first = self
                .model
                .mentions
                .iter()
                .filter(|m| m.entity == e)
                .map(|m| m.start)
                .min()
                .unwrap_or(0);
            let mut from = first;
            while let Some(start) = self.find_again(&surname, from) {
                let end = start + surname.len();
                from = end;
                let bytes = self.text.as_bytes();
                let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
                if (start > 0 && (word(bytes[start - 1]) || bytes[start - 1] == b'-'))
                    || (end < bytes.len() && word(bytes[end]))
                {
                    continue;
                }
                if self.free(start, end) {
                    self.add_alias(e, &surname);
                    self.push(e, start, end, Via::Surname);
                }
            }
        }
    }

    /// "Kenyan court" and "Kenya's High Court" in one story: a country's
    /// institution named by its bare head is the one named in full.
    fn generic_institutions(&mut self) {
        let institutions: Vec<(usize, String, String)> = self
            .model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.lexicon.is_none() && e.kind == Some(ActorKind::Organization))
            .filter_map(|(i, e)| {
                let (country, role) = e.name.split_once("'s ")?;
                Some((i, country.to_string(), role.to_string()))
            })
            .collect();
        for (generic, country, role) in &institutions {
            if role.contains(' ') || role.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let head = role.to_lowercase();
            let full: Vec<usize> = institutions
                .iter()
                .filter(|(i, c, r)| {
                    i != generic
                        && c == country
                        && r.contains(' ')
                        && r.rsplit(' ')
                            .next()
                            .is_some_and(|h| h.to_lowercase() == head)
                })
                .map(|(i, _, _)| *i)
                .collect();
            let [full] = full.as_slice() else {
                continue;
            };
            let names: Vec<String> = std::iter::once(self.model.entities[*generic].name.clone())
                .chain(self.model.entities[*generic].aliases.clone())
                .collect();
            for n in names {
                self.add_alias(*full, &n);
            }
            for m in self
                .model
                .mentions
                .iter_mut()
                .filter(|m| m.entity == *generic)
            {
                m.entity = *full;
            }
        }
    }

    /// "Hassan Sheikh" after "Hassan Sheikh Mohamud": a person named by the
    /// first words of another's full name is that person.
    fn short_names(&mut self) {
        let people: Vec<(usize, Vec<String>)> = self
            .model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Some(ActorKind::Person))
            .map(|(i, e)| (i, e.name.split_whitespace().map(str::to_string).collect()))
            .collect();
        for (short, words) in &people {
            if words.len() < 2 {
                continue;
            }
            let longer: Vec<usize> = people
                .iter()
                .filter(|(other, w)| {
                    other != short && w.len() > words.len() && w.starts_with(words)
                })
                .map(|(other, _)| *other)
                .collect();
            // Two people who share those words ("Mohamed Abdullahi ...") keep theirs.
            let [long] = longer.as_slice() else {
                continue;
            };
            let name = self.model.entities[*short].name.clone();
            self.add_alias(*long, &name);
            for m in self
                .model
                .mentions
                .iter_mut()
                .filter(|m| m.entity == *short)
            {
                m.entity = *long;
            }
        }
    }

    /// "the OSCE mission in Georgia", "the U.N. mission in Mali", "an EU
    /// naval force": an organization's name before a mission word describes
    /// a mission it runs; the description (name included) is the mention.
    /// Names the text defines as organizations that it frames as missions
    /// ("officers deployed under the Pacific Policing Initiative"): a
    /// scheme people are deployed under is a mission, whatever its head.
    fn missions_by_frame(&mut self) {
        let framed: Vec<usize> = self
            .model
            .mentions
            .iter()
            .filter(|m| {
                let e = &self.model.entities[m.entity];
                e.lexicon.is_none() && e.kind == Some(ActorKind::Organization)
            })
            .filter(|m| {
                let before = self.text[..m.start].trim_end();
                let before = before
                    .strip_suffix(" the")
                    .or_else(|| before.strip_suffix(" The"))
                    .unwrap_or(before);
                // The last one to four words before the name (all of them
                // at the start of the text).
                let mut starts: SmallVec<[usize; 4]> = before
                    .rmatch_indices(' ')
                    .take(4)
                    .map(|(at, _)| at + 1)
                    .collect();
                if starts.len() < 4 {
                    starts.push(0);
                }
                starts.into_iter().any(|at| {
                    self.lex
                        .is(WordClass::MissionFrame, &before[at..].to_lowercase())
                })
            })
            .map(|m| m.entity)
            .collect();
        for e in framed {
            let entity = &mut self.model.entities[e];
            entity.label = NodeLabel::Mission;
            entity.kind = None;
        }
    }

    fn organization_missions(&mut self) {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"^\)?(?:'s|\u{2019}s)?\s+((?:[a-z-]+\s+){0,2}?)(mission|force|operation|deployment|peacekeepers|troops|observer mission|monitoring mission)\b(?:\s+in\s+(?:the\s+)?(\p{Lu}[\p{L}.' -]*))?").expect("regex")
        });
        let orgs: Vec<(usize, usize, usize)> = self
            .model
            .mentions
            .iter()
            .filter(|m| {
                let e = &self.model.entities[m.entity];
                e.kind == Some(ActorKind::Organization)
                    && e.lexicon.is_some()
                    && m.compound.is_none()
            })
            .map(|m| (m.start, m.end, m.entity))
            .collect();
        for (start, end, org) in orgs {
            let Some(c) = RE.captures(&self.text[end..]) else {
                continue;
            };
            let modifiers: Vec<String> = c[1].split_whitespace().map(str::to_lowercase).collect();
            // "the U.N. Security Council mission": only plain modifiers;
            // "the Council authorised the mission": no verbs or articles.
            if modifiers.iter().any(|w| {
                !w.chars().all(|ch| ch.is_alphabetic() || ch == '-')
                    || self.lex.is(WordClass::Personnel, w) && w != "police"
                    || matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "its" | "their" | "this" | "that" | "to" | "and"
                    )
                    || (w.ends_with("ed") && !matches!(w.as_str(), "armed" | "combined" | "united"))
                    || self
                        .lex
                        .triggers(w)
                        .iter()
                        .any(|f| f.pos == super::lexicon::Pos::Verb && !f.gerund)
            }) {
                continue;
            }
            // "the Organization for ... (OSCE) mission": the description
            // starts at the full name before the bracketed acronym; "a new
            // African Union mission": at its determiner and adjectives.
            let start = if self.text[end..].starts_with(')') {
                self.model
                    .mentions
                    .iter()
                    .find(|m| {
                        m.entity == org && m.end < start && self.text[m.end..start].trim() == "("
                    })
                    .map_or(start, |m| m.start)
            } else {
                start
            };
            let mut start = start;
            while let Some((word_start, word)) = self.word_before(start)
                && matches!(
                    word.to_lowercase().as_str(),
                    "a" | "an"
                        | "the"
                        | "new"
                        | "its"
                        | "their"
                        | "proposed"
                        | "planned"
                        | "current"
                        | "former"
                )
            {
                start = word_start;
            }
            let head = c.get(2).expect("head");
            let head_end = end + head.end();
            // "the EU operation Atalanta": the head starts a name.
            if self
                .model
                .mentions
                .iter()
                .any(|m| m.start <= end + head.start() && m.end > head_end)
            {
                continue;
            }
            let mut words: Vec<String> = modifiers;
            // The place, when it is a country the text names.
            let mut span_end = head_end;
            if let Some(place) = c.get(3) {
                let place_start = end + place.start();
                if let Some(m) = self.model.mentions.iter().find(|m| {
                    m.start == place_start
                        && self.model.entities[m.entity].kind == Some(ActorKind::Country)
                }) {
                    words.push(format!("in {}", self.text[m.start..m.end].to_lowercase()));
                    span_end = m.end;
                }
            }
            let sentence = self.sentence_of(start);
            // The organization's and the place's mentions give way to the description.
            self.model
                .mentions
                .retain(|m| !(m.start >= start && m.end <= span_end));
            self.taken
                .retain(|&(s0, e0)| !(s0 >= start && e0 <= span_end));
            self.claim(start, span_end);
            self.model.anaphors.push(Anaphor {
                start,
                end: span_end,
                sentence,
                wants: Wants::Mission,
                words,
                possessive: self.text[span_end..].starts_with("'s")
                    || self.text[span_end..].starts_with("\u{2019}s"),
                owner: Some(org),
            });
        }
    }

    /// The places of the dateline ("BANGUI, Dec 21 -"), in capitals that
    /// the lexicon does not match, name their countries.
    fn dateline_mentions(&mut self) {
        let dateline = dateline(self.text, self.lex);
        // "JERUSALEM, Oct 13 (Reuters) -": the agency credited is no actor
        // of the story.
        self.dateline_span = dateline.span;
        if let Some((start, end)) = dateline.span {
            self.model
                .mentions
                .retain(|m| !(m.start >= start && m.end <= end));
            self.taken.retain(|&(s, e)| !(s >= start && e <= end));
            self.claim(start, end);
        }
        for (country, start, end) in dateline.places {
            self.model.dateline.push(country);
            let e = self.lexicon_entity(country);
            self.push(e, start, end, Via::Dateline);
        }
    }

    /// "the East African Community Regional Force": the organization a
    /// mission's name spells out is named too, aside.
    fn organizations_in_mission_names(&mut self) {
        let missions: Vec<(usize, usize, usize)> = self
            .model
            .mentions
            .iter()
            .filter(|m| m.via == Via::Name)
            .filter_map(|m| {
                let e = &self.model.entities[m.entity];
                (e.label == NodeLabel::Mission).then_some((m.start, m.end, e.leader?))
            })
            .collect();
        for (start, end, leader) in missions {
            let entry = &self.lex.entries[leader];
            if entry.kind != Some(ActorKind::Organization) {
                continue;
            }
            let name = &self.text[start..end];
            let Some((at, len)) = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .filter(|n| n.len() > 2 && n.len() < name.len())
                .find_map(|n| name.find(n.as_str()).map(|at| (at, n.len())))
            else {
                continue;
            };
            let e = self.lexicon_entity(leader);
            let sentence = self.sentence_of(start);
            self.model.mentions.push(Mention {
                entity: e,
                start: start + at,
                end: start + at + len,
                sentence,
                via: Via::Aside,
                compound: None,
                possessive: false,
            });
        }
    }

    /// "the government of Haiti", "the separatist leadership in Abkhazia",
    /// "the authorities in Kabul": a country's own institutions, named after
    /// it, stand for the country.
    fn governments_of_countries(&mut self) {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"(?i)\b(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}?(?:government|governments|authorities|leadership|administration|regime|junta|juntas|cabinet|presidency|rulers|representative|delegation|delegate|ambassador|envoy)\s+(?:of|in)\s+(?:the\s+)?$",
            )
            .expect("regex")
        });
        let countries: Vec<usize> = (0..self.model.mentions.len())
            .filter(|&i| {
                let m = &self.model.mentions[i];
                matches!(m.via, Via::Name | Via::Metonym)
                    && self.model.entities[m.entity].kind == Some(ActorKind::Country)
            })
            .collect();
        for i in countries {
            let m = self.model.mentions[i].clone();
            let sentence_start = self.model.sentences[m.sentence].span.start;
            let before = &self.text[sentence_start..m.start];
            let Some(found) = RE.find(before) else {
                continue;
            };
            let start = sentence_start + found.start();
            // "the U.S. government in Kabul": another country's.
            if !self.free(start, m.start) {
                continue;
            }
            self.claim(start, m.start);
            let mention = &mut self.model.mentions[i];
            mention.start = start;
            mention.via = Via::Role;
        }
    }

    /// Pronouns and descriptions, to be resolved.
    fn anaphors(&mut self) {
        // Which mentions end at a token, asked for many tokens: by their end.
        let mut ends = Ends::new(self.model.mentions.iter().map(|m| m.end));
        for s in 0..self.model.sentences.len() {
            // Lent for the sentence and given back after it (the loop
            // changes `self`): the tokens, and the tokens in lower case, by
            // index in `toks`.
            let toks = std::mem::take(&mut self.model.sentences[s].tokens);
            let lowers = std::mem::take(&mut self.model.sentences[s].lower);
            let mut i = 0;
            while i < toks.len() {
                let tk = toks[i];
                if !self.free(tk.start, tk.end) {
                    i += 1;
                    continue;
                }
                let w = &self.text[tk.start..tk.end];
                let lw = &lowers[i];
                let next = |k: usize| lowers.get(i + k).map_or("", |l| l.as_str());
                let possessive_after = |end_tok: usize| {
                    toks.get(end_tok + 1)
                        .is_some_and(|t| matches!(&self.text[t.start..t.end], "'s" | "\u{2019}s"))
                };
                // "its peacekeeping force in southern Lebanon": a description
                // of a mission, read below like "the ... force".
                let describes_mission = matches!(lw.as_str(), "its" | "their")
                    && (1..=3).any(|k| matches!(next(k), "force" | "mission" | "operation"));
                // "his country", "her government": the person's country, read
                // below like "the country".
                let describes_government = matches!(lw.as_str(), "his" | "her")
                    && (1..=2).any(|k| {
                        matches!(
                            next(k),
                            "country" | "government" | "administration" | "nation" | "delegation"
                        )
                    });
                let pron = match lw.as_str() {
                    _ if describes_mission || describes_government => None,
                    "it" | "its" | "itself" => Some((Wants::It, lw == "its")),
                    "they" | "their" | "them" | "themselves" => Some((Wants::They, lw == "their")),
                    "he" | "she" | "his" | "her" | "him" => {
                        Some((Wants::Person, lw == "his" || lw == "her"))
                    }
                    _ => None,
                };
                // "It was Russia's first veto", "it is unclear whether":
                // a dummy subject that stands for nothing.
                let dummy = lw == "it"
                    && matches!(next(1), "is" | "was" | "'s")
                    && (toks
                        .get(i + 3)
                        .is_some_and(|t| matches!(&self.text[t.start..t.end], "'s" | "\u{2019}s"))
                        || matches!(
                            next(2),
                            "unclear"
                                | "clear"
                                | "likely"
                                | "unlikely"
                                | "possible"
                                | "impossible"
                                | "important"
                                | "necessary"
                                | "essential"
                                | "time"
                                | "understood"
                                | "believed"
                                | "thought"
                                | "feared"
                                | "hoped"
                                | "expected"
                                | "estimated"
                                | "reported"
                                | "said"
                                | "known"
                                | "not"
                                | "too"
                                | "difficult"
                                | "hard"
                                | "true"
                                | "worth"
                        ));
                if dummy {
                    i += 1;
                    continue;
                }
                if let Some((wants, possessive)) = pron {
                    self.model.anaphors.push(Anaphor {
                        start: tk.start,
                        end: tk.end,
                        sentence: s,
                        wants,
                        words: Vec::new(),
                        possessive,
                        owner: None,
                    });
                    i += 1;
                    continue;
                }
                // "both countries", "the two powers", "all three juntas"
                let counted = if lw == "both" && self.lex.is(WordClass::PairNoun, next(1)) {
                    Some((2, 2))
                } else if matches!(lw.as_str(), "the" | "all")
                    && self.lex.is(WordClass::PairNoun, next(2))
                {
                    count_word(next(1)).map(|n| (n, 3))
                } else {
                    None
                };
                if let Some((count, len)) = counted {
                    let end = toks[i + len - 1].end;
                    self.model.anaphors.push(Anaphor {
                        start: tk.start,
                        end,
                        sentence: s,
                        wants: Wants::Set(count),
                        words: Vec::new(),
                        possessive: false,
                        owner: None,
                    });
                    i += len;
                    continue;
                }
                // Descriptions: a determiner (or an owner's "'s"), modifiers, a head noun.
                let mut owner = if matches!(w, "'s" | "\u{2019}s") {
                    ends.at(tk.start)
                        .next()
                        .map(|m| self.model.mentions[m].entity)
                } else {
                    None
                };
                // "this week", "that day": a time, no description.
                let time_after = matches!(lw.as_str(), "this" | "that")
                    && (matches!(
                        next(1),
                        "week" | "month" | "year" | "weekend" | "morning" | "day" | "time"
                    ) || self.lex.is(WordClass::Weekday, next(1))
                        || self.lex.is(WordClass::Month, next(1)));
                if time_after {
                    i += 1;
                    continue;
                }
                // "voted for Thursday's resolution": a day owns nothing.
                let time_owner = matches!(w, "'s" | "\u{2019}s") && i > 0 && {
                    let prev = lowers[i - 1].as_str();
                    self.lex.is(WordClass::Weekday, prev) || matches!(prev, "yesterday" | "today")
                };
                if owner.is_some()
                    || time_owner
                    || describes_government
                    || matches!(
                        lw.as_str(),
                        "the" | "a" | "an" | "its" | "their" | "this" | "that" | "any"
                    )
                {
                    let mut j = i + 1;
                    let mut words: SmallVec<[Lower; 4]> = SmallVec::new();
                    let mut found = None;
                    while j < toks.len() && j <= i + 8 {
                        let t = toks[j];
                        let raw = &self.text[t.start..t.end];
                        let lower = &lowers[j];
                        let head = |p: &str| -> Option<Wants> {
                            Some(match p {
                                "mission"
                                | "force"
                                | "operation"
                                | "plan"
                                | "proposal"
                                | "intervention"
                                | "mechanism"
                                | "initiative"
                                | "peacekeeping force"
                                | "peacekeeping mission"
                                | "peacekeeping operation"
                                | "deployment"
                                | "peacekeepers"
                                | "observers"
                                | "monitors"
                                | "presence"
                                | "standby force" => Wants::Mission,
                                _ if ACT_NOUNS.contains(&p) => Wants::Mission,
                                "resolution" | "text" | "draft" | "measure" | "adoption"
                                | "draft resolution" | "motion" => Wants::Resolution,
                                "council" => Wants::Council,
                                "bloc" | "union" | "alliance" | "organisation" | "organization" => {
                                    Wants::Bloc
                                }
                                "group" | "movement" | "militia" | "rebels" | "insurgents"
                                | "militants" => Wants::Group,
                                "coalition" => Wants::Coalition,
                                "government" | "junta" | "country" | "authorities"
                                | "administration" | "regime" | "delegation" => Wants::Government,
                                "army" | "military" | "armed forces" => Wants::Army,
                                // The lexicon's further mission words ("the
                                // task group", "the flotilla"), in the
                                // singular ("special forces" are troops);
                                // "observer mission" is read as "mission"
                                // with its modifier, which picks among
                                // missions.
                                _ if !p.ends_with('s')
                                    && !p.ends_with(" mission")
                                    && !p.ends_with(" force")
                                    && !p.ends_with(" operation")
                                    && self.lex.is(WordClass::MissionWord, p) =>
                                {
                                    Wants::Mission
                                }
                                _ => return None,
                            })
                        };
                        // A capitalised head is part of a proper name ("the
                        // Security Council"), which the lexicon or patterns
                        // read; but right after "the" and before no more of a
                        // name it is house style for one named before ("The
                        // Mission is headed by", "the Force's commander").
                        let house_style = j == i + 1
                            && lw == "the"
                            && toks.get(j + 1).is_none_or(|n| {
                                let t = &self.text[n.start..n.end];
                                !is_capitalized(t)
                                    && !matches!(t, "of" | "for" | "in" | "on" | "to" | "-")
                            });
                        let lowercase_head = !is_capitalized(raw) || house_style;
                        // The two words joined only where a head may start.
                        if lowercase_head
                            && let Some(n) = lowers.get(j + 1)
                            && let Some(w) = head(&Lower::joined(lower, n))
                        {
                            found = Some((w, j + 1));
                            break;
                        }
                        // "a draft U.N. Security Council resolution": the
                        // head is further on.
                        let draft_before_more = lower == "draft"
                            && toks.get(j + 1).is_some_and(|n| {
                                let t = &self.text[n.start..n.end];
                                is_capitalized(t) || t == "resolution"
                            });
                        // "a joint military force": a head word that only
                        // modifies the mission head after it.
                        let modifies_mission_head = lowers.get(j + 1).is_some_and(|n| {
                            matches!(n.as_str(), "force" | "mission" | "operation")
                        });
                        if lowercase_head
                            && !draft_before_more
                            && !modifies_mission_head
                            && let Some(w) = head(lower)
                        {
                            found = Some((w, j));
                            break;
                        }
                        // A possessive pronoun or a verb after a name ends
                        // the phrase ("the African Union abandoned its plan").
                        // So does an article: "the League extended the
                        // mission", "at its peak the mission" hold two phrases.
                        if matches!(
                            lower.as_str(),
                            "its" | "their" | "his" | "her" | "our" | "my" | "the" | "a" | "an"
                        ) {
                            break;
                        }
                        let after_name = j > 0
                            && ends.at(toks[j - 1].end).any(|m| {
                                let m = &self.model.mentions[m];
                                m.compound.is_none() && !self.text[m.end..].starts_with('-')
                            });
                        if after_name && !self.lex.triggers(lower).is_empty() {
                            break;
                        }
                        // Modifiers: adjectives, compounds, "U.N.", nationality words.
                        let modifier =
                            t.kind == TokenKind::Word
                                && (draft_before_more
                                    || !self.lex.triggers(lower).iter().any(|f| {
                                        f.pos == super::lexicon::Pos::Verb && !f.participle
                                    }))
                                || raw == "-"
                                || t.kind == TokenKind::Number;
                        // "the UK- and French-led force": a suspended hyphen
                        // joins the two names into one modifier.
                        let suspended = matches!(lower.as_str(), "and" | "or")
                            && j > 0
                            && &self.text[toks[j - 1].start..toks[j - 1].end] == "-";
                        // "the AU-led monitoring, verification and compliance
                        // mission": a list of lower-case modifiers before a
                        // mission head.
                        let modifier_list =
                            matches!(lower.as_str(), "," | "and") && !words.is_empty() && {
                                let mut k = j + 1;
                                let mut mission_head = false;
                                while k < toks.len() && k <= j + 6 {
                                    let n = &lowers[k];
                                    let raw_n = &self.text[toks[k].start..toks[k].end];
                                    if matches!(
                                        n.as_str(),
                                        "mission" | "force" | "operation" | "mechanism"
                                    ) {
                                        mission_head = true;
                                        break;
                                    }
                                    let plain = toks[k].kind == TokenKind::Word
                                        && raw_n.chars().all(|c| c.is_ascii_lowercase())
                                        && !matches!(
                                            n.as_str(),
                                            "the" | "a" | "an" | "its" | "their"
                                        )
                                        && self.lex.triggers(n).is_empty();
                                    if !plain && !matches!(n.as_str(), "," | "and") {
                                        break;
                                    }
                                    k += 1;
                                }
                                mission_head
                            };
                        if modifier_list {
                            j += 1;
                            continue;
                        }
                        if !suspended
                            && (!modifier
                                || matches!(
                                    lower.as_str(),
                                    "of" | "and"
                                        | "to"
                                        | "in"
                                        | "for"
                                        | "with"
                                        | "by"
                                        | "between"
                                        | "among"
                                        | "against"
                                        | "over"
                                        | "from"
                                        | "on"
                                        | "at"
                                        | "into"
                                        | "after"
                                        | "about"
                                        | "that"
                                        | "which"
                                        | "who"
                                        | "is"
                                        | "was"
                                        | "has"
                                        | "had"
                                        | "have"
                                        | "would"
                                        | "will"
                                ))
                        {
                            break;
                        }
                        words.push(lower.clone());
                        j += 1;
                    }
                    // "the presence of Egyptian forces": the presence of an
                    // actor named right after is that actor's, no mission.
                    let actor_present = found.is_some_and(|(w, last)| {
                        w == Wants::Mission
                            && toks
                                .get(last + 1)
                                .is_some_and(|t| &self.text[t.start..t.end] == "of")
                            && toks.get(last + 2).is_some_and(|t| {
                                self.model.mentions.iter().any(|m| {
                                    m.start == t.start
                                        && self.model.entities[m.entity].label == NodeLabel::Actor
                                })
                            })
                    });
                    // "the Rwandan deployment": a role noun read as its
                    // country already covers the head.
                    let head_taken = found.is_some_and(|(_, last)| {
                        let head = toks[last];
                        self.model
                            .mentions
                            .iter()
                            .any(|m| m.start <= head.start && m.end >= head.end)
                    });
                    if actor_present || head_taken {
                        i += 1;
                        continue;
                    }
                    if let Some((wants, last)) = found {
                        let end_tok = last;
                        // "the mission's" / "the force in Mali": keep location words after "in".
                        let mut k = end_tok + 1;
                        // "a multinational force to Haiti": where it goes is where it is.
                        if k + 1 < toks.len() && matches!(lowers[k].as_str(), "in" | "for" | "to") {
                            // A place of a few capitalised words ("South Sudan").
                            let first = k + 1;
                            let mut last = first;
                            while last + 1 < toks.len()
                                && last + 1 < first + 3
                                && is_capitalized(
                                    &self.text[toks[last + 1].start..toks[last + 1].end],
                                )
                            {
                                last += 1;
                            }
                            let place = &self.text[toks[first].start..toks[last].end];
                            if is_capitalized(place) {
                                words.push(Lower::from(format!("in {}", place.to_lowercase())));
                                k = last + 1;
                            }
                        }
                        let _ = k;
                        // Indefinite descriptions introduce something new,
                        // except a mission ("a U.N. police force").
                        let indefinite = matches!(lw.as_str(), "a" | "an" | "any");
                        let start = tk.start;
                        let end = toks[end_tok].end;
                        // A mention inside ("the Kenya-led security mission")
                        // keeps its span; the description starts after it.
                        let start = self
                            .model
                            .mentions
                            .iter()
                            .filter(|m| m.start >= start && m.end <= end)
                            .map(|m| {
                                m.end
                                    + if self.text[m.end..].starts_with('-') {
                                        self.text[m.end..].find(' ').unwrap_or(0)
                                    } else {
                                        0
                                    }
                            })
                            .max()
                            .map_or(start, |e| {
                                // Start at the first token after the mention.
                                toks.iter()
                                    .map(|t| t.start)
                                    .find(|&t| t >= e)
                                    .unwrap_or(e)
                                    .min(toks[end_tok].start)
                            });
                        // "a U.N. police force", "the EU mission": an
                        // organization named inside a mission description only
                        // says who runs it; the description is the mention.
                        let start = if wants == Wants::Mission {
                            let inner: Vec<usize> = self
                                .model
                                .mentions
                                .iter()
                                .enumerate()
                                .filter(|(_, m)| {
                                    m.start >= tk.start && m.end <= start && m.compound.is_none()
                                })
                                .filter(|(_, m)| {
                                    matches!(
                                        self.model.entities[m.entity].kind,
                                        Some(ActorKind::Organization)
                                    )
                                })
                                .map(|(i, _)| i)
                                .collect();
                            if !inner.is_empty()
                                && inner.len()
                                    == self
                                        .model
                                        .mentions
                                        .iter()
                                        .filter(|m| m.start >= tk.start && m.end <= start)
                                        .count()
                            {
                                // "the European Union's military operation":
                                // the organization owns it.
                                owner = owner.or_else(|| {
                                    inner.iter().map(|&i| &self.model.mentions[i]).find_map(|m| {
                                        matches!(&self.text[m.end..], t if t.starts_with("'s ") || t.starts_with("\u{2019}s "))
                                            .then_some(m.entity)
                                    })
                                });
                                let spans: Vec<(usize, usize)> = inner
                                    .iter()
                                    .map(|&i| {
                                        (self.model.mentions[i].start, self.model.mentions[i].end)
                                    })
                                    .collect();
                                self.model
                                    .mentions
                                    .retain(|m| !spans.contains(&(m.start, m.end)));
                                ends = Ends::new(self.model.mentions.iter().map(|m| m.end));
                                self.taken.retain(|t| !spans.contains(t));
                                tk.start
                            } else {
                                start
                            }
                        } else {
                            start
                        };
                        let overlaps_named = self.model.mentions.iter().any(|m| {
                            m.start < end
                                && start < m.end
                                && self.model.entities[m.entity].label != NodeLabel::Actor
                        });
                        // "the separatist authorities in both regions": the
                        // governments of the last pair named.
                        let word_at = |k: usize| lowers.get(k).cloned().unwrap_or_default();
                        let pair_end = (wants == Wants::Government
                            && matches!(word_at(end_tok + 1).as_str(), "in" | "of"))
                        .then(|| match word_at(end_tok + 2).as_str() {
                            "both" if self.lex.is(WordClass::PairNoun, &word_at(end_tok + 3)) => {
                                Some((2, end_tok + 3))
                            }
                            "the" if self.lex.is(WordClass::PairNoun, &word_at(end_tok + 4)) => {
                                count_word(&word_at(end_tok + 3)).map(|n| (n, end_tok + 4))
                            }
                            _ => None,
                        })
                        .flatten();
                        let (wants, end, end_tok) = match pair_end {
                            Some((count, last)) => (Wants::Set(count), toks[last].end, last),
                            None => (wants, end, end_tok),
                        };
                        if !overlaps_named
                            && (!indefinite || matches!(wants, Wants::Mission | Wants::Resolution))
                        {
                            self.model.anaphors.push(Anaphor {
                                start,
                                end,
                                sentence: s,
                                wants,
                                words: words.into_iter().map(String::from).collect(),
                                possessive: possessive_after(end_tok),
                                owner,
                            });
                        }
                        i = end_tok + 1;
                        continue;
                    }
                }
                i += 1;
            }
            self.model.sentences[s].tokens = toks;
            self.model.sentences[s].lower = lowers;
        }
    }
}

/// Whether two names share a word of four letters or more ("Ahlu Sunna
/// Wal Jamaa" and "Ahlu Sunnah Wal Jamaa").
/// Whether a capitalised word is a present participle ("Speaking").
/// Whether the tokens at `end` continue a name run with the lower-case
/// second half of a hyphenated given name ("Won-sik"), not a compound
/// ("Kenya-led", "EU-wide").
fn hyphenated_given_name(t: &str, toks: &[Token], end: usize) -> bool {
    let (Some(left), Some(hyphen), Some(right)) = (
        end.checked_sub(1).map(|k| toks[k]),
        toks.get(end),
        toks.get(end + 1),
    ) else {
        return false;
    };
    let (l, r) = (&t[left.start..left.end], &t[right.start..right.end]);
    &t[hyphen.start..hyphen.end] == "-"
        && left.end == hyphen.start
        && hyphen.end == right.start
        && right.kind == TokenKind::Word
        && (2..=5).contains(&l.len())
        && !is_all_caps(l)
        && (2..=6).contains(&r.len())
        && r.bytes().all(|b| b.is_ascii_lowercase())
        && !r.ends_with("ed")
        && !matches!(
            r,
            "run"
                | "wide"
                | "style"
                | "era"
                | "type"
                | "class"
                | "made"
                | "owned"
                | "born"
                | "bound"
                | "like"
                | "free"
                | "only"
                | "level"
                | "scale"
                | "term"
                | "long"
                | "year"
                | "day"
                | "old"
                | "led"
                | "held"
                | "in"
                | "up"
                | "out"
        )
}

fn is_capitalised_participle(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && w[1..].chars().all(|c| c.is_ascii_lowercase())
}

/// The number a small number word says ("three" in "the three countries").
pub(crate) fn count_word(w: &str) -> Option<u8> {
    Some(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => return None,
    })
}

fn shares_a_word(a: &str, b: &str) -> bool {
    // The heads every such name has ("Force", "Mission") tell nothing.
    const GENERIC: &[&str] = &[
        "force",
        "forces",
        "mission",
        "operation",
        "support",
        "security",
        "office",
        "united",
        "nations",
        "national",
        "union",
        "organization",
        "organisation",
        "council",
        "group",
        "army",
        "movement",
        "front",
        "party",
        "peace",
    ];
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| w.len() >= 4)
            .map(str::to_lowercase)
            .filter(|w| !GENERIC.contains(&w.as_str()))
            .collect()
    };
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
}

/// Whether the capitalised words of a name begin with the letters of an
/// acronym, in order ("Coalition of Patriots for Change" spells CPC).
fn spells(name: &str, acronym: &str) -> bool {
    // The initials and the letters compared one by one as they are read,
    // without collecting either into a string: the acronym passes ask this
    // of every name and acronym pair. Two strings are equal but for ASCII
    // case exactly when their characters are, one by one.
    let mut initials = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase());
    let mut letters = acronym.chars().filter(|c| c.is_alphabetic());
    // The letters' length in bytes, which must be two or more.
    let mut len = 0;
    loop {
        match (initials.next(), letters.next()) {
            (None, None) => return len >= 2,
            (Some(i), Some(l)) if i.eq_ignore_ascii_case(&l) => len += l.len_utf8(),
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::builtin();
        let m = analyze(text, &lex);
        m.mentions
            .iter()
            .map(|x| {
                (
                    text[x.start..x.end].to_string(),
                    m.entities[x.entity].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn adjectives_need_a_role_or_compound() {
        let found =
            mentions("Kenyan police arrived and the Kenya-led mission grew, said a Greek word.");
        assert_eq!(found[0], ("Kenyan police".into(), "Kenya".into()));
        assert_eq!(found[1], ("Kenya".into(), "Kenya".into()));
        assert!(!found.iter().any(|(t, _)| t.contains("Greek")));
    }

    #[test]
    fn acronyms_defined_in_parentheses_become_aliases() {
        let text = "The Coordination of Azawad Movements (CMA) objected. Later the CMA said no.";
        let found = mentions(text);
        assert_eq!(
            found
                .iter()
                .filter(|(_, e)| e == "Coordination of Azawad Movements")
                .count(),
            3
        );
    }

    #[test]
    fn titles_introduce_people_and_surnames_follow() {
        let found = mentions("Foreign Minister Abdoulaye Diop spoke. Later Diop left.");
        assert_eq!(found[0], ("Abdoulaye Diop".into(), "Abdoulaye Diop".into()));
        assert_eq!(found[1], ("Diop".into(), "Abdoulaye Diop".into()));
    }

    #[test]
    fn hyphenated_given_names_stay_whole() {
        let found = mentions("Defense Minister Shin Won-sik spoke. The Kenya-led force left.");
        assert_eq!(found[0], ("Shin Won-sik".into(), "Shin Won-sik".into()));
        assert!(
            found.iter().any(|(m, e)| m == "Kenya" && e == "Kenya"),
            "{found:?}"
        );
    }

    #[test]
    fn institutions_are_their_own_bodies() {
        let found = mentions("Kenya's parliament approved the deployment.");
        assert_eq!(
            found[0],
            ("Kenya's parliament".into(), "Kenya's parliament".into())
        );
    }

    #[test]
    fn datelines_name_the_countries_a_story_is_told_from() {
        let lex = Lexicon::builtin();
        let ids = |text: &str| -> Vec<String> {
            dateline(text, &lex)
                .places
                .into_iter()
                .map(|(i, start, end)| format!("{} {}", lex.entries[i].id, &text[start..end]))
                .collect()
        };
        assert_eq!(
            ids("Headline\n\nBANGUI, Dec 21 - Rwanda sent troops."),
            ["CF BANGUI"]
        );
        assert_eq!(
            ids("UNITED NATIONS/MOGADISHU, March 31 - The council voted."),
            ["SO MOGADISHU"]
        );
        assert_eq!(
            ids("NAIROBI (Reuters) - Kenya's court ruled."),
            ["KE NAIROBI"]
        );
        // Brussels is the EU's, and a capital that often means something
        // else names no country.
        assert!(ids("BRUSSELS, Feb 19 - EU ministers met.").is_empty());
        assert!(ids("KINGSTON, May 2 - Police said.").is_empty());
        // A sentence that opens with a capitalised name is no dateline.
        assert!(ids("Kenya said on Friday it would send police.").is_empty());
        // Below a headline, byline and time stamp, a dateline credits its
        // agency; an upper-case name opening a paragraph there does not.
        let wire = "Headline\n\nBy A Reporter\n\nDecember 6, 2023\n\n\
                    NOUAKCHOTT/N'DJAMENA, Dec 6 (Reuters) - Chad said.";
        assert_eq!(ids(wire), ["MR NOUAKCHOTT", "TD N'DJAMENA"]);
        let body = "Headline\n\nBy A Reporter\n\nDecember 6, 2023\n\n\
                    NAIROBI, the capital, was calm - for now.";
        assert!(ids(body).is_empty());
    }

    #[test]
    fn a_dateline_defines_no_acronym() {
        let found = mentions(
            "Headline\n\nBy A Reporter\nNews Agency\n\nJUBA, South Sudan (AP) \u{2014} South Sudan's monitors warned.",
        );
        assert!(
            found
                .iter()
                .all(|(written, entity)| written != "South Sudan" || entity == "South Sudan")
        );
    }

    #[test]
    fn first_names_of_a_full_name_are_that_person() {
        let found = mentions(
            "Somali President Hassan Sheikh Mohamud met the envoy. Hassan Sheikh said later that talks went well.",
        );
        assert!(
            found
                .iter()
                .any(|(text, entity)| text == "Hassan Sheikh" && entity == "Hassan Sheikh Mohamud"),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_institution_is_the_one_named_in_full() {
        let found =
            mentions("A Kenyan court blocked the plan. Kenya's High Court ruled on Friday.");
        assert!(
            found.iter().all(
                |(text, entity)| !text.contains("court") && !text.contains("Court")
                    || entity == "Kenya's High Court"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn numbered_resolutions() {
        let found = mentions(
            "The council adopted Resolution 2690 and U.N. Security Council resolution 2719.",
        );
        assert_eq!(found[0].1, "Resolution 2690");
        assert_eq!(
            found[1],
            (
                "U.N. Security Council resolution 2719".into(),
                "Resolution 2719".into()
            )
        );
    }
}
