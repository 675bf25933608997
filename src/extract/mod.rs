//! The extractor: a document's text in, its entities and facts (with
//! evidence) out. Stages, each in its own file:
//! `text` (sentences, tokens) -> `mentions` (lexicon and patterns) ->
//! `resolve` (coreference) -> `relations` (triggers and their frames).
//!
//! Extraction never fails on text: whatever it cannot read it reports in
//! the explanation (see [`Extractor::explain`]).

pub mod amount;
mod claims;
mod ends;
pub mod lexicon;
pub mod mentions;
pub mod relations;
pub mod resolve;
mod starts;
pub mod text;

use foldhash::{HashMap, HashMapExt};
use std::fmt::Write;

pub use lexicon::{Lexicon, LexiconError};

use crate::model::{DocumentFacts, DocumentInfo, Entity, Evidence, Fact, NodeLabel, RelType};
use crate::value::Value;

/// A document to read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Name, title, path, date.
    pub info: DocumentInfo,
    /// The text.
    pub text: String,
}

impl Document {
    /// A document from a name and text; the title is the first line.
    pub fn new(name: &str, text: &str) -> Document {
        let title = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
        Document {
            info: DocumentInfo {
                name: name.to_string(),
                title,
                path: name.to_string(),
                ..DocumentInfo::default()
            },
            text: text.to_string(),
        }
    }
}

/// Reads documents into facts, with a lexicon.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    lexicon: Lexicon,
}

