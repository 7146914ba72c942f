/* MentalHealthAI care-team portal: the queue's and the patient page's rules, without the page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 * Pure functions (the time comes in as an argument where it matters), imported by portal.js and
 * tested by Node's test runner (therapist-portal/src/test/js/portal-logic.test.js). */
import { clock, when, ago, dayAfter } from "./common.js";

// ---- the queue: urgency, order, deadlines -----------------------------------------------------

export var RANK = { none: 0, low: 1, medium: 2, high: 3, imminent: 4 };
var STATUS_ORDER = { open: 0, acknowledged: 1, resolved: 2 };

/**
 * What needs a person first: waiting before acknowledged before resolved; among those, the most urgent level
 * (an imminent crisis above a screener left unanswered for review, above a request for a person); then the deadline.
 * Resolved ones: the newest first.
 */
export function queueOrder(a, b) {
  if (STATUS_ORDER[a.status] !== STATUS_ORDER[b.status]) return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (a.status === "resolved") return a.createdAt < b.createdAt ? 1 : -1;
  if (RANK[a.level] !== RANK[b.level]) return RANK[b.level] - RANK[a.level];
  return a.slaDeadline < b.slaDeadline ? -1 : 1;
}

/** Whether the queue's filter ("active": not resolved, "open", "all") shows an escalation. */
export function shownBy(filter, e) {
  if (filter === "all") return true;
  if (filter === "open") return e.status === "open";
  return e.status !== "resolved";
}

/** The time left to a deadline as a countdown, or how long it is overdue. */
export function remaining(deadline, now) {
  var s = Math.round((new Date(deadline) - (now === undefined ? Date.now() : now)) / 1000);
  if (s < 0) return { text: "overdue by " + clock(-s), overdue: true };
  return { text: clock(s), overdue: false };
}

/** The SLA is for the first response: once acknowledged it no longer runs (and is never "overdue"). */
export function sla(e, now) {
  if (e.status === "resolved") return { text: "resolved", overdue: false };
  if (e.status === "acknowledged") return { text: "acknowledged" + (e.acknowledgedAt ? " " + when(e.acknowledgedAt) : ""), overdue: false };
  return remaining(e.slaDeadline, now);
}

/**
 * A change that must alert like a new escalation: a higher level, or an acknowledged (or resolved)
 * escalation open again because the danger grew.
 */
export function isRaise(before, e) {
  return !!before && e.status === "open" && (RANK[e.level] > RANK[before.level] || before.status !== "open");
}

/** The tab title: what waits, counted, before the page's own title. */
export function titleFor(waiting, title) {
  return waiting ? "(" + waiting + ") Escalation waiting — " + title : title;
}

/**
 * The banner over the queue for the escalations that wait (status open), or null when none does: the count,
 * the most urgent one's level and countdown; urgent (red) when overdue or in its last minute.
 */
export function banner(open, now) {
  if (!open.length) return null;
  var t = now === undefined ? Date.now() : now;
  var first = open.slice().sort(queueOrder)[0], left = remaining(first.slaDeadline, t);
  return {
    text: open.length + " escalation" + (open.length > 1 ? "s" : "") + " waiting — the next (" + first.level + ") "
      + (left.overdue ? "is " + left.text : "needs a response within " + left.text),
    urgent: left.overdue || (new Date(first.slaDeadline) - t) < 60000
  };
}

// ---- plain language for the detector's signals (the raw names stay in the title attribute) ----------------------

