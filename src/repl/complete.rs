//! Tab completion and hints: keywords, functions, variables, labels,
//! relationship types, property keys, entity names (inside quotes),
//! parameters and meta-commands.

use crate::graph::Graph;
use crate::value::Value;

use super::COMMANDS;
use super::syntax::{self, Role, Tok, Token};

/// The names completion offers, taken from the graph and the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    /// Node labels.
    pub labels: Vec<String>,
    /// Relationship types.
    pub types: Vec<String>,
    /// Property keys of nodes and relationships.
    pub keys: Vec<String>,
    /// Entity names (the `name` of nodes), offered inside quotes.
    pub names: Vec<String>,
    /// Values of the enumerated string properties (`kind`, `status`,
    /// `unit`, `qualifier`), offered inside quotes.
    pub values: Vec<String>,
    /// Parameter names (without `$`).
    pub params: Vec<String>,
}

/// Properties whose string values are few and worth completing.
const ENUM_KEYS: &[&str] = &["kind", "status", "unit", "qualifier"];

impl Vocabulary {
    /// Labels, types, keys, names and values of a graph.
    pub fn from_graph(graph: &Graph) -> Vocabulary {
        let mut names = Vec::new();
        let mut values = Vec::new();
        for n in graph.nodes() {
            if let Some(name) = graph.node_property(n, "name").and_then(Value::as_str) {
                names.push(name.to_string());
            }
            for k in ENUM_KEYS {
                if let Some(v) = graph.node_property(n, k).and_then(Value::as_str) {
                    values.push(v.to_string());
                }
            }
        }
        for r in graph.rels() {
            for k in ENUM_KEYS {
                if let Some(v) = graph.rel_property(r, k).and_then(Value::as_str) {
                    values.push(v.to_string());
                }
            }
        }
        for list in [&mut names, &mut values] {
            list.sort();
            list.dedup();
        }
        Vocabulary {
            labels: graph.label_counts().into_iter().map(|(l, _)| l).collect(),
            types: graph
                .rel_type_counts()
                .into_iter()
                .map(|(t, _)| t)
                .collect(),
            keys: graph
                .property_key_counts()
                .into_iter()
                .map(|(k, _)| k)
                .collect(),
            names,
            values,
            params: Vec::new(),
        }
    }
}

/// One completion: what the list shows and what goes into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Shown in the list of choices.
    pub display: String,
    /// Replaces the text from the completion's start to the cursor.
    pub replacement: String,
}

impl Candidate {
    fn same(s: impl Into<String>) -> Candidate {
        let s = s.into();
        Candidate {
            display: s.clone(),
            replacement: s,
        }
    }
}

impl rustyline::completion::Candidate for Candidate {
    fn display(&self) -> &str {
        &self.display
    }

    fn replacement(&self) -> &str {
        &self.replacement
    }
}

/// What to complete at the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// Replace the text from `start` to the cursor with one of these.
    Words {
        /// Byte offset where the completed text starts.
        start: usize,
        /// The choices, best first.
        candidates: Vec<Candidate>,
    },
    /// A file name: the editor completes paths.
    Path,
}

impl Completion {
    fn none(pos: usize) -> Completion {
        Completion::Words {
            start: pos,
            candidates: Vec::new(),
        }
    }
}

/// Keywords offered for completion (compound ones whole).
pub const KEYWORDS: &[&str] = &[
    "MATCH",
    "OPTIONAL MATCH",
    "WHERE",
    "RETURN",
    "WITH",
    "UNWIND",
    "ORDER BY",
    "SKIP",
    "LIMIT",
    "DISTINCT",
    "AS",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "IN",
    "IS NULL",
    "IS NOT NULL",
    "STARTS WITH",
    "ENDS WITH",
    "CONTAINS",
    "CREATE",
    "MERGE",
    "ON CREATE SET",
    "ON MATCH SET",
    "SET",
    "REMOVE",
    "DELETE",
    "DETACH DELETE",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "UNION",
    "UNION ALL",
    "EXISTS",
    "ALL",
    "ANY",
    "NONE",
    "SINGLE",
    "ASC",
    "DESC",
    "BY",
    "TRUE",
    "FALSE",
    "NULL",
];

