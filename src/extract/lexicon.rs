//! Lexicons: the built-in data files (countries, organizations, missions,
//! people, trigger words, word classes) and user TOML files, compiled into
//! one name matcher and lookup tables.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::model::{ActorKind, MissionStatus, NodeLabel};

const COUNTRIES: &str = include_str!("lexicons/countries.tsv");
const ORGANIZATIONS: &str = include_str!("lexicons/organizations.tsv");
const MISSIONS: &str = include_str!("lexicons/missions.tsv");
const PEOPLE: &str = include_str!("lexicons/people.tsv");
const TRIGGERS: &str = include_str!("lexicons/triggers.tsv");
const WORDS: &str = include_str!("lexicons/words.tsv");

/// A lexicon that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid TOML of the lexicon's shape.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong, with the line.
        message: String,
    },
}

/// An actor, mission or person the lexicon knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Lexicon id (`US`, `MINUSMA`, ...).
    pub id: String,
    /// `Actor` or `Mission`.
    pub label: NodeLabel,
    /// For actors.
    pub kind: Option<ActorKind>,
    /// Canonical name.
    pub name: String,
    /// Other full names and acronyms.
    pub aliases: Vec<String>,
    /// Demonym adjectives (countries).
    pub adjectives: Vec<String>,
    /// Plural nouns for a country's people ("Kenyans"): "the Americans"
    /// stands for the state's forces or government.
    pub people: Vec<String>,
    /// Capitals and seats of power that stand for the government (countries).
    pub metonyms: Vec<String>,
    /// Parent organization or country (organizations), affiliation (people),
    /// leader (missions): a lexicon id or, in user files, a name.
    pub parent: Option<String>,
    /// Host countries (missions).
    pub location: Vec<String>,
    /// Mission status.
    pub status: Option<MissionStatus>,
    /// The year a mission began, when known.
    pub since: Option<u16>,
    /// A capital that often means something else ("Kingston", "Tripoli"):
    /// a metonym in running text, but no dateline's country.
    pub ambiguous_capital: bool,
}

/// How a matched surface form refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The canonical name or an alias.
    Name,
    /// A demonym adjective ("Kenyan").
    Adjective,
    /// A capital or seat of power ("Nairobi", "the Kremlin").
    Metonym,
    /// A plural noun for the people ("Americans"): the state only as
    /// "the Americans".
    People,
    /// A phrase that blocks names inside it ("Latin America").
    Stop,
}

/// A lexicon match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Index of the entry in [`Lexicon::entries`] (unused for stops).
    pub entry: usize,
    /// How the text names it.
    pub surface: Surface,
}

/// What a trigger word states (see `lexicons/triggers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum TriggerClass {
    Support,
    Oppose,
    Criticize,
    Contribute,
    Pledge,
    Lead,
    VoteFor,
    VoteAgainst,
    Abstain,
    Veto,
    Draft,
    Authorize,
    End,
    DemandExit,
    Abandon,
    Negate,
    Hedge,
    Host,
    Consent,
}

impl TriggerClass {
    fn parse(s: &str) -> Option<TriggerClass> {
        use TriggerClass::*;
        Some(match s {
            "support" => Support,
            "oppose" => Oppose,
            "criticize" => Criticize,
            "contribute" => Contribute,
            "pledge" => Pledge,
            "lead" => Lead,
            "vote_for" => VoteFor,
            "vote_against" => VoteAgainst,
            "abstain" => Abstain,
            "veto" => Veto,
            "draft" => Draft,
            "authorize" => Authorize,
            "end" => End,
            "demand_exit" => DemandExit,
            "abandon" => Abandon,
            "negate" => Negate,
            "hedge" => Hedge,
            "host" => Host,
            "consent" => Consent,
            _ => return None,
        })
    }

    /// The name used in explanations.
    pub fn name(self) -> &'static str {
        use TriggerClass::*;
        match self {
            Support => "support",
            Oppose => "oppose",
            Criticize => "criticize",
            Contribute => "contribute",
            Pledge => "pledge",
            Lead => "lead",
            VoteFor => "vote_for",
            VoteAgainst => "vote_against",
            Abstain => "abstain",
            Veto => "veto",
            Draft => "draft",
            Authorize => "authorize",
            End => "end",
            DemandExit => "demand_exit",
            Abandon => "abandon",
            Negate => "negate",
            Hedge => "hedge",
            Host => "host",
            Consent => "consent",
        }
    }
}

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// A verb (any inflection).
    Verb,
    /// A noun (singular or plural).
    Noun,
}

/// One way a trigger can be written, keyed by its first word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerForm {
    /// What it states.
    pub class: TriggerClass,
    /// Verb or noun.
    pub pos: Pos,
    /// The words after the first, lower case.
    pub rest: Vec<String>,
    /// The lemma, for explanations.
    pub lemma: Lemma,
    /// Whether this form is a past participle (or past tense) of a verb.
    pub participle: bool,
    /// Whether this form is an `-ing` form.
    pub gerund: bool,
}

/// A trigger's lemma: a shared string, so that copying a form costs no
/// allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lemma(std::sync::Arc<str>);

impl Lemma {
    /// The lemma's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lemma {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lemma {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Lemma {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Display for Lemma {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Word classes of `lexicons/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum WordClass {
    StateRole,
    Institution,
    ForceRole,
    Personnel,
    Equipment,
    Money,
    OtherHelp,
    MissionWord,
    MissionHead,
    OrgHead,
    ForceHead,
    Title,
    PersonRole,
    GroupNoun,
    StopPhrase,
    ExitWord,
    Intention,
    Solicit,
    Say,
    Weekday,
    Month,
    Phrasal,
    Urge,
    Permit,
    NounModifier,
    PairNoun,
    Preposition,
    Presence,
    Absence,
    Undertake,
    Express,
    Formation,
    MissionFrame,
    Praise,
    Blame,
    VerdictVerb,
    Impose,
    GovernmentModifier,
    GroupLabel,
    CreditVerb,
    VagueModifier,
    PoliticalModifier,
    Deliberate,
    Continuing,
    Message,
    Opposition,
}

