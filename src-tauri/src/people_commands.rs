//! Tauri commands for people, conversations, agreements, feedback and
//! expectations: one line of glue each, calling the core.

use crate::state::AppState;
use std::path::PathBuf;
use tauri::State;
use tillid_core::clock;
use tillid_core::documents::access_export::ExportedFiles;
use tillid_core::documents::mus_export::MusDocument;
use tillid_core::documents::render::ExportFormat;
use tillid_core::locale::InLang;
use tillid_core::people::conversations::{
    Agreement, AgreementInput, Conversation, ConversationInput, ConversationKind, ConversationView,
    FollowUp,
};
use tillid_core::people::erasure::ErasurePreview;
use tillid_core::people::expectations::{Expectation, ExpectationInput};
use tillid_core::people::feedback::{Feedback, FeedbackInput};
use tillid_core::people::own_templates::{OwnTemplate, OwnTemplateInput};
use tillid_core::people::person::{Person, PersonInput, PersonPage};
use tillid_core::people::templates::{DelegationLevel, JudgementHint, MusTemplate};
use tillid_core::people::this_week::{PeopleHit, PeopleWeek};
use tillid_core::week::parse_date;
use tillid_core::{IsoWeek, UiError};

type Res<T> = Result<T, UiError>;

#[tauri::command]
pub fn people_list(state: State<AppState>, include_archived: bool) -> Res<Vec<Person>> {
    state.with(|s| s.people(include_archived))
}

#[tauri::command]
pub fn person_page(state: State<AppState>, id: i64) -> Res<PersonPage> {
    state.with(|s| s.person_page(id))
}

#[tauri::command]
pub fn person_add(state: State<AppState>, input: PersonInput) -> Res<Person> {
    state.with(|s| s.add_person(&input))
}

#[tauri::command]
pub fn person_update(state: State<AppState>, id: i64, input: PersonInput) -> Res<Person> {
    state.with(|s| s.update_person(id, &input))
}

#[tauri::command]
pub fn person_archive(state: State<AppState>, id: i64, months: Option<u32>) -> Res<Person> {
    state.with(|s| s.archive_person(id, clock::today(), months))
}

#[tauri::command]
pub fn person_unarchive(state: State<AppState>, id: i64) -> Res<Person> {
    state.with(|s| s.unarchive_person(id))
}

#[tauri::command]
pub fn person_set_retention(state: State<AppState>, id: i64, until: String) -> Res<Person> {
    state.with(|s| s.set_retention(id, parse_date(&until)?))
}

#[tauri::command]
pub fn people_past_retention(state: State<AppState>) -> Res<Vec<Person>> {
    state.with(|s| s.people_past_retention(clock::today()))
}

#[tauri::command]
pub fn person_erasure_preview(state: State<AppState>, id: i64) -> Res<ErasurePreview> {
    state.with(|s| s.erasure_preview(id))
}

#[tauri::command]
pub fn person_erase(state: State<AppState>, id: i64) -> Res<ErasurePreview> {
    state.with(|s| s.erase_person(id))
}

/// Writes the access export to Documents/Tillid (or the data folder when
/// there is no Documents folder) and returns the files' paths.
#[tauri::command]
pub fn person_export(state: State<AppState>, id: i64) -> Res<ExportedFiles> {
    let dir = dirs_documents().unwrap_or_else(|| state.data_dir.join("exports"));
    state.with(|s| s.export_person(id, &dir, InLang::Hers))
}

fn dirs_documents() -> Option<PathBuf> {
    tillid_core::storage::paths::documents_dir().map(|d| d.join("Tillid"))
}

