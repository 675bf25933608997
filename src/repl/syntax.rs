//! A forgiving lexer for one line of a query, shared by completion and highlighting.
//!
//! It never fails: half-typed strings, unknown characters and unbalanced
//! brackets are all tokens, so the editor can colour and complete whatever
//! is on the line.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Spaces and tabs.
    Space,
    /// A name: variable, label, type, property key, function or keyword.
    Word,
    /// A string literal; `closed` is false when the line ends inside it.
    Str {
        /// The quote character (`'` or `"`).
        quote: char,
        /// Whether the closing quote is on the line.
        closed: bool,
    },
    /// A name in backticks.
    Escaped,
    /// A number literal.
    Number,
    /// A parameter: `$name`.
    Param,
    /// `// ...` or `/* ... */`.
    Comment,
    /// Any other character.
    Punct(char),
}

/// A token and where it is (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Tok,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The reserved words of the language, upper case.
pub const RESERVED: &[&str] = &[
    "ALL",
    "AND",
    "AS",
    "ASC",
    "ASCENDING",
    "BY",
    "CALL",
    "CASE",
    "CONTAINS",
    "CREATE",
    "DELETE",
    "DESC",
    "DESCENDING",
    "DETACH",
    "DISTINCT",
    "ELSE",
    "END",
    "ENDS",
    "EXISTS",
    "FALSE",
    "IN",
    "IS",
    "LIMIT",
    "MATCH",
    "MERGE",
    "NOT",
    "NULL",
    "ON",
    "OPTIONAL",
    "OR",
    "ORDER",
    "REMOVE",
    "RETURN",
    "SET",
    "SKIP",
    "STARTS",
    "THEN",
    "TRUE",
    "UNION",
    "UNWIND",
    "WHEN",
    "WHERE",
    "WITH",
    "XOR",
    "YIELD",
];

/// Whether a word is a reserved word (any case).
pub fn is_reserved(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    RESERVED.contains(&upper.as_str())
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Split a line into tokens covering every byte.
pub fn tokens(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(line.len(), |&(o, _)| o);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let start = i;
        let kind = if c.is_whitespace() {
            while at(i).is_some_and(char::is_whitespace) {
                i += 1;
            }
            Tok::Space
        } else if c == '/' && at(i + 1) == Some('/') {
            i = chars.len();
            Tok::Comment
        } else if c == '/' && at(i + 1) == Some('*') {
            i += 2;
            while i < chars.len() && !(at(i) == Some('*') && at(i + 1) == Some('/')) {
                i += 1;
            }
            i = (i + 2).min(chars.len());
            Tok::Comment
        } else if c == '\'' || c == '"' {
            i += 1;
            let mut closed = false;
            while let Some(d) = at(i) {
                i += 1;
                if d == '\\' {
                    i += 1;
                } else if d == c {
                    closed = true;
                    break;
                }
            }
            i = i.min(chars.len());
            Tok::Str { quote: c, closed }
        } else if c == '`' {
            i += 1;
            while let Some(d) = at(i) {
                i += 1;
                if d == '`' {
                    if at(i) == Some('`') {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            Tok::Escaped
        } else if c.is_ascii_digit() {
            while at(i).is_some_and(|d| d.is_ascii_alphanumeric() || d == '_') {
                i += 1;
            }
            if at(i) == Some('.') && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
                while at(i).is_some_and(|d| d.is_ascii_alphanumeric()) {
                    i += 1;
                }
            }
            Tok::Number
        } else if c == '$' && at(i + 1).is_some_and(|d| is_name_char(d) || d == '`') {
            i += 1;
            while at(i).is_some_and(is_name_char) {
                i += 1;
            }
            Tok::Param
        } else if is_name_start(c) {
            while at(i).is_some_and(is_name_char) {
                i += 1;
            }
            Tok::Word
        } else {
            i += 1;
            Tok::Punct(c)
        };
        out.push(Token {
            kind,
            start: offset(start),
            end: offset(i),
        });
    }
    out
}

/// An open bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// `(`: a node pattern or a call.
    Paren,
    /// `[` after `-`: a relationship pattern.
    Rel,
    /// Any other `[`: a list.
    List,
    /// `{`: a map (or a subquery).
    Brace,
}

/// The innermost bracket still open after the tokens.
pub fn enclosing(tokens: &[Token]) -> Option<Bracket> {
    let mut stack: Vec<Bracket> = Vec::new();
    let mut prev = None;
    for t in tokens {
        if let Tok::Punct(c) = t.kind {
            match c {
                '(' => stack.push(Bracket::Paren),
                '[' if prev == Some(Tok::Punct('-')) => stack.push(Bracket::Rel),
                '[' => stack.push(Bracket::List),
                '{' => stack.push(Bracket::Brace),
                ')' | ']' | '}' => {
                    let matches = |b: &Bracket| match c {
                        ')' => *b == Bracket::Paren,
                        ']' => matches!(b, Bracket::Rel | Bracket::List),
                        _ => *b == Bracket::Brace,
                    };
                    if let Some(p) = stack.iter().rposition(matches) {
                        stack.truncate(p);
                    }
                }
                _ => {}
            }
        }
        if t.kind != Tok::Space {
            prev = Some(t.kind);
        }
    }
    stack.last().copied()
}

/// What a name stands for, judged from the tokens before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A node label (`(a:Actor)`, `WHERE a:Actor`).
    Label,
    /// A relationship type (`[:LEADS|SUPPORTS]`).
    RelType,
    /// A property key (`a.name`, `{name: ...}`).
    Key,
    /// Anything else: keyword, variable or function.
    Other,
}

