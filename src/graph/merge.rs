//! Merging one document's extracted facts into the graph: entity resolution
//! across documents and one relationship per fact, however often stated.

use super::provenance::ProvenanceIndex;
use super::{Direction, Graph, NameKeys, Symbol, eix, normalize_name, rid, with_normalized};
use crate::model::{ContributionKind, DocumentFacts, Entity, Fact, NodeLabel, RelType, keys};
use crate::value::{NodeId, RelId, Value};

/// The symbols of the keys and the relationship type the merge asks for
/// at every entity, looked up once a merge rather than hashed at every
/// question. A key not interned yet is looked up again when next asked
/// (the merge itself may intern it); an interned one never changes.
#[derive(Default)]
struct Known {
    name: Option<Symbol>,
    aliases: Option<Symbol>,
    kind: Option<Symbol>,
    /// `MENTIONS` and its `count`, once the merge has interned them.
    mentions: Option<(Symbol, Symbol)>,
}

impl Known {
    fn key(g: &Graph, slot: &mut Option<Symbol>, key: &str) -> Option<Symbol> {
        if slot.is_none() {
            *slot = g.symbol(key);
        }
        *slot
    }
}

/// What a merge added to the graph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeStats {
    /// Nodes created (entities and the document).
    pub nodes_created: usize,
    /// Entities resolved to nodes already in the graph.
    pub nodes_merged: usize,
    /// Relationships created.
    pub rels_created: usize,
    /// Facts that added evidence to an existing relationship.
    pub rels_merged: usize,
}

impl Graph {
    /// Add one document's entities and facts: each entity becomes the node
    /// it resolves to (or a new one), each fact a relationship carrying
    /// `sources`, `evidence` and `mentions`, and the document a `Document`
    /// node with `MENTIONS` to what it names.
    pub fn merge(&mut self, doc: &DocumentFacts) -> MergeStats {
        let mut stats = MergeStats::default();
        let doc_node = self.document_node(doc, &mut stats);
        let mut ids = Vec::with_capacity(doc.entities.len());
        let mut known = Known::default();
        let mut name_keys = std::mem::take(&mut self.name_keys);
        for entity in &doc.entities {
            let id = match self.resolve(entity, &mut name_keys) {
                Some(id) => {
                    stats.nodes_merged += 1;
                    self.absorb(id, entity, &mut known);
                    id
                }
                None => {
                    stats.nodes_created += 1;
                    self.create_entity(entity)
                }
            };
            ids.push(id);
            if entity.mentions > 0 && entity.label != Some(NodeLabel::Resolution) {
                self.add_mentions(doc_node, id, entity.mentions, &mut known);
            }
        }
        self.name_keys = name_keys;
        let mut shared = SharedText::default();
        for fact in &doc.facts {
            let (from, to) = (ids[fact.from], ids[fact.to]);
            if from == to {
                continue;
            }
            match self.matching_fact(from, to, fact) {
                Some(rel) => {
                    stats.rels_merged += 1;
                    self.add_evidence(rel, fact, &mut shared);
                    self.add_date(rel, doc.document.date.as_deref());
                }
                None => {
                    stats.rels_created += 1;
                    let date = doc.document.date.as_deref();
                    let props = new_fact_properties(fact, date, &mut shared);
                    self.add_rel_static(from, to, fact.rel.as_str(), props);
                }
            }
        }
        stats
    }

    fn document_node(&mut self, doc: &DocumentFacts, stats: &mut MergeStats) -> NodeId {
        let label = NodeLabel::Document.as_str();
        let existing = self
            .nodes_by_property(keys::NAME, &Value::str(&doc.document.name))
            .unwrap_or_default()
            .into_iter()
            .find(|&n| self.has_label(n, label));
        if let Some(id) = existing {
            return id;
        }
        stats.nodes_created += 1;
        let d = &doc.document;
        let mut props = vec![
            (keys::NAME, Value::str(&d.name)),
            (keys::TITLE, Value::str(&d.title)),
            (keys::PATH, Value::str(&d.path)),
        ];
        if let Some(date) = &d.date {
            props.push((keys::DATE, Value::str(date)));
        }
        if let Some(url) = &d.url {
            props.push(("url", Value::str(url)));
        }
        self.add_node([label], props)
    }