/// Aggregating functions (the scalar ones come from the query engine).
const AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "collect",
    "stdev",
    "stdevp",
    "percentilecont",
    "percentiledisc",
];

/// The usual spelling of function names the engine knows in lower case.
fn function_spelling(name: &str) -> String {
    const CAMEL: &[&str] = &[
        "elementId",
        "startNode",
        "endNode",
        "isEmpty",
        "toInteger",
        "toIntegerOrNull",
        "toFloat",
        "toFloatOrNull",
        "toString",
        "toStringOrNull",
        "toBoolean",
        "toBooleanOrNull",
        "toUpper",
        "toLower",
        "lTrim",
        "rTrim",
        "valueType",
        "percentileCont",
        "percentileDisc",
        "stDev",
        "stDevP",
    ];
    CAMEL
        .iter()
        .find(|c| c.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_string(), |c| c.to_string())
}

/// All function names, in their usual spelling, sorted.
pub fn functions() -> Vec<String> {
    let mut out: Vec<String> = crate::query::functions::Func::NAMES
        .iter()
        .chain(AGGREGATES)
        .map(|n| function_spelling(n))
        .collect();
    out.sort_by_key(|a| a.to_lowercase());
    out.dedup();
    out
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(&prefix.to_lowercase())
}

/// Complete the text before `pos`.
pub fn complete(line: &str, pos: usize, vocab: &Vocabulary) -> Completion {
    let pos = pos.min(line.len());
    let before = &line[..pos];
    let trimmed = before.trim_start();
    if trimmed.starts_with(':') {
        let offset = before.len() - trimmed.len();
        return complete_command(trimmed, offset, pos, vocab);
    }
    complete_query(before, 0, vocab)
}

fn complete_command(text: &str, offset: usize, pos: usize, vocab: &Vocabulary) -> Completion {
    let Some((name, rest)) = text[1..].split_once(char::is_whitespace) else {
        let typed = &text[1..];
        let candidates = COMMANDS
            .iter()
            .filter(|(n, _, _)| n.starts_with(typed))
            .map(|(n, _, _)| Candidate::same(format!(":{n}")))
            .collect();
        return Completion::Words {
            start: offset,
            candidates,
        };
    };
    let rest_start = pos - rest.len();
    let word_start = rest_start + rest.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &text[text.len() - (pos - word_start)..];
    let fixed = |choices: &[&str]| {
        let candidates = choices
            .iter()
            .filter(|c| c.starts_with(word))
            .map(|c| Candidate::same(*c))
            .collect();
        Completion::Words {
            start: word_start,
            candidates,
        }
    };
    match name {
        "help" | "h" | "?" if !rest.contains(char::is_whitespace) => {
            let names: Vec<&str> = COMMANDS.iter().map(|(n, _, _)| *n).collect();
            fixed(&names)
        }
        "format" => fixed(&["table", "json", "csv"]),
        "timing" => fixed(&["on", "off"]),
        "param" | "params" if !rest.contains(char::is_whitespace) => {
            let word = word.trim_start_matches('$');
            let mut candidates: Vec<Candidate> = vocab
                .params
                .iter()
                .filter(|p| p.starts_with(word))
                .map(Candidate::same)
                .collect();
            if "clear".starts_with(word) {
                candidates.push(Candidate::same("clear"));
            }
            Completion::Words {
                start: word_start,
                candidates,
            }
        }
        "load" | "save" | "open" | "explain" => Completion::Path,
        "dot" => {
            let arg = rest.trim_start();
            match arg.find(char::is_whitespace) {
                None => Completion::Path,
                Some(end) => {
                    let query = &arg[end..];
                    complete_query(query, pos - query.len(), vocab)
                }
            }
        }
        _ => Completion::none(pos),
    }
}

