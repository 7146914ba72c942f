// SPDX-License-Identifier: GPL-3.0-or-later
// portal-logic.js: the queue's order, SLA countdown, raises, banner, plain words, presence, delivery, excerpts,
// score bands and the research export's query.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  queueOrder, shownBy, remaining, sla, isRaise, titleFor, banner, plain, queueSignals, presenceText, deliveryLabel,
  crisisExcerpts, bandOf, exportQuery, exportStarted
} from "../../main/resources/portal/portal-logic.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const at = (seconds) => new Date(NOW + seconds * 1000).toISOString();
const esc = (id, status, level, slaIn, createdAgo) => ({ id, status, level, slaDeadline: at(slaIn), createdAt: at(-(createdAgo || 0)) });

test("the queue: waiting first, then acknowledged, then resolved (newest first)", () => {
  const list = [esc("r-old", "resolved", "imminent", 0, 900), esc("ack", "acknowledged", "imminent", 10), esc("open", "open", "low", 900),
    esc("r-new", "resolved", "low", 0, 60)];
  assert.deepEqual(list.sort(queueOrder).map((e) => e.id), ["open", "ack", "r-new", "r-old"]);
});

test("among waiting escalations the most urgent level comes first, then the nearest deadline", () => {
  const list = [esc("medium-soon", "open", "medium", 30), esc("imminent-late", "open", "imminent", 800),
    esc("imminent-soon", "open", "imminent", 100), esc("high", "open", "high", 10)];
  assert.deepEqual(list.sort(queueOrder).map((e) => e.id), ["imminent-soon", "imminent-late", "high", "medium-soon"]);
});

test("the filter: active hides resolved, open shows only what waits, all shows everything", () => {
  const list = [esc("o", "open", "high", 1), esc("a", "acknowledged", "high", 1), esc("r", "resolved", "high", 1)];
  const ids = (f) => list.filter((e) => shownBy(f, e)).map((e) => e.id);
  assert.deepEqual(ids("active"), ["o", "a"]);
  assert.deepEqual(ids("open"), ["o"]);
  assert.deepEqual(ids("all"), ["o", "a", "r"]);
});

test("the SLA counts down to the deadline, then counts how long it is overdue", () => {
  assert.deepEqual(remaining(at(125), NOW), { text: "2:05", overdue: false });
  assert.deepEqual(remaining(at(0), NOW), { text: "0:00", overdue: false });
  assert.deepEqual(remaining(at(-1), NOW), { text: "overdue by 0:01", overdue: true }, "one second late is late");
  assert.deepEqual(remaining(at(-61), NOW), { text: "overdue by 1:01", overdue: true });
});

test("an acknowledged or resolved escalation is never overdue", () => {
  assert.deepEqual(sla(esc("x", "resolved", "high", -500), NOW), { text: "resolved", overdue: false });
  const ack = sla({ ...esc("x", "acknowledged", "high", -500), acknowledgedAt: at(-10) }, NOW);
  assert.equal(ack.overdue, false);
  assert.match(ack.text, /^acknowledged /);
  assert.deepEqual(sla(esc("x", "acknowledged", "high", -500), NOW), { text: "acknowledged", overdue: false });
  assert.equal(sla(esc("x", "open", "high", -500), NOW).overdue, true);
});

test("a raise: a higher level, or open again after being acknowledged; not a first sight or a lower level", () => {
  const before = esc("x", "open", "high", 100);
  assert.equal(isRaise(before, esc("x", "open", "imminent", 100)), true);
  assert.equal(isRaise({ ...before, status: "acknowledged" }, esc("x", "open", "high", 100)), true);
  assert.equal(isRaise(before, esc("x", "open", "high", 100)), false);
  assert.equal(isRaise(before, esc("x", "open", "medium", 100)), false);
  assert.equal(isRaise(before, esc("x", "acknowledged", "imminent", 100)), false, "acknowledging is no alert");
  assert.equal(isRaise(undefined, esc("x", "open", "imminent", 100)), false);
});

test("the title counts what waits", () => {
  assert.equal(titleFor(2, "Portal"), "(2) Escalation waiting — Portal");
  assert.equal(titleFor(0, "Portal"), "Portal");
});

test("the banner names the count and the most urgent one; red when overdue or in its last minute", () => {
  assert.equal(banner([], NOW), null);
  const b = banner([esc("a", "open", "medium", 30), esc("b", "open", "imminent", 300)], NOW);
  assert.equal(b.text, "2 escalations waiting — the next (imminent) needs a response within 5:00");
  assert.equal(b.urgent, false, "the imminent one has five minutes");
  assert.equal(banner([esc("a", "open", "high", 59)], NOW).urgent, true);
  const late = banner([esc("a", "open", "high", -5)], NOW);
  assert.equal(late.text, "1 escalation waiting — the next (high) is overdue by 0:05");
  assert.equal(late.urgent, true);
});