    /// The node an entity stands for: same label (and compatible kind),
    /// and either its canonical name is one of the node's names or the
    /// node's canonical name is one of its aliases. Aliases alone never
    /// merge two entities, so two people who share a surname stay apart.
    fn resolve(&self, entity: &Entity, name_keys: &mut NameKeys) -> Option<NodeId> {
        let label = entity.label?.as_str();
        // The symbols of the label and of `kind`, looked up once rather
        // than for every candidate (the symbol table only grows).
        let label = self.symbol(label);
        let kind = self.symbol(keys::KIND);
        let compatible = |n: NodeId| {
            label.is_some_and(|label| self.has_label_symbol(n, label))
                && match (
                    entity.kind,
                    kind.and_then(|k| self.node_property_symbol(n, k))
                        .and_then(Value::as_str),
                ) {
                    (Some(k), Some(existing)) => k.as_str() == existing,
                    _ => true,
                }
        };
        if let Some(n) = self
            .nodes_by_name_keyed(&entity.name, name_keys)
            .into_iter()
            .find(|&n| compatible(n))
        {
            return Some(n);
        }
        for alias in &entity.aliases {
            let wanted = normalize_name(alias);
            let found = self.nodes_by_name(alias).find(|&n| {
                compatible(n)
                    && self
                        .node_property(n, keys::NAME)
                        .and_then(Value::as_str)
                        .is_some_and(|name| normalize_name(name) == wanted)
            });
            if found.is_some() {
                return found;
            }
        }
        None
    }

    fn create_entity(&mut self, entity: &Entity) -> NodeId {
        let label = entity.label.unwrap_or(NodeLabel::Actor).as_str();
        let mut props = vec![
            (keys::NAME, Value::str(&entity.name)),
            (keys::ALIASES, string_list(&entity.aliases)),
        ];
        if let Some(kind) = entity.kind {
            props.push((keys::KIND, Value::str(kind.as_str())));
        }
        props.extend(entity.attributes.iter().cloned());
        self.add_node([label], props)
    }

    /// Fold a newly found entity into the node it resolved to: new aliases
    /// are added, and attributes the node lacks are filled in.
    fn absorb(&mut self, id: NodeId, entity: &Entity, known: &mut Known) {
        let name_key = Known::key(self, &mut known.name, keys::NAME);
        let aliases_key = Known::key(self, &mut known.aliases, keys::ALIASES);
        let name = name_key
            .and_then(|k| self.node_property_symbol(id, k))
            .and_then(Value::as_str);
        let current = aliases_key.and_then(|k| self.node_property_symbol(id, k));
        let clean = is_string_list(current);
        let indexed = name.is_some() && (clean || current.is_none());
        if indexed {
            self.absorb_names(id, entity, name_key, aliases_key);
        } else {
            self.absorb_names_unindexed(id, entity);
        }
        let kind_key = Known::key(self, &mut known.kind, keys::KIND);
        if kind_key
            .and_then(|k| self.node_property_symbol(id, k))
            .is_none()
            && let Some(kind) = entity.kind
        {
            self.set_node_property(id, keys::KIND, Value::str(kind.as_str()));
        }
        for (k, v) in &entity.attributes {
            if self.node_property(id, k).is_none() {
                self.set_node_property(id, k, v.clone());
            }
        }
    }

