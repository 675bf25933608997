//! Reading documents from files and folders: .txt, .md (the Markdown's readable text), .html (the article's readable text) and .jsonl (one article a line).
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let file = dir.path().join("news.jsonl");
//! std::fs::write(&file, concat!(
//!     r#"{"id": "a1", "title": "Kenya leads", "date": "2024-03-12", "text": "Kenya leads the mission."}"#, "\n",
//!     "not json\n",
//! ))?;
//! let read = newsgraph::input::read_all(&[&file])?;
//! assert_eq!(read.documents[0].info.name, "a1");
//! assert_eq!(read.documents[0].info.date.as_deref(), Some("2024-03-12"));
//! assert_eq!(read.skipped[0].line, 2);
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value as Json;

use crate::extract::Document;

/// A path that could not be read as documents.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(String),
    /// A folder holds no document files.
    #[error("{0}: no .txt, .md, .html or .jsonl files in this folder")]
    NoDocuments(String),
    /// A file is not UTF-8 text.
    #[error("{path}: not a text file ({reason})")]
    NotText {
        /// The file.
        path: String,
        /// Why: invalid UTF-8 at a byte, or binary content.
        reason: String,
    },
    /// An HTML page has no readable article text.
    #[error("{0}: no article text in this HTML page")]
    NoArticle(String),
    /// A file holds several documents where one was wanted.
    #[error("{path}: holds {count} documents where one was expected")]
    NotOneDocument {
        /// The file.
        path: String,
        /// How many documents it holds.
        count: usize,
    },
    /// The system refused to read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// A record of a .jsonl file that was skipped, and why; the rest of the
/// file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}; line skipped",
            self.path, self.line, self.reason
        )
    }
}

/// Documents read from files, and the records that had to be skipped.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// The documents, in file order (and line order within a .jsonl file).
    pub documents: Vec<Document>,
    /// Records of .jsonl files that could not be read.
    pub skipped: Vec<Skipped>,
}

/// File extensions read as documents.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

/// How a file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
    JsonLines,
}

fn kind(p: &Path) -> Kind {
    match p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md") => Kind::Markdown,
        Some("html" | "htm") => Kind::Html,
        Some("jsonl") => Kind::JsonLines,
        _ => Kind::Text,
    }
}