impl WordClass {
    /// The class's bit in a set of classes (there are fewer than 64).
    fn bit(self) -> u64 {
        1 << (self as u32)
    }

    fn parse(s: &str) -> Option<WordClass> {
        use WordClass::*;
        Some(match s {
            "state_role" => StateRole,
            "institution" => Institution,
            "force_role" => ForceRole,
            "personnel" => Personnel,
            "equipment" => Equipment,
            "money" => Money,
            "other_help" => OtherHelp,
            "mission_word" => MissionWord,
            "mission_head" => MissionHead,
            "org_head" => OrgHead,
            "force_head" => ForceHead,
            "title" => Title,
            "person_role" => PersonRole,
            "group_noun" => GroupNoun,
            "stop_phrase" => StopPhrase,
            "exit_word" => ExitWord,
            "intention" => Intention,
            "solicit" => Solicit,
            "say" => Say,
            "weekday" => Weekday,
            "month" => Month,
            "phrasal" => Phrasal,
            "urge" => Urge,
            "permit" => Permit,
            "noun_modifier" => NounModifier,
            "pair_noun" => PairNoun,
            "preposition" => Preposition,
            "presence" => Presence,
            "absence" => Absence,
            "undertake" => Undertake,
            "express" => Express,
            "formation" => Formation,
            "mission_frame" => MissionFrame,
            "praise" => Praise,
            "blame" => Blame,
            "verdict_verb" => VerdictVerb,
            "impose" => Impose,
            "government_modifier" => GovernmentModifier,
            "group_label" => GroupLabel,
            "credit_verb" => CreditVerb,
            "vague_modifier" => VagueModifier,
            "political_modifier" => PoliticalModifier,
            "deliberate" => Deliberate,
            "continuing" => Continuing,
            "message" => Message,
            "opposition" => Opposition,
            _ => return None,
        })
    }

    /// Whether the class's words are case-sensitive (capitalised name parts).
    fn case_sensitive(self) -> bool {
        matches!(
            self,
            WordClass::MissionHead
                | WordClass::OrgHead
                | WordClass::ForceHead
                | WordClass::GovernmentModifier
                | WordClass::Title
                | WordClass::StopPhrase
        )
    }
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every known actor, mission and person.
    pub entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// [`Lexicon::by_name`] of each entry's names as written, worked out
    /// once: documents ask for these names again and again.
    by_written_name: HashMap<String, Option<usize>>,
    /// Countries by their names and seats of government, for datelines.
    places: HashMap<String, usize>,
    /// People by the last word of their name, `None` where two share it:
    /// "President Trump" in a story that never names him in full.
    surnames: HashMap<String, Option<usize>>,
    surfaces: Vec<(String, usize, Surface)>,
    /// What documents need of each entry, worked out once: its names
    /// normalized, its leader and its locations resolved.
    resolved: Vec<Resolved>,
    /// Every surface, leftmost-longest, searched from where a name may
    /// start (anchored).
    matcher: AhoCorasick,
    /// The first two bytes of the surfaces, where an anchored search may
    /// find one.
    starts: SurfaceStarts,
    triggers: HashMap<String, Vec<TriggerForm>>,
    /// The first bytes and lengths of the trigger forms, so that a word no
    /// form could be is turned away without hashing it (relation reading
    /// asks for every word).
    trigger_shapes: WordShapes,
    words: HashMap<WordClass, HashSet<String>>,
    /// Every phrase of `words` with the set of its classes (bit `class as
    /// u32`): [`Lexicon::is`] is one hash look-up, where a table per class
    /// cost a look-up of the class and then one of the phrase, and the
    /// passes ask it for nearly every phrase they read.
    word_classes: HashMap<String, u64>,
    /// The first bytes and the lengths of each class's phrases, so that
    /// most words, which are not in the class asked about, are turned away
    /// without hashing them.
    class_shapes: ClassShapes,
    /// Longest phrase (in words) of each word class.
    max_words: HashMap<WordClass, usize>,
    /// Lower-case trigger lemmas added by user files, for explanations.
    pub user_triggers: usize,
}

/// An entry's names and references, resolved when the lexicon is built.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resolved {
    /// The canonical name and then the aliases, normalized
    /// ([`crate::graph::normalize_name`]).
    pub keys: Vec<String>,
    /// The leader of a mission (its parent), as an entry index.
    pub leader: Option<usize>,
    /// The locations of a mission, as entry indexes.
    pub location: Vec<usize>,
}