    /// The new names of an entity added to the aliases of the node it
    /// resolved to, when the name index holds the node's names: "already
    /// one of its names" is a look-up there, and nothing is copied unless
    /// a name is new (nearly always none is).
    fn absorb_names(
        &mut self,
        id: NodeId,
        entity: &Entity,
        name_key: Option<Symbol>,
        aliases_key: Option<Symbol>,
    ) {
        let name = name_key
            .and_then(|k| self.node_property_symbol(id, k))
            .and_then(Value::as_str);
        let current = aliases_key.and_then(|k| self.node_property_symbol(id, k));
        let aliases: &[Value] = match current {
            Some(Value::List(items)) => items,
            _ => &[],
        };
        let mut added: Vec<(String, &String)> = Vec::new();
        for (k, alias) in std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .enumerate()
        {
            // The node's own names, as written, are in the index: the
            // same text needs no look-up (nearly every name is one). A
            // node's aliases began as those of the first entity that made
            // it, in the order the next entity of that lexicon entry lists
            // them again: the alias at the same place is looked at before
            // the others.
            let same_place = k.checked_sub(1).and_then(|k| aliases.get(k));
            if same_place.is_some_and(|a| a.as_str() == Some(alias)) {
                continue;
            }
            if name == Some(alias.as_str()) || aliases.iter().any(|a| a.as_str() == Some(alias)) {
                continue;
            }
            // The index holds the node's name too, so a name that
            // normalizes like it is found there.
            let new = with_normalized(alias, |key| {
                let known = added.iter().any(|(n, _)| n == key) || self.indexed_under_name(id, key);
                (!known).then(|| key.to_string())
            });
            if let Some(key) = new {
                added.push((key, alias));
            }
        }
        // A node without aliases gets the list, even an empty one.
        if added.is_empty() && current.is_some() {
            return;
        }
        let mut aliases: Vec<Value> = match current {
            Some(Value::List(items)) => items.clone(),
            _ => Vec::new(),
        };
        aliases.extend(added.iter().map(|(_, a)| Value::str(a)));
        self.set_node_property(id, keys::ALIASES, Value::List(aliases));
    }