fn has_document_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The document files a path names: the file itself, or the document files
/// in a folder and its subfolders, sorted.
pub fn document_files(path: &Path) -> Result<Vec<PathBuf>, InputError> {
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(InputError::NotFound(shown));
    }
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    collect(path, &mut out)?;
    out.sort();
    if out.is_empty() {
        return Err(InputError::NoDocuments(shown));
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| InputError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| InputError::Io {
            path: dir.display().to_string(),
            source: e,
        })?;
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if has_document_extension(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Read a file as UTF-8 text, refusing binary content.
fn read_text(path: &Path) -> Result<String, InputError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| InputError::Io {
        path: shown.clone(),
        source: e,
    })?;
    if bytes.contains(&0) {
        return Err(InputError::NotText {
            path: shown,
            reason: "it holds NUL bytes, like a binary file".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::NotText {
        path: shown,
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}

/// Read every document one file holds: one for .txt, .md and .html, one a
/// line for .jsonl (bad lines are skipped and listed in
/// [`Documents::skipped`]).
pub fn read_file(path: &Path) -> Result<Documents, InputError> {
    let shown = path.display().to_string();
    let text = read_text(path)?;
    match kind(path) {
        Kind::Text => {
            let mut doc = Document::new(&file_name(path), &text);
            doc.info.path = shown;
            Ok(Documents {
                documents: vec![doc],
                skipped: Vec::new(),
            })
        }
        Kind::Markdown => {
            let mut doc = markdown_document(&file_name(path), &text);
            doc.info.path = shown;
            Ok(Documents {
                documents: vec![doc],
                skipped: Vec::new(),
            })
        }
        Kind::Html => {
            let mut doc = html_document(&file_name(path), &text)
                .ok_or_else(|| InputError::NoArticle(shown.clone()))?;
            doc.info.path = shown;
            Ok(Documents {
                documents: vec![doc],
                skipped: Vec::new(),
            })
        }
        Kind::JsonLines => Ok(json_lines(path, &text)),
    }
}

/// Read a file that holds one document (.txt, .md, .html, or a .jsonl file
/// of one record).
pub fn read_document(path: &Path) -> Result<Document, InputError> {
    let mut read = read_file(path)?;
    if read.documents.len() != 1 {
        return Err(InputError::NotOneDocument {
            path: path.display().to_string(),
            count: read.documents.len(),
        });
    }
    Ok(read.documents.remove(0))
}

/// Read every document the paths name, with the .jsonl records that had
/// to be skipped.
pub fn read_all<P: AsRef<Path>>(paths: &[P]) -> Result<Documents, InputError> {
    let mut out = Documents::default();
    for p in paths {
        for f in document_files(p.as_ref())? {
            let read = read_file(&f)?;
            out.documents.extend(read.documents);
            out.skipped.extend(read.skipped);
        }
    }
    Ok(out)
}

/// Read every document the paths name. Bad .jsonl records are left out;
/// [`read_all`] lists them.
pub fn read_documents<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Document>, InputError> {
    read_all(paths).map(|r| r.documents)
}

// ---------------------------------------------------------------- .jsonl

/// Field names news datasets use, in order of preference.
const ID_FIELDS: &[&str] = &["id", "_id", "uuid", "doc_id"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_publish",
    "pubdate",
];
const URL_FIELDS: &[&str] = &["url", "link", "source_url"];
const TEXT_FIELDS: &[&str] = &["text", "content", "body", "maintext", "article"];

fn field<'a>(obj: &'a serde_json::Map<String, Json>, names: &[&str]) -> Option<&'a Json> {
    names
        .iter()
        .find_map(|n| obj.get(*n))
        .filter(|v| !v.is_null())
}

fn scalar_text(v: &Json) -> Option<String> {
    match v {
        Json::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn json_lines(path: &Path, text: &str) -> Documents {
    let shown = path.display().to_string();
    let base = file_name(path);
    let mut out = Documents::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match json_record(line) {
            Ok(rec) => {
                let name = rec.id.unwrap_or_else(|| format!("{base}:{line_no}"));
                let mut doc = Document::new(&name, &rec.text);
                if let Some(t) = rec.title {
                    doc.info.title = t;
                }
                doc.info.date = rec.date;
                doc.info.url = rec.url;
                doc.info.path = format!("{shown}:{line_no}");
                out.documents.push(doc);
            }
            Err(reason) => out.skipped.push(Skipped {
                path: shown.clone(),
                line: line_no,
                reason,
            }),
        }
    }
    out
}

struct Record {
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    text: String,
}

fn json_record(line: &str) -> Result<Record, String> {
    let json: Json = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let Json::Object(obj) = json else {
        return Err("not a JSON object".into());
    };
    let text = match field(&obj, TEXT_FIELDS) {
        Some(Json::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Json::String(_)) => return Err("\"text\" is empty".into()),
        Some(_) => return Err("\"text\" is not a string".into()),
        None => return Err("no \"text\" field".into()),
    };
    let date = match field(&obj, DATE_FIELDS) {
        None => None,
        Some(Json::String(s)) if s.trim().is_empty() => None,
        Some(Json::String(s)) => Some(normalize_date(s)),
        Some(Json::Number(n)) => n.as_i64().and_then(date_from_timestamp),
        Some(_) => return Err("\"date\" is neither a string nor a number".into()),
    };
    Ok(Record {
        id: field(&obj, ID_FIELDS).and_then(scalar_text),
        title: field(&obj, TITLE_FIELDS).and_then(scalar_text),
        date,
        url: field(&obj, URL_FIELDS).and_then(scalar_text),
        text,
    })
}

// ---------------------------------------------------------------- dates

/// A date as ISO 8601 (`YYYY-MM-DD`) so that dates sort and compare as
/// text: ISO dates and date-times, `YYYY/MM/DD`, `YYYYMMDD`, and written
/// dates ("12 March 2024", "March 12, 2024", "Tue, 12 Mar 2024 10:00:00
/// GMT"). Text in no known form is kept as it is.
pub fn normalize_date(raw: &str) -> String {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    let raw = raw.trim();
    let numeric = NUMERIC.get_or_init(|| {
        Regex::new(r"^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s])").expect("valid date pattern")
    });
    if let Some(c) = numeric.captures(raw)
        && let Some(d) = ymd(&c[1], &c[2], &c[3])
    {
        return d;
    }
    written_date(raw).unwrap_or_else(|| raw.to_string())
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn written_date(raw: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (mut year, mut month, mut day) = (None, None, None);
    for word in raw
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_ascii_lowercase();
        if let Some(m) = MONTHS
            .iter()
            .position(|m| lower.len() >= 3 && m.starts_with(&lower[..3]) && lower.starts_with(m))
        {
            month.get_or_insert(m as u32 + 1);
        } else if let Ok(n) = word.parse::<u32>() {
            if word.len() == 4 && year.is_none() {
                year = Some(n);
            } else if word.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                day = Some(n);
            }
        }
    }
    Some(format!("{:04}-{:02}-{:02}", year?, month?, day?))
}

/// A Unix timestamp (seconds, or milliseconds when it is that large) as an
/// ISO 8601 date.
fn date_from_timestamp(t: i64) -> Option<String> {
    let secs = if t.abs() >= 100_000_000_000 {
        t / 1000
    } else {
        t
    };
    let days = secs.div_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (0..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

// ---------------------------------------------------------------- .md

/// A Markdown file reduced to its readable text by a CommonMark parser
/// (pulldown-cmark): one block a paragraph, heading, list item, quote or
/// table cell, separated by blank lines as in .html; emphasis, links and
/// inline code give their text; code blocks, images, HTML and footnote
/// marks are left out. The title, date and address come from the front
/// matter (YAML between `---` lines, or TOML between `+++` lines: `title`,
/// `date`, `url`) when it has them; otherwise the title is the first
/// heading, or the first line. The text is what the extractor reads, so
/// evidence offsets refer to it.
///
/// ```
/// let doc = newsgraph::input::markdown_document(
///     "kenya.md",
///     "---\ndate: 2024-03-12\n---\n# Kenya news\n\n**Kenya** leads the [MSS](https://example.org) mission.\n",
/// );
/// assert_eq!(doc.info.title, "Kenya news");
/// assert_eq!(doc.info.date.as_deref(), Some("2024-03-12"));
/// assert_eq!(doc.text, "Kenya news\n\nKenya leads the MSS mission.");
/// ```
pub fn markdown_document(name: &str, markdown: &str) -> Document {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut blocks: Vec<String> = Vec::new();
    let mut pending = String::new();
    let mut front_matter = String::new();
    let mut in_front_matter = false;
    // Inside code blocks, HTML blocks and images: nothing is article text.
    let mut skipping = 0usize;
    let mut heading: Option<String> = None;
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front_matter = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => front_matter.push_str(&t),
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. }) => skipping += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skipping = skipping.saturating_sub(1);
            }
            _ if skipping > 0 => {}
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut blocks, &mut pending);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_heading && heading.is_none() {
                    heading = Some(collapse(&pending)).filter(|h| !h.is_empty());
                }
                in_heading = false;
                flush(&mut blocks, &mut pending);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::TableCell
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::TableCell
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => flush(&mut blocks, &mut pending),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                pending.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => pending.push(' '),
            // Emphasis, links and the like: their text comes as Text events.
            _ => {}
        }
    }
    flush(&mut blocks, &mut pending);
    let meta = front_matter_fields(&front_matter);
    let get = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| meta.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)))
            .map(|(_, v)| v.clone())
    };
    // A title from the front matter is not in the text: it goes first, as
    // a headline does.
    let front_title = get(TITLE_FIELDS);
    if let Some(t) = &front_title
        && blocks.first() != Some(t)
    {
        blocks.insert(0, t.clone());
    }
    let title = front_title.or(heading);
    let mut doc = Document::new(name, &blocks.join("\n\n"));
    if let Some(t) = title {
        doc.info.title = t;
    }
    doc.info.date = get(DATE_FIELDS).map(|d| normalize_date(&d));
    doc.info.url = get(URL_FIELDS);
    doc
}

