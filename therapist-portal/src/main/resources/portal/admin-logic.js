/* MentalHealthAI administration pages: their rules without the page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 * Pure functions, imported by admin.js and tested by Node's test runner
 * (therapist-portal/src/test/js/admin-logic.test.js). */
import { dayAfter } from "./common.js";

/** A staff account's state in one word. */
export function staffState(s) {
  return s.disabled ? "disabled" : (s.lockedUntil ? "locked" : "active");
}

// ---- flows: the graph's layout ----

/** The nodes a flow node can lead to, in order (next, default, otherwise, target, options', cases'). */
export function flowTargets(n) {
  var t = [];
  if (!n) return t;
  ["next", "default", "otherwise", "target"].forEach(function (k) { if (typeof n[k] === "string") t.push(n[k]); });
  (n.options || []).forEach(function (o) { if (o && o.next) t.push(o.next); });
  (n.cases || []).forEach(function (c) { if (c && c.next) t.push(c.next); });
  return t;
}

export var BOX = { w: 130, h: 44 };

/**
 * A left-to-right layered layout: a node's column is its distance from the start node (breadth first),
 * nodes the start cannot reach go in one last column; boxes stack down each column in document order.
 * Returns {order, byId, pos: id -> {x, y}, width, height}; the first node of a repeated id wins.
 */
export function flowLayout(doc) {
  var byId = {}, order = [];
  if (!doc || !Array.isArray(doc.nodes)) return { order: order, byId: byId, pos: {}, width: 0, height: 0 };
  doc.nodes.forEach(function (n) { if (n && n.id && !byId[n.id]) { byId[n.id] = n; order.push(n.id); } });
  var depth = {}, queue = [];
  if (byId[doc.start]) { depth[doc.start] = 0; queue.push(doc.start); }
  while (queue.length) {
    var id = queue.shift();
    flowTargets(byId[id]).forEach(function (t) { if (byId[t] && depth[t] === undefined) { depth[t] = depth[id] + 1; queue.push(t); } });
  }
  var maxDepth = 0;
  order.forEach(function (i) { if (depth[i] !== undefined) maxDepth = Math.max(maxDepth, depth[i]); });
  order.forEach(function (i) { if (depth[i] === undefined) depth[i] = maxDepth + 1; }); // unreachable: last column
  var rows = {}, pos = {}, width = 0, height = 0;
  order.forEach(function (i) {
    var d = depth[i];
    rows[d] = (rows[d] || 0) + 1;
    pos[i] = { x: 10 + d * (BOX.w + 40), y: 10 + (rows[d] - 1) * (BOX.h + 16) };
    width = Math.max(width, pos[i].x + BOX.w + 10);
    height = Math.max(height, pos[i].y + BOX.h + 10);
  });
  return { order: order, byId: byId, pos: pos, width: width, height: height };
}

/** The sandbox's script: one patient message a line, blank lines left out. */
export function sandboxMessages(text) {
  return String(text || "").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
}

// ---- patients: the short id ----

/** Why a typed short id cannot be looked up, or null when it can ("" and characters outside 0-9, a-f, -). */
export function shortIdProblem(typed) {
  if (!typed) return "Type the patient's short id first.";
  if (!/^[0-9a-f-]+$/.test(typed)) return "A short id has only the digits 0-9 and letters a-f.";
  return null;
}

/** The one patient a short id names, or an Error that says why not (none, or several). */
export function onePatient(list, typed) {
  if (list.length === 1) return list[0];
  return new Error(list.length ? list.length + " patients have an id starting " + typed + ": type more of it, or pick one under Find a patient."
    : "No patient has an id starting " + typed + ".");
}

// ---- retention ----

/** The retention settings in words, as [label, value] rows. */
export function settingsText(st) {
  return [["Message text", st.textDays > 0 ? "removed after " + st.textDays + " days" : "kept (off)"],
    ["Whole records of inactive patients", st.recordDays > 0 ? "erased after " + st.recordDays + " days" : "kept (off)"],
    ["Web-chat sessions never used", st.unusedHours > 0 ? "erased after " + st.unusedHours + " hours" : "kept (off)"]];
}