/// A user lexicon file (TOML).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserFile {
    #[serde(default)]
    actor: Vec<UserActor>,
    #[serde(default)]
    mission: Vec<UserMission>,
    #[serde(default)]
    triggers: HashMap<String, Vec<String>>,
    #[serde(default)]
    words: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserActor {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    #[serde(default)]
    affiliation: Option<String>,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserMission {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    leader: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    since: Option<u16>,
}

fn list(field: &str) -> Vec<String> {
    if field == "-" || field.is_empty() {
        Vec::new()
    } else {
        field
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn opt(field: &str) -> Option<String> {
    (field != "-" && !field.is_empty()).then(|| field.to_string())
}

/// Lines of a TSV data file, without comments and blanks, split on tabs.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        let mut entries = Vec::new();
        for f in rows(COUNTRIES) {
            entries.push(Entry {
                id: f[0].to_string(),
                label: NodeLabel::Actor,
                kind: Some(ActorKind::Country),
                name: f[1].to_string(),
                aliases: list(f[2]),
                adjectives: list(f[3]),
                people: list(f[4]),
                metonyms: list(f[5]),
                parent: None,
                location: Vec::new(),
                status: None,
                since: None,
                ambiguous_capital: f.get(6) == Some(&"ambiguous_capital"),
            });
        }
        for f in rows(ORGANIZATIONS) {
            entries.push(Entry {
                id: f[0].to_string(),
                label: NodeLabel::Actor,
                kind: f[1].parse().ok(),
                name: f[2].to_string(),
                aliases: list(f[3]),
                adjectives: Vec::new(),
                people: Vec::new(),
                metonyms: Vec::new(),
                parent: opt(f[4]),
                location: Vec::new(),
                status: None,
                since: None,
                ambiguous_capital: false,
            });
        }
        for f in rows(MISSIONS) {
            entries.push(Entry {
                id: f[0].to_string(),
                label: NodeLabel::Mission,
                kind: None,
                name: f[1].to_string(),
                aliases: list(f[2]),
                adjectives: Vec::new(),
                people: Vec::new(),
                metonyms: Vec::new(),
                parent: opt(f[3]),
                location: list(f[4]),
                status: f[5].parse().ok(),
                since: f.get(6).and_then(|y| y.split('-').next()?.parse().ok()),
                ambiguous_capital: false,
            });
        }
        for f in rows(PEOPLE) {
            entries.push(Entry {
                id: f[0].to_string(),
                label: NodeLabel::Actor,
                kind: Some(ActorKind::Person),
                name: f[1].to_string(),
                aliases: list(f[2]),
                adjectives: Vec::new(),
                people: Vec::new(),
                metonyms: Vec::new(),
                parent: opt(f[3]),
                location: Vec::new(),
                status: None,
                since: None,
                ambiguous_capital: false,
            });
        }
        let mut lex = Lexicon {
            entries,
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            by_written_name: HashMap::new(),
            places: HashMap::new(),
            surnames: HashMap::new(),
            surfaces: Vec::new(),
            matcher: AhoCorasick::new([""]).expect("an empty matcher builds"),
            starts: SurfaceStarts::default(),
            triggers: HashMap::new(),
            trigger_shapes: WordShapes::default(),
            words: HashMap::new(),
            word_classes: HashMap::new(),
            class_shapes: ClassShapes::default(),
            max_words: HashMap::new(),
            user_triggers: 0,
            resolved: Vec::new(),
        };
        for f in rows(TRIGGERS) {
            if let (Some(class), Some(form)) = (TriggerClass::parse(f[0]), f.get(1)) {
                let pos = if f.get(2) == Some(&"noun") {
                    Pos::Noun
                } else {
                    Pos::Verb
                };
                lex.add_trigger(class, form, pos);
            }
        }
        for f in rows(WORDS) {
            if let (Some(class), Some(words)) = (WordClass::parse(f[0]), f.get(1)) {
                for w in list(words) {
                    lex.add_word(class, &w);
                }
            }
        }
        lex.rebuild();
        lex
    }

    /// The built-in lexicon extended with user files.
    pub fn with_user_files<P: AsRef<Path>>(paths: &[P]) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::builtin();
        for p in paths {
            lex.add_user_file(p.as_ref())?;
        }
        Ok(lex)
    }

    /// Add the entries and triggers of a user TOML file.
    pub fn add_user_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LexiconError::Io {
            path: name.clone(),
            source: e,
        })?;
        self.add_user_toml(&text)
            .map_err(|message| LexiconError::Format {
                path: name,
                message,
            })
    }

    /// Add the entries and triggers of a user lexicon given as TOML text.
    pub fn add_user_toml(&mut self, text: &str) -> Result<(), String> {
        let file: UserFile = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    format!(
                        "line {}: ",
                        text[..s.start.min(text.len())].matches('\n').count() + 1
                    )
                })
                .unwrap_or_default();
            format!("{at}{}", e.message())
        })?;
        for a in file.actor {
            let kind: ActorKind = a.kind.parse().map_err(|e: crate::model::UnknownVariant| {
                format!(
                    "actor `{}`: {e} (use country, organization, force, group or person)",
                    a.name
                )
            })?;
            let aliases = a.aliases;
            self.entries.push(Entry {
                id: format!("USER:{}", a.name),
                label: NodeLabel::Actor,
                kind: Some(kind),
                name: a.name,
                aliases,
                adjectives: a.adjectives,
                people: a.people,
                metonyms: a.metonyms,
                parent: a.affiliation.or(a.parent),
                location: Vec::new(),
                status: None,
                since: None,
                ambiguous_capital: false,
            });
        }
        for m in file.mission {
            let status = match &m.status {
                Some(s) => Some(
                    s.parse::<MissionStatus>()
                        .map_err(|e| format!("mission `{}`: {e}", m.name))?,
                ),
                None => None,
            };
            self.entries.push(Entry {
                id: format!("USER:{}", m.name),
                label: NodeLabel::Mission,
                kind: None,
                name: m.name,
                aliases: m.aliases,
                adjectives: Vec::new(),
                people: Vec::new(),
                metonyms: Vec::new(),
                parent: m.leader,
                location: m.location.into_iter().collect(),
                status,
                since: m.since,
                ambiguous_capital: false,
            });
        }
        for (class, forms) in file.triggers {
            let c = TriggerClass::parse(&class)
                .ok_or_else(|| format!("unknown trigger class `{class}`"))?;
            for f in forms {
                let (form, pos) = match f.strip_suffix(" (noun)") {
                    Some(noun) => (noun.to_string(), Pos::Noun),
                    None => (f, Pos::Verb),
                };
                self.add_trigger(c, &form, pos);
                self.user_triggers += 1;
            }
        }
        for (class, words) in file.words {
            let c =
                WordClass::parse(&class).ok_or_else(|| format!("unknown word class `{class}`"))?;
            for w in words {
                self.add_word(c, &w);
            }
        }
        self.rebuild();
        Ok(())
    }

    fn add_trigger(&mut self, class: TriggerClass, spec: &str, pos: Pos) {
        let mut variants = spec.split('|');
        let base = variants.next().unwrap_or("").trim().to_lowercase();
        let mut words = base.split_whitespace();
        let Some(head) = words.next() else { return };
        let rest: Vec<String> = words.map(str::to_string).collect();
        let mut forms: Vec<(String, bool, bool)> = match pos {
            Pos::Verb => verb_forms(head),
            Pos::Noun => noun_forms(head)
                .into_iter()
                .map(|f| (f, false, false))
                .collect(),
        };
        for extra in variants {
            let first = extra.split_whitespace().next().unwrap_or("").to_lowercase();
            if !first.is_empty() {
                let ing = first.ends_with("ing");
                forms.push((first, !ing, ing));
            }
        }
        // One string for all the forms: relation reading copies forms.
        let lemma = Lemma(std::sync::Arc::from(base.as_str()));
        for (form, participle, gerund) in forms {
            self.trigger_shapes.add(&form);
            let list = self.triggers.entry(form).or_default();
            let tf = TriggerForm {
                class,
                pos,
                rest: rest.clone(),
                lemma: lemma.clone(),
                participle,
                gerund,
            };
            if !list.contains(&tf) {
                list.push(tf);
            }
        }
    }

    fn add_word(&mut self, class: WordClass, word: &str) {
        let w = if class.case_sensitive() {
            word.to_string()
        } else {
            word.to_lowercase()
        };
        let n = w.split_whitespace().count();
        let max = self.max_words.entry(class).or_default();
        *max = (*max).max(n);
        let set = self.words.entry(class).or_default();
        let nouns = matches!(
            class,
            WordClass::Personnel
                | WordClass::Equipment
                | WordClass::Money
                | WordClass::MissionWord
                | WordClass::StateRole
                | WordClass::PersonRole
                | WordClass::Institution
                | WordClass::Formation
                | WordClass::Message
        );
        if nouns {
            // Plural of the last word.
            let (init, last) = match w.rsplit_once(' ') {
                Some((i, l)) => (format!("{i} "), l.to_string()),
                None => (String::new(), w.clone()),
            };
            for f in noun_forms(&last) {
                let form = format!("{init}{f}");
                self.class_shapes.add(class, &form);
                *self.word_classes.entry(form.clone()).or_default() |= class.bit();
                set.insert(form);
            }
        }
        self.class_shapes.add(class, &w);
        *self.word_classes.entry(w.clone()).or_default() |= class.bit();
        set.insert(w);
    }

    /// Rebuild indexes and the matcher after entries changed.
    fn rebuild(&mut self) {
        self.by_id.clear();
        self.by_name.clear();
        self.places.clear();
        self.surnames.clear();
        let mut surfaces: Vec<(String, usize, Surface)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let no_words = HashSet::new();
        let mission_words = self.words.get(&WordClass::MissionWord).unwrap_or(&no_words);
        for (i, e) in self.entries.iter().enumerate() {
            self.by_id.insert(e.id.clone(), i);
            let names = std::iter::once(&e.name).chain(&e.aliases);
            for n in names {
                self.by_name.insert(crate::graph::normalize_name(n), i);
            }
            if e.kind == Some(ActorKind::Person)
                && let Some(last) = e.name.split_whitespace().last()
            {
                self.surnames
                    .entry(last.to_string())
                    .and_modify(|other| *other = None)
                    .or_insert(Some(i));
            }
            if e.kind == Some(ActorKind::Country) {
                // A capital that often means something else names no
                // dateline's country.
                let metonyms = e.metonyms.iter().filter(|_| !e.ambiguous_capital);
                for n in std::iter::once(&e.name).chain(&e.aliases).chain(metonyms) {
                    self.places.insert(crate::graph::normalize_name(n), i);
                }
            }
            let mut add = |s: &str, surface: Surface| {
                let s = s.trim();
                if s.len() < 2 {
                    return;
                }
                // Later entries (user files) win over earlier ones.
                match seen.get(s) {
                    Some(&k) => surfaces[k] = (s.to_string(), i, surface),
                    None => {
                        seen.insert(s.to_string(), surfaces.len());
                        surfaces.push((s.to_string(), i, surface));
                    }
                }
            };
            add(&e.name, Surface::Name);
            for a in &e.aliases {
                add(a, Surface::Name);
            }
            if e.label == NodeLabel::Mission {
                // News writes a mission's generic words in lower case
                // ("operation Atalanta", "the ECOWAS standby force").
                for n in std::iter::once(&e.name).chain(&e.aliases) {
                    if let Some(variant) = lowercase_generic_words(n, mission_words) {
                        add(&variant, Surface::Name);
                    }
                }
                // "the EU partnership mission in Moldova": a running
                // mission's name written as a description of it. Not an
                // ended one's: "the UN mission in Haiti" is today's.
                let leader = e
                    .parent
                    .as_deref()
                    .and_then(|p| self.entries.iter().find(|x| x.id == p || x.name == p));
                if e.status != Some(MissionStatus::Ended)
                    && let Some(leader) = leader
                {
                    let leader_names: Vec<&str> = std::iter::once(&leader.name)
                        .chain(&leader.aliases)
                        .map(String::as_str)
                        .collect();
                    for n in std::iter::once(&e.name).chain(&e.aliases) {
                        if let Some(variant) =
                            lowercase_described_name(n, &leader_names, mission_words)
                        {
                            add(&variant, Surface::Name);
                        }
                    }
                }
            }
            for a in &e.people {
                add(a, Surface::People);
            }
            for a in &e.adjectives {
                add(a, Surface::Adjective);
            }
            for m in &e.metonyms {
                add(m, Surface::Metonym);
            }
        }
        for stop in self.words.get(&WordClass::StopPhrase).into_iter().flatten() {
            if !seen.contains_key(stop.as_str()) {
                seen.insert(stop.clone(), surfaces.len());
                surfaces.push((stop.clone(), usize::MAX, Surface::Stop));
            }
        }
        self.matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(surfaces.iter().map(|(s, _, _)| s.as_str()))
            .expect("lexicon patterns build");
        self.starts = SurfaceStarts::default();
        for (s, _, _) in &surfaces {
            self.starts.add(s.as_bytes());
        }
        self.surfaces = surfaces;
        self.by_written_name.clear();
        for e in &self.entries {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let found = self.by_name.get(&crate::graph::normalize_name(n)).copied();
                self.by_written_name.insert(n.clone(), found);
            }
        }
        self.resolved = (0..self.entries.len())
            .map(|i| {
                let e = &self.entries[i];
                Resolved {
                    keys: std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .map(|n| crate::graph::normalize_name(n))
                        .collect(),
                    leader: e
                        .parent
                        .as_deref()
                        .filter(|_| e.label == NodeLabel::Mission)
                        .and_then(|p| self.resolve_ref(p)),
                    location: e
                        .location
                        .iter()
                        .filter_map(|l| self.resolve_ref(l))
                        .collect(),
                }
            })
            .collect();
    }

    /// All lexicon names in `text`, leftmost-longest, at word boundaries.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        // Past a byte where no name starts: the rest of an ASCII word
        // after its first letter is no start either (a word runs into
        // it from the left), and is stepped over at once.
        let next = |pos: usize| {
            let mut p = pos + 1;
            if bytes[pos].is_ascii_alphanumeric() {
                while p < bytes.len() && bytes[p].is_ascii_alphanumeric() {
                    p += 1;
                }
            }
            p
        };
        while pos < bytes.len() {
            // A name starts where a surface can start and no word runs
            // into it from the left: the automaton runs only from there.
            if !self.starts.may_start(&bytes[pos..]) || !self.may_start_at(text, pos) {
                pos = next(pos);
                continue;
            }
            let input = aho_corasick::Input::new(text)
                .span(pos..text.len())
                .anchored(aho_corasick::Anchored::Yes);
            let Some(m) = self.matcher.find(input) else {
                pos = next(pos);
                continue;
            };
            // The longest name here may run into the next word
            // ("Guinea-Bissauan") while a shorter one does not: the
            // shorter ones are looked for only then.
            let found = if self.at_word_bounds(text, pos, m.end()) {
                Some((m.end(), m.pattern().as_usize()))
            } else {
                self.longest_fitting_at(text, pos, m.end())
            };
            let Some((end, pattern)) = found else {
                pos = next(pos);
                continue;
            };
            let (_, entry, surface) = self.surfaces[pattern];
            if surface != Surface::Stop {
                out.push(NameMatch {
                    start: pos,
                    end,
                    entry,
                    surface,
                });
            }
            pos = end;
        }
        out
    }

    /// Whether a name may start at byte `pos`: a character starts there,
    /// and not inside a word.
    fn may_start_at(&self, text: &str, pos: usize) -> bool {
        let bytes = text.as_bytes();
        let (b, prev) = (bytes[pos], pos.checked_sub(1).map(|p| bytes[p]));
        if b.is_ascii() && prev.is_none_or(|p| p.is_ascii()) {
            return !(b.is_ascii_alphanumeric() && prev.is_some_and(|p| p.is_ascii_alphanumeric()));
        }
        if !text.is_char_boundary(pos) {
            return false;
        }
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        !(is_word(text[..pos].chars().next_back()) && is_word(text[pos..].chars().next()))
    }

    /// Whether `start..end` is a name of its own in `text`: it must not
    /// run into a neighbouring word; a name that ends in a dot ("U.S.")
    /// may touch what follows.
    fn at_word_bounds(&self, text: &str, start: usize, end: usize) -> bool {
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return false;
        }
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let before = text[..start].chars().next_back();
        let first = text[start..].chars().next();
        let last = text[..end].chars().next_back();
        let after = text[end..].chars().next();
        (!is_word(before) || !is_word(first)) && (!is_word(after) || !is_word(last))
    }

    /// The longest surface starting at `start` that stands at word
    /// bounds, shorter than `end`, with its end and pattern: the
    /// automaton answers the longest surface in a span, so the span is
    /// cut before the last one found until one fits.
    fn longest_fitting_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut limit = end;
        while limit > start + 1 {
            let input = aho_corasick::Input::new(text)
                .span(start..limit - 1)
                .anchored(aho_corasick::Anchored::Yes);
            let m = self.matcher.find(input)?;
            if self.at_word_bounds(text, start, m.end()) {
                return Some((m.end(), m.pattern().as_usize()));
            }
            limit = m.end();
        }
        None
    }

    /// The entry with a lexicon id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with a lexicon id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry one of whose names normalizes like `name`.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        if let Some(&found) = self.by_written_name.get(name) {
            return found;
        }
        crate::graph::with_normalized(name, |n| self.by_name.get(n).copied())
    }

    /// The one known person whose name ends in `surname`, if only one
    /// does.
    pub fn person_by_surname(&self, surname: &str) -> Option<usize> {
        self.surnames.get(surname).copied().flatten()
    }

    /// The country a place name stands for: a country's name, alias,
    /// capital or seat of government ("Bangui", "Kinshasa").
    pub fn place(&self, name: &str) -> Option<usize> {
        crate::graph::with_normalized(name, |n| self.places.get(n).copied())
    }

    /// The entry's normalized names, leader and locations.
    pub fn resolved(&self, entry: usize) -> &Resolved {
        &self.resolved[entry]
    }

    /// Resolve a parent, leader or affiliation reference (an id, or a name
    /// in user files) to an entry index.
    pub fn resolve_ref(&self, r: &str) -> Option<usize> {
        self.index_of(r).or_else(|| self.by_name(r))
    }

    /// Trigger forms whose first word is `word` (lower case).
    ///
    /// The shape test is inlined where the question is asked, and the
    /// table looked up in a function of its own: most words asked about
    /// are turned away by their shape, and a call that hashed nothing
    /// still paid for the frame of one that hashes.
    #[inline]
    pub fn triggers(&self, word: &str) -> &[TriggerForm] {
        if !self.trigger_shapes.may_hold(word) {
            return &[];
        }
        self.trigger_forms(word)
    }

    /// The forms of a trigger word, looked up in the table.
    #[inline(never)]
    fn trigger_forms(&self, word: &str) -> &[TriggerForm] {
        self.triggers.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `phrase` (lower case unless the class is case-sensitive)
    /// belongs to a word class. As with [`Lexicon::triggers`], the shape
    /// test is inlined and the table looked up apart.
    #[inline]
    pub fn is(&self, class: WordClass, phrase: &str) -> bool {
        self.class_shapes.may_hold(class, phrase) && self.in_class(class, phrase)
    }

    /// Whether the table puts `phrase` in `class`.
    #[inline(never)]
    fn in_class(&self, class: WordClass, phrase: &str) -> bool {
        self.word_classes
            .get(phrase)
            .is_some_and(|&classes| classes & class.bit() != 0)
    }

    /// Longest phrase of the class, in words.
    pub fn max_words(&self, class: WordClass) -> usize {
        self.max_words.get(&class).copied().unwrap_or(1)
    }

    /// The national army entity of a country, when the lexicon has one.
    pub fn army_of(&self, country: usize) -> Option<usize> {
        let id = &self.entries[country].id;
        self.entries.iter().position(|e| {
            e.kind == Some(ActorKind::Force)
                && e.parent.as_deref() == Some(id)
                && (e.name.contains("Armed Forces")
                    || e.name.contains("Army")
                    || e.name.contains("Defence Force")
                    || e.name.contains("Defense Force"))
        })
    }
}

