//! The schema: node labels, relationship types and the enumerated property
//! values of the knowledge graph (see DESIGN.md, "Schema").
//!
//! The store itself is a general property graph, because analysts may add
//! their own labels and types with `CREATE`; these enums are the part of it
//! that the extractor writes and that tests, scripts and users rely on.

use std::fmt;
use std::str::FromStr;

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text the graph stores for this variant.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownVariant;

            fn from_str(s: &str) -> Result<Self, UnknownVariant> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownVariant { kind: stringify!($name), text: s.to_string() }),
                }
            }
        }
    };
}

/// A string that names no variant of a schema enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{text}`")]
pub struct UnknownVariant {
    /// The enum that was asked for.
    pub kind: &'static str,
    /// The text that matched none of its variants.
    pub text: String,
}

string_enum! {
    /// The labels the extractor gives to nodes.
    NodeLabel {
        /// A country, organization, force, group or person.
        Actor => "Actor",
        /// A peacekeeping, security or political mission or operation.
        Mission => "Mission",
        /// A resolution that actors draft, vote on or veto.
        Resolution => "Resolution",
        /// A source document.
        Document => "Document",
    }
}

string_enum! {
    /// The relationship types the extractor writes.
    RelType {
        /// A stance in favour of an actor, mission or resolution.
        Supports => "SUPPORTS",
        /// A stance against an actor, mission or resolution.
        Opposes => "OPPOSES",
        /// Money, personnel, equipment or other help given.
        Contributes => "CONTRIBUTES",
        /// An actor leading a mission (or a person leading an actor).
        Leads => "LEADS",
        /// An abstention in a vote on a resolution.
        Abstains => "ABSTAINS",
        /// Membership of an organization.
        MemberOf => "MEMBER_OF",
        /// Where a mission operates.
        LocatedIn => "LOCATED_IN",
        /// A document naming an actor or mission.
        Mentions => "MENTIONS",
    }
}

impl RelType {
    /// Whether the scorer and analysts treat this type as a stance.
    pub fn is_stance(self) -> bool {
        matches!(self, RelType::Supports | RelType::Opposes)
    }
}

string_enum! {
    /// What kind of actor a node is.
    ActorKind {
        /// A sovereign state (or a territory acting as one).
        Country => "country",
        /// An international, regional or national body.
        Organization => "organization",
        /// An armed force, police or armed group with a command.
        Force => "force",
        /// A loose collective: gangs, protesters, opposition lawmakers.
        Group => "group",
        /// A named person.
        Person => "person",
    }
}

string_enum! {
    /// The state of a mission, when the text states it.
    MissionStatus {
        /// Deployed and running.
        Active => "active",
        /// Proposed, authorised or planned but not yet running.
        Proposed => "proposed",
        /// Closed, withdrawn or replaced.
        Ended => "ended",
    }
}

string_enum! {
    /// The state of a resolution.
    ResolutionStatus {
        /// Still a draft.
        Draft => "draft",
        /// Adopted by vote or consensus.
        Adopted => "adopted",
        /// Blocked by a veto.
        Vetoed => "vetoed",
        /// Put to a vote and not adopted.
        Failed => "failed",
    }
}

string_enum! {
    /// What a contribution consists of.
    ContributionKind {
        /// Money: grants, pledges, funding.
        Money => "money",
        /// Troops, police, officers, personnel.
        Personnel => "personnel",
        /// Vehicles, weapons, aircraft, gear.
        Equipment => "equipment",
        /// Training, logistics, intelligence, anything else.
        Other => "other",
    }
}

string_enum! {
    /// How exact a stated amount is.
    Qualifier {
        /// "about", "around", "some", "roughly", "nearly", "an estimated".
        About => "about",
        /// "over", "more than", "at least".
        Over => "over",
        /// "up to", "as many as".
        UpTo => "up_to",
        /// "less than", "fewer than", "under".
        Under => "under",
    }
}

string_enum! {
    /// The state of a stance over time.
    StanceStatus {
        /// The actor gave the position up ("abandoned", "dropped").
        Abandoned => "abandoned",
    }
}

/// Property keys the schema defines, so that code never spells them twice.
pub mod keys {
    /// Canonical name of an Actor, Mission, Resolution or Document.
    pub const NAME: &str = "name";
    /// Other names of the entity.
    pub const ALIASES: &str = "aliases";
    /// `ActorKind` of an Actor, `ContributionKind` of a contribution.
    pub const KIND: &str = "kind";
    /// Mission, resolution or stance status.
    pub const STATUS: &str = "status";
    /// Planned personnel of a mission.
    pub const PERSONNEL_PLANNED: &str = "personnel_planned";
    /// Deployed personnel of a mission.
    pub const PERSONNEL_DEPLOYED: &str = "personnel_deployed";
    /// Yearly cost of a mission.
    pub const ANNUAL_COST: &str = "annual_cost";
    /// Currency of the yearly cost.
    pub const ANNUAL_COST_UNIT: &str = "annual_cost_unit";
    /// Document title.
    pub const TITLE: &str = "title";
    /// Document path.
    pub const PATH: &str = "path";
    /// Document date, or the first date a fact was reported (ISO 8601).
    pub const DATE: &str = "date";
    /// Every date a fact was reported, sorted (ISO 8601).
    pub const DATES: &str = "dates";
    /// Documents that state a fact.
    pub const SOURCES: &str = "sources";
    /// Sentences that state a fact.
    pub const EVIDENCE: &str = "evidence";
    /// Where in each document the evidence lies (document, sentence, byte spans).
    pub const EVIDENCE_SPANS: &str = "evidence_spans";
    /// How many times a fact was stated.
    pub const MENTIONS: &str = "mentions";
    /// True for a conditional or hypothetical stance.
    pub const HEDGED: &str = "hedged";
    /// True for a fact the text denies.
    pub const NEGATED: &str = "negated";
    /// Amount of a contribution.
    pub const AMOUNT: &str = "amount";
    /// Unit of a contribution: ISO 4217 code or `personnel`.
    pub const UNIT: &str = "unit";
    /// Qualifier of the amount.
    pub const QUALIFIER: &str = "qualifier";
    /// How many times a document mentions an entity.
    pub const COUNT: &str = "count";
    /// Permanent membership (Security Council).
    pub const PERMANENT: &str = "permanent";
    /// Veto power (Security Council).
    pub const VETO: &str = "veto";
}

