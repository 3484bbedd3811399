use thiserror::Error;

#[derive(Debug, Error)]
pub enum DocsError {
    /// The typst template failed to compile. With a fixed template and data
    /// passed as JSON this means a bug in this crate, never bad user input.
    #[error("PDF layout failed: {0}")]
    Typst(String),
    #[error("PDF export failed: {0}")]
    Pdf(String),
    #[error("DOCX export failed: {0}")]
    Docx(String),
    #[error("could not serialise the document for the PDF template: {0}")]
    Json(#[from] serde_json::Error),
}
