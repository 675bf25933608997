//! Syntax colours (ANSI) for the line being edited: keywords, strings,
//! numbers, labels, relationship types, parameters, comments and
//! meta-commands. Only colour codes are added, so the width is unchanged.

use super::COMMANDS;
use super::syntax::{self, Role, Tok};

/// Reserved words.
pub const KEYWORD: &str = "\x1b[1;34m";
/// String literals.
pub const STRING: &str = "\x1b[32m";
/// Numbers, `true`, `false` and `null`.
pub const LITERAL: &str = "\x1b[36m";
/// Node labels.
pub const LABEL: &str = "\x1b[35m";
/// Relationship types.
pub const REL_TYPE: &str = "\x1b[33m";
/// Parameters.
pub const PARAM: &str = "\x1b[95m";
/// Comments and hints.
pub const DIM: &str = "\x1b[90m";
/// A known meta-command.
pub const COMMAND: &str = "\x1b[1;36m";
/// An unknown meta-command and errors.
pub const ERROR: &str = "\x1b[31m";
/// Back to the terminal's colours.
pub const RESET: &str = "\x1b[0m";

/// The line with colour codes.
pub fn highlight(line: &str) -> String {
    let trimmed = line.trim_start();
    if let Some(cmd) = trimmed.strip_prefix(':') {
        let indent = &line[..line.len() - trimmed.len()];
        let name_len = cmd.find(char::is_whitespace).unwrap_or(cmd.len());
        let name = &cmd[..name_len];
        let rest = &cmd[name_len..];
        let known = COMMANDS.iter().any(|(n, _, _)| *n == name)
            || matches!(name, "h" | "?" | "q" | "exit" | "params");
        let colour = if known || name.is_empty() {
            COMMAND
        } else {
            ERROR
        };
        let rest = if name == "dot" {
            // `:dot FILE query`: colour the query.
            let arg = rest.trim_start();
            let lead = &rest[..rest.len() - arg.len()];
            match arg.find(char::is_whitespace) {
                Some(end) => format!("{lead}{}{}", &arg[..end], highlight_query(&arg[end..])),
                None => rest.to_string(),
            }
        } else {
            rest.to_string()
        };
        return format!("{indent}{colour}:{name}{RESET}{rest}");
    }
    highlight_query(line)
}

/// A query with colour codes.
pub fn highlight_query(text: &str) -> String {
    let toks = syntax::tokens(text);
    let mut out = String::with_capacity(text.len() * 2);
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        let colour = match t.kind {
            Tok::Str { .. } => Some(STRING),
            Tok::Number => Some(LITERAL),
            Tok::Param => Some(PARAM),
            Tok::Comment => Some(DIM),
            Tok::Word | Tok::Escaped => match syntax::role(&toks[..i]) {
                Role::Label => Some(LABEL),
                Role::RelType => Some(REL_TYPE),
                Role::Key => None,
                Role::Other if t.kind == Tok::Escaped => None,
                Role::Other => {
                    let upper = s.to_ascii_uppercase();
                    if matches!(upper.as_str(), "TRUE" | "FALSE" | "NULL") {
                        Some(LITERAL)
                    } else if syntax::is_reserved(s) {
                        Some(KEYWORD)
                    } else {
                        None
                    }
                }
            },
            Tok::Space | Tok::Punct(_) => None,
        };
        match colour {
            Some(c) => {
                out.push_str(c);
                out.push_str(s);
                out.push_str(RESET);
            }
            None => out.push_str(s),
        }
    }
    out
}

/// Text without colour codes (for tests and width checks).
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_by_role() {
        let line = "MATCH (a:Actor)-[r:LEADS]->(m {name: 'MSS'}) WHERE a.end = $p AND m.n > 2 RETURN true // x";
        let h = highlight(line);
        assert_eq!(strip(&h), line);
        assert!(h.starts_with(&format!("{KEYWORD}MATCH{RESET}")), "{h:?}");
        assert!(h.contains(&format!(":{LABEL}Actor{RESET}")), "{h:?}");
        assert!(h.contains(&format!(":{REL_TYPE}LEADS{RESET}")), "{h:?}");
        assert!(h.contains(&format!("{STRING}'MSS'{RESET}")), "{h:?}");
        assert!(h.contains(&format!("{PARAM}$p{RESET}")), "{h:?}");
        assert!(h.contains(&format!("{LITERAL}2{RESET}")), "{h:?}");
        assert!(h.contains(&format!("{LITERAL}true{RESET}")), "{h:?}");
        assert!(h.contains(&format!("{DIM}// x{RESET}")), "{h:?}");
        // A property key named like a keyword is not a keyword.
        assert!(h.contains("a.end "), "{h:?}");
        assert!(h.contains(&format!("{KEYWORD}AND{RESET}")), "{h:?}");
    }

    #[test]
    fn half_typed_lines_keep_their_width() {
        for line in [
            "MATCH (a:Act",
            "RETURN 'unfinished",
            "MATCH (a)-[",
            "`odd",
            "é ü ∑",
        ] {
            assert_eq!(strip(&highlight(line)), line);
        }
    }

    #[test]
    fn meta_commands() {
        assert_eq!(highlight(":schema"), format!("{COMMAND}:schema{RESET}"));
        assert_eq!(highlight(":shema"), format!("{ERROR}:shema{RESET}"));
        assert_eq!(
            highlight(":load seeds/"),
            format!("{COMMAND}:load{RESET} seeds/")
        );
        let h = highlight(":dot g.dot MATCH (a) RETURN a");
        assert!(
            h.contains(&format!(" g.dot {KEYWORD}MATCH{RESET}")),
            "{h:?}"
        );
    }
}