/// A byte range in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// Metadata of a source document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentInfo {
    /// File name (or record id for a line of a .jsonl file): the node's name.
    pub name: String,
    /// Title: the first line, or the record's title.
    pub title: String,
    /// Where the document was read from.
    pub path: String,
    /// Publication date (ISO 8601), when known.
    pub date: Option<String>,
    /// Source address, when known.
    pub url: Option<String>,
}

/// An actor, mission or resolution found in one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// `Actor`, `Mission` or `Resolution`.
    pub label: Option<NodeLabel>,
    /// Canonical name.
    pub name: String,
    /// Other names the text or the lexicon gives it.
    pub aliases: Vec<String>,
    /// For actors, what kind of actor.
    pub kind: Option<ActorKind>,
    /// Further properties: mission status, personnel, cost, resolution status.
    pub attributes: Vec<(&'static str, crate::value::Value)>,
    /// How many times the document mentions it.
    pub mentions: usize,
}

/// Where a fact was stated and which rule found it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evidence {
    /// Document name.
    pub document: String,
    /// Index of the sentence in the document, from 0.
    pub sentence_index: usize,
    /// The sentence text.
    pub sentence: String,
    /// Span of the actor mention.
    pub actor: Option<Span>,
    /// Span of the trigger word or construction.
    pub trigger: Option<Span>,
    /// Span of the amount.
    pub amount: Option<Span>,
    /// The rule that produced the fact.
    pub rule: &'static str,
}

impl Evidence {
    /// A compact location: `doc#sentence actor=a..b trigger=c..d amount=e..f`.
    pub fn location(&self) -> String {
        // Written piece by piece: the merge writes one for every fact
        // stated, and `write!` cost several times the pushes.
        let mut s = String::with_capacity(self.document.len() + 48);
        s.push_str(&self.document);
        s.push('#');
        push_decimal(&mut s, self.sentence_index);
        for (name, span) in [
            ("actor", self.actor),
            ("trigger", self.trigger),
            ("amount", self.amount),
        ] {
            if let Some(sp) = span {
                s.push(' ');
                s.push_str(name);
                s.push('=');
                push_decimal(&mut s, sp.start);
                s.push_str("..");
                push_decimal(&mut s, sp.end);
            }
        }
        s
    }
}

/// `n` in decimal digits at the end of `s`, as `{}` writes it.
fn push_decimal(s: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// The properties of a fact beyond its endpoints and provenance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactProps {
    /// What a contribution consists of.
    pub kind: Option<ContributionKind>,
    /// The amount given.
    pub amount: Option<f64>,
    /// ISO 4217 currency code, or `personnel`.
    pub unit: Option<String>,
    /// How exact the amount is.
    pub qualifier: Option<Qualifier>,
    /// The text denies the fact.
    pub negated: bool,
    /// The fact is conditional, threatened or hypothetical.
    pub hedged: bool,
    /// The stance was given up.
    pub status: Option<StanceStatus>,
    /// Permanent membership (MEMBER_OF).
    pub permanent: bool,
    /// Veto power (MEMBER_OF).
    pub veto: bool,
}

/// A relationship found in one document, between two of its entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The relationship type.
    pub rel: RelType,
    /// Index of the source entity in [`DocumentFacts::entities`].
    pub from: usize,
    /// Index of the target entity.
    pub to: usize,
    /// Kind, amount, negation, modality, status.
    pub props: FactProps,
    /// Where it was stated.
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentFacts {
    /// The document.
    pub document: DocumentInfo,
    /// Actors, missions and resolutions it names.
    pub entities: Vec<Entity>,
    /// Relationships it states.
    pub facts: Vec<Fact>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_text() {
        for t in RelType::ALL {
            assert_eq!(t.as_str().parse::<RelType>(), Ok(*t));
        }
        for k in ActorKind::ALL {
            assert_eq!(k.to_string().parse::<ActorKind>(), Ok(*k));
        }
        assert_eq!(
            "army".parse::<ActorKind>().unwrap_err().to_string(),
            "unknown ActorKind `army`"
        );
    }

    #[test]
    fn evidence_locations_write_numbers_as_format_does() {
        let ev = Evidence {
            document: "a.txt".into(),
            sentence_index: 0,
            actor: Some(Span::new(7, 1234567890)),
            amount: Some(Span::new(usize::MAX, 10)),
            ..Evidence::default()
        };
        assert_eq!(
            ev.location(),
            format!("a.txt#0 actor=7..1234567890 amount={}..10", usize::MAX)
        );
    }
}
