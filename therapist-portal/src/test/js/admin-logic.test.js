// SPDX-License-Identifier: GPL-3.0-or-later
// admin-logic.js: the flow graph's layout, the patient short id, retention in words, the audit log's query and the
// helplines form (document <-> rows, validation).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  staffState, flowTargets, flowLayout, BOX, sandboxMessages, shortIdProblem, onePatient, settingsText, outcome, every,
  auditQuery, auditSummary, HELPLINE_KINDS, helplineRows, helplineDoc, helplineLocales, helplineProblems, blankRow,
  localeOk, problemText, withErrorId, notSavedText
} from "../../main/resources/portal/admin-logic.js";

test("a staff account's state: disabled wins over locked", () => {
  assert.equal(staffState({ disabled: true, lockedUntil: "2026-01-01T00:00:00Z" }), "disabled");
  assert.equal(staffState({ lockedUntil: "2026-01-01T00:00:00Z" }), "locked");
  assert.equal(staffState({}), "active");
});

test("a node's targets: its links, its options' and cases' next, skipping what is not a node id", () => {
  assert.deepEqual(flowTargets({ next: "a", otherwise: "b", default: 3, options: [{ next: "c" }, null, {}], cases: [{ next: "d" }] }),
    ["a", "b", "c", "d"]);
  assert.deepEqual(flowTargets(undefined), []);
});

test("the layout: columns by distance from the start, unreachable nodes in a last column", () => {
  const doc = { start: "hello", nodes: [
    { id: "hello", type: "question", options: [{ next: "yes" }, { next: "no" }] },
    { id: "yes", type: "message", next: "bye" }, { id: "no", type: "message", next: "bye" },
    { id: "bye", type: "end" }, { id: "orphan", type: "message" }, { id: "hello", type: "end" }] };
  const l = flowLayout(doc);
  assert.deepEqual(l.order, ["hello", "yes", "no", "bye", "orphan"], "a repeated id is drawn once");
  assert.equal(l.byId.hello.type, "question", "the first of a repeated id wins");
  const col = (id) => (l.pos[id].x - 10) / (BOX.w + 40);
  assert.deepEqual(["hello", "yes", "no", "bye", "orphan"].map(col), [0, 1, 1, 2, 3]);
  assert.equal(l.pos.no.y, l.pos.yes.y + BOX.h + 16, "a column stacks down");
  assert.equal(l.width, l.pos.orphan.x + BOX.w + 10);
  assert.equal(l.height, l.pos.no.y + BOX.h + 10);
});

test("the layout of what is not a flow is empty", () => {
  assert.deepEqual(flowLayout({ nodes: "nope" }), { order: [], byId: {}, pos: {}, width: 0, height: 0 });
  assert.deepEqual(flowLayout(null).order, []);
  assert.deepEqual(flowLayout({ start: "missing", nodes: [{ id: "a" }] }).pos.a, { x: 10 + BOX.w + 40, y: 10 });
});

test("the sandbox script: one message a line, blank lines left out", () => {
  assert.deepEqual(sandboxMessages("hi\n\n  I feel low  \n"), ["hi", "I feel low"]);
  assert.deepEqual(sandboxMessages(""), []);
});

test("a short id: typed, and only hex digits and dashes", () => {
  assert.equal(shortIdProblem(""), "Type the patient's short id first.");
  assert.equal(shortIdProblem("3f2a'--"), "A short id has only the digits 0-9 and letters a-f.");
  assert.equal(shortIdProblem("3f2a-9"), null);
});

test("a short id names one patient, or says none or how many", () => {
  const p = { patientId: "3f2a0000-0000-0000-0000-000000000000" };
  assert.equal(onePatient([p], "3f2a"), p);
  assert.equal(onePatient([], "3f2a").message, "No patient has an id starting 3f2a.");
  assert.match(onePatient([p, p], "3f").message, /^2 patients have an id starting 3f: type more of it/);
});

test("retention settings in words: off reads kept", () => {
  assert.deepEqual(settingsText({ textDays: 30, recordDays: 0, unusedHours: 48 }), [
    ["Message text", "removed after 30 days"], ["Whole records of inactive patients", "kept (off)"],
    ["Web-chat sessions never used", "erased after 48 hours"]]);
});

test("a retention run in words, skipped or done", () => {
  const skipped = outcome({ at: "2026-03-01T03:00:00Z", skipped: true });
  assert.deepEqual(skipped[1], ["Outcome", "nothing to do: retention is off"]);
  const done = new Map(outcome({ at: "2026-03-01T03:00:00Z", eventsDeleted: 12, notesCleared: 1, patientsErased: 2,
    unusedSessionsErased: 0, ms: 40, lockedOut: true }));
  assert.equal(done.get("Message texts removed"), "12");
  assert.equal(done.get("Patients erased"), "2");
  assert.equal(done.get("Took"), "40 ms (another instance was running it: this one stopped)");
  assert.equal(every("PT24H"), "24h");
  assert.equal(every("PT30M"), "30m");
});

test("the audit query: the view, trimmed filters, the inclusive end day, the page cursor", () => {
  assert.equal(auditQuery({}, false, 50, null), "view=important&limit=50");
  assert.equal(auditQuery({ actor: " ana ", patient: "", action: "patient.read", from: "2026-01-01", to: "2026-01-31" }, true, 50,
    "2026-01-20T10:00:00Z|abc"),
  "view=all&limit=50&actor=ana&action=patient.read&from=2026-01-01&to=2026-02-01&before=2026-01-20T10:00:00Z|abc");
  assert.equal(auditQuery({ actor: "a&b=c" }, false, 10), "view=important&limit=10&actor=a%26b%3Dc", "a filter cannot add a parameter");
});