/// Complete a query; `offset` is where `text` starts in the line.
fn complete_query(text: &str, offset: usize, vocab: &Vocabulary) -> Completion {
    let toks = syntax::tokens(text);
    let end = offset + text.len();
    let Some(last) = toks.last() else {
        return Completion::none(end);
    };
    let at = |t: &Token| offset + t.start;
    match last.kind {
        Tok::Str {
            quote,
            closed: false,
        } => {
            let typed = unescape(&text[last.start + 1..]);
            return Completion::Words {
                start: at(last),
                candidates: quoted(&typed, quote, vocab),
            };
        }
        Tok::Param => {
            let typed = &text[last.start + 1..];
            return Completion::Words {
                start: at(last),
                candidates: vocab
                    .params
                    .iter()
                    .filter(|p| starts_with_ci(p, typed))
                    .map(|p| Candidate::same(format!("${p}")))
                    .collect(),
            };
        }
        Tok::Punct('$') => {
            return Completion::Words {
                start: at(last),
                candidates: vocab
                    .params
                    .iter()
                    .map(|p| Candidate::same(format!("${p}")))
                    .collect(),
            };
        }
        _ => {}
    }
    let (word, start, before) = match last.kind {
        Tok::Word => (&text[last.start..], at(last), &toks[..toks.len() - 1]),
        Tok::Str { .. } | Tok::Comment | Tok::Number | Tok::Escaped => {
            return Completion::none(end);
        }
        _ => ("", end, &toks[..]),
    };
    let from = |names: &[String]| -> Vec<Candidate> {
        names
            .iter()
            .filter(|n| starts_with_ci(n, word))
            .map(|n| Candidate::same(escape_name(n)))
            .collect()
    };
    let candidates = match syntax::role(before) {
        Role::Label => from(&vocab.labels),
        Role::RelType => from(&vocab.types),
        Role::Key => from(&vocab.keys),
        Role::Other if word.is_empty() => Vec::new(),
        Role::Other => {
            let mut out: Vec<Candidate> = Vec::new();
            for v in variables(text, before) {
                if starts_with_ci(&v, word) && v != word {
                    out.push(Candidate::same(v));
                }
            }
            for k in KEYWORDS {
                if starts_with_ci(k, word) {
                    let k = if word.chars().all(|c| c.is_lowercase()) {
                        k.to_lowercase()
                    } else {
                        k.to_string()
                    };
                    out.push(Candidate::same(k));
                }
            }
            for f in functions() {
                if starts_with_ci(&f, word) {
                    out.push(Candidate {
                        display: format!("{f}()"),
                        replacement: format!("{f}("),
                    });
                }
            }
            out.dedup_by(|a, b| a.replacement == b.replacement);
            out
        }
    };
    Completion::Words { start, candidates }
}

/// Variables the text has introduced: the first name in a node or
/// relationship pattern, a path's name, and names after `AS`.
fn variables(text: &str, toks: &[Token]) -> Vec<String> {
    let significant: Vec<&Token> = toks.iter().filter(|t| t.kind != Tok::Space).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, t) in significant.iter().enumerate() {
        if t.kind != Tok::Word {
            continue;
        }
        let word = &text[t.start..t.end];
        if syntax::is_reserved(word) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| significant[j]);
        let next = significant.get(i + 1);
        let introduced = match prev.map(|p| p.kind) {
            Some(Tok::Punct('(' | '[')) => {
                next.is_none_or(|n| matches!(n.kind, Tok::Punct(':' | ')' | ']' | '{' | '*')))
            }
            Some(Tok::Word) => {
                let p = &text[prev.unwrap().start..prev.unwrap().end];
                p.eq_ignore_ascii_case("AS")
                    || (next.is_some_and(|n| n.kind == Tok::Punct('='))
                        && (p.eq_ignore_ascii_case("MATCH")))
            }
            _ => false,
        };
        if introduced && !out.iter().any(|o| o == word) {
            out.push(word.to_string());
        }
    }
    out
}