/// Inflections of a verb: (form, is past/participle, is -ing).
fn verb_forms(v: &str) -> Vec<(String, bool, bool)> {
    let mut out = vec![(v.to_string(), false, false)];
    let bytes = v.as_bytes();
    let last = *bytes.last().unwrap_or(&b'a');
    let vowel = |c: u8| b"aeiou".contains(&c);
    let third = if v.ends_with('s')
        || v.ends_with('x')
        || v.ends_with("ch")
        || v.ends_with("sh")
        || v.ends_with('z')
        || v.ends_with('o')
    {
        format!("{v}es")
    } else if last == b'y' && bytes.len() > 1 && !vowel(bytes[bytes.len() - 2]) {
        format!("{}ies", &v[..v.len() - 1])
    } else {
        format!("{v}s")
    };
    out.push((third, false, false));
    let (past, ing) = if last == b'e' {
        (format!("{v}d"), format!("{}ing", &v[..v.len() - 1]))
    } else if last == b'y' && bytes.len() > 1 && !vowel(bytes[bytes.len() - 2]) {
        (format!("{}ied", &v[..v.len() - 1]), format!("{v}ing"))
    } else {
        (format!("{v}ed"), format!("{v}ing"))
    };
    out.push((past, true, false));
    out.push((ing, false, true));
    // Consonant doubling ("commit" -> "committed", "drop" -> "dropped"):
    // both spellings are kept, the wrong one never occurs in text.
    let n = bytes.len();
    if n >= 3
        && !vowel(last)
        && !b"wxy".contains(&last)
        && vowel(bytes[n - 2])
        && !vowel(bytes[n - 3])
    {
        let d = last as char;
        out.push((format!("{v}{d}ed"), true, false));
        out.push((format!("{v}{d}ing"), false, true));
    }
    out
}