/** A retention run's result as [label, value] rows. */
export function outcome(r) {
  var at = new Date(r.at).toLocaleString();
  if (r.skipped) return [["When", at], ["Outcome", "nothing to do: retention is off"]];
  return [["When", at], ["Message texts removed", String(r.eventsDeleted)],
    ["Escalation notes cleared", String(r.notesCleared)], ["Patients erased", String(r.patientsErased)],
    ["Unused web-chat sessions erased", String(r.unusedSessionsErased)],
    ["Took", r.ms + " ms" + (r.lockedOut ? " (another instance was running it: this one stopped)" : "")]];
}

/** An ISO-8601 duration of the schedule as people read it: "PT24H" is "24h", "P1D" "1d". */
export function every(isoDuration) {
  return String(isoDuration).replace(/^PT?/, "").toLowerCase();
}

// ---- audit ----

/**
 * The audit log's query: the view (what matters, or every entry), the page size, the filters typed (trimmed,
 * empty ones left out), "to" as the day after (it is inclusive on the page), and the cursor of the page.
 */
export function auditQuery(filters, raw, limit, before) {
  var q = ["view=" + (raw ? "all" : "important"), "limit=" + limit];
  ["actor", "patient", "action", "from"].forEach(function (k) {
    var v = String(filters[k] || "").trim();
    if (v) q.push(k + "=" + encodeURIComponent(v));
  });
  if (filters.to) q.push("to=" + dayAfter(filters.to));
  if (before) q.push("before=" + before);
  return q.join("&");
}

/** The status line after a page of the audit log. */
export function auditSummary(count, raw) {
  return count + (count === 1 ? " entry" : " entries") + (raw ? " (raw: every entry)" : " (what matters)");
}

// ---- helplines: the form's rows and the document the server takes ----

/** The kinds of line, as the document names them ("crisis" is the document's "locales"), with their labels. */
export var HELPLINE_KINDS = [
  { key: "crisis", label: "Crisis" },
  { key: "safeguarding", label: "Child and vulnerable-adult safeguarding" },
  { key: "domestic_abuse", label: "Domestic abuse" }
];

/** The locales the form always offers, whether the document has lines for them or not. */
export var HELPLINE_LOCALES = ["en", "en-US", "en-GB", "en-IE", "en-CA", "en-AU", "es", "es-ES", "es-MX"];

var LINE_FIELDS = ["region", "name", "number", "note"];

function row(line) {
  var r = {};
  LINE_FIELDS.forEach(function (f) { r[f] = line && line[f] != null ? String(line[f]) : ""; });
  return r;
}

function rowsOf(byLocale) {
  var out = {};
  Object.keys(byLocale || {}).forEach(function (locale) {
    out[locale] = (Array.isArray(byLocale[locale]) ? byLocale[locale] : []).map(row);
  });
  return out;
}

/**
 * The document ({"locales": …, "kinds": {"safeguarding": …, "domestic_abuse": …}}) as the form's table:
 * kind -> locale -> rows of four strings. A kind the document leaves out is absent (it keeps the built-in
 * defaults), not empty. Throws when the document has no "locales" object.
 */
export function helplineRows(doc) {
  if (!doc || typeof doc !== "object" || !doc.locales || typeof doc.locales !== "object" || Array.isArray(doc.locales)) {
    throw new Error("The document needs \"locales\": {\"en\": [{\"region\", \"name\", \"number\", \"note\"}], …}.");
  }
  var table = { crisis: rowsOf(doc.locales) };
  var kinds = doc.kinds || {};
  Object.keys(kinds).forEach(function (k) { table[k] = rowsOf(kinds[k]); });
  return table;
}

/** A row with nothing typed in it: left out of the document, never an error. */
export function blankRow(r) {
  return LINE_FIELDS.every(function (f) { return !String(r[f] || "").trim(); });
}