/// The role of a name that follows `before` (the tokens on the line up to
/// the name, not including it).
pub fn role(before: &[Token]) -> Role {
    let significant: Vec<&Token> = before.iter().filter(|t| t.kind != Tok::Space).collect();
    let Some(prev) = significant.last() else {
        return Role::Other;
    };
    let adjacent = before.last().is_some_and(|t| t.kind != Tok::Space);
    match prev.kind {
        Tok::Punct(':') => match enclosing(before) {
            Some(Bracket::Rel) => Role::RelType,
            // In a map, a name after `:` is a value.
            Some(Bracket::Brace) => Role::Other,
            _ => Role::Label,
        },
        Tok::Punct('|') if enclosing(before) == Some(Bracket::Rel) => Role::RelType,
        // `n.key` and `(n).key`, but not `1.` or the `..` of a range.
        Tok::Punct('.') if adjacent => match significant
            .len()
            .checked_sub(2)
            .map(|i| significant[i].kind)
        {
            Some(Tok::Word | Tok::Escaped | Tok::Punct(')' | ']' | '}')) => Role::Key,
            _ => Role::Other,
        },
        Tok::Punct('{' | ',') if enclosing(before) == Some(Bracket::Brace) => Role::Key,
        _ => Role::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Tok, &str)> {
        tokens(line)
            .into_iter()
            .map(|t| (t.kind, &line[t.start..t.end]))
            .collect()
    }

    fn role_at_end(line: &str) -> Role {
        role(&tokens(line))
    }

    #[test]
    fn tokens_cover_the_line() {
        let line = "MATCH (a:Actor {name: 'Côte d\\'Ivoire'})-[*1..3]->(b) WHERE a.x = $p // hi";
        let toks = tokens(line);
        assert_eq!(toks.first().unwrap().start, 0);
        assert_eq!(toks.last().unwrap().end, line.len());
        for w in toks.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        let k = kinds(line);
        assert!(k.contains(&(
            Tok::Str {
                quote: '\'',
                closed: true
            },
            "'Côte d\\'Ivoire'"
        )));
        assert!(k.contains(&(Tok::Number, "1")));
        assert!(k.contains(&(Tok::Punct('.'), ".")));
        assert!(k.contains(&(Tok::Param, "$p")));
        assert_eq!(k.last().unwrap(), &(Tok::Comment, "// hi"));
    }

    #[test]
    fn unfinished_strings_and_brackets() {
        let k = kinds("RETURN 'abc");
        assert_eq!(
            k.last().unwrap(),
            &(
                Tok::Str {
                    quote: '\'',
                    closed: false
                },
                "'abc"
            )
        );
        assert_eq!(enclosing(&tokens("MATCH (a)-[r")), Some(Bracket::Rel));
        assert_eq!(enclosing(&tokens("RETURN [x IN")), Some(Bracket::List));
        assert_eq!(
            enclosing(&tokens("MATCH (a)-[r]->(b {")),
            Some(Bracket::Brace)
        );
        assert_eq!(enclosing(&tokens("MATCH (a)")), None);
    }

    #[test]
    fn roles() {
        assert_eq!(role_at_end("MATCH (a:"), Role::Label);
        assert_eq!(role_at_end("MATCH (:"), Role::Label);
        assert_eq!(role_at_end("MATCH (a)-[:"), Role::RelType);
        assert_eq!(role_at_end("MATCH (a)-[r:LEADS|"), Role::RelType);
        assert_eq!(role_at_end("MATCH (a) WHERE a:"), Role::Label);
        assert_eq!(role_at_end("MATCH (a) RETURN a."), Role::Key);
        assert_eq!(role_at_end("MATCH (a {"), Role::Key);
        assert_eq!(role_at_end("MATCH (a {name: 'x', "), Role::Key);
        assert_eq!(role_at_end("MATCH (a {name: "), Role::Other);
        assert_eq!(role_at_end("RETURN 1."), Role::Other);
        assert_eq!(role_at_end("MATCH (a)-[*1.."), Role::Other);
        assert_eq!(role_at_end("MATCH "), Role::Other);
        assert_eq!(role_at_end("RETURN [x IN xs |"), Role::Other);
        assert_eq!(role_at_end("RETURN [x IN xs WHERE x:"), Role::Label);
    }
}