/// A mission name with its leading "Operation" or its trailing generic
/// words ("Standby Force") in lower case, when it has any and keeps a
/// proper part: "Operation Atalanta" gives "operation Atalanta", "ECOWAS
/// Standby Force" gives "ECOWAS standby force"; "Task Force" gives none.
fn lowercase_generic_words(name: &str, generic: &HashSet<String>) -> Option<String> {
    if let Some(rest) = name.strip_prefix("Operation ") {
        return Some(format!("operation {rest}"));
    }
    let words: Vec<&str> = name.split(' ').collect();
    // The longest tail of generic words (as the lexicon lists them).
    let tail =
        (1..words.len()).find(|&k| generic.contains(&words[k..].join(" ").to_lowercase()))?;
    let proper = &words[..tail];
    if !proper
        .iter()
        .any(|w| w.len() > 1 && w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let lower: Vec<String> = words[tail..].iter().map(|w| w.to_lowercase()).collect();
    if lower.join(" ") == words[tail..].join(" ") {
        return None;
    }
    Some(format!("{} {}", proper.join(" "), lower.join(" ")))
}

/// A mission's name as news writes it when describing the mission: the
/// leader's name, then its other words in lower case, then the place
/// ("EU Partnership Mission in Moldova" -> "EU partnership mission in
/// Moldova"). None unless the name has that shape and its head is one of
/// the `generic` mission words.
fn lowercase_described_name(
    name: &str,
    leader_names: &[&str],
    generic: &HashSet<String>,
) -> Option<String> {
    let (before, sep, place) = [" in ", " to ", " for "]
        .into_iter()
        .find_map(|sep| name.split_once(sep).map(|(b, p)| (b, sep, p)))?;
    if !place.starts_with(char::is_uppercase) {
        return None;
    }
    let leader = leader_names
        .iter()
        .filter(|l| {
            before
                .strip_prefix(**l)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .max_by_key(|l| l.len())?;
    let inner: Vec<&str> = before[leader.len() + 1..].split(' ').collect();
    let head = inner.last()?.to_lowercase();
    if inner.len() > 3
        || !generic.contains(&head)
        || !inner.iter().all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let lower: Vec<String> = inner.iter().map(|w| w.to_lowercase()).collect();
    Some(format!("{leader} {}{sep}{place}", lower.join(" ")))
}

/// Singular and plural of a noun.
fn noun_forms(n: &str) -> Vec<String> {
    let bytes = n.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let plural = if n.ends_with('s') || n.ends_with('x') || n.ends_with("ch") || n.ends_with("sh") {
        format!("{n}es")
    } else if n.ends_with('y') && bytes.len() > 1 && !vowel(bytes[bytes.len() - 2]) {
        format!("{}ies", &n[..n.len() - 1])
    } else if let Some(stem) = n.strip_suffix("man") {
        format!("{stem}men")
    } else {
        format!("{n}s")
    };
    vec![n.to_string(), plural]
}

/// The first bytes and lengths of a set of words: whether a word may be
/// in the set, without hashing it. Lengths of 31 bytes and more share
/// one mark.
#[derive(Debug, Clone)]
struct WordShapes([u32; 256]);

impl Default for WordShapes {
    fn default() -> WordShapes {
        WordShapes([0; 256])
    }
}

impl WordShapes {
    /// The mark of a word: its first byte (0 for the empty word, whose
    /// length 0 no other word has) and its length.
    fn mark(word: &str) -> (usize, u32) {
        let first = word.as_bytes().first().map_or(0, |&b| b as usize);
        (first, 1 << word.len().min(31))
    }

    fn add(&mut self, word: &str) {
        let (first, len) = WordShapes::mark(word);
        self.0[first] |= len;
    }

    /// Whether `word` may be one of the words added (a necessary condition).
    fn may_hold(&self, word: &str) -> bool {
        let (first, len) = WordShapes::mark(word);
        self.0[first] & len != 0
    }
}

/// The first bytes and the lengths of each word class's phrases: whether a
/// phrase may be in a class, without hashing it. Tested apart, the two
/// turn away more of the words asked about than the first byte and length
/// of every class's phrases together did (most words are in some class).
/// Lengths of 31 bytes and more share one mark.
#[derive(Debug, Clone)]
struct ClassShapes {
    /// Bit `b` of a class's entry is set when one of its phrases starts
    /// with byte `b` (0 for the empty phrase).
    first: Box<[[u64; 4]; 64]>,
    /// Bit `n` is set when one of the class's phrases is `n` bytes long.
    lengths: [u32; 64],
}

impl Default for ClassShapes {
    fn default() -> ClassShapes {
        ClassShapes {
            first: Box::new([[0; 4]; 64]),
            lengths: [0; 64],
        }
    }
}

impl ClassShapes {
    fn add(&mut self, class: WordClass, phrase: &str) {
        let (c, (first, len)) = (class as usize, WordShapes::mark(phrase));
        self.first[c][first / 64] |= 1 << (first % 64);
        self.lengths[c] |= len;
    }

    /// Whether `phrase` may be in `class` (a necessary condition).
    fn may_hold(&self, class: WordClass, phrase: &str) -> bool {
        let (c, (first, len)) = (class as usize, WordShapes::mark(phrase));
        self.lengths[c] & len != 0 && self.first[c][first / 64] & (1 << (first % 64)) != 0
    }
}

/// Which two bytes surfaces start with: an anchored search for a name
/// runs only where the text starts so. A test of the first byte alone let
/// every word starting with the first letter of a lower-case surface
/// ("self-proclaimed ...", "peacekeeping budget") through.
#[derive(Debug, Clone)]
struct SurfaceStarts {
    /// Bit `a * 256 + b` is set when a surface starts with bytes `a b`.
    pairs: Box<[u64; 1024]>,
    /// The bytes that are a whole surface.
    single: [bool; 256],
}

impl Default for SurfaceStarts {
    fn default() -> SurfaceStarts {
        SurfaceStarts {
            pairs: Box::new([0; 1024]),
            single: [false; 256],
        }
    }
}

impl SurfaceStarts {
    fn add(&mut self, surface: &[u8]) {
        match *surface {
            [] => {}
            [a] => self.single[a as usize] = true,
            [a, b, ..] => {
                let bit = (a as usize) << 8 | b as usize;
                self.pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
    }

    /// Whether some surface may start `rest` (a necessary condition).
    fn may_start(&self, rest: &[u8]) -> bool {
        match *rest {
            [] => false,
            [a] => self.single[a as usize],
            [a, b, ..] => {
                let bit = (a as usize) << 8 | b as usize;
                self.single[a as usize] || self.pairs[bit / 64] & (1 << (bit % 64)) != 0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes_hold_every_word_added_and_turn_most_others_away() {
        let mut shapes = WordShapes::default();
        let words = ["support", "back", "", "x", "internationalization-of-things"];
        for w in words {
            shapes.add(w);
        }
        for w in words {
            assert!(shapes.may_hold(w), "{w:?}");
        }
        for w in [
            "the",
            "supports",
            "backs",
            "y",
            "internationalization-of-thingsy",
        ] {
            assert!(!shapes.may_hold(w), "{w:?}");
        }
        // Long words share one mark.
        shapes.add(&"a".repeat(40));
        assert!(shapes.may_hold(&"a".repeat(31)));
    }

    #[test]
    fn class_shapes_hold_every_phrase_of_a_class_and_only_its_shapes() {
        let mut shapes = ClassShapes::default();
        shapes.add(WordClass::Say, "said");
        shapes.add(WordClass::Say, "told");
        shapes.add(WordClass::Month, "");
        for (class, phrase) in [
            (WordClass::Say, "said"),
            (WordClass::Say, "told"),
            (WordClass::Month, ""),
        ] {
            assert!(shapes.may_hold(class, phrase), "{phrase:?}");
        }
        // Another class, another first byte, another length.
        assert!(!shapes.may_hold(WordClass::Month, "said"));
        assert!(!shapes.may_hold(WordClass::Say, "asid"));
        assert!(!shapes.may_hold(WordClass::Say, "says."));
        assert!(!shapes.may_hold(WordClass::Say, ""));
    }

    #[test]
    fn surface_starts_admit_exactly_the_first_two_bytes_of_surfaces() {
        let mut starts = SurfaceStarts::default();
        for s in ["Kenya", "eFP", "U", "Ké"] {
            starts.add(s.as_bytes());
        }
        for (text, may) in [
            ("Kenyan", true),
            ("Ke", true),
            ("K", false),
            ("Ka", false),
            ("eFP", true),
            ("each", false),
            ("U.S.", true),
            ("U", true),
            ("Ké", true),
            ("", false),
        ] {
            assert_eq!(starts.may_start(text.as_bytes()), may, "{text:?}");
        }
    }

    #[test]
    fn builtin_lexicon_loads_every_file() {
        let lex = Lexicon::builtin();
        assert!(
            lex.entries
                .iter()
                .filter(|e| e.kind == Some(ActorKind::Country))
                .count()
                >= 193
        );
        assert!(lex.by_id("MINUSMA").is_some());
        assert_eq!(lex.by_id("US").unwrap().name, "United States");
        assert!(
            lex.triggers("vetoed")
                .iter()
                .any(|t| t.class == TriggerClass::Veto)
        );
        assert!(
            lex.triggers("supporters")
                .iter()
                .any(|t| t.pos == Pos::Noun)
        );
        assert!(lex.is(WordClass::Personnel, "soldiers"));
        assert!(lex.is(WordClass::Title, "Foreign Minister"));
    }

    #[test]
    fn names_match_longest_at_word_boundaries() {
        let lex = Lexicon::builtin();
        let text = "Nigeria and Niger backed the U.N. Security Council, unlike Latin America.";
        let found: Vec<&str> = lex
            .find_names(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(found, ["Nigeria", "Niger", "U.N. Security Council"]);
    }

    #[test]
    fn mission_names_match_with_generic_words_in_lower_case() {
        let lex = Lexicon::builtin();
        let text = "the ECOWAS standby force and operation Atalanta, not the standby force";
        let found: Vec<&str> = lex
            .find_names(text)
            .iter()
            .map(|m| lex.entries[m.entry].id.as_str())
            .collect();
        assert_eq!(found, ["ECOWAS_SF", "EUNAVFOR_ATALANTA"]);
    }

    #[test]
    fn every_word_class_of_the_data_is_known() {
        for row in rows(WORDS) {
            assert!(
                WordClass::parse(row[0]).is_some(),
                "unknown word class `{}`",
                row[0]
            );
        }
        let lex = Lexicon::builtin();
        assert!(lex.is(WordClass::VerdictVerb, "described"));
    }

    #[test]
    fn verbs_inflect() {
        let forms: Vec<String> = verb_forms("commit").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"committed".to_string()));
        let forms: Vec<String> = verb_forms("supply").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"supplies".to_string()) && forms.contains(&"supplied".to_string()));
    }

    #[test]
    fn user_files_add_actors_and_report_errors_with_lines() {
        let mut lex = Lexicon::builtin();
        lex.add_user_toml("[[actor]]\nname = \"Freedonia\"\nkind = \"country\"\nadjectives = [\"Freedonian\"]\n[triggers]\nsupport = [\"stick up for\"]\n")
            .unwrap();
        let text = "Freedonian officials";
        assert_eq!(lex.find_names(text)[0].surface, Surface::Adjective);
        assert!(
            !lex.triggers("stuck")
                .iter()
                .any(|t| t.rest == ["up", "for"])
        );
        assert!(
            lex.triggers("stick")
                .iter()
                .any(|t| t.rest == ["up", "for"])
        );
        let err = lex
            .add_user_toml("[[actor]]\nname = \"X\"\nkind = \"planet\"\n")
            .unwrap_err();
        assert!(err.contains("unknown ActorKind `planet`"), "{err}");
        let err = lex.add_user_toml("[[actor]]\nname = 3\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }
    #[test]
    fn running_missions_are_found_by_their_names_written_as_descriptions() {
        let lex = Lexicon::builtin();
        let text = "Ministers approved the EU partnership mission in Moldova on Monday.";
        let found = lex.find_names(text);
        let mission = found
            .iter()
            .find(|m| &text[m.start..m.end] == "EU partnership mission in Moldova")
            .expect("the lower-case name is found");
        assert_eq!(lex.entries[mission.entry].id, "EUPM_MOLDOVA");
        // An ended mission's name written so means today's mission there.
        let text = "the UN mission in Haiti";
        assert!(
            lex.find_names(text)
                .iter()
                .all(|m| lex.entries[m.entry].id != "UNMIH")
        );
    }
}
