//! Synthetic benchmark inputs built from the built-in lexicons: news-like articles of any total size, and large graphs made directly through the [`Graph`] API.
//!
//! Both are deterministic for a seed, so benchmark runs compare like with
//! like. The articles use the lexicons' countries, organizations, missions
//! and people, and the trigger verbs of `triggers.tsv`, so the extractor
//! finds facts in them at a realistic rate:
//!
//! ```
//! use newsgraph::synth::Corpus;
//! let docs = Corpus::new(7).documents(20_000);
//! assert!(docs.iter().map(|d| d.text.len()).sum::<usize>() >= 20_000);
//! let graph = newsgraph::Graph::from_documents(&docs, &newsgraph::Extractor::new());
//! assert!(graph.rel_count() > 0);
//! ```
//!
//! The graph generator gives nodes the labels and properties of the schema
//! and relationships the types and provenance the extractor writes, with a
//! skewed degree distribution (a few actors are in most of the news):
//!
//! ```
//! let g = newsgraph::synth::graph(1_000, 5_000, 7);
//! assert_eq!((g.node_count(), g.rel_count()), (1_000, 5_000));
//! ```

use std::path::Path;

use crate::extract::{Document, Lexicon};
use crate::graph::Graph;
use crate::model::{ActorKind, NodeLabel, keys};
use crate::value::{NodeId, Value};

/// A small, fast, deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `0..n`, small ones far more often: the rank of a
    /// popular item (about Zipf-like).
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64) * u * u * u) as usize % n
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

const TRIGGERS: &str = include_str!("extract/lexicons/triggers.tsv");

/// Trigger verbs of one class, in their third-person present form.
fn verbs(class: &str) -> Vec<String> {
    TRIGGERS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (c, form, pos) = (cols.next()?, cols.next()?, cols.next()?);
            (c == class && pos.trim() == "verb").then(|| third_person(form))
        })
        .collect()
}

