//! Query errors: a class and a detail code as the openCypher TCK names
//! them, a message, the phase, and the position in the query text.
//! Rendering with line, column and caret is a separate step.

use std::fmt;

/// The openCypher error class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// The query is malformed or refers to things that cannot be.
    SyntaxError,
    /// A valid query that cannot be planned.
    SemanticError,
    /// A value of the wrong type.
    TypeError,
    /// A value of the right type that is out of range.
    ArgumentError,
    /// A deleted node or relationship was used.
    EntityNotFound,
    /// A write would break the graph's rules.
    ConstraintVerificationFailed,
    /// A parameter the query uses was not given.
    ParameterMissing,
    /// A procedure was called; newsgraph has none.
    ProcedureError,
    /// The query ran into a limit (rows, time, expansion) or was cancelled.
    LimitExceeded,
}

impl ErrorClass {
    /// The class name as the TCK writes it.
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::SyntaxError => "SyntaxError",
            ErrorClass::SemanticError => "SemanticError",
            ErrorClass::TypeError => "TypeError",
            ErrorClass::ArgumentError => "ArgumentError",
            ErrorClass::EntityNotFound => "EntityNotFound",
            ErrorClass::ConstraintVerificationFailed => "ConstraintVerificationFailed",
            ErrorClass::ParameterMissing => "ParameterMissing",
            ErrorClass::ProcedureError => "ProcedureError",
            ErrorClass::LimitExceeded => "LimitExceeded",
        }
    }
}

/// When an error was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// While parsing or checking, before touching the graph.
    Compile,
    /// While running.
    Runtime,
}

/// An error raised by a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The class.
    pub class: ErrorClass,
    /// The detail code (`UndefinedVariable`, `InvalidArgumentType`, ...).
    pub code: &'static str,
    /// What went wrong, in words.
    pub message: String,
    /// When it was raised.
    pub phase: Phase,
    /// Byte offset in the query text, when known.
    pub pos: Option<usize>,
}

impl QueryError {
    fn new(
        class: ErrorClass,
        code: &'static str,
        phase: Phase,
        message: impl Into<String>,
    ) -> QueryError {
        QueryError {
            class,
            code,
            message: message.into(),
            phase,
            pos: None,
        }
    }

    /// A compile-time syntax error.
    pub fn syntax(code: &'static str, message: impl Into<String>) -> QueryError {
        QueryError::new(ErrorClass::SyntaxError, code, Phase::Compile, message)
    }

    /// A run-time type error.
    pub fn type_error(code: &'static str, message: impl Into<String>) -> QueryError {
        QueryError::new(ErrorClass::TypeError, code, Phase::Runtime, message)
    }

    /// A run-time argument error.
    pub fn argument(code: &'static str, message: impl Into<String>) -> QueryError {
        QueryError::new(ErrorClass::ArgumentError, code, Phase::Runtime, message)
    }

    /// Any class at run time.
    pub fn runtime(
        class: ErrorClass,
        code: &'static str,
        message: impl Into<String>,
    ) -> QueryError {
        QueryError::new(class, code, Phase::Runtime, message)
    }

    /// Any class at compile time.
    pub fn compile(
        class: ErrorClass,
        code: &'static str,
        message: impl Into<String>,
    ) -> QueryError {
        QueryError::new(class, code, Phase::Compile, message)
    }

    /// The same error, at a position (kept if one is already set: the
    /// innermost spot that knows where it is wins).
    pub fn at(mut self, pos: impl Into<usize>) -> QueryError {
        self.pos.get_or_insert(pos.into());
        self
    }

    /// Line and column (both from 1, column in characters) of the error.
    pub fn line_col(&self, query: &str) -> Option<(usize, usize)> {
        let pos = self.pos?.min(query.len());
        let before = &query[..floor_char_boundary(query, pos)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, col))
    }

    /// The error with its position: a first line `line L, column C: message`,
    /// then the query line and a caret under the spot.
    pub fn render(&self, query: &str) -> String {
        let Some((line, col)) = self.line_col(query) else {
            return self.to_string();
        };
        let text = query.lines().nth(line - 1).unwrap_or("");
        let pad: String = text
            .chars()
            .take(col - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        format!("{self} (line {line}, column {col})\n  {text}\n  {pad}^")
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.class.name(), self.code, self.message)
    }
}

impl std::error::Error for QueryError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_puts_a_caret_under_the_spot() {
        let e = QueryError::syntax("UnexpectedSyntax", "expected `)`").at(19usize);
        let q = "MATCH (n)\nRETURN (n";
        assert_eq!(
            e.render(q),
            "SyntaxError (UnexpectedSyntax): expected `)` (line 2, column 10)\n  RETURN (n\n           ^"
        );
    }
}