/// A name as it must be written: in backticks unless it is a plain name.
fn escape_name(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(d) = chars.next() {
                out.push(d);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Entity names and enumerated values for a string being typed: names
/// that start with the text first, then names with a word that does.
fn quoted(typed: &str, quote: char, vocab: &Vocabulary) -> Vec<Candidate> {
    let typed_lower = typed.to_lowercase();
    let mut first = Vec::new();
    let mut then = Vec::new();
    let mut all: Vec<&String> = vocab.names.iter().chain(&vocab.values).collect();
    all.sort();
    all.dedup();
    for name in all {
        let lower = name.to_lowercase();
        if lower.starts_with(&typed_lower) {
            first.push(name);
        } else if !typed.is_empty()
            && lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(&typed_lower))
        {
            then.push(name);
        }
    }
    first
        .into_iter()
        .chain(then)
        .map(|name| {
            let mut escaped = String::new();
            for c in name.chars() {
                if c == quote || c == '\\' {
                    escaped.push('\\');
                }
                escaped.push(c);
            }
            Candidate {
                display: name.clone(),
                replacement: format!("{quote}{escaped}{quote}"),
            }
        })
        .collect()
}

/// A hint shown after the cursor: what the rest of a meta-command looks
/// like. `completion` is what the right arrow inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandHint {
    /// Shown in grey after the cursor.
    pub display: String,
    /// Inserted when the hint is accepted, if anything.
    pub completion: Option<String>,
}