/// "push for" -> "pushes for", "rally" -> "rallies", "seek|sought" -> "seeks".
fn third_person(form: &str) -> String {
    let base = form.split('|').next().unwrap_or(form);
    let (head, rest) = base.split_once(' ').unwrap_or((base, ""));
    let inflected = if head.ends_with('y')
        && !head.ends_with("ay")
        && !head.ends_with("ey")
        && !head.ends_with("oy")
    {
        format!("{}ies", &head[..head.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| head.ends_with(e))
    {
        format!("{head}es")
    } else {
        format!("{head}s")
    };
    if rest.is_empty() {
        inflected
    } else {
        format!("{inflected} {rest}")
    }
}

/// Writes news-like articles from the built-in lexicons.
#[derive(Debug, Clone)]
pub struct Corpus {
    rng: Rng,
    countries: Vec<String>,
    capitals: Vec<String>,
    organizations: Vec<String>,
    missions: Vec<String>,
    people: Vec<String>,
    support: Vec<String>,
    oppose: Vec<String>,
    contribute: Vec<String>,
    lead: Vec<String>,
    vote_for: Vec<String>,
    vote_against: Vec<String>,
    next: usize,
}

const OFFICIALS: &[&str] = &[
    "the foreign minister",
    "a government spokesperson",
    "the ambassador to the United Nations",
    "a senior diplomat",
    "the defence minister",
];
const DAYS: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "last week",
    "this month",
];
const TOPICS: &[&str] = &[
    "the humanitarian situation",
    "the security of aid convoys",
    "the cost of the deployment",
    "the protection of civilians",
    "the timetable for elections",
    "the mandate of the force",
];

impl Corpus {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Corpus {
        let lexicon = Lexicon::builtin();
        let mut c = Corpus {
            rng: Rng::new(seed),
            countries: Vec::new(),
            capitals: Vec::new(),
            organizations: Vec::new(),
            missions: Vec::new(),
            people: Vec::new(),
            support: verbs("support"),
            oppose: verbs("oppose"),
            contribute: verbs("contribute"),
            lead: verbs("lead"),
            vote_for: verbs("vote_for"),
            vote_against: verbs("vote_against"),
            next: 0,
        };
        for e in &lexicon.entries {
            match (e.label, e.kind) {
                (NodeLabel::Mission, _) => c.missions.push(e.name.clone()),
                (_, Some(ActorKind::Country)) => {
                    c.countries.push(e.name.clone());
                    c.capitals.extend(e.metonyms.first().cloned());
                }
                (_, Some(ActorKind::Person)) => c.people.push(e.name.clone()),
                (_, Some(_)) => c.organizations.push(e.name.clone()),
                _ => {}
            }
        }
        c
    }

    /// An actor: mostly countries, some organizations, popular ones more often.
    fn actor(&mut self) -> String {
        if self.rng.chance(0.75) {
            let i = self.rng.skewed(self.countries.len());
            self.countries[i].clone()
        } else {
            let i = self.rng.skewed(self.organizations.len());
            self.organizations[i].clone()
        }
    }

    fn mission(&mut self) -> String {
        let i = self.rng.skewed(self.missions.len());
        self.missions[i].clone()
    }

    fn sentence(&mut self) -> String {
        let r = &mut self.rng;
        match r.below(10) {
            0 | 1 => {
                let (a, v, m) = (
                    self.actor(),
                    self.rng.pick(&self.support).clone(),
                    self.mission(),
                );
                format!(
                    "{a} {v} the {m}, {} said {}.",
                    self.rng.pick(OFFICIALS),
                    self.rng.pick(DAYS)
                )
            }
            2 => {
                let (a, v, m) = (
                    self.actor(),
                    self.rng.pick(&self.oppose).clone(),
                    self.mission(),
                );
                format!("{a} {v} the {m}.")
            }
            3 => {
                let (a, v, m) = (
                    self.actor(),
                    self.rng.pick(&self.contribute).clone(),
                    self.mission(),
                );
                let amount = 1 + self.rng.below(500);
                if self.rng.chance(0.5) {
                    format!("{a} {v} ${amount} million to the {m}.")
                } else {
                    format!("{a} {v} {},000 troops to the {m}.", 1 + amount / 50)
                }
            }
            4 => {
                let (a, v, m) = (
                    self.actor(),
                    self.rng.pick(&self.lead).clone(),
                    self.mission(),
                );
                format!("{a} {v} the {m}.")
            }
            5 => {
                let a = self.actor();
                let v = if self.rng.chance(0.7) {
                    self.rng.pick(&self.vote_for).clone()
                } else {
                    self.rng.pick(&self.vote_against).clone()
                };
                format!("{a} {v} Resolution {}.", 2000 + self.rng.below(800))
            }
            6 => {
                let p = self.rng.pick(&self.people).clone();
                let (v, m) = (self.rng.pick(&self.support).clone(), self.mission());
                format!("{p} {v} the {m} in a speech {}.", self.rng.pick(DAYS))
            }
            _ => {
                let place = self.rng.pick(&self.capitals).clone();
                format!(
                    "Delegates met in {place} {} to discuss {}, and talks are expected to continue.",
                    self.rng.pick(DAYS),
                    self.rng.pick(TOPICS)
                )
            }
        }
    }

    /// The next article: a title and a few paragraphs (about 1.5 KB).
    pub fn document(&mut self) -> Document {
        self.next += 1;
        let m = self.mission();
        let mut text = format!("Security Council debates the {m}\n\n");
        for _ in 0..4 {
            for _ in 0..3 {
                text.push_str(&self.sentence());
                text.push(' ');
            }
            text.pop();
            text.push_str("\n\n");
        }
        Document::new(&format!("article-{:07}.txt", self.next), &text)
    }

    /// Articles until their text adds up to at least `bytes`.
    pub fn documents(&mut self, bytes: usize) -> Vec<Document> {
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let d = self.document();
            total += d.text.len();
            out.push(d);
        }
        out
    }

    /// Write articles of at least `bytes` in all as `.txt` files in `dir`
    /// (created if needed); returns how many.
    pub fn write(&mut self, dir: &Path, bytes: usize) -> std::io::Result<usize> {
        std::fs::create_dir_all(dir)?;
        let mut total = 0;
        let mut count = 0;
        while total < bytes {
            let d = self.document();
            total += d.text.len();
            std::fs::write(dir.join(&d.info.name), &d.text)?;
            count += 1;
        }
        Ok(count)
    }
}

