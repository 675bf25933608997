//! An index of relationships' provenance lists (`sources`, `evidence`,
//! `evidence_spans`, `dates`), so that each statement of a fact costs the
//! merge the same however often the fact was stated before: "does this
//! fact already cite this document, this span?" and "is this list still
//! a list of strings the merge may append to?" are hash look-ups instead
//! of scans of lists that grow with the corpus.
//!
//! Only lists longer than [`SHORT`] have their strings counted: most facts
//! are stated a few times, and a scan of a short list is cheaper than a
//! hash look-up, while a popular fact's list grows with the corpus.
//! Entries are 64-bit hashes of (relationship, key, string) with a count,
//! not copies of the strings; a hit is checked against the list itself, so
//! a collision never gives a wrong answer, and a miss is final.

use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::fast::FixedState;
use foldhash::{HashMap, HashSet};

use super::Symbol;
use crate::value::{RelId, Value};

/// Lists of up to this many items are scanned rather than indexed.
pub(super) const SHORT: usize = 8;

/// What the merge asks of provenance lists, kept as they change.
///
/// Invariants, for each relationship: under each key of `searched` whose
/// value is a list of more than [`SHORT`] items, every string item is
/// counted in `counts` (as often as it occurs), and nothing else is; under
/// each key of `shaped`, the value is in `mixed` exactly when it is a list
/// holding something other than a string (the merge never writes one;
/// only a user's `SET` does, so the set is nearly always empty).
#[derive(Debug, Clone, Default)]
pub(super) struct ProvenanceIndex {
    searched: Vec<Symbol>,
    shaped: Vec<Symbol>,
    counts: HashMap<u64, u32>,
    mixed: HashSet<(RelId, Symbol)>,
}

/// The key of one string of one relationship's list under `key`.
fn entry(rel: RelId, key: Symbol, s: &str) -> u64 {
    let mut h = FixedState::default().build_hasher();
    rel.0.hash(&mut h);
    key.hash(&mut h);
    s.hash(&mut h);
    h.finish()
}

/// The items of a value whose strings are counted: a long list's.
fn counted_items(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::List(items)) if items.len() > SHORT => items,
        _ => &[],
    }
}

/// Whether a value is a list holding something other than a string.
fn is_mixed(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::List(items)) if items.iter().any(|v| !matches!(v, Value::String(_))))
}

impl ProvenanceIndex {
    /// An empty index: strings counted under `searched`, shapes kept under
    /// `shaped` (which holds `searched`).
    pub(super) fn new(searched: Vec<Symbol>, shaped: Vec<Symbol>) -> ProvenanceIndex {
        ProvenanceIndex {
            searched,
            shaped,
            ..ProvenanceIndex::default()
        }
    }

    /// Whether the index keeps anything of the values under `key`.
    pub(super) fn covers(&self, key: Symbol) -> bool {
        self.shaped.contains(&key)
    }

    /// Take in a relationship's new value under `key`.
    pub(super) fn add_value(&mut self, rel: RelId, key: Symbol, value: Option<&Value>) {
        if self.searched.contains(&key) {
            for s in counted_items(value).iter().filter_map(Value::as_str) {
                *self.counts.entry(entry(rel, key, s)).or_default() += 1;
            }
        }
        if self.shaped.contains(&key) && is_mixed(value) {
            self.mixed.insert((rel, key));
        }
    }

    /// Forget a value [`ProvenanceIndex::add_value`] took in (before the
    /// new one is added).
    pub(super) fn remove_value(&mut self, rel: RelId, key: Symbol, value: Option<&Value>) {
        if self.searched.contains(&key) {
            for s in counted_items(value).iter().filter_map(Value::as_str) {
                let e = entry(rel, key, s);
                if let Some(n) = self.counts.get_mut(&e) {
                    *n -= 1;
                    if *n == 0 {
                        self.counts.remove(&e);
                    }
                }
            }
        }
        self.mixed.remove(&(rel, key));
    }

    /// Whether `value`, a relationship's value under a key the index
    /// covers, is a list of strings only.
    pub(super) fn is_string_list(&self, rel: RelId, key: Symbol, value: Option<&Value>) -> bool {
        matches!(value, Some(Value::List(_))) && !self.mixed.contains(&(rel, key))
    }

