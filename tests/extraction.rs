//! The extraction regression suite: short texts with invented names, in
//! categories, each with the exact facts a careful analyst would record
//! (tests/extraction/cases.txt, world in tests/extraction/lexicon.toml).
//!
//! The test prints found / missed / false per category and compares the
//! full per-case report with the committed snapshot, so any change in what
//! the extractor finds, better or worse, shows up as a diff. After an
//! intended change, review the diff and accept it with
//! `INSTA_UPDATE=always cargo test --test extraction` (or `cargo insta review`).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use newsgraph::extract::{Document, Extractor, Lexicon};
use newsgraph::model::{DocumentFacts, RelType};

#[derive(Debug, Clone)]
struct Case {
    category: String,
    text: String,
    facts: Vec<ExpectedFact>,
}

#[derive(Debug, Clone, PartialEq)]
struct ExpectedFact {
    line: String,
    rel: String,
    from: String,
    to: String,
    attrs: BTreeMap<String, String>,
    flags: Vec<String>,
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut category = String::new();
    let mut current: Option<Case> = None;
    let finish = |current: &mut Option<Case>, cases: &mut Vec<Case>| {
        if let Some(c) = current.take() {
            cases.push(c);
        }
    };
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish(&mut current, &mut cases);
            continue;
        }
        if let Some(cat) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            finish(&mut current, &mut cases);
            category = cat.to_string();
            continue;
        }
        if let Some(t) = line.strip_prefix("> ") {
            let c = current.get_or_insert_with(|| Case {
                category: category.clone(),
                text: String::new(),
                facts: Vec::new(),
            });
            if !c.facts.is_empty() {
                panic!("text after facts in a case: {line}");
            }
            if !c.text.is_empty() {
                c.text.push(' ');
            }
            c.text.push_str(t);
            continue;
        }
        let c = current
            .as_mut()
            .unwrap_or_else(|| panic!("a fact line outside a case: {line}"));
        let (head, rest) = line
            .split_once(" -> ")
            .unwrap_or_else(|| panic!("no ' -> ' in fact line: {line}"));
        let (rel, from) = head
            .split_once(' ')
            .unwrap_or_else(|| panic!("no type in fact line: {line}"));
        // The target name runs until the first attribute or flag.
        let words: Vec<&str> = rest.split(' ').collect();
        let first_attr = words
            .iter()
            .position(|w| {
                w.contains('=')
                    || matches!(
                        *w,
                        "negated" | "hedged" | "abandoned" | "permanent" | "veto"
                    )
            })
            .unwrap_or(words.len());
        let to = words[..first_attr].join(" ");
        let mut attrs = BTreeMap::new();
        let mut flags = Vec::new();
        for w in &words[first_attr..] {
            match w.split_once('=') {
                Some((k, v)) => {
                    attrs.insert(k.to_string(), v.to_string());
                }
                None => flags.push(w.to_string()),
            }
        }
        flags.sort();
        c.facts.push(ExpectedFact {
            line: line.to_string(),
            rel: rel.to_string(),
            from: from.to_string(),
            to,
            attrs,
            flags,
        });
    }
    finish(&mut current, &mut cases);
    cases
}

/// A found fact in the same terms as the expected ones.
#[derive(Debug, Clone)]
struct Actual {
    rel: String,
    from: String,
    to: String,
    attrs: BTreeMap<String, String>,
    flags: Vec<String>,
}

impl Actual {
    fn line(&self) -> String {
        let mut s = format!("{} {} -> {}", self.rel, self.from, self.to);
        for (k, v) in &self.attrs {
            let _ = write!(s, " {k}={v}");
        }
        for f in &self.flags {
            let _ = write!(s, " {f}");
        }
        s
    }
}

fn actual_facts(df: &DocumentFacts) -> Vec<Actual> {
    let scored = [
        RelType::Supports,
        RelType::Opposes,
        RelType::Contributes,
        RelType::Leads,
        RelType::Abstains,
        RelType::MemberOf,
    ];
    let mut out: Vec<Actual> = Vec::new();
    for f in &df.facts {
        if !scored.contains(&f.rel) {
            continue;
        }
        let p = &f.props;
        let mut attrs = BTreeMap::new();
        if let Some(k) = p.kind {
            attrs.insert("kind".to_string(), k.to_string());
        }
        if let Some(a) = p.amount {
            attrs.insert("amount".to_string(), format!("{a}"));
        }
        if let Some(u) = &p.unit {
            attrs.insert("unit".to_string(), u.clone());
        }
        if let Some(q) = p.qualifier {
            attrs.insert("qualifier".to_string(), q.to_string());
        }
        let mut flags = Vec::new();
        if p.negated {
            flags.push("negated".to_string());
        }
        if p.hedged {
            flags.push("hedged".to_string());
        }
        if p.status.is_some() {
            flags.push("abandoned".to_string());
        }
        if p.permanent {
            flags.push("permanent".to_string());
        }
        if p.veto {
            flags.push("veto".to_string());
        }
        flags.sort();
        let a = Actual {
            rel: f.rel.to_string(),
            from: df.entities[f.from].name.clone(),
            to: df.entities[f.to].name.clone(),
            attrs,
            flags,
        };
        // The same fact stated twice in a case is one fact.
        if !out.iter().any(|o| o.line() == a.line()) {
            out.push(a);
        }
    }
    out
}