    /// [`Graph::absorb_names`] for a node whose aliases are not (only)
    /// strings or that has no name: its names are compared one by one, and
    /// the aliases are rewritten as a list of strings.
    fn absorb_names_unindexed(&mut self, id: NodeId, entity: &Entity) {
        let name = self.node_property(id, keys::NAME).and_then(Value::as_str);
        let canonical = name.map(normalize_name).unwrap_or_default();
        let current = self.node_property(id, keys::ALIASES);
        let clean = is_string_list(current);
        let mut aliases: Vec<String> = match current {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        };
        let mut seen: Vec<String> = aliases.iter().map(|a| normalize_name(a)).collect();
        let mut changed = false;
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let n = normalize_name(name);
            let known = n == canonical || seen.contains(&n);
            if !known {
                seen.push(n);
                aliases.push(name.clone());
                changed = true;
            }
        }
        // Setting the same list again would only re-index every name.
        if changed || !clean {
            self.set_node_property(id, keys::ALIASES, string_list(&aliases));
        }
    }

    fn add_mentions(&mut self, doc: NodeId, entity: NodeId, count: usize, known: &mut Known) {
        let mentions = RelType::Mentions.as_str();
        let sym = known
            .mentions
            .map(|(t, _)| t)
            .or_else(|| self.symbol(mentions));
        let existing = sym.and_then(|s| {
            self.edges(doc, Direction::Outgoing, Some(&[s]))
                .find(|&(_, other)| other == entity)
                .map(|(r, _)| r)
        });
        match existing {
            Some(rel) => {
                let old = self
                    .rel_property(rel, keys::COUNT)
                    .and_then(Value::as_int)
                    .unwrap_or(0);
                self.set_rel_property(rel, keys::COUNT, Value::Int(old + count as i64));
            }
            None => {
                // Interned as `add_rel` would intern them: the type, then the key.
                let (rel_type, count_key) = *known.mentions.get_or_insert_with(|| {
                    (
                        self.symbols.intern(mentions),
                        self.symbols.intern(keys::COUNT),
                    )
                });
                self.add_rel_symbols(
                    doc,
                    entity,
                    rel_type,
                    [(count_key, Value::Int(count as i64))],
                );
            }
        }
    }

    /// The relationship that already states this fact: same type, ends,
    /// contribution kind and negation, and no conflicting amount.
    fn matching_fact(&self, from: NodeId, to: NodeId, fact: &Fact) -> Option<RelId> {
        let sym = self.symbol(fact.rel.as_str())?;
        let kind = fact.props.kind.map(ContributionKind::as_str);
        let amount = fact.props.amount;
        let candidates: Vec<RelId> = self
            .rels_between(from, to)
            .filter(|&r| self.rel_type_symbol(r) == Some(sym))
            .filter(|&r| self.rel_property(r, keys::KIND).and_then(Value::as_str) == kind)
            .filter(|&r| {
                self.rel_property(r, keys::NEGATED) == Some(&Value::Bool(fact.props.negated))
                    || (!fact.props.negated && self.rel_property(r, keys::NEGATED).is_none())
            })
            .collect();
        let same_amount = |r: RelId| match (
            self.rel_property(r, keys::AMOUNT).and_then(Value::as_f64),
            amount,
        ) {
            (Some(a), Some(b)) => (a - b).abs() <= f64::EPSILON * a.abs().max(1.0),
            _ => false,
        };
        candidates
            .iter()
            .copied()
            .find(|&r| same_amount(r))
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&r| amount.is_none() || self.rel_property(r, keys::AMOUNT).is_none())
            })
    }

    fn add_evidence(&mut self, rel: RelId, fact: &Fact, shared: &mut SharedText) {
        let ev = &fact.evidence;
        let location = ev.location();
        // Provenance lists grow with every statement of a fact, so they are
        // appended to in place (copying them at each merge made building
        // quadratic in how often a fact is stated), and whether a list
        // already holds the document or the span is a question for the
        // provenance index, not a scan of the list.
        let new_span = !self.provenance_holds(rel, keys::EVIDENCE_SPANS, &location);
        if !self.provenance_holds(rel, keys::SOURCES, &ev.document) {
            let doc = SharedText::value(&mut shared.document, &ev.document);
            self.push_provenance(rel, keys::SOURCES, doc);
        } else {
            // The list is made a list of strings all the same.
            self.string_list_mut(rel, keys::SOURCES);
        }
        if new_span {
            let sentence = SharedText::value(&mut shared.sentence, &ev.sentence);
            self.push_provenance(rel, keys::EVIDENCE, sentence);
            self.push_provenance(rel, keys::EVIDENCE_SPANS, Value::from(location));
        } else {
            self.string_list_mut(rel, keys::EVIDENCE);
            self.string_list_mut(rel, keys::EVIDENCE_SPANS);
        }
        let mentions = self
            .rel_property(rel, keys::MENTIONS)
            .and_then(Value::as_int)
            .unwrap_or(0)
            + 1;
        self.set_rel_property(rel, keys::MENTIONS, Value::Int(mentions));
        // A fact stated plainly once is not hedged, whatever else was said.
        if !fact.props.hedged && self.rel_property(rel, keys::HEDGED) == Some(&Value::Bool(true)) {
            self.set_rel_property(rel, keys::HEDGED, Value::Bool(false));
        }
        if let Some(status) = fact.props.status {
            self.set_rel_property(rel, keys::STATUS, Value::str(status.as_str()));
        }
        if let Some(amount) = fact.props.amount
            && self.rel_property(rel, keys::AMOUNT).is_none()
        {
            self.set_rel_property(rel, keys::AMOUNT, number(amount));
            if let Some(unit) = &fact.props.unit {
                self.set_rel_property(rel, keys::UNIT, Value::str(unit));
            }
            if let Some(q) = fact.props.qualifier {
                self.set_rel_property(rel, keys::QUALIFIER, Value::str(q.as_str()));
            }
        }
    }

    /// Date a fact by the documents that state it: `dates` holds their
    /// distinct dates in order, `date` the first of them (when the fact was
    /// first reported), so stances can be followed over time.
    fn add_date(&mut self, rel: RelId, date: Option<&str>) {
        let Some(date) = date else { return };
        if !self.is_string_list_rel(rel, keys::DATES) {
            let mut dates = self.string_list_property(rel, keys::DATES);
            if let Err(at) = dates.binary_search_by(|d| d.as_str().cmp(date)) {
                dates.insert(at, date.to_string());
            }
            self.set_rel_property(rel, keys::DATE, Value::str(&dates[0]));
            self.set_rel_property(rel, keys::DATES, string_list(&dates));
            return;
        }
        let items: &[Value] = match self.rel_property(rel, keys::DATES) {
            Some(Value::List(items)) => items,
            _ => &[],
        };
        let at = items
            .binary_search_by(|d| d.as_str().unwrap_or_default().cmp(date))
            .err();
        let first = match items.first() {
            Some(first) if at != Some(0) => first.clone(),
            _ => Value::str(date),
        };
        self.set_rel_property(rel, keys::DATE, first);
        if let Some(dates) = self.string_list_mut(rel, keys::DATES)
            && let Some(at) = at
        {
            dates.insert(at, Value::str(date));
        }
    }

    /// Whether the list under `key` holds the string `s` (false when the
    /// property is no list).
    fn provenance_holds(&mut self, rel: RelId, key: &str, s: &str) -> bool {
        let Some(sym) = self.symbol(key) else {
            return false;
        };
        self.build_provenance_index();
        match (
            &self.provenance,
            self.inner
                .edge_weight(eix(rel))
                .and_then(|r| r.props.get(sym)),
        ) {
            (Some(ix), Some(Value::List(items))) => ix.holds(rel, sym, items, s),
            _ => false,
        }
    }

    /// The provenance index, built from every relationship on the first
    /// question (a graph that is only queried never pays for it).
    fn build_provenance_index(&mut self) {
        if self.provenance.is_none() {
            let searched = [keys::SOURCES, keys::EVIDENCE_SPANS].map(|k| self.symbols.intern(k));
            let shaped = [
                keys::SOURCES,
                keys::EVIDENCE_SPANS,
                keys::EVIDENCE,
                keys::DATES,
            ]
            .map(|k| self.symbols.intern(k));
            let mut ix = ProvenanceIndex::new(searched.to_vec(), shaped.to_vec());
            for e in self.inner.edge_indices() {
                for key in shaped {
                    ix.add_value(rid(e), key, self.inner[e].props.get(key));
                }
            }
            self.provenance = Some(ix);
        }
    }

    /// Append a string to the list of strings under `key` (made one first,
    /// as [`Graph::string_list_mut`] does), keeping the provenance index.
    fn push_provenance(&mut self, rel: RelId, key: &str, value: Value) {
        if self.string_list_mut(rel, key).is_none() {
            return;
        }
        let Some(sym) = self.symbol(key) else { return };
        let Some(Value::List(items)) = self
            .inner
            .edge_weight_mut(eix(rel))
            .and_then(|r| r.props.get_mut(sym))
        else {
            return;
        };
        items.push(value);
        if let Some(ix) = &mut self.provenance
            && ix.covers(sym)
            && let Some(s) = items.last().and_then(Value::as_str)
        {
            ix.pushed(rel, sym, items, s);
        }
    }

    /// Whether the relationship's value under `key` is a list of strings
    /// only: for provenance lists a question for the provenance index,
    /// since they grow with every statement of the fact.
    fn is_string_list_rel(&mut self, rel: RelId, key: &str) -> bool {
        self.build_provenance_index();
        let Some(sym) = self.symbol(key) else {
            return false;
        };
        let value = self
            .inner
            .edge_weight(eix(rel))
            .and_then(|r| r.props.get(sym));
        match &self.provenance {
            Some(ix) if ix.covers(sym) => ix.is_string_list(rel, sym, value),
            _ => is_string_list(value),
        }
    }

    /// The list of strings under `key`, to change in place. A missing
    /// property, or one that is not a list of strings, is first replaced
    /// by its strings (none when it is no list), as a copy would be.
    fn string_list_mut(&mut self, rel: RelId, key: &str) -> Option<&mut Vec<Value>> {
        if !self.is_string_list_rel(rel, key) {
            let items = self.string_list_property(rel, key);
            self.set_rel_property(rel, key, string_list(&items));
        }
        let sym = self.symbol(key)?;
        match self.rel_property_mut(rel, sym)? {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    fn string_list_property(&self, rel: RelId, key: &str) -> Vec<String> {
        match self.rel_property(rel, key) {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The document name and the sentence last written to provenance lists
/// in one merge: the facts of a document, and often several facts of a
/// sentence, share one string rather than each holding a copy.
#[derive(Default)]
struct SharedText {
    document: Option<Value>,
    sentence: Option<Value>,
}

impl SharedText {
    /// `text` as a string value, the one last made when it is the same.
    fn value(last: &mut Option<Value>, text: &str) -> Value {
        match last {
            Some(v) if v.as_str() == Some(text) => v.clone(),
            _ => last.insert(Value::str(text)).clone(),
        }
    }
}

/// The properties a new relationship starts with; provenance is added by
/// `add_evidence`.
fn fact_properties(fact: &Fact) -> Vec<(&'static str, Value)> {
    let p = &fact.props;
    // Room for a new relationship's whole list (its own properties, then
    // provenance, status and dates: sixteen at most), which
    // `new_fact_properties` adds to: grown from empty, it was copied three
    // times on the way.
    let mut props = Vec::with_capacity(16);
    if let Some(kind) = p.kind {
        props.push((keys::KIND, Value::str(kind.as_str())));
    }
    if let Some(amount) = p.amount {
        props.push((keys::AMOUNT, number(amount)));
    }
    if let Some(unit) = &p.unit {
        props.push((keys::UNIT, Value::str(unit)));
    }
    if let Some(q) = p.qualifier {
        props.push((keys::QUALIFIER, Value::str(q.as_str())));
    }
    if fact.rel.is_stance() || fact.rel == RelType::Contributes {
        props.push((keys::NEGATED, Value::Bool(p.negated)));
    }
    if fact.rel.is_stance() {
        props.push((keys::HEDGED, Value::Bool(p.hedged)));
    }
    if fact.rel == RelType::MemberOf {
        if p.permanent {
            props.push((keys::PERMANENT, Value::Bool(true)));
        }
        if p.veto {
            props.push((keys::VETO, Value::Bool(true)));
        }
    }
    props
}

/// Every property of a relationship that a fact creates: its own, then
/// its provenance, in the order [`Graph::add_evidence`] and
/// [`Graph::add_date`] would add them to a relationship without any, so
/// that it is built in one go rather than property by property.
fn new_fact_properties(
    fact: &Fact,
    date: Option<&str>,
    shared: &mut SharedText,
) -> Vec<(&'static str, Value)> {
    let ev = &fact.evidence;
    let mut props = fact_properties(fact);
    props.extend([
        (
            keys::SOURCES,
            Value::List(vec![SharedText::value(&mut shared.document, &ev.document)]),
        ),
        (
            keys::EVIDENCE,
            Value::List(vec![SharedText::value(&mut shared.sentence, &ev.sentence)]),
        ),
        (
            keys::EVIDENCE_SPANS,
            Value::List(vec![Value::from(ev.location())]),
        ),
        (keys::MENTIONS, Value::Int(1)),
    ]);
    // Stated once: `hedged` is the fact's own, and its amount is set above.
    if let Some(status) = fact.props.status {
        props.push((keys::STATUS, Value::str(status.as_str())));
    }
    if let Some(date) = date {
        props.push((keys::DATE, Value::str(date)));
        props.push((keys::DATES, Value::List(vec![Value::str(date)])));
    }
    props
}

/// Whole amounts are stored as integers, so `300000000` reads as such.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::Int(x as i64)
    } else {
        Value::Float(x)
    }
}

/// Whether a property is a list of strings only, the shape the merge
/// writes and can append to as it is.
fn is_string_list(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::List(items)) if items.iter().all(|v| matches!(v, Value::String(_))))
}