impl rustyline::hint::Hint for CommandHint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// The hint for a meta-command being typed: the rest of its name and its
/// arguments (`:sch` hints `ema`, `:dot ` hints `FILE [query]`).
pub fn command_hint(line: &str, pos: usize) -> Option<CommandHint> {
    if pos != line.len() {
        return None;
    }
    let text = line.trim_start().strip_prefix(':')?;
    let args = |usage: &str| usage.split_once(' ').map(|(_, a)| a.to_string());
    match text.split_once(' ') {
        None => {
            if text.is_empty() {
                return None;
            }
            let mut matching = COMMANDS.iter().filter(|(n, _, _)| n.starts_with(text));
            let (name, usage, _) = matching.next()?;
            if matching.next().is_some() {
                return None;
            }
            let rest = &name[text.len()..];
            let display = match args(usage) {
                Some(a) => format!("{rest} {a}"),
                None => rest.to_string(),
            };
            if display.is_empty() {
                return None;
            }
            Some(CommandHint {
                display,
                completion: (!rest.is_empty()).then(|| rest.to_string()),
            })
        }
        Some((name, "")) => {
            let (_, usage, _) = COMMANDS.iter().find(|(n, _, _)| *n == name)?;
            Some(CommandHint {
                display: args(usage)?,
                completion: None,
            })
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Vocabulary {
            labels: s(&["Actor", "Document", "Mission"]),
            types: s(&["CONTRIBUTES", "LEADS", "OPPOSES", "SUPPORTS"]),
            keys: s(&["aliases", "amount", "kind", "name"]),
            names: s(&[
                "Côte d'Ivoire",
                "Kenya",
                "Kenyan police",
                "Multinational Security Support mission",
            ]),
            values: s(&["country", "money"]),
            params: s(&["name"]),
        }
    }

    /// The line after taking the only candidate, or the candidates' replacements.
    fn words(line: &str) -> (usize, Vec<String>) {
        match complete(line, line.len(), &vocab()) {
            Completion::Words { start, candidates } => (
                start,
                candidates.into_iter().map(|c| c.replacement).collect(),
            ),
            Completion::Path => panic!("{line}: a path"),
        }
    }

    fn only(line: &str) -> String {
        let (start, c) = words(line);
        assert_eq!(c.len(), 1, "{line}: {c:?}");
        format!("{}{}", &line[..start], c[0])
    }

    #[test]
    fn labels_types_and_keys_by_position() {
        assert_eq!(only("MATCH (a:Ac"), "MATCH (a:Actor");
        assert_eq!(only("match (:mi"), "match (:Mission");
        assert_eq!(only("MATCH (a)-[:LE"), "MATCH (a)-[:LEADS");
        assert_eq!(only("MATCH (a)-[r:LEADS|OPP"), "MATCH (a)-[r:LEADS|OPPOSES");
        assert_eq!(only("MATCH (a) RETURN a.na"), "MATCH (a) RETURN a.name");
        assert_eq!(only("MATCH (a {ki"), "MATCH (a {kind");
        assert_eq!(words("MATCH (a:").1, ["Actor", "Document", "Mission"]);
        assert_eq!(words("MATCH (a)-[:").1.len(), 4);
    }

    #[test]
    fn keywords_functions_and_variables() {
        assert_eq!(only("MATCH (a) RET"), "MATCH (a) RETURN");
        assert_eq!(only("mat"), "match");
        assert_eq!(only("MATCH (a) OPT"), "MATCH (a) OPTIONAL MATCH");
        assert_eq!(only("RETURN toLo"), "RETURN toLower(");
        assert_eq!(words("MATCH (actor:Actor) RETURN act").1, ["actor"]);
        assert_eq!(
            only("MATCH (a) WITH a.name AS label_name RETURN label_"),
            "MATCH (a) WITH a.name AS label_name RETURN label_name"
        );
        let (_, c) = words("MATCH (a) RETURN co");
        assert!(c.contains(&"count(".to_string()) && c.contains(&"coalesce(".to_string()));
        // Nothing typed: no flood of keywords.
        assert!(words("MATCH (a) ").1.is_empty());
    }

    #[test]
    fn entity_names_inside_quotes() {
        assert_eq!(
            only("MATCH (a {name: 'Kenyan p"),
            "MATCH (a {name: 'Kenyan police'"
        );
        assert_eq!(
            only("MATCH (a {name: 'ivo"),
            "MATCH (a {name: 'Côte d\\'Ivoire'"
        );
        assert_eq!(
            only("MATCH (a {name: \"Côte"),
            "MATCH (a {name: \"Côte d'Ivoire\""
        );
        assert_eq!(
            only("WHERE m.name = 'secu"),
            "WHERE m.name = 'Multinational Security Support mission'"
        );
        assert_eq!(only("WHERE a.kind = 'coun"), "WHERE a.kind = 'country'");
        // Prefix matches come first.
        assert_eq!(words("RETURN 'kenya").1, ["'Kenya'", "'Kenyan police'"]);
        // A finished string completes nothing.
        assert!(words("RETURN 'Kenya'").1.is_empty());
    }

    #[test]
    fn parameters() {
        assert_eq!(only("MATCH (a {name: $na"), "MATCH (a {name: $name");
        assert_eq!(only("RETURN $"), "RETURN $name");
        assert_eq!(only(":param na"), ":param name");
    }

    #[test]
    fn meta_commands() {
        assert_eq!(only(":sch"), ":schema");
        assert_eq!(words(":s").1, [":schema", ":stats", ":save"]);
        assert_eq!(only(":help sc"), ":help schema");
        assert_eq!(only(":format js"), ":format json");
        assert_eq!(only(":timing of"), ":timing off");
        assert_eq!(complete(":load see", 9, &vocab()), Completion::Path);
        assert_eq!(complete(":dot gr", 7, &vocab()), Completion::Path);
        assert_eq!(
            only(":dot g.dot MATCH (a:Mis"),
            ":dot g.dot MATCH (a:Mission"
        );
    }

    #[test]
    fn hints_for_commands() {
        let h = command_hint(":sch", 4).unwrap();
        assert_eq!(h.display, "ema");
        assert_eq!(h.completion.as_deref(), Some("ema"));
        let h = command_hint(":do", 3).unwrap();
        assert_eq!(h.display, "t FILE [query]");
        assert_eq!(h.completion.as_deref(), Some("t"));
        let h = command_hint(":load ", 6).unwrap();
        assert_eq!(h.display, "PATH");
        assert_eq!(h.completion, None);
        assert_eq!(command_hint(":s", 2), None);
        assert_eq!(command_hint(":stats", 6), None);
        assert_eq!(command_hint("MATCH", 5), None);
    }

    #[test]
    fn vocabulary_of_a_graph() {
        let mut g = Graph::new();
        g.query_mut("CREATE (:Actor {name: 'Kenya', kind: 'country'})-[:CONTRIBUTES {kind: 'money', unit: 'USD'}]->(:Mission {name: 'MSS'})")
            .unwrap();
        let v = Vocabulary::from_graph(&g);
        assert_eq!(v.labels, ["Actor", "Mission"]);
        assert_eq!(v.types, ["CONTRIBUTES"]);
        assert_eq!(v.names, ["Kenya", "MSS"]);
        assert_eq!(v.values, ["USD", "country", "money"]);
        assert!(v.keys.contains(&"unit".to_string()));
    }
}