/// The `key: value` (YAML) or `key = value` (TOML) lines of a front
/// matter block, with quotes taken off; nested values, lists and empty
/// values are left out.
fn front_matter_fields(block: &str) -> Vec<(String, String)> {
    block
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|l| {
            let (k, v) = match (l.find(':'), l.find('=')) {
                (Some(c), Some(e)) if e < c => l.split_at(e),
                (Some(c), _) => l.split_at(c),
                (None, Some(e)) => l.split_at(e),
                (None, None) => return None,
            };
            let v = v[1..].trim();
            let v = [('"', '"'), ('\'', '\'')]
                .iter()
                .find_map(|(open, close)| v.strip_prefix(*open)?.strip_suffix(*close))
                .unwrap_or(v)
                .trim();
            let k = k.trim();
            (!k.is_empty() && !v.is_empty() && !v.starts_with(['[', '{', '|', '>']))
                .then(|| (k.to_string(), v.to_string()))
        })
        .collect()
}

// ---------------------------------------------------------------- .html

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "svg",
    "iframe", "figure", "select", "head",
];
/// Elements read as one block of text each.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "caption",
];
/// Elements that end a run of loose text.
const BREAKS: &[&str] = &[
    "div", "section", "article", "main", "header", "ul", "ol", "dl", "table", "tr", "body", "hr",
];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// An HTML page reduced to its article: the title (from `og:title`, the
/// first `h1` or `<title>`), date and address from the page's metadata,
/// and the text of the `<article>` (or `main`, or the body) as paragraphs,
/// without navigation, scripts, asides and footers. `None` when the page
/// has no readable text.
pub fn html_document(name: &str, html: &str) -> Option<Document> {
    let page = Html::parse_document(html);
    let container = article_element(&page)?;
    let mut blocks = Vec::new();
    let mut pending = String::new();
    walk(container, &mut blocks, &mut pending);
    flush(&mut blocks, &mut pending);
    if blocks.is_empty() {
        return None;
    }
    let meta = |sel: &str, attr: &str| {
        page.select(&selector(sel))
            .find_map(|e| e.value().attr(attr))
            .map(collapse)
            .filter(|s| !s.is_empty())
    };
    let title = meta(r#"meta[property="og:title"]"#, "content")
        .or_else(|| first_text(container, "h1"))
        .or_else(|| first_text(page.root_element(), "h1"))
        .or_else(|| first_text(page.root_element(), "title"));
    if let Some(t) = &title
        && blocks.first() != Some(t)
    {
        blocks.insert(0, t.clone());
    }
    let date = meta(r#"meta[property="article:published_time"]"#, "content")
        .or_else(|| meta(r#"meta[itemprop="datePublished"]"#, "content"))
        .or_else(|| {
            meta(
                r#"meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="DC.date"], meta[name="dc.date"]"#,
                "content",
            )
        })
        .or_else(|| {
            container
                .select(&selector("time[datetime]"))
                .chain(page.select(&selector("time[datetime]")))
                .find_map(|e| e.value().attr("datetime"))
                .map(str::to_string)
        })
        .map(|d| normalize_date(&d));
    let url = meta(r#"link[rel="canonical"]"#, "href")
        .or_else(|| meta(r#"meta[property="og:url"]"#, "content"));
    let mut doc = Document::new(name, &blocks.join("\n\n"));
    if let Some(t) = title {
        doc.info.title = t;
    }
    doc.info.date = date;
    doc.info.url = url;
    Some(doc)
}

/// The element holding the article: the `<article>` with the most text,
/// else `[itemprop=articleBody]`, `<main>`, `[role=main]`, or the body.
fn article_element(page: &Html) -> Option<ElementRef<'_>> {
    let text_len = |e: &ElementRef| e.text().map(|t| t.trim().len()).sum::<usize>();
    for sel in [
        "article",
        r#"[itemprop="articleBody"]"#,
        "main",
        r#"[role="main"]"#,
        "body",
    ] {
        if let Some(e) = page
            .select(&selector(sel))
            .filter(|e| text_len(e) > 0)
            .max_by_key(text_len)
        {
            return Some(e);
        }
    }
    None
}

fn first_text(scope: ElementRef, sel: &str) -> Option<String> {
    scope
        .select(&selector(sel))
        .map(|e| collapse(&inline_text(e)))
        .find(|t| !t.is_empty())
}

/// Collapse runs of whitespace to one space and trim.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flush(blocks: &mut Vec<String>, pending: &mut String) {
    let text = collapse(pending);
    if !text.is_empty() {
        blocks.push(text);
    }
    pending.clear();
}

fn walk(element: ElementRef, blocks: &mut Vec<String>, pending: &mut String) {
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(t) => pending.push_str(t),
            scraper::Node::Element(e) => {
                let name = e.name();
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if SKIP.contains(&name)
                    || e.attr("aria-hidden") == Some("true")
                    || e.attr("hidden").is_some()
                {
                    continue;
                } else if BLOCKS.contains(&name) {
                    flush(blocks, pending);
                    pending.push_str(&inline_text(child));
                    flush(blocks, pending);
                } else if name == "br" {
                    pending.push(' ');
                } else if BREAKS.contains(&name) {
                    flush(blocks, pending);
                    walk(child, blocks, pending);
                    flush(blocks, pending);
                } else {
                    walk(child, blocks, pending);
                }
            }
            _ => {}
        }
    }
}

/// The text of an element, without the parts that are never article text.
fn inline_text(element: ElementRef) -> String {
    let mut out = String::new();
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" => out.push(' '),
            scraper::Node::Element(e) if SKIP.contains(&e.name()) => {}
            scraper::Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    out.push(' ');
                    out.push_str(&inline_text(c));
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_paths_say_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert!(matches!(
            read_documents(&[&missing]),
            Err(InputError::NotFound(_))
        ));
        std::fs::write(dir.path().join("a.csv"), "x").unwrap();
        assert!(matches!(
            read_documents(&[dir.path()]),
            Err(InputError::NoDocuments(_))
        ));
        let bin = dir.path().join("b.txt");
        std::fs::write(&bin, [0x66, 0x6f, 0xff, 0xfe]).unwrap();
        let err = read_documents(&[&bin]).unwrap_err().to_string();
        assert!(
            err.ends_with("not a text file (invalid UTF-8 at byte 2)"),
            "{err}"
        );
    }

    #[test]
    fn folders_are_read_sorted_with_file_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.md"), "Second\nbody").unwrap();
        std::fs::write(dir.path().join("a.txt"), "First line\nbody").unwrap();
        let docs = read_documents(&[dir.path()]).unwrap();
        assert_eq!(
            docs.iter()
                .map(|d| d.info.name.as_str())
                .collect::<Vec<_>>(),
            ["a.txt", "b.md"]
        );
        assert_eq!(docs[0].info.title, "First line");
    }

    #[test]
    fn dates_become_iso() {
        for (raw, want) in [
            ("2024-03-12", "2024-03-12"),
            ("2024-03-12T10:15:00Z", "2024-03-12"),
            ("2024-03-12 10:15", "2024-03-12"),
            ("2024/03/12", "2024-03-12"),
            ("20240312", "2024-03-12"),
            ("12 March 2024", "2024-03-12"),
            ("March 12, 2024", "2024-03-12"),
            ("Tue, 12 Mar 2024 10:00:00 GMT", "2024-03-12"),
            ("Sept. 3, 2023", "2023-09-03"),
            ("last Tuesday", "last Tuesday"),
            ("2024-13-45", "2024-13-45"),
        ] {
            assert_eq!(normalize_date(raw), want, "{raw}");
        }
        assert_eq!(date_from_timestamp(1_710_201_600).unwrap(), "2024-03-12");
        assert_eq!(
            date_from_timestamp(1_710_201_600_000).unwrap(),
            "2024-03-12"
        );
        assert_eq!(date_from_timestamp(0).unwrap(), "1970-01-01");
    }

    #[test]
    fn jsonl_records_become_documents_and_bad_lines_are_skipped_with_their_number() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("news.jsonl");
        let lines = [
            r#"{"id": "r1", "title": "Kenya leads", "date": "March 12, 2024", "url": "https://example.org/1", "text": "Kenya leads the mission."}"#,
            "",
            "{not json",
            r#"["a list"]"#,
            r#"{"id": "r5"}"#,
            r#"{"id": 6, "text": 42}"#,
            r#"{"id": 7, "text": "  "}"#,
            r#"{"content": "China opposed it.", "published": 1710201600}"#,
            r#"{"id": "r9", "text": "x", "date": ["2024"]}"#,
        ];
        std::fs::write(&f, lines.join("\n")).unwrap();
        let read = read_file(&f).unwrap();
        let names: Vec<_> = read
            .documents
            .iter()
            .map(|d| d.info.name.as_str())
            .collect();
        assert_eq!(names, ["r1", "news.jsonl:8"]);
        let d = &read.documents[0].info;
        assert_eq!(d.title, "Kenya leads");
        assert_eq!(d.date.as_deref(), Some("2024-03-12"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/1"));
        assert!(d.path.ends_with("news.jsonl:1"));
        assert_eq!(read.documents[1].info.title, "China opposed it.");
        assert_eq!(read.documents[1].info.date.as_deref(), Some("2024-03-12"));
        let skipped: Vec<_> = read
            .skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert_eq!(skipped.len(), 6, "{skipped:?}");
        assert_eq!(skipped[0].0, 3);
        assert!(skipped[0].1.starts_with("not JSON ("), "{}", skipped[0].1);
        assert_eq!(
            &skipped[1..],
            [
                (4, "not a JSON object"),
                (5, "no \"text\" field"),
                (6, "\"text\" is not a string"),
                (7, "\"text\" is empty"),
                (9, "\"date\" is neither a string nor a number"),
            ]
        );
        assert!(
            read.skipped[1]
                .to_string()
                .ends_with("news.jsonl:4: not a JSON object; line skipped")
        );
        assert!(matches!(
            read_document(&f),
            Err(InputError::NotOneDocument { count: 2, .. })
        ));
    }

    #[test]
    fn html_is_reduced_to_the_article() {
        let html = r#"<!doctype html><html><head>
            <title>Kenya leads | Example News</title>
            <meta property="og:title" content="Kenya leads the mission">
            <meta property="article:published_time" content="2024-03-12T08:00:00Z">
            <link rel="canonical" href="https://example.org/kenya">
            <script>var ads = "China opposes";</script><style>p{}</style></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <header><p>Subscribe now</p></header>
            <article><h1>Kenya leads the mission</h1>
              <p>Kenya <b>leads</b> the
                 mission in Haiti.</p>
              <figure><img src="x.jpg"><figcaption>A photo</figcaption></figure>
              <p>China opposed it.<script>track()</script></p>
              <aside>Related: Russia</aside>
              <ul><li>Point one</li></ul>
            </article>
            <footer>Copyright</footer></body></html>"#;
        let doc = html_document("k.html", html).unwrap();
        assert_eq!(
            doc.text,
            "Kenya leads the mission\n\nKenya leads the mission in Haiti.\n\nChina opposed it.\n\nPoint one"
        );
        assert_eq!(doc.info.title, "Kenya leads the mission");
        assert_eq!(doc.info.date.as_deref(), Some("2024-03-12"));
        assert_eq!(doc.info.url.as_deref(), Some("https://example.org/kenya"));
    }

    #[test]
    fn html_without_article_element_uses_main_or_body_and_loose_text() {
        let doc = html_document(
            "p.html",
            "<html><body><div>Loose text here.<div>Second block</div></div><time datetime=\"2023-01-02\">Jan 2</time></body></html>",
        )
        .unwrap();
        assert_eq!(doc.text, "Loose text here.\n\nSecond block\n\nJan 2");
        assert_eq!(doc.info.date.as_deref(), Some("2023-01-02"));
        assert_eq!(doc.info.title, "Loose text here.");
        assert!(html_document("e.html", "<html><head><title>T</title></head><body><nav>Menu</nav><script>x</script></body></html>").is_none());
    }

    #[test]
    fn an_html_page_without_article_text_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("empty.html");
        std::fs::write(&f, "<html><body><nav>Home</nav></body></html>").unwrap();
        let err = read_document(&f).unwrap_err().to_string();
        assert!(
            err.ends_with("empty.html: no article text in this HTML page"),
            "{err}"
        );
    }
}