fn string_list(items: &[String]) -> Value {
    Value::List(items.iter().map(|s| Value::str(s)).collect())
}

/// Per-document tally of mentions, used by tests of the merge.
#[cfg(test)]
fn mention_counts(g: &Graph) -> std::collections::HashMap<String, i64> {
    use std::collections::HashMap;
    let mut out = HashMap::new();
    for r in g.rels() {
        if g.rel_type(r) == "MENTIONS" {
            let (_, b) = g.rel_endpoints(r).unwrap();
            let name = g
                .node_property(b, "name")
                .and_then(Value::as_str)
                .unwrap()
                .to_string();
            *out.entry(name).or_default() +=
                g.rel_property(r, "count").and_then(Value::as_int).unwrap();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, DocumentInfo, Evidence, FactProps};

    fn doc(name: &str, entities: Vec<Entity>, facts: Vec<Fact>) -> DocumentFacts {
        DocumentFacts {
            document: DocumentInfo {
                name: name.into(),
                ..Default::default()
            },
            entities,
            facts,
        }
    }

    fn actor(name: &str, aliases: &[&str], kind: ActorKind) -> Entity {
        Entity {
            label: Some(NodeLabel::Actor),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: Some(kind),
            attributes: vec![],
            mentions: 1,
        }
    }

    fn supports(from: usize, to: usize, docname: &str, sentence: &str) -> Fact {
        Fact {
            rel: RelType::Supports,
            from,
            to,
            props: FactProps::default(),
            evidence: Evidence {
                document: docname.into(),
                sentence: sentence.into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn one_node_per_entity_and_one_edge_per_fact_across_documents() {
        let mut g = Graph::new();
        g.merge(&doc(
            "a.txt",
            vec![
                actor("United States", &["U.S."], ActorKind::Country),
                actor("Kenya", &[], ActorKind::Country),
            ],
            vec![supports(0, 1, "a.txt", "The U.S. backs Kenya.")],
        ));
        let stats = g.merge(&doc(
            "b.txt",
            vec![
                actor("Kenya", &["Nairobi"], ActorKind::Country),
                actor("United States", &["Washington"], ActorKind::Country),
            ],
            vec![supports(1, 0, "b.txt", "Washington supports Nairobi.")],
        ));
        assert_eq!(stats.nodes_merged, 2);
        assert_eq!(stats.rels_merged, 1);
        assert_eq!(g.label_count("Actor"), 2);
        let rel = g.rels().find(|&r| g.rel_type(r) == "SUPPORTS").unwrap();
        assert_eq!(g.rel_property(rel, "mentions"), Some(&Value::Int(2)));
        assert_eq!(
            g.rel_property(rel, "sources"),
            Some(&Value::from(vec!["a.txt", "b.txt"]))
        );
        let us = g.nodes_by_name("Washington").next().unwrap();
        assert_eq!(
            g.node_property(us, "aliases"),
            Some(&Value::from(vec!["U.S.", "Washington"]))
        );
        assert_eq!(mention_counts(&g)["Kenya"], 2);
    }

    #[test]
    fn facts_carry_the_dates_of_the_documents_that_state_them() {
        let mut g = Graph::new();
        let actors = || {
            vec![
                actor("United States", &[], ActorKind::Country),
                actor("Kenya", &[], ActorKind::Country),
            ]
        };
        for (name, date) in [
            ("b", Some("2024-05-01")),
            ("a", Some("2024-03-12")),
            ("c", None),
        ] {
            let mut d = doc(
                name,
                actors(),
                vec![supports(0, 1, name, "The U.S. backs Kenya.")],
            );
            d.document.date = date.map(str::to_string);
            g.merge(&d);
        }
        let rel = g.rels().find(|&r| g.rel_type(r) == "SUPPORTS").unwrap();
        assert_eq!(g.rel_property(rel, "date"), Some(&Value::str("2024-03-12")));
        assert_eq!(
            g.rel_property(rel, "dates"),
            Some(&Value::from(vec!["2024-03-12", "2024-05-01"]))
        );
        let doc_a = g.nodes_by_name("a").next().unwrap();
        assert_eq!(
            g.node_property(doc_a, "date"),
            Some(&Value::str("2024-03-12"))
        );
    }

    #[test]
    fn long_provenance_lists_follow_changes_made_outside_the_merge() {
        let mut g = Graph::new();
        let state = |g: &mut Graph, name: &str| {
            let actors = vec![
                actor("United States", &[], ActorKind::Country),
                actor("Kenya", &[], ActorKind::Country),
            ];
            g.merge(&doc(name, actors, vec![supports(0, 1, name, "backs")]));
        };
        let names: Vec<String> = (0..20).map(|i| format!("d{i}")).collect();
        for name in &names {
            state(&mut g, name);
        }
        let rel = g.rels().find(|&r| g.rel_type(r) == "SUPPORTS").unwrap();
        let sources = |g: &Graph| g.rel_property(rel, "sources").cloned();
        assert_eq!(sources(&g), Some(Value::from(names.clone())));
        // Stated again by a document it cites: nothing new.
        state(&mut g, "d3");
        assert_eq!(sources(&g), Some(Value::from(names.clone())));
        // A list set by hand is what the next merge reads.
        let kept: Vec<String> = names.iter().filter(|n| *n != "d3").cloned().collect();
        g.set_rel_property(rel, "sources", Value::from(kept.clone()));
        state(&mut g, "d3");
        state(&mut g, "d4");
        let mut expected = kept;
        expected.push("d3".into());
        assert_eq!(sources(&g), Some(Value::from(expected)));
        // A list holding more than strings is made a list of its strings
        // before the merge appends to it, as before there was an index.
        g.set_rel_property(
            rel,
            "evidence",
            Value::List(vec![Value::Int(1), Value::str("kept")]),
        );
        state(&mut g, "d4");
        assert_eq!(
            g.rel_property(rel, "evidence"),
            Some(&Value::from(vec!["kept"]))
        );
        state(&mut g, "d20");
        assert_eq!(
            g.rel_property(rel, "evidence"),
            Some(&Value::from(vec!["kept", "backs"]))
        );
        // A deleted relationship leaves nothing behind for a new one.
        g.delete_rel(rel);
        state(&mut g, "d3");
        let rel = g.rels().find(|&r| g.rel_type(r) == "SUPPORTS").unwrap();
        assert_eq!(
            g.rel_property(rel, "sources"),
            Some(&Value::from(vec!["d3"]))
        );
    }

    #[test]
    fn a_shared_alias_alone_does_not_merge_people() {
        let mut g = Graph::new();
        g.merge(&doc(
            "a",
            vec![actor("Abdoulaye Diop", &["Diop"], ActorKind::Person)],
            vec![],
        ));
        g.merge(&doc(
            "b",
            vec![actor("Macky Diop", &["Diop"], ActorKind::Person)],
            vec![],
        ));
        assert_eq!(g.label_count("Actor"), 2);
    }
}