/// The relationship types of a generated graph, with their share (in
/// percent) and the labels they join.
const REL_MIX: &[(&str, u32, NodeLabel, NodeLabel)] = &[
    ("MENTIONS", 50, NodeLabel::Document, NodeLabel::Actor),
    ("SUPPORTS", 14, NodeLabel::Actor, NodeLabel::Mission),
    ("OPPOSES", 8, NodeLabel::Actor, NodeLabel::Mission),
    ("CONTRIBUTES", 12, NodeLabel::Actor, NodeLabel::Mission),
    ("LEADS", 4, NodeLabel::Actor, NodeLabel::Mission),
    ("ABSTAINS", 4, NodeLabel::Actor, NodeLabel::Resolution),
    ("SUPPORTS", 4, NodeLabel::Actor, NodeLabel::Resolution),
    ("LOCATED_IN", 4, NodeLabel::Mission, NodeLabel::Actor),
];

/// The name of the `i`-th generated node of a label: lexicon names first,
/// then numbered variants of them.
fn node_name(names: &[String], label: NodeLabel, i: usize) -> String {
    match label {
        NodeLabel::Document => format!("article-{i:07}.txt"),
        NodeLabel::Resolution => format!("Resolution {}", 1000 + i),
        _ if i < names.len() => names[i].clone(),
        _ => format!("{} {}", names[i % names.len()], i / names.len() + 1),
    }
}