/// Writes the MUS preparation form or summary (PDF, DOCX or Markdown) next
/// to the access exports and returns the file's path. Async, so typesetting
/// runs off the window's thread, and only the reading holds the store.
#[tauri::command]
pub async fn mus_export(
    state: State<'_, AppState>,
    id: i64,
    which: MusDocument,
    format: ExportFormat,
) -> Res<String> {
    let dir = dirs_documents().unwrap_or_else(|| state.data_dir.join("exports"));
    let (doc, stem) = state.with(|s| s.mus_document_named(id, which, InLang::Hers))?;
    let path = tillid_core::documents::render::write_document(&doc, format, &dir, &stem)?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn people_week(state: State<AppState>) -> Res<PeopleWeek> {
    state.with(|s| s.people_week(clock::today()))
}

/// Agreements made or followed up in `week`, for the reflection.
#[tauri::command]
pub fn week_agreements(state: State<AppState>, week: IsoWeek) -> Res<Vec<Agreement>> {
    state.with(|s| s.agreements_touched_in(week))
}

#[tauri::command]
pub fn search_people(
    state: State<AppState>,
    query: String,
    limit: Option<u32>,
) -> Res<Vec<PeopleHit>> {
    state.with(|s| s.search_people(&query, limit))
}

#[tauri::command]
pub fn conversation_start(
    state: State<AppState>,
    person_id: i64,
    kind: ConversationKind,
    date: String,
) -> Res<Conversation> {
    state.with(|s| s.start_conversation(person_id, kind, &date, InLang::Hers))
}

#[tauri::command]
pub fn conversation_view(state: State<AppState>, id: i64) -> Res<ConversationView> {
    state.with(|s| s.conversation_view(id))
}

#[tauri::command]
pub fn conversation_save(
    state: State<AppState>,
    id: i64,
    input: ConversationInput,
) -> Res<Conversation> {
    state.with(|s| s.update_conversation(id, &input))
}

#[tauri::command]
pub fn conversation_delete(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_conversation(id))
}

#[tauri::command]
pub fn agreement_add(
    state: State<AppState>,
    conversation_id: i64,
    input: AgreementInput,
) -> Res<Agreement> {
    state.with(|s| s.add_agreement(conversation_id, &input))
}

#[tauri::command]
pub fn agreement_update(state: State<AppState>, id: i64, input: AgreementInput) -> Res<Agreement> {
    state.with(|s| s.update_agreement(id, &input))
}

#[tauri::command]
pub fn agreement_delete(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_agreement(id))
}

#[tauri::command]
pub fn agreement_follow_up(
    state: State<AppState>,
    agreement_id: i64,
    conversation_id: i64,
    what: FollowUp,
) -> Res<Agreement> {
    state.with(|s| s.follow_up(agreement_id, conversation_id, what))
}

#[tauri::command]
pub fn feedback_add(state: State<AppState>, person_id: i64, input: FeedbackInput) -> Res<Feedback> {
    state.with(|s| s.add_feedback(person_id, &input))
}

#[tauri::command]
pub fn feedback_update(state: State<AppState>, id: i64, input: FeedbackInput) -> Res<Feedback> {
    state.with(|s| s.update_feedback(id, &input))
}

#[tauri::command]
pub fn feedback_delete(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_feedback(id))
}

#[tauri::command]
pub fn judgement_hint(state: State<AppState>, behaviour: String) -> Res<Option<JudgementHint>> {
    state.with(|s| s.judgement_hint(&behaviour, InLang::Hers))
}

#[tauri::command]
pub fn expectation_add(
    state: State<AppState>,
    person_id: i64,
    input: ExpectationInput,
) -> Res<Expectation> {
    state.with(|s| s.add_expectation(person_id, &input))
}

#[tauri::command]
pub fn expectation_update(
    state: State<AppState>,
    id: i64,
    input: ExpectationInput,
) -> Res<Expectation> {
    state.with(|s| s.update_expectation(id, &input))
}

#[tauri::command]
pub fn expectation_delete(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_expectation(id))
}

#[tauri::command]
pub fn delegation_log(
    state: State<AppState>,
    id: i64,
    week: IsoWeek,
    acted_level: u8,
    note: String,
) -> Res<Expectation> {
    state.with(|s| s.log_delegation(id, week, acted_level, &note))
}

#[tauri::command]
pub fn mus_template(state: State<AppState>) -> Res<MusTemplate> {
    state.with(|s| s.mus_template(InLang::Hers))
}

#[tauri::command]
pub fn delegation_levels(state: State<AppState>) -> Res<Vec<DelegationLevel>> {
    state.with(|s| s.delegation_levels(InLang::Hers))
}

#[tauri::command]
pub fn own_templates(state: State<AppState>, kind: ConversationKind) -> Res<Vec<OwnTemplate>> {
    state.with(|s| s.own_templates(kind))
}

#[tauri::command]
pub fn own_template_save(state: State<AppState>, input: OwnTemplateInput) -> Res<OwnTemplate> {
    state.with(|s| s.save_own_template(&input))
}

#[tauri::command]
pub fn own_template_delete(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_own_template(id))
}

/// Tillid's own agenda for a kind, in her language, to go back to.
#[tauri::command]
pub fn builtin_agenda(state: State<AppState>, kind: ConversationKind) -> Res<String> {
    state.with(|s| s.agenda_markdown(kind, InLang::Hers))
}