test("the audit status line", () => {
  assert.equal(auditSummary(1, false), "1 entry (what matters)");
  assert.equal(auditSummary(0, true), "0 entries (raw: every entry)");
});

const DOC = {
  locales: { en: [{ region: "US", name: "988 Lifeline", number: "988", note: "call or text" }],
    "es-MX": [{ region: "México", name: "Línea de la Vida", number: "800 911 2000" }] },
  kinds: { safeguarding: { en: [{ region: "US", name: "Childhelp", number: "1-800-422-4453", note: "" }] } }
};

test("helplines: the document as rows and back, a kind left out stays left out", () => {
  const t = helplineRows(DOC);
  assert.deepEqual(Object.keys(t), ["crisis", "safeguarding"], "domestic_abuse absent: it keeps the defaults");
  assert.deepEqual(t["crisis"]["es-MX"][0], { region: "México", name: "Línea de la Vida", number: "800 911 2000", note: "" },
    "a missing note is an empty field");
  assert.deepEqual(helplineDoc(t), { locales: { en: DOC.locales.en, "es-MX": [{ region: "México", name: "Línea de la Vida",
    number: "800 911 2000", note: "" }] }, kinds: { safeguarding: DOC.kinds.safeguarding } });
  assert.equal(HELPLINE_KINDS.map((k) => k.key).join(), "crisis,safeguarding,domestic_abuse");
});

test("helplines: the document the form saves is trimmed, without blank rows or empty locales", () => {
  const t = helplineRows(DOC);
  t.safeguarding["es-MX"] = [{ region: " México ", name: " DIF ", number: " 800 222 2268 ", note: "" },
    { region: "", name: " ", number: "", note: "" }];
  t.crisis["en-GB"] = [{ region: "", name: "", number: "", note: "" }];
  const d = helplineDoc(t);
  assert.deepEqual(d.kinds.safeguarding["es-MX"], [{ region: "México", name: "DIF", number: "800 222 2268", note: "" }]);
  assert.equal(d.locales["en-GB"], undefined, "a locale with only a blank row is left out");
  assert.ok(blankRow({ region: " ", name: "", number: "", note: "" }));
  assert.ok(!blankRow({ region: "", name: "", number: "", note: "x" }));
});

test("helplines: a document without locales is refused", () => {
  assert.throws(() => helplineRows({ kinds: {} }), /needs "locales"/);
  assert.throws(() => helplineRows(null), /needs "locales"/);
  assert.throws(() => helplineRows({ locales: [] }), /needs "locales"/);
});

test("helplines: the usual locales first, then the others present, sorted", () => {
  const t = helplineRows({ locales: { en: [], "pt-BR": [], fr: [], "es-MX": [] } });
  const l = helplineLocales(t, "crisis");
  assert.deepEqual(l.slice(0, 9), ["en", "en-US", "en-GB", "en-IE", "en-CA", "en-AU", "es", "es-ES", "es-MX"]);
  assert.deepEqual(l.slice(9), ["fr", "pt-BR"]);
  assert.equal(helplineLocales(t, "domestic_abuse").length, 9, "a kind absent offers the usual locales");
  assert.ok(localeOk("es-MX") && localeOk("en") && !localeOk("es_MX") && !localeOk("EN"));
});

test("helplines: a line needs a name, a region and a dialable number; the fallback list is required", () => {
  assert.deepEqual(helplineProblems(helplineRows(DOC)), []);
  const t = helplineRows(DOC);
  t.safeguarding["es-MX"] = [{ region: "México", name: "DIF", number: " ", note: "" }, { region: "", name: "", number: "call us!", note: "" }];
  const p = helplineProblems(t);
  assert.deepEqual(p.map((x) => [x.kind, x.locale, x.index, x.field]), [
    ["safeguarding", "es-MX", 0, "number"], ["safeguarding", "es-MX", 1, "name"], ["safeguarding", "es-MX", 1, "region"],
    ["safeguarding", "es-MX", 1, "number"]]);
  assert.equal(problemText(p[0]), "Child and vulnerable-adult safeguarding · es-MX · line 1: A number is required.");
  assert.match(p[3].message, /"call us!" is not a dialable number/);

  const noEnglish = helplineRows({ locales: { "es-MX": DOC.locales["es-MX"] }, kinds: { domestic_abuse: { eu: DOC.locales.en } } });
  assert.deepEqual(helplineProblems(noEnglish).map(problemText), ["Crisis · en: The crisis lines need \"en\": it is the fallback for every locale."],
    "another kind may fall back on eu");
  noEnglish.crisis.en = [{ region: "", name: "", number: "", note: "" }];
  assert.equal(helplineProblems(noEnglish).length, 1, "a blank row is no line");
  const badLocale = helplineRows({ locales: { en: DOC.locales.en, es_MX: DOC.locales["es-MX"] } });
  assert.match(problemText(helplineProblems(badLocale)[0]), /^Crisis · es_MX: "es_MX" is not a locale/);
});

test("an error's words carry its error id once", () => {
  assert.equal(withErrorId("helplines not saved", "abc123"), "helplines not saved (error id abc123)");
  assert.equal(withErrorId("boom (error id abc123)", "abc123"), "boom (error id abc123)");
  assert.equal(withErrorId("offline", null), "offline");
});

test("a refused save says so once, with the server's reason and the error id", () => {
  assert.equal(notSavedText("Helplines", "helplines not saved: \"x\" is not a kind of line", "e1"),
    "Helplines not saved: \"x\" is not a kind of line (error id e1)");
  assert.equal(notSavedText("Exercise catalog", "HTTP 502", null), "Exercise catalog not saved: HTTP 502");
});
