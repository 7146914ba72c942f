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
