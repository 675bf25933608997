//! Reading documents from files and folders (.txt and .md).

use std::path::{Path, PathBuf};

use crate::extract::Document;

/// A path that could not be read as documents.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(String),
    /// A folder holds no document files.
    #[error("{0}: no .txt or .md files in this folder")]
    NoDocuments(String),
    /// A file is not UTF-8 text.
    #[error("{path}: not a text file ({reason})")]
    NotText {
        /// The file.
        path: String,
        /// Why: invalid UTF-8 at a byte, or binary content.
        reason: String,
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

/// File extensions read as documents.
pub const EXTENSIONS: &[&str] = &["txt", "md"];

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

/// Read one document file.
pub fn read_document(path: &Path) -> Result<Document, InputError> {
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
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotText {
        path: shown.clone(),
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().to_string());
    let mut doc = Document::new(&name, &text);
    doc.info.path = shown;
    Ok(doc)
}

/// Read every document the paths name.
pub fn read_documents<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Document>, InputError> {
    let mut docs = Vec::new();
    for p in paths {
        for f in document_files(p.as_ref())? {
            docs.push(read_document(&f)?);
        }
    }
    Ok(docs)
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
}