/// A graph of `nodes` nodes and `rels` relationships with the schema's
/// labels, properties and relationship types, built through the [`Graph`]
/// API. Nodes are 50% actors, 20% documents, 20% missions and 10%
/// resolutions; actors and missions are named from the lexicons (numbered
/// once the lexicon runs out), and popular ones get far more
/// relationships than others.
pub fn graph(nodes: usize, rels: usize, seed: u64) -> Graph {
    let lexicon = Lexicon::builtin();
    let mut rng = Rng::new(seed);
    let mut actor_names = Vec::new();
    let mut mission_names = Vec::new();
    for e in &lexicon.entries {
        match e.label {
            NodeLabel::Mission => mission_names.push(e.name.clone()),
            _ => actor_names.push(e.name.clone()),
        }
    }
    let kinds = ["country", "organization", "force", "group", "person"];
    let mut g = Graph::new();
    let share = [
        (NodeLabel::Actor, 50),
        (NodeLabel::Document, 20),
        (NodeLabel::Mission, 20),
        (NodeLabel::Resolution, 10),
    ];
    let mut by_label: Vec<(NodeLabel, Vec<NodeId>)> = Vec::new();
    let mut made = 0;
    for (k, (label, pct)) in share.iter().enumerate() {
        let n = if k + 1 == share.len() {
            nodes - made
        } else {
            nodes * pct / 100
        };
        made += n;
        let mut ids = Vec::with_capacity(n);
        for i in 0..n {
            let names = if *label == NodeLabel::Mission {
                &mission_names
            } else {
                &actor_names
            };
            let name = node_name(names, *label, i);
            let props: Vec<(&str, Value)> = match label {
                NodeLabel::Actor => vec![
                    (keys::KIND, Value::str(kinds[rng.skewed(kinds.len())])),
                    (
                        keys::ALIASES,
                        Value::List(vec![Value::str(&name.to_uppercase())]),
                    ),
                ],
                NodeLabel::Mission => vec![
                    (
                        keys::PERSONNEL_PLANNED,
                        Value::Int(100 * (1 + rng.below(100)) as i64),
                    ),
                    (
                        keys::ANNUAL_COST,
                        Value::Int(1_000_000 * (1 + rng.below(900)) as i64),
                    ),
                    (keys::ANNUAL_COST_UNIT, Value::str("USD")),
                ],
                NodeLabel::Document => vec![
                    (
                        keys::TITLE,
                        Value::str("Security Council debates the mission"),
                    ),
                    (
                        keys::DATE,
                        Value::str(&format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                    ),
                ],
                NodeLabel::Resolution => vec![],
            };
            let id = g.add_node(
                [label.as_str()],
                std::iter::once((keys::NAME, Value::str(&name))).chain(props),
            );
            ids.push(id);
        }
        by_label.push((*label, ids));
    }
    let of = |label: NodeLabel| -> &[NodeId] {
        by_label
            .iter()
            .find(|(l, _)| *l == label)
            .map_or(&[], |(_, ids)| ids.as_slice())
    };
    let total: u32 = REL_MIX.iter().map(|m| m.1).sum();
    let evidence = Value::List(vec![Value::str(
        "The council voted to extend the mission for another year.",
    )]);
    for _ in 0..rels {
        let mut roll = rng.below(total as usize) as u32;
        let &(rel_type, _, from_label, to_label) = REL_MIX
            .iter()
            .find(|m| {
                if roll < m.1 {
                    true
                } else {
                    roll -= m.1;
                    false
                }
            })
            .unwrap_or(&REL_MIX[0]);
        let (from, to) = (of(from_label), of(to_label));
        if from.is_empty() || to.is_empty() {
            continue;
        }
        let a = if from_label == NodeLabel::Document {
            from[rng.below(from.len())]
        } else {
            from[rng.skewed(from.len())]
        };
        let b = to[rng.skewed(to.len())];
        let doc = format!(
            "article-{:07}.txt",
            rng.below(of(NodeLabel::Document).len().max(1))
        );
        let props: Vec<(&str, Value)> = match rel_type {
            "MENTIONS" => vec![(keys::COUNT, Value::Int(1 + rng.below(5) as i64))],
            "CONTRIBUTES" => vec![
                (
                    keys::KIND,
                    Value::str(if rng.chance(0.5) {
                        "money"
                    } else {
                        "personnel"
                    }),
                ),
                (
                    keys::AMOUNT,
                    Value::Int(1_000_000 * (1 + rng.below(500)) as i64),
                ),
                (keys::UNIT, Value::str("USD")),
                (keys::NEGATED, Value::Bool(rng.chance(0.05))),
                (keys::SOURCES, Value::List(vec![Value::str(&doc)])),
                (keys::EVIDENCE, evidence.clone()),
                (keys::MENTIONS, Value::Int(1)),
            ],
            _ => vec![
                (keys::NEGATED, Value::Bool(rng.chance(0.05))),
                (keys::HEDGED, Value::Bool(rng.chance(0.1))),
                (keys::SOURCES, Value::List(vec![Value::str(&doc)])),
                (keys::EVIDENCE, evidence.clone()),
                (keys::MENTIONS, Value::Int(1)),
            ],
        };
        g.add_rel(a, b, rel_type, props);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_take_the_third_person() {
        assert_eq!(third_person("push for"), "pushes for");
        assert_eq!(third_person("rally behind"), "rallies behind");
        assert_eq!(third_person("seek|sought"), "seeks");
        assert_eq!(third_person("veto"), "vetoes");
        assert_eq!(third_person("back"), "backs");
    }

    #[test]
    fn generated_articles_read_like_news_and_state_facts() {
        let docs = Corpus::new(1).documents(30_000);
        assert!(docs[0].text.starts_with("Security Council debates the "));
        let g = Graph::from_documents(&docs, &crate::Extractor::new());
        let types = g.rel_type_counts();
        for t in ["SUPPORTS", "OPPOSES", "CONTRIBUTES", "LEADS", "MENTIONS"] {
            assert!(
                types.iter().any(|(name, n)| name == t && *n > 0),
                "{t}: {types:?}"
            );
        }
        assert_eq!(
            Corpus::new(1).documents(5_000)[3].text,
            Corpus::new(1).documents(5_000)[3].text
        );
    }

    #[test]
    fn generated_graphs_have_the_schema_and_the_sizes_asked_for() {
        let g = graph(2_000, 10_000, 3);
        assert_eq!((g.node_count(), g.rel_count()), (2_000, 10_000));
        assert_eq!(g.label_count("Actor"), 1_000);
        let r = g
            .query("MATCH (a:Actor)-[r:SUPPORTS]->(m:Mission) RETURN count(*) > 0, min(size(r.sources))")
            .unwrap();
        assert_eq!(r.rows[0], [Value::Bool(true), Value::Int(1)]);
    }
}
