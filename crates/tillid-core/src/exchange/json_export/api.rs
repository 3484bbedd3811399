//! What the rest of the app calls: export to a writer or a file, and import
//! (checked whole first, then one transaction).

use super::check::check_item;
use super::from_file::{each_item, Item};
use super::from_store::Doc;
use super::into_store::write_item;
use super::records::JsonExported;
use crate::error::{CoreError, Result};
use crate::exchange::reading::{ImportProgress, ImportSummary, Progress};
use crate::storage::store::Store;
use std::cell::RefCell;
use std::io::Write;
use std::path::Path;

impl Store {
    /// Writes everything in the store as Tillid's lossless JSON to `w`, from
    /// one consistent snapshot (the app may write meanwhile).
    pub fn export_json(&self, w: &mut dyn Write) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let doc = Doc {
            conn: &tx,
            failure: RefCell::new(None),
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, w);
        if let Err(e) = serde_json::to_writer_pretty(&mut out, &doc) {
            if let Some(f) = doc.failure.take() {
                return Err(f);
            }
            return Err(match e.io_error_kind() {
                Some(kind) => CoreError::Io(std::io::Error::new(kind, e.to_string())),
                None => CoreError::Io(std::io::Error::other(e.to_string())),
            });
        }
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }

    /// Writes the export to `path` atomically: a temporary file beside it,
    /// synced, then renamed over `path`. On failure nothing is left behind.
    pub fn export_json_file(&self, path: &Path) -> Result<()> {
        let name = path
            .file_name()
            .ok_or_else(|| CoreError::Invalid {
                field: "path".into(),
                reason: format!("{} is not a file name", path.display()),
            })?
            .to_string_lossy()
            .into_owned();
        let tmp = path.with_file_name(format!(".{name}.partial"));
        let result = (|| -> Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            self.export_json(&mut f)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)?;
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(|e| match e {
            CoreError::Io(io) => CoreError::CannotWrite {
                path: path.to_path_buf(),
                reason: io.to_string(),
            },
            other => other,
        })
    }

    /// "Export everything" from Settings: the whole store to `path`
    /// (atomically, as `export_json_file`), with what it holds and its size
    /// for the message that follows.
    pub fn export_everything(&self, path: &Path) -> Result<JsonExported> {
        let counts = crate::storage::backup::counts(&self.conn)?;
        self.export_json_file(path)?;
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(JsonExported {
            path: path.display().to_string(),
            bytes,
            counts,
        })
    }

    /// True when the store holds nothing of hers that a full import could
    /// clash with: no entries, people or own templates, and no exercise
    /// beyond an unanswered proposal.
    pub fn is_empty_for_import(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM person)
                  + (SELECT count(*) FROM own_template)
                  + (SELECT count(*) FROM program_week WHERE state <> 'proposed' OR answers <> '[]')",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// Imports Tillid's lossless JSON from `path` (see the module docs for
    /// what happens into an empty store and with `merge`).
    pub fn import_json(
        &mut self,
        path: &Path,
        merge: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        if !merge && !self.is_empty_for_import()? {
            return Err(CoreError::ImportNotEmpty(self.dir().to_path_buf()));
        }
        // First pass: check everything and count, writing nothing.
        let mut total: u32 = 0;
        each_item(path, |item| {
            check_item(&item)?;
            if !matches!(item, Item::Settings(_)) {
                total = total.saturating_add(1);
            }
            Ok(())
        })?;
        let tx = self.conn.transaction()?;
        let summary = {
            let mut summary = ImportSummary::default();
            if !merge {
                // Only unanswered proposals can be here (see is_empty_for_import).
                tx.execute("DELETE FROM program_week", [])?;
            }
            let mut prog = Progress::new(progress, total);
            each_item(path, |item| {
                let top = !matches!(item, Item::Settings(_));
                write_item(&tx, merge, item, &mut summary)?;
                if top {
                    prog.tick();
                }
                Ok(())
            })?;
            summary
        };
        tx.commit()?;
        Ok(summary)
    }
}