export var PLAIN = {
  ideation: "thoughts of suicide", passive_ideation: "wishes to be dead", intent: "intends to act", intent_now: "intends to act now",
  plan: "has a plan", method: "names a method", timeframe: "a time is set", timeframe_now: "acting soon", attempt: "an attempt",
  self_harm: "self-harm", unsafe_now: "says they are not safe now", means_at_hand: "means at hand",
  act_under_way: "an act may be under way", place_of_danger: "in a dangerous place", harm_to_others: "risk to someone else",
  domestic_violence: "violence at home", violence_at_home: "violence at home", safeguarding: "a child or vulnerable adult at risk",
  person_at_risk: "a child or vulnerable adult at risk", harm_from_others: "being harmed by someone",
  third_party_danger: "someone else in danger", preparatory: "preparations", goodbye: "saying goodbye", finality: "saying goodbye",
  preparation: "preparations", hopelessness: "hopelessness", distress: "distress", burden: "feels a burden",
  accumulated_evidence: "warning signs across several messages", danger_in_answer: "danger in an answer",
  asks_for_emergency_help: "asked for emergency help", patient_request: "asked for a person", danger_now: "danger right now",
  other_language: "risk words in another language", learned_crisis: "the classifier rated it a crisis",
  learned_concern: "the classifier heard concern", learned_topic: "the classifier read it as about risk",
  screener_unanswered: "screening questions left unanswered (review)", screener_refused: "declined the screening questions",
  screener_left_for_person: "asked for a person during screening", phq9_item9: "PHQ-9 item 9 above 0"
};

/** Signal names in plain words, each phrase once ("goodbye" and "finality" both read "saying goodbye"). */
export function plain(signals) {
  var out = [];
  (signals || []).forEach(function (sg) {
    var w = Object.prototype.hasOwnProperty.call(PLAIN, sg) ? PLAIN[sg]
      : (sg.indexOf("cssrs_") === 0 ? "screening: yes to " + sg.slice(6).replace("_", " ") : sg.replace(/_/g, " "));
    if (out.indexOf(w) < 0) out.push(w);
  });
  return out.join(", ");
}

/** Why an escalation is in the queue: its signals, and its reason unless that is plain self-harm (the default). */
export function queueSignals(e) {
  return (e.signals || []).concat(e.reason && e.reason !== "self_harm" ? [e.reason] : []);
}

// ---- presence and delivery ----

/** "● online now", "last seen 5 min ago", or "" when nothing is known. */
export function presenceText(p, now) {
  if (!p) return "";
  return p.online ? "● online now" : (p.lastSeen ? "last seen " + ago(p.lastSeen, now) : "");
}

export var UNDELIVERED = { blocked: "the patient blocked the bot", chat_not_found: "the chat no longer exists",
  too_long: "Telegram refused it as too long", rejected: "Telegram refused it", gave_up: "Telegram was unreachable for a day",
  gone: "the patient's data was erased" };

/** Under a therapist's message: nothing once sent, why it failed, or that it still waits. */
export function deliveryLabel(d) {
  if (!d || d.state === "sent") return "";
  if (d.state === "failed") return "not delivered: " + (UNDELIVERED[d.reason] || d.reason || "unknown reason");
  return "waiting to be delivered";
}

// ---- the patient page ----

/**
 * What the patient said that made the crisis, for the top of the page: the last three patient messages that
 * carried risk above low, or their last three messages when none did.
 */
export function crisisExcerpts(conv, count) {
  if (!conv) return [];
  var n = count || 3;
  var mine = conv.messages.filter(function (m) { return m.from === "patient"; });
  var flagged = mine.filter(function (m) { return m.risk && m.risk !== "none" && m.risk !== "low"; });
  return (flagged.length ? flagged : mine).slice(-n);
}

/** The severity band a score falls in, in words ("moderately severe"), or "" outside every band. */
export function bandOf(bands, total) {
  var b = (bands || []).filter(function (x) { return total >= x.from && total <= x.to; })[0];
  return b ? b.band.replace("_", " ") : "";
}

// ---- the research export ----

/**
 * The research export's query from the form: {query} or {error} when the dates are the wrong way round.
 * "to" is inclusive on the page, so the API gets the day after it.
 */
export function exportQuery(format, from, to) {
  if (from && to && from > to) return { error: "The start date is after the end date." };
  var q = ["format=" + format];
  if (from) q.push("from=" + from);
  if (to) q.push("to=" + dayAfter(to));
  return { query: q.join("&") };
}

/** What the page says once the export starts. */
export function exportStarted(format, from, to) {
  return "Export started (" + format.toUpperCase() + (from || to ? ", " + (from || "…") + " to " + (to || "…") : ", all dates")
    + "): your browser saves the file.";
}
