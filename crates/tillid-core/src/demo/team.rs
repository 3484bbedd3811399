//! The fictional team of the demo history: a year of 1:1s, a MUS each,
//! agreements in every state, SBI feedback and expectations with drift.

use crate::demo::Rng;
use crate::error::Result;
use crate::people::conversations::{
    AgreementInput, AgreementOwner, ConversationInput, ConversationKind, FollowUp,
};
use crate::people::expectations::ExpectationInput;
use crate::people::feedback::{FeedbackDirection, FeedbackInput, FeedbackTone};
use crate::people::person::PersonInput;
use crate::storage::store::Store;
use crate::week::IsoWeek;
use chrono::{Duration, NaiveDate};

const TEAM: &[(&str, &str, &str)] = &[
    (
        "Anne Søgaard",
        "Projektleder",
        "Vil gerne have rammen på skrift og frihed til resten.",
    ),
    (
        "Mads Østergaard",
        "Udvikler",
        "Arbejder bedst med lange uforstyrrede stræk.",
    ),
    (
        "Lærke Holm",
        "Konsulent",
        "Tænker højt; sætter pris på sparring før beslutninger.",
    ),
    (
        "Jonas Bæk",
        "Sagsbehandler",
        "Ny i faget; har brug for tydelige succeskriterier.",
    ),
    (
        "Åse Lund",
        "Koordinator",
        "Holder styr på detaljerne og siger til, når noget skrider.",
    ),
    (
        "Rasmus Krogh",
        "Analytiker",
        "Foretrækker skriftlige oplæg og tid til at forberede sig.",
    ),
    (
        "Sofie Dahl",
        "Teamkoordinator",
        "Tager gerne ansvar, men siger sjældent nej.",
    ),
    ("Ib Kjær", "Tekniker", "Gik på pension i efteråret."),
];

const AGREEMENTS: &[&str] = &[
    "laver første udkast til planen og deler det med teamet",
    "tager over som tovholder på kundemødet",
    "afklarer budgettet for kurset med HR",
    "aftaler succeskriterier for projektet med kunden",
    "prøver at sige nej til én ny opgave om ugen",
    "præsenterer status på teammødet",
    "skriver en kort beskrivelse af rammen for opgaven",
    "finder en sparringspartner i en anden afdeling",
];

const NOTES: &[&str] = &[
    "God samtale. Vi talte om prioriteringer og om, hvor meget råderum der er i opgaven.",
    "Travlt for tiden. Vi aftalte at se på, hvad der kan vente.",
    "Stolt over leverancen i sidste uge. Ønsker mere ansvar for kundekontakten.",
    "Vi talte om trivsel og om at holde fri i ferien uden at tjekke mail.",
    "Usikker på forventningerne til den nye opgave; vi afstemte opgave, ramme og succes.",
];

const SITUATIONS: &[&str] = &[
    "På teammødet tirsdag",
    "Til kundemødet i torsdags",
    "Under overleveringen fredag",
    "I mailen til ledergruppen",
];

const BEHAVIOURS: &[(&str, bool)] = &[
    (
        "opsummerede du de tre forslag og bad om en beslutning",
        true,
    ),
    ("fortalte du åbent, at tidsplanen ikke holdt", true),
    ("afbrød du to gange, mens kollegaerne fremlagde", false),
    ("sendte du materialet en time før mødet", false),
];

