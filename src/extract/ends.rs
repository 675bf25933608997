//! The document's mentions by where they end, for the passes that ask
//! which mention ends at a token (an owner before "'s", a name before a
//! verb) for many tokens of the document.

/// Indexes into a list of spans, sorted by the end of the span and then by
/// index: the spans ending at a byte are one run, found by a binary search
/// instead of a scan of the whole list, in the list's own order.
pub(crate) struct Ends(Vec<(usize, usize)>);

impl Ends {
    /// The index of spans whose ends are `ends`, in list order.
    pub(crate) fn new(ends: impl Iterator<Item = usize>) -> Ends {
        let mut v: Vec<(usize, usize)> = ends.enumerate().map(|(i, e)| (e, i)).collect();
        // (end, index) pairs are distinct: no stable sort needed.
        v.sort_unstable();
        Ends(v)
    }

    /// The indexes of the spans ending at `end`, in list order.
    pub(crate) fn at(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(e, _)| e < end);
        self.0[from..]
            .iter()
            .take_while(move |&&(e, _)| e == end)
            .map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::Ends;

    #[test]
    fn ends_find_what_a_scan_finds_in_the_same_order() {
        let spans = [(3, 9), (0, 4), (5, 9), (1, 2), (7, 9), (4, 4), (2, 4)];
        let ends = Ends::new(spans.iter().map(|s| s.1));
        for end in 0..12 {
            let scanned: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].1 == end).collect();
            assert_eq!(ends.at(end).collect::<Vec<_>>(), scanned, "end {end}");
        }
    }
}