function linesOf(byLocale) {
  var out = {};
  Object.keys(byLocale).forEach(function (locale) {
    var lines = byLocale[locale].filter(function (r) { return !blankRow(r); }).map(function (r) {
      var l = {};
      LINE_FIELDS.forEach(function (f) { l[f] = String(r[f] || "").trim(); });
      return l;
    });
    if (lines.length) out[locale] = lines; // a locale with no lines is left out: it falls back
  });
  return out;
}

/**
 * The form's table as the document the server takes: fields trimmed, blank rows and locales with no lines
 * left out, and only the kinds the table has (one left out keeps the built-in defaults).
 */
export function helplineDoc(table) {
  var doc = { locales: linesOf(table.crisis || {}), kinds: {} };
  Object.keys(table).forEach(function (k) { if (k !== "crisis") doc.kinds[k] = linesOf(table[k]); });
  return doc;
}

/** The locales to offer for one kind: the usual ones first, then any other the table has, sorted. */
export function helplineLocales(table, kind) {
  var present = Object.keys((table && table[kind]) || {});
  return HELPLINE_LOCALES.concat(present.filter(function (l) { return HELPLINE_LOCALES.indexOf(l) < 0; }).sort());
}

/** Whether a typed locale is one the server takes ("en", "es-MX"). */
export function localeOk(locale) {
  return /^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale);
}

var DIALABLE = /^[0-9+][0-9 ()+-]{1,24}$/;

/**
 * What stops the table from being saved, as {kind, locale, index, field, message} (field and index null for a
 * whole list), in the server's rules: every line needs a region, a name and a dialable number; the crisis
 * lines need "en"; another kind, when present, needs "en" or "eu" (the fallback); locales look like "es-MX".
 * Blank rows are not problems (they are left out).
 */
export function helplineProblems(table) {
  var problems = [];
  function add(kind, locale, index, field, message) {
    problems.push({ kind: kind, locale: locale, index: index, field: field, message: message });
  }
  Object.keys(table).forEach(function (kind) {
    var byLocale = table[kind] || {};
    Object.keys(byLocale).forEach(function (locale) {
      var rows = byLocale[locale];
      if (!localeOk(locale) && rows.some(function (r) { return !blankRow(r); })) {
        add(kind, locale, null, null, "\"" + locale + "\" is not a locale such as \"en\" or \"es-MX\".");
      }
      rows.forEach(function (r, i) {
        if (blankRow(r)) return;
        var number = String(r.number || "").trim();
        if (!String(r.name || "").trim()) add(kind, locale, i, "name", "A name is required.");
        if (!String(r.region || "").trim()) add(kind, locale, i, "region", "A region is required.");
        if (!number) add(kind, locale, i, "number", "A number is required.");
        else if (!DIALABLE.test(number)) add(kind, locale, i, "number", "\"" + number + "\" is not a dialable number (digits, spaces, + ( ) -).");
      });
    });
    var lines = linesOf(byLocale);
    if (kind === "crisis" && !lines.en) add(kind, "en", null, null, "The crisis lines need \"en\": it is the fallback for every locale.");
    if (kind !== "crisis" && !lines.en && !lines.eu) add(kind, "en", null, null, "These lines need \"en\" or \"eu\": it is the fallback for every locale.");
  });
  return problems;
}

/** A problem in words, saying where it is: "Domestic abuse · es-MX · line 2: A number is required." */
export function problemText(p) {
  var kind = HELPLINE_KINDS.filter(function (k) { return k.key === p.kind; })[0];
  return (kind ? kind.label : p.kind) + " · " + p.locale + (p.index == null ? "" : " · line " + (p.index + 1)) + ": " + p.message;
}

/** An error's words with its error id (which the log holds with the cause), once. */
export function withErrorId(message, errorId) {
  return errorId && String(message).indexOf(errorId) < 0 ? message + " (error id " + errorId + ")" : message;
}

/**
 * A refused save in words: "Helplines not saved: " and the server's reason (which may already say it is not
 * saved: said once), with the error id.
 */
export function notSavedText(what, message, errorId) {
  var m = String(message || "");
  var text = m.toLowerCase().indexOf(what.toLowerCase() + " not saved") === 0 ? what + m.slice(what.length) : what + " not saved: " + m;
  return withErrorId(text, errorId);
}
