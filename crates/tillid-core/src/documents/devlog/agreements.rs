//! Agreements made in the period and the table of what became of them.

use super::words::words;
use crate::error::Result;
use crate::locale::Lang;
use crate::people::conversations::{AgreementOwner, AgreementStatus};
use crate::storage::store::Store;
use chrono::NaiveDate;
use rusqlite::params;
use tillid_docs::Block;

pub(super) struct AgreementRow {
    pub(super) owner: AgreementOwner,
    pub(super) due: Option<String>,
    pub(super) status: AgreementStatus,
    pub(super) closed: Option<String>,
}

#[derive(Default, Clone, Copy)]
pub(super) struct Tally {
    pub(super) made: u32,
    pub(super) on_time: u32,
    pub(super) late: u32,
    pub(super) dropped: u32,
    pub(super) open: u32,
}

impl Tally {
    pub(super) fn add(&mut self, a: &AgreementRow) {
        self.made += 1;
        match a.status {
            AgreementStatus::Open => self.open += 1,
            AgreementStatus::Dropped => self.dropped += 1,
            AgreementStatus::Done => {
                let late = match (&a.due, &a.closed) {
                    (Some(due), Some(closed)) => closed > due,
                    _ => false,
                };
                if late {
                    self.late += 1;
                } else {
                    self.on_time += 1;
                }
            }
        }
    }

    pub(super) fn row(&self, label: &str) -> Vec<String> {
        vec![
            label.to_string(),
            self.made.to_string(),
            self.on_time.to_string(),
            self.late.to_string(),
            self.dropped.to_string(),
            self.open.to_string(),
        ]
    }
}

impl Store {
    /// Agreements made in the period and what became of them.
    pub(super) fn agreements_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<AgreementRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.owner, a.due_date, a.status,
                    (SELECT max(e.on_date) FROM agreement_event e
                      WHERE e.agreement_id = a.id AND e.action = a.status)
             FROM agreement a LEFT JOIN conversation c ON c.id = a.conversation_id
             WHERE coalesce(c.date, substr(a.created_at, 1, 10)) BETWEEN ?1 AND ?2",
        )?;
        let rows = st
            .query_map(params![from.to_string(), to.to_string()], |r| {
                let owner: String = r.get(0)?;
                let status: String = r.get(2)?;
                Ok(AgreementRow {
                    owner: match owner.as_str() {
                        "them" => AgreementOwner::Them,
                        "both" => AgreementOwner::Both,
                        _ => AgreementOwner::Me,
                    },
                    due: r.get(1)?,
                    status: match status.as_str() {
                        "done" => AgreementStatus::Done,
                        "dropped" => AgreementStatus::Dropped,
                        _ => AgreementStatus::Open,
                    },
                    closed: r.get(3)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

pub(super) fn agreement_blocks(blocks: &mut Vec<Block>, agreements: &[AgreementRow], lang: Lang) {
    let w = words(lang);
    blocks.push(Block::Heading {
        level: 1,
        text: w.agreements.into(),
    });
    if agreements.is_empty() {
        blocks.push(Block::Note(w.no_agreements.into()));
        return;
    }
    blocks.push(Block::Paragraph(w.agreements_intro.into()));
    let (mut me, mut them, mut both, mut total) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    for a in agreements {
        let t: &mut Tally = match a.owner {
            AgreementOwner::Me => &mut me,
            AgreementOwner::Them => &mut them,
            AgreementOwner::Both => &mut both,
        };
        t.add(a);
        total.add(a);
    }
    let mut rows = Vec::new();
    for (tally, label) in [(me, w.owner_me), (them, w.owner_them), (both, w.owner_both)] {
        if tally.made > 0 {
            rows.push(tally.row(label));
        }
    }
    rows.push(total.row(w.total));
    blocks.push(Block::Table {
        header: w.agreements_header.iter().map(|h| h.to_string()).collect(),
        rows,
    });
}
