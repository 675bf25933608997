//! The byte ranges of a document that mentions have claimed, asked of
//! for every token and name the mention passes read.

/// Byte ranges claimed by mentions, with how many of them cover each byte
/// of the text: whether a range is free is a look at its own bytes rather
/// than a scan of every range claimed so far (the pronoun pass asks for
/// every token of the document).
///
/// The ranges themselves are kept, in the order claimed, for what the
/// count cannot answer: an empty range (which overlaps a range that
/// strictly contains its position) and a range past the end of the text.
pub(crate) struct Claims {
    ranges: Vec<(usize, usize)>,
    /// How many claimed ranges cover each byte.
    cover: Vec<u32>,
    /// Claimed ranges the count does not stand for (empty, or past the text).
    odd: usize,
}

impl Claims {
    /// No claims yet, over a text of `len` bytes.
    pub(crate) fn new(len: usize) -> Claims {
        Claims {
            ranges: Vec::new(),
            cover: vec![0; len],
            odd: 0,
        }
    }

    fn counted(&self, (s, e): (usize, usize)) -> bool {
        s < e && e <= self.cover.len()
    }

    /// Claims `range`.
    pub(crate) fn push(&mut self, range: (usize, usize)) {
        if self.counted(range) {
            for c in &mut self.cover[range.0..range.1] {
                *c += 1;
            }
        } else {
            self.odd += 1;
        }
        self.ranges.push(range);
    }

    /// Keeps the claimed ranges for which `keep` holds, as `Vec::retain`.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&(usize, usize)) -> bool) {
        let len = self.cover.len();
        let cover = &mut self.cover;
        let odd = &mut self.odd;
        self.ranges.retain(|r| {
            if keep(r) {
                return true;
            }
            let (s, e) = *r;
            if s < e && e <= len {
                for c in &mut cover[s..e] {
                    *c -= 1;
                }
            } else {
                *odd -= 1;
            }
            false
        });
    }

    /// Whether no claimed range overlaps `start..end` (an overlap being
    /// `s < end && start < e`, as a scan of the ranges would find it).
    pub(crate) fn free(&self, start: usize, end: usize) -> bool {
        if self.odd == 0 && self.counted((start, end)) {
            // Two non-empty ranges overlap exactly when they share a byte.
            self.cover[start..end].iter().all(|&c| c == 0)
        } else {
            !self.ranges.iter().any(|&(s, e)| s < end && start < e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Claims;

    /// The count answers as the scan of the ranges does, for every range
    /// of a small text, through claims and removals.
    #[test]
    fn free_as_a_scan() {
        let len = 12;
        let mut c = Claims::new(len);
        let scan = |c: &Claims, start: usize, end: usize| {
            !c.ranges.iter().any(|&(s, e)| s < end && start < e)
        };
        let check = |c: &Claims| {
            for start in 0..=len + 2 {
                for end in 0..=len + 2 {
                    assert_eq!(c.free(start, end), scan(c, start, end), "{start}..{end}");
                }
            }
        };
        check(&c);
        for r in [(2, 5), (4, 7), (9, 9), (10, 14), (0, 1), (4, 7)] {
            c.push(r);
            check(&c);
        }
        c.retain(|&(s, _)| s != 4);
        check(&c);
        c.retain(|&(s, e)| s != e);
        check(&c);
        c.retain(|&(_, e)| e <= len);
        check(&c);
        c.retain(|_| false);
        check(&c);
        assert!(c.cover.iter().all(|&n| n == 0) && c.odd == 0);
    }
}
