//! The rustyline glue: a [`ReplHelper`] that completes, hints and colours
//! with the functions of the sibling modules `complete` and `highlight`,
//! and the editor configuration.

use std::borrow::Cow;

use rustyline::completion::{Completer, FilenameCompleter};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{ColorMode, CompletionType, Config, Context, Editor, Helper};

use super::complete::{Candidate, CommandHint, Completion, Vocabulary, command_hint, complete};
use super::highlight::{self, DIM, RESET};

/// The prompt for a new query or command.
pub const PROMPT: &str = "newsgraph> ";
/// The prompt while a query goes on over several lines.
pub const CONTINUATION: &str = "      -> ";

/// Completion, hints and colours for the REPL's line editor.
pub struct ReplHelper {
    /// The names completion offers; refresh it when the graph changes.
    pub vocabulary: Vocabulary,
    /// Whether to colour the line (off with `NO_COLOR`).
    pub colour: bool,
    files: FilenameCompleter,
    history: HistoryHinter,
}

impl ReplHelper {
    /// A helper over a vocabulary.
    pub fn new(vocabulary: Vocabulary, colour: bool) -> ReplHelper {
        ReplHelper {
            vocabulary,
            colour,
            files: FilenameCompleter::new(),
            history: HistoryHinter::new(),
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Candidate;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Candidate>)> {
        match complete(line, pos, &self.vocabulary) {
            Completion::Words { start, candidates } => Ok((start, candidates)),
            Completion::Path => {
                let (start, pairs) = self.files.complete_path(line, pos)?;
                Ok((
                    start,
                    pairs
                        .into_iter()
                        .map(|p| Candidate {
                            display: p.display,
                            replacement: p.replacement,
                        })
                        .collect(),
                ))
            }
        }
    }
}

impl Hinter for ReplHelper {
    type Hint = CommandHint;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<CommandHint> {
        if let Some(h) = command_hint(line, pos) {
            return Some(h);
        }
        self.history.hint(line, pos, ctx).map(|h| CommandHint {
            display: h.clone(),
            completion: Some(h),
        })
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.colour {
            Cow::Owned(highlight::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if !self.colour {
            return Cow::Borrowed(prompt);
        }
        let text = prompt.trim_end();
        let colour = if prompt == CONTINUATION {
            DIM
        } else {
            "\x1b[1;32m"
        };
        Cow::Owned(format!("{colour}{text}{RESET}{}", &prompt[text.len()..]))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour {
            Cow::Owned(format!("{DIM}{hint}{RESET}"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.colour && kind != CmdKind::MoveCursor
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

/// The line editor of the REPL: list completion (like a shell), history
/// without repeats, colours unless `colour` is false.
pub fn editor(helper: ReplHelper) -> rustyline::Result<Editor<ReplHelper, FileHistory>> {
    let colour = helper.colour;
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .history_ignore_dups(true)?
        .history_ignore_space(true)
        .max_history_size(5000)?
        .color_mode(if colour {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        })
        .build();
    let mut editor = Editor::with_config(config)?;
    editor.set_helper(Some(helper));
    Ok(editor)
}

/// Whether colours are wanted: not when `NO_COLOR` is set (any value but
/// empty) or the terminal is `dumb`.
pub fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    !no_color && !dumb
}
