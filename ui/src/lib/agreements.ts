// Words for agreements: who owns one, when it is due, and what became of it
// over the conversations, e.g. "aftalt 1. okt. · fastholdt 22. okt.".
import type { Agreement } from "./bindings/Agreement";
import type { AgreementEvent } from "./bindings/AgreementEvent";
import type { AgreementOwner } from "./bindings/AgreementOwner";
import type { FollowUp } from "./bindings/FollowUp";
import { formatShortDate, todayIso } from "./format";
import { t } from "./i18n.svelte";

export const OWNERS: AgreementOwner[] = ["me", "them", "both"];

/** "Dig" / "Sara" / "I begge": `them` is the person's own name. */
export function ownerLabel(owner: AgreementOwner, personName: string): string {
  return t(`owner.${owner}`, { name: personName.trim() || t('owner.themFallback') });
}

function eventText(e: AgreementEvent): string {
  const date = formatShortDate(e.on_date);
  switch (e.action) {
    case "made":
      return t('history.made', { date });
    case "kept":
      return t('history.kept', { date });
    case "done":
      return t('history.done', { date });
    case "dropped":
      return t('history.dropped', { date });
    case "reopened":
      return t('history.reopened', { date });
    default:
      return date;
  }
}

export function historyText(a: Agreement): string {
  const events = a.history.length
    ? a.history
    : [{ action: "made", on_date: a.made_on, conversation_id: a.conversation_id }];
  return events.map(eventText).join(" · ");
}

/** Open and past its due date (today still counts as in time). */
export function isOverdue(a: Agreement): boolean {
  return a.status === "open" && !!a.due_date && a.due_date < todayIso();
}

/** The follow-up decided in `conversationId`, if any (the newest counts). */
export function decisionIn(a: Agreement, conversationId: number): FollowUp | null {
  let found: FollowUp | null = null;
  for (const e of a.history) {
    if (e.conversation_id !== conversationId) continue;
    if (e.action === "done" || e.action === "kept" || e.action === "dropped") found = e.action;
  }
  return found;
}