fn matches(e: &ExpectedFact, a: &Actual) -> bool {
    e.rel == a.rel
        && e.from == a.from
        && e.to == a.to
        && e.flags == a.flags
        && e.attrs
            .iter()
            .all(|(k, v)| match (k.as_str(), a.attrs.get(k)) {
                ("amount", Some(x)) => x.parse::<f64>().ok() == v.parse::<f64>().ok(),
                (_, Some(x)) => x == v,
                (_, None) => false,
            })
}

#[test]
fn regression_suite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extraction");
    let cases = parse_cases(&std::fs::read_to_string(dir.join("cases.txt")).unwrap());
    assert!(cases.len() >= 150, "the suite holds {} cases", cases.len());
    let lexicon =
        Lexicon::with_user_files(&[dir.join("lexicon.toml")]).expect("the suite's lexicon loads");
    let extractor = Extractor::with_lexicon(lexicon);

    let mut per_category: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut report = String::new();
    for (i, case) in cases.iter().enumerate() {
        let doc = Document::new(&format!("case-{i}"), &case.text);
        let actual = actual_facts(&extractor.extract(&doc));
        let mut used = vec![false; actual.len()];
        let mut missed = Vec::new();
        let mut found = 0;
        for e in &case.facts {
            match (0..actual.len()).find(|&j| !used[j] && matches(e, &actual[j])) {
                Some(j) => {
                    used[j] = true;
                    found += 1;
                }
                None => missed.push(e.line.clone()),
            }
        }
        let false_facts: Vec<String> = actual
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(a, _)| a.line())
            .collect();
        let counts = per_category.entry(case.category.clone()).or_default();
        counts[0] += found;
        counts[1] += missed.len();
        counts[2] += false_facts.len();
        let ok = missed.is_empty() && false_facts.is_empty();
        let _ = writeln!(
            report,
            "{} [{}] {}",
            if ok { "ok  " } else { "FAIL" },
            case.category,
            case.text
        );
        for m in &missed {
            let _ = writeln!(report, "       missed: {m}");
        }
        for f in &false_facts {
            let _ = writeln!(report, "       false:  {f}");
        }
    }
    let mut summary = format!(
        "{:<18} {:>6} {:>6} {:>6}\n",
        "category", "found", "missed", "false"
    );
    let mut total = [0usize; 3];
    for (cat, c) in &per_category {
        let _ = writeln!(summary, "{cat:<18} {:>6} {:>6} {:>6}", c[0], c[1], c[2]);
        for k in 0..3 {
            total[k] += c[k];
        }
    }
    let _ = writeln!(
        summary,
        "{:<18} {:>6} {:>6} {:>6}",
        "total", total[0], total[1], total[2]
    );
    println!("{summary}");
    insta::assert_snapshot!("summary", summary);
    insta::assert_snapshot!("cases", report);
}

/// Text that once made the extractor slice inside a character: a curly
/// quote before an abbreviation, and one within 60 bytes before an amount
/// in a mission's story. Each must read to the end and keep its facts.
#[test]
fn awkward_characters_do_not_stop_extraction() {
    let extractor = Extractor::new();
    let texts = [
        "They quoted \u{201C}Gen. Smith. Kenya backs MINUSMA.",
        "MINUSMA said the text condemns \u{201C} the offensive \u{2014} and France sent 500 troops to MINUSMA.",
        "**Kenya sent 400 police officers to Haiti.** \u{2019}s co- \u{2014}",
    ];
    for (i, text) in texts.iter().enumerate() {
        let facts = extractor.extract(&Document::new(&format!("awkward-{i}"), text));
        assert!(
            facts
                .facts
                .iter()
                .any(|f| f.rel == RelType::Contributes || f.rel == RelType::Supports),
            "no fact read from {text:?}"
        );
    }
}