test("the banner does not reorder the list it is given", () => {
  const open = [esc("a", "open", "low", 30), esc("b", "open", "imminent", 300)];
  banner(open, NOW);
  assert.deepEqual(open.map((e) => e.id), ["a", "b"]);
});

test("signals read as plain words, each once; unknown ones lose their underscores", () => {
  assert.equal(plain(["ideation", "timeframe"]), "thoughts of suicide, a time is set");
  assert.equal(plain(["goodbye", "finality"]), "saying goodbye");
  assert.equal(plain(["cssrs_active_ideation"]), "screening: yes to active ideation");
  assert.equal(plain(["some_new_signal"]), "some new signal");
  assert.equal(plain(["constructor"]), "constructor", "no Object.prototype name leaks in");
  assert.equal(plain(undefined), "");
});

test("the queue's reason: its signals, and the reason unless it is the default self-harm", () => {
  assert.deepEqual(queueSignals({ signals: ["plan"], reason: "self_harm" }), ["plan"]);
  assert.deepEqual(queueSignals({ signals: ["plan"], reason: "patient_request" }), ["plan", "patient_request"]);
  assert.deepEqual(queueSignals({ reason: "screener_unanswered" }), ["screener_unanswered"]);
});

test("presence: online now, last seen, or nothing", () => {
  assert.equal(presenceText({ online: true }, NOW), "● online now");
  assert.equal(presenceText({ online: false, lastSeen: at(-300) }, NOW), "last seen 5 min ago");
  assert.equal(presenceText({ online: false }, NOW), "");
  assert.equal(presenceText(null, NOW), "");
});

test("delivery: nothing once sent, why it failed in words, or that it waits", () => {
  assert.equal(deliveryLabel({ state: "sent" }), "");
  assert.equal(deliveryLabel(undefined), "");
  assert.equal(deliveryLabel({ state: "failed", reason: "blocked" }), "not delivered: the patient blocked the bot");
  assert.equal(deliveryLabel({ state: "failed", reason: "teapot" }), "not delivered: teapot");
  assert.equal(deliveryLabel({ state: "failed" }), "not delivered: unknown reason");
  assert.equal(deliveryLabel({ state: "pending" }), "waiting to be delivered");
});

test("the crisis excerpts: the last three patient messages with risk above low, else their last three", () => {
  const m = (text, from, risk) => ({ text, from, risk });
  const conv = { messages: [m("a", "patient", "high"), m("b", "bot", "imminent"), m("c", "patient", "low"), m("d", "patient", "medium"),
    m("e", "patient", "imminent"), m("f", "patient", "high"), m("g", "patient", "none")] };
  assert.deepEqual(crisisExcerpts(conv).map((x) => x.text), ["d", "e", "f"]);
  const calm = { messages: [m("a", "patient", "none"), m("b", "bot"), m("c", "patient", "low")] };
  assert.deepEqual(crisisExcerpts(calm).map((x) => x.text), ["a", "c"]);
  assert.deepEqual(crisisExcerpts(undefined), []);
});

test("a score's band, by its inclusive bounds", () => {
  const phq9 = [{ from: 0, to: 4, band: "minimal" }, { from: 5, to: 9, band: "mild" }, { from: 10, to: 14, band: "moderate" },
    { from: 15, to: 19, band: "moderately_severe" }, { from: 20, to: 27, band: "severe" }];
  assert.equal(bandOf(phq9, 0), "minimal");
  assert.equal(bandOf(phq9, 9), "mild");
  assert.equal(bandOf(phq9, 15), "moderately severe");
  assert.equal(bandOf(phq9, 27), "severe");
  assert.equal(bandOf(phq9, 28), "");
});

test("the research export: inclusive end date sent as the day after, dates the wrong way refused", () => {
  assert.deepEqual(exportQuery("csv", "", ""), { query: "format=csv" });
  assert.deepEqual(exportQuery("json", "2026-01-01", "2026-01-31"), { query: "format=json&from=2026-01-01&to=2026-02-01" });
  assert.deepEqual(exportQuery("csv", "", "2026-12-31"), { query: "format=csv&to=2027-01-01" });
  assert.deepEqual(exportQuery("csv", "2026-02-01", "2026-01-01"), { error: "The start date is after the end date." });
  assert.equal(exportStarted("csv", "", ""), "Export started (CSV, all dates): your browser saves the file.");
  assert.equal(exportStarted("json", "2026-01-01", ""), "Export started (JSON, 2026-01-01 to …): your browser saves the file.");
});
