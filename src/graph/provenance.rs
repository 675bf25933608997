//! An index of the strings in relationships' long provenance lists
//! (`sources`, `evidence_spans`), so that the merge asks "does this fact
//! already cite this document, this span?" in constant time instead of
//! scanning a list that grows with every statement of the fact.
//!
//! Only lists longer than [`SHORT`] are indexed: most facts are stated a
//! few times, and a scan of a short list is cheaper than a hash look-up,
//! while a popular fact's list grows with the corpus. Entries are 64-bit
//! hashes of (relationship, key, string) with a count, not copies of the
//! strings; a hit is checked against the list itself, so a collision never
//! gives a wrong answer, and a miss is final.

use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::HashMap;
use foldhash::fast::FixedState;

use super::Symbol;
use crate::value::{RelId, Value};

/// Lists of up to this many items are scanned rather than indexed.
pub(super) const SHORT: usize = 8;

/// The strings of every indexed list, for the keys it covers.
///
/// Invariant: for each relationship and covered key whose value is a list
/// of more than [`SHORT`] items, every string item is counted here (as
/// often as it occurs); nothing else is.
#[derive(Debug, Clone, Default)]
pub(super) struct ProvenanceIndex {
    keys: Vec<Symbol>,
    counts: HashMap<u64, u32>,
}

fn entry(rel: RelId, key: Symbol, s: &str) -> u64 {
    let mut h = FixedState::default().build_hasher();
    rel.0.hash(&mut h);
    key.hash(&mut h);
    s.hash(&mut h);
    h.finish()
}

/// The items of a value that an index holds: a long list's strings.
fn indexed_items(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::List(items)) if items.len() > SHORT => items,
        _ => &[],
    }
}

impl ProvenanceIndex {
    /// An empty index of the lists under `keys`.
    pub(super) fn new(keys: Vec<Symbol>) -> ProvenanceIndex {
        ProvenanceIndex {
            keys,
            counts: HashMap::default(),
        }
    }

    /// Whether the index keeps the lists under `key`.
    pub(super) fn covers(&self, key: Symbol) -> bool {
        self.keys.contains(&key)
    }

    /// Count the strings of a relationship's property value (none unless it
    /// is a long list).
    pub(super) fn add_value(&mut self, rel: RelId, key: Symbol, value: Option<&Value>) {
        for s in indexed_items(value).iter().filter_map(Value::as_str) {
            *self.counts.entry(entry(rel, key, s)).or_default() += 1;
        }
    }

    /// Forget the strings of a value [`ProvenanceIndex::add_value`] counted.
    pub(super) fn remove_value(&mut self, rel: RelId, key: Symbol, value: Option<&Value>) {
        for s in indexed_items(value).iter().filter_map(Value::as_str) {
            let e = entry(rel, key, s);
            if let Some(n) = self.counts.get_mut(&e) {
                *n -= 1;
                if *n == 0 {
                    self.counts.remove(&e);
                }
            }
        }
    }

    /// Keep the invariant after `s` was pushed onto the list `items` (which
    /// holds it now): a list that just became long is counted whole.
    pub(super) fn pushed(&mut self, rel: RelId, key: Symbol, items: &[Value], s: &str) {
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
        let mut ix = ProvenanceIndex::new(vec![key]);
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
        let mut ix = ProvenanceIndex::new(vec![key]);
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
}
