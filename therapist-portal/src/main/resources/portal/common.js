/* MentalHealthAI staff pages: what the care-team portal (portal.js) and the admin pages (admin.js) share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 * An ES module: both pages import it, and Node's test runner imports the same file
 * (therapist-portal/src/test/js). Nothing here touches the page while the module loads. */

// ---- the staff API: session cookie, CSRF header, errors with their status and error id ----

/** The session's CSRF token from the readable {@code mhai_csrf} cookie; "" when signed out. */
export function csrfFrom(cookie) {
  var m = String(cookie || "").match(/(?:^|; )mhai_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "";
}

export function csrf() {
  return csrfFrom(typeof document === "undefined" ? "" : document.cookie);
}

/**
 * The words an error shows: the server's own message; for a fault of the server (5xx) with its error id,
 * which staff can quote and the log holds with the cause. A 4xx message says what to change, so no id.
 */
export function errorText(status, body) {
  var ok = status >= 200 && status < 300;
  var text = (body && body.error) || (ok ? "the server's answer could not be read" : "HTTP " + status);
  return status >= 500 && body && body.errorId ? text + " (error id " + body.errorId + ")" : text;
}

/**
 * A response turned into its JSON body, or thrown as an Error with {@code status}, {@code body} and
 * {@code errorId}. An empty body is {}; a body that is not JSON (a proxy's error page) is an error.
 */
export function answer(status, text) {
  var j;
  try { j = text ? JSON.parse(text) : {}; } catch { j = null; }
  if (status >= 200 && status < 300 && j !== null) return j;
  var body = j && typeof j === "object" ? j : {};
  var e = new Error(errorText(status, body));
  e.status = status; e.body = body; e.errorId = body.errorId || null;
  throw e;
}

/** A call to a staff API with the session cookie and the CSRF header; the body (if any) as JSON. */
export function api(method, path, body) {
  return fetch(path, {
    method: method, credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(function (r) {
    return r.text().then(function (t) { return answer(r.status, t); });
  });
}

// ---- the page: nodes with text (never HTML) ----

export function $(selector) { return document.querySelector(selector); }

/** An element with text content (never parsed as HTML); attrs is a class name or an object of attributes. */
export function el(tag, text, attrs) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (typeof attrs === "string") e.className = attrs;
  else Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  return e;
}

export var SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes, appended to parent when one is given. */
export function svg(tag, attrs, parent) {
  var e = document.createElementNS(SVG_NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (parent) parent.appendChild(e);
  return e;
}

// ---- dates and times ----

/** A date and time as the reader's locale writes them, to the minute. */
export function when(iso) {
  var d = new Date(iso);
  return d.toLocaleDateString() + " " + d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Seconds as a countdown: "4:05", "61:00". */
export function clock(seconds) {
  var s = Math.max(0, Math.floor(seconds)), m = Math.floor(s / 60);
  return m + ":" + String(s % 60).padStart(2, "0");
}

/** How long ago: "just now", "5 min ago", "3 h ago", then the date. */
export function ago(t, now) {
  var at = new Date(t).getTime(), s = Math.max(0, Math.round(((now === undefined ? Date.now() : now) - at) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return Math.round(s / 60) + " min ago";
  if (s < 86400) return Math.round(s / 3600) + " h ago";
  return new Date(at).toLocaleDateString();
}

/**
 * The day after a date field's value ("2026-02-28" gives "2026-03-01"): a form's "to" date is inclusive
 * on the page, and the APIs take the exclusive end.
 */
export function dayAfter(isoDate) {
  var end = new Date(isoDate + "T00:00:00Z");
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString().slice(0, 10);
}

/** A typed one-time code without the spaces people type or paste ("123 456"). */
export function codeOf(typed) { return String(typed || "").replace(/\s/g, ""); }