/// What the extractor saw in one sentence, for `explain`.
#[derive(Debug, Clone, Default)]
pub struct SentenceReport {
    /// The sentence.
    pub text: String,
    /// Mentions: text, entity, how.
    pub mentions: Vec<(String, String, &'static str)>,
    /// Facts: a one-line description and the rule.
    pub facts: Vec<(String, &'static str)>,
    /// Trigger words that produced nothing.
    pub unmatched_triggers: Vec<String>,
    /// Capitalised phrases that matched no entity.
    pub unknown_names: Vec<String>,
    /// Pronouns and descriptions that found no referent.
    pub unresolved: Vec<String>,
}

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// An extractor with a given lexicon (built-in plus user files).
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        Extractor { lexicon }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extract the entities and facts of a document.
    pub fn extract(&self, doc: &Document) -> DocumentFacts {
        self.run(doc, false).0
    }

    /// Extract, and report sentence by sentence what was found, by which
    /// rule, and what matched nothing.
    pub fn explain(&self, doc: &Document) -> (DocumentFacts, Vec<SentenceReport>) {
        self.run(doc, true)
    }

    /// Extract, and with `explain` also report sentence by sentence (the
    /// reports cost a string per mention and fact, which plain extraction
    /// does without).
    fn run(&self, doc: &Document, explain: bool) -> (DocumentFacts, Vec<SentenceReport>) {
        let mut model = mentions::analyze(&doc.text, &self.lexicon);
        let unresolved = resolve::resolve(&mut model, &self.lexicon);
        let rels = relations::read(&model, &self.lexicon);

        // Entities that the graph will hold: every named one with a mention.
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in &model.mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        // "the OSCE mission in Georgia" names the OSCE too.
        for owner in model.anaphors.iter().filter_map(|a| a.owner) {
            *counts.entry(owner).or_default() += 1;
        }
        let mut index = HashMap::new();
        let mut entities = Vec::new();
        for (i, e) in model.entities.iter_mut().enumerate() {
            if e.implicit || !counts.contains_key(&i) {
                continue;
            }
            let mut attributes: Vec<(&'static str, Value)> = Vec::new();
            for (ent, key, value) in &rels.attributes {
                if *ent == i && !attributes.iter().any(|(k, _)| k == key) {
                    attributes.push((key, value.clone()));
                }
            }
            index.insert(i, entities.len());
            // Only explanations read the model's names after this.
            let (name, aliases) = if explain {
                (e.name.clone(), e.aliases.clone())
            } else {
                (std::mem::take(&mut e.name), std::mem::take(&mut e.aliases))
            };
            entities.push(Entity {
                label: Some(e.label),
                name,
                aliases,
                kind: e.kind,
                attributes,
                mentions: counts.get(&i).copied().unwrap_or(0),
            });
        }
        let sentence_text = |s: usize| {
            let sp = model.sentences[s].span;
            doc.text[sp.start..sp.end].to_string()
        };
        let mut facts = Vec::new();
        let mut reports: Vec<SentenceReport> = if explain {
            model
                .sentences
                .iter()
                .map(|s| SentenceReport {
                    text: doc.text[s.span.start..s.span.end].to_string(),
                    ..SentenceReport::default()
                })
                .collect()
        } else {
            Vec::new()
        };
        for f in &rels.facts {
            let (Some(&from), Some(&to)) = (index.get(&f.from), index.get(&f.to)) else {
                continue;
            };
            if explain {
                let mut line = format!(
                    "{} -[{}]-> {}",
                    model.entities[f.from].name, f.rel, model.entities[f.to].name
                );
                describe_props(&mut line, &f.props);
                if let Some(t) = f.trigger {
                    let _ = write!(
                        line,
                        "   (trigger \"{}\")",
                        &doc.text[t.start..t.end.min(doc.text.len())]
                    );
                }
                reports[f.sentence].facts.push((line, f.rule));
            }
            facts.push(Fact {
                rel: f.rel,
                from,
                to,
                props: f.props.clone(),
                evidence: Evidence {
                    document: doc.info.name.clone(),
                    sentence_index: f.sentence,
                    sentence: sentence_text(f.sentence),
                    actor: f.actor,
                    trigger: f.trigger,
                    amount: f.amount,
                    rule: f.rule,
                },
            });
        }
        // Missions are located in the countries the lexicon places them
        // in, when the document names those countries.
        for (i, e) in model.entities.iter().enumerate() {
            if e.label != NodeLabel::Mission {
                continue;
            }
            let Some(&from) = index.get(&i) else { continue };
            for loc in &e.location {
                if let Some((j, _)) = model
                    .entities
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.lexicon == Some(*loc))
                    && let Some(&to) = index.get(&j)
                {
                    let first = model
                        .mentions
                        .iter()
                        .find(|m| m.entity == i)
                        .map_or(0, |m| m.sentence);
                    facts.push(Fact {
                        rel: RelType::LocatedIn,
                        from,
                        to,
                        props: Default::default(),
                        evidence: Evidence {
                            document: doc.info.name.clone(),
                            sentence_index: first,
                            sentence: sentence_text(first),
                            rule: "lexicon location",
                            ..Evidence::default()
                        },
                    });
                }
            }
        }
        if !explain {
            return (
                DocumentFacts {
                    document: doc.info.clone(),
                    entities,
                    facts,
                },
                reports,
            );
        }
        for m in &model.mentions {
            let e = &model.entities[m.entity];
            reports[m.sentence].mentions.push((
                doc.text[m.start..m.end].to_string(),
                e.name.clone(),
                m.via.name(),
            ));
        }
        for u in &rels.unmatched {
            reports[u.sentence]
                .unmatched_triggers
                .push(format!("{} ({})", u.word, u.reason));
        }
        // A name a later pattern read (a person after a role noun) is known.
        for (s, name) in &model.unknown {
            let known = model
                .mentions
                .iter()
                .any(|m| m.sentence == *s && model.text[m.start..m.end] == **name);
            if !known {
                reports[*s].unknown_names.push(name.clone());
            }
        }
        for u in unresolved {
            reports[u.sentence].unresolved.push(u.text);
        }
        (
            DocumentFacts {
                document: doc.info.clone(),
                entities,
                facts,
            },
            reports,
        )
    }
}

fn describe_props(line: &mut String, p: &crate::model::FactProps) {
    if let Some(k) = p.kind {
        let _ = write!(line, " kind={k}");
    }
    if let Some(a) = p.amount {
        let _ = write!(line, " amount={a}");
    }
    if let Some(u) = &p.unit {
        let _ = write!(line, " unit={u}");
    }
    if let Some(q) = p.qualifier {
        let _ = write!(line, " qualifier={q}");
    }
    if p.negated {
        line.push_str(" negated");
    }
    if p.hedged {
        line.push_str(" hedged");
    }
    if let Some(s) = p.status {
        let _ = write!(line, " {s}");
    }
}

/// Render an explanation as text, sentence by sentence.
pub fn render_explanation(reports: &[SentenceReport]) -> String {
    let mut out = String::new();
    for (i, r) in reports.iter().enumerate() {
        let _ = writeln!(out, "[{i}] {}", r.text);
        for (text, entity, via) in &r.mentions {
            if text == entity {
                let _ = writeln!(out, "    mention  {text} ({via})");
            } else {
                let _ = writeln!(out, "    mention  {text} -> {entity} ({via})");
            }
        }
        for (fact, rule) in &r.facts {
            let _ = writeln!(out, "    fact     {fact}   [rule: {rule}]");
        }
        for t in &r.unmatched_triggers {
            let _ = writeln!(out, "    no fact  trigger {t}");
        }
        for n in &r.unknown_names {
            let _ = writeln!(
                out,
                "    unknown  name \"{n}\" matched no lexicon entry or pattern"
            );
        }
        for u in &r.unresolved {
            let _ = writeln!(out, "    unresolved \"{u}\"");
        }
    }
    out
}
