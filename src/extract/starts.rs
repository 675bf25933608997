//! Where names can begin in a document, for the passes that look for
//! later uses of names the text has already given.

/// The positions of the text's ASCII capital letters and digits, grouped
/// by byte: a name or acronym that begins with one is looked for among the
/// few positions holding its first byte instead of through the whole text
/// with a substring searcher of its own (a document's unknown names,
/// aliases and surnames were each searched for from the start).
pub(crate) struct NameStarts {
    /// Where each byte's positions begin in `positions` (`A`–`Z` are
    /// 0–25, `0`–`9` 26–35; the last entry is the end).
    offsets: [u32; BUCKETS + 1],
    /// Positions, by byte and then in text order.
    positions: Vec<u32>,
    /// A text too long for 32-bit positions is searched through.
    whole: bool,
}

const BUCKETS: usize = 36;

fn bucket(b: u8) -> Option<usize> {
    match b {
        b'A'..=b'Z' => Some((b - b'A') as usize),
        b'0'..=b'9' => Some(26 + (b - b'0') as usize),
        _ => None,
    }
}

/// The high bit of each byte of `x` that lies strictly between `m` and
/// `n` (both at most 128), as "Bit Twiddling Hacks" (Sean Eron Anderson)
/// gives it; exact for every byte, those of 128 and more included.
fn between(x: u64, m: u8, n: u8) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    let low = x & (ONES * 127);
    (ONES * (127 + n as u64)).wrapping_sub(low)
        & !x
        & low.wrapping_add(ONES * (127 - m as u64))
        & (ONES * 128)
}

impl NameStarts {
    /// The positions of `text`.
    pub(crate) fn new(text: &str) -> NameStarts {
        let bytes = text.as_bytes();
        if u32::try_from(bytes.len()).is_err() {
            return NameStarts {
                offsets: [0; BUCKETS + 1],
                positions: Vec::new(),
                whole: true,
            };
        }
        // The capitals and digits in text order, eight bytes at a time
        // (most eight-byte words of running text hold one or none), then
        // grouped by byte.
        let mut found: Vec<u32> = Vec::with_capacity(bytes.len() / 8 + 8);
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0u32;
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let mut hits = between(x, b'A' - 1, b'Z' + 1) | between(x, b'0' - 1, b'9' + 1);
            while hits != 0 {
                found.push(at + hits.trailing_zeros() / 8);
                hits &= hits - 1;
            }
            at += 8;
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            if bucket(b).is_some() {
                found.push(at + i as u32);
            }
        }
        let mut counts = [0u32; BUCKETS + 1];
        for &p in &found {
            if let Some(k) = bucket(bytes[p as usize]) {
                counts[k + 1] += 1;
            }
        }
        for k in 0..BUCKETS {
            counts[k + 1] += counts[k];
        }
        let offsets = counts;
        let mut next = counts;
        let mut positions = vec![0u32; found.len()];
        for &p in &found {
            if let Some(k) = bucket(bytes[p as usize]) {
                positions[next[k] as usize] = p;
                next[k] += 1;
            }
        }
        NameStarts {
            offsets,
            positions,
            whole: false,
        }
    }

    /// Where `needle` next occurs in `text` at or after `from`: the same
    /// as `text[from..].find(needle)`, as a position in `text`. `text` is
    /// the text the positions were taken from.
    pub(crate) fn find(&self, text: &str, needle: &str, from: usize) -> Option<usize> {
        let Some(k) = needle
            .bytes()
            .next()
            .and_then(bucket)
            .filter(|_| !self.whole)
        else {
            return text[from..].find(needle).map(|p| from + p);
        };
        let here = &self.positions[self.offsets[k] as usize..self.offsets[k + 1] as usize];
        let first = here.partition_point(|&p| (p as usize) < from);
        here[first..]
            .iter()
            .map(|&p| p as usize)
            .find(|&p| text.as_bytes()[p..].starts_with(needle.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::NameStarts;

    /// The eight-byte test picks out the bytes the byte test does, for
    /// every byte in every lane.
    #[test]
    fn between_is_exact() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = (b as u64) << (lane * 8) | 0x2020_2020_2020_2020 & !(0xff << (lane * 8));
                let hits =
                    super::between(x, b'A' - 1, b'Z' + 1) | super::between(x, b'0' - 1, b'9' + 1);
                let want = if super::bucket(b).is_some() {
                    0x80 << (lane * 8)
                } else {
                    0
                };
                assert_eq!(hits, want, "byte {b} in lane {lane}");
            }
        }
        // Neighbours do not disturb each other.
        for x in [u64::MAX, 0, 0x5a41_5b40_3039_2f3a, 0x8041_c15a_ff30_7f39] {
            let hits =
                super::between(x, b'A' - 1, b'Z' + 1) | super::between(x, b'0' - 1, b'9' + 1);
            for lane in 0..8 {
                let b = (x >> (lane * 8)) as u8;
                assert_eq!(
                    hits >> (lane * 8) & 0x80 != 0,
                    super::bucket(b).is_some(),
                    "{x:x} lane {lane}"
                );
            }
        }
    }

    /// Every needle from every position, as `str::find` finds it.
    #[test]
    fn finds_as_str_find() {
        let text = "The UN and UNMISS met; AU-led AMISOM, 2024 and 20 UNMISS. Ünïcode Éa A ZZ9 X";
        let starts = NameStarts::new(text);
        for needle in [
            "UN", "UNMISS", "AU", "2024", "20", "A", "and", "Éa", "Z", "", "UNMISS.",
        ] {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    starts.find(text, needle, from),
                    text[from..].find(needle).map(|p| from + p),
                    "{needle:?} from {from}"
                );
            }
        }
    }
}