impl Store {
    /// Adds the demo team, its conversations, agreements, feedback and
    /// expectations over `weeks` weeks ending `today`.
    pub(crate) fn fill_demo_team(
        &mut self,
        today: NaiveDate,
        weeks: u32,
        rng: &mut Rng,
    ) -> Result<()> {
        let start = today - Duration::weeks(i64::from(weeks.max(1)));
        for (i, (name, role, style)) in TEAM.iter().enumerate() {
            let p = self.add_person(&PersonInput {
                name: name.to_string(),
                role: role.to_string(),
                start_date: Some((start - Duration::days(400 + 97 * i as i64)).to_string()),
                working_style: style.to_string(),
                cadence_weeks: Some(if i == 3 { 2 } else { 4 }),
            })?;
            let first_name = name.split_whitespace().next().unwrap_or(name);
            // A 1:1 about every three weeks, staggered across the team.
            let mut day = start + Duration::days(i as i64 * 2 + 1);
            let mut open: Vec<i64> = Vec::new();
            let mus_day = start + Duration::days((weeks as i64 * 7 * (i as i64 + 2)) / 12);
            let mut had_mus = false;
            while day <= today {
                let is_mus = !had_mus && day >= mus_day;
                had_mus |= is_mus;
                let kind = if is_mus {
                    ConversationKind::Mus
                } else {
                    ConversationKind::OneOnOne
                };
                let conv = self.create_conversation(
                    p.id,
                    kind,
                    &ConversationInput {
                        date: day.to_string(),
                        agenda: crate::people::templates::agenda_markdown(
                            kind,
                            crate::locale::Lang::Da,
                        ),
                        notes: rng.pick(NOTES).to_string(),
                        sections: Default::default(),
                    },
                )?;
                // Follow up what is still open: done, kept or dropped.
                for a in std::mem::take(&mut open) {
                    let what = match rng.below(6) {
                        0..=2 => FollowUp::Done,
                        3 | 4 => FollowUp::Kept,
                        _ => FollowUp::Dropped,
                    };
                    self.follow_up(a, conv.id, what)?;
                    if what == FollowUp::Kept {
                        open.push(a);
                    }
                }
                for _ in 0..1 + rng.below(2) {
                    let owner = [
                        AgreementOwner::Them,
                        AgreementOwner::Me,
                        AgreementOwner::Both,
                    ][rng.below(3)];
                    let who = match owner {
                        AgreementOwner::Me => "Jeg".to_string(),
                        AgreementOwner::Them => first_name.to_string(),
                        AgreementOwner::Both => "Vi".to_string(),
                    };
                    let a = self.add_agreement(
                        conv.id,
                        &AgreementInput {
                            text: format!("{who} {}", rng.pick(AGREEMENTS)),
                            owner,
                            due_date: Some(
                                (day + Duration::days(7 + rng.below(28) as i64)).to_string(),
                            ),
                        },
                    )?;
                    open.push(a.id);
                }
                if rng.below(3) == 0 {
                    let (behaviour, appreciative) = BEHAVIOURS[rng.below(BEHAVIOURS.len())];
                    self.add_feedback(
                        p.id,
                        &FeedbackInput {
                            date: day.to_string(),
                            direction: FeedbackDirection::Given,
                            tone: if appreciative {
                                FeedbackTone::Appreciative
                            } else {
                                FeedbackTone::Developmental
                            },
                            situation: rng.pick(SITUATIONS).to_string(),
                            behaviour: behaviour.to_string(),
                            impact: if appreciative {
                                "Det gjorde det let for os andre at beslutte.".into()
                            } else {
                                "Det gjorde det svært for de andre at nå at forberede sig.".into()
                            },
                        },
                    )?;
                }
                day += Duration::days(17 + rng.below(9) as i64);
            }
            let e = self.add_expectation(
                p.id,
                &ExpectationInput {
                    area: [
                        "Vagtplan",
                        "Kundekontakt",
                        "Sprintplanlægning",
                        "Budgetopfølgning",
                    ][i % 4]
                        .into(),
                    task: "Planlægge og følge op på området".into(),
                    frame: "Inden for budgettet og teamets kapacitet".into(),
                    success_criteria: "Aftalerne holdes, og ingen bliver overrasket".into(),
                    checkin_cadence: "Hver anden uge".into(),
                    agreed_level: 4 + (i % 4) as u8,
                },
            )?;
            let mut week = IsoWeek::containing(today);
            for _ in 0..weeks.min(8) {
                let agreed = e.content.agreed_level;
                let acted = if rng.below(4) == 0 {
                    agreed.saturating_sub(2).max(1)
                } else {
                    agreed
                };
                self.log_delegation(e.id, week, acted, "")?;
                week = week.previous();
            }
            // Ib retired: archived over a year ago, so past his retention date.
            if i == TEAM.len() - 1 {
                self.archive_person(p.id, today - Duration::days(400), None)?;
            }
        }
        Ok(())
    }
}