    /// Keep the invariant after `s` was pushed onto the list `items` (which
    /// holds it now): a list that just became long is counted whole.
    pub(super) fn pushed(&mut self, rel: RelId, key: Symbol, items: &[Value], s: &str) {
        if !self.searched.contains(&key) {
            return;
        }
        match items.len() {
            n if n <= SHORT => {}
            n if n == SHORT + 1 => {
                for s in items.iter().filter_map(Value::as_str) {
                    *self.counts.entry(entry(rel, key, s)).or_default() += 1;
                }
            }
            _ => *self.counts.entry(entry(rel, key, s)).or_default() += 1,
        }
    }

    /// Whether the list `items` (the value under `key`) holds the string
    /// `s`: a scan of a short list, else the index, a hit confirmed in the
    /// list from its end (where a duplicate from the document being merged
    /// is).
    pub(super) fn holds(&self, rel: RelId, key: Symbol, items: &[Value], s: &str) -> bool {
        let scan = || items.iter().rev().any(|v| v.as_str() == Some(s));
        if items.len() <= SHORT {
            return scan();
        }
        self.counts.contains_key(&entry(rel, key, s)) && scan()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: impl IntoIterator<Item = String>) -> Value {
        Value::List(items.into_iter().map(Value::from).collect())
    }

    fn items(v: &Value) -> &[Value] {
        match v {
            Value::List(items) => items,
            _ => &[],
        }
    }

    #[test]
    fn answers_like_a_scan_as_a_list_grows_past_short() {
        let (rel, key) = (RelId(3), Symbol(1));
        let mut ix = ProvenanceIndex::new(vec![key], vec![key]);
        let mut v: Vec<Value> = Vec::new();
        for i in 0..3 * SHORT {
            let s = format!("doc{i}");
            assert!(!ix.holds(rel, key, &v, &s));
            v.push(Value::from(s.clone()));
            ix.pushed(rel, key, &v, &s);
            for j in 0..=i {
                assert!(ix.holds(rel, key, &v, &format!("doc{j}")));
            }
            // Another relationship's list and another key are apart.
            assert!(!ix.holds(RelId(4), key, &v[..0], &s));
        }
        assert!(!ix.holds(rel, key, &v, "doc99"));
    }

    #[test]
    fn values_set_and_removed_keep_counts_of_duplicates() {
        let (rel, key) = (RelId(0), Symbol(0));
        let mut ix = ProvenanceIndex::new(vec![key], vec![key]);
        let long = list((0..SHORT + 2).map(|i| format!("s{}", i % 3)));
        ix.add_value(rel, key, Some(&long));
        assert!(ix.holds(rel, key, items(&long), "s2"));
        // A short list is never counted: its look-ups scan.
        let short = list(["a".to_string()]);
        ix.add_value(rel, key, Some(&short));
        assert_eq!(ix.counts.len(), 3);
        ix.remove_value(rel, key, Some(&long));
        assert!(ix.counts.is_empty());
        assert!(ix.covers(key) && !ix.covers(Symbol(9)));
    }

    #[test]
    fn lists_with_other_values_than_strings_are_known() {
        let (rel, key, dates) = (RelId(0), Symbol(0), Symbol(1));
        let mut ix = ProvenanceIndex::new(vec![key], vec![key, dates]);
        let strings = list(["a".to_string()]);
        let mixed = Value::List(vec![Value::str("a"), Value::Int(1)]);
        for k in [key, dates] {
            assert!(!ix.is_string_list(rel, k, None));
            assert!(!ix.is_string_list(rel, k, Some(&Value::Int(1))));
            ix.add_value(rel, k, Some(&strings));
            assert!(ix.is_string_list(rel, k, Some(&strings)));
            ix.remove_value(rel, k, Some(&strings));
            ix.add_value(rel, k, Some(&mixed));
            assert!(!ix.is_string_list(rel, k, Some(&mixed)));
            ix.remove_value(rel, k, Some(&mixed));
            ix.add_value(rel, k, Some(&strings));
            assert!(ix.is_string_list(rel, k, Some(&strings)));
        }
    }
}
