// SPDX-License-Identifier: GPL-3.0-or-later
// common.js: the staff API call (against a real HTTP server on loopback), errors, dates.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { csrfFrom, answer, errorText, api, clock, ago, dayAfter, codeOf } from "../../main/resources/portal/common.js";

test("the CSRF token is read from its cookie among others, decoded", () => {
  assert.equal(csrfFrom("a=1; mhai_csrf=ab%2Bcd; mhai_session=x"), "ab+cd");
  assert.equal(csrfFrom("mhai_csrf=first"), "first");
  assert.equal(csrfFrom("not_mhai_csrf=x"), "", "a cookie whose name only ends the same is not it");
  assert.equal(csrfFrom(""), "");
  assert.equal(csrfFrom(undefined), "");
});

test("a 2xx answer is its JSON body, and an empty one is {}", () => {
  assert.deepEqual(answer(200, '{"a":1}'), { a: 1 });
  assert.deepEqual(answer(204, ""), {});
});

test("an error answer throws with the server's message, its status and body", () => {
  assert.throws(() => answer(409, '{"error":"someone else changed this"}'), (e) => {
    assert.equal(e.message, "someone else changed this");
    assert.equal(e.status, 409);
    assert.deepEqual(e.body, { error: "someone else changed this" });
    assert.equal(e.errorId, null);
    return true;
  });
});

test("a server error shows its error id, so staff can quote it; a refusal (4xx) keeps it out of its words", () => {
  assert.throws(() => answer(500, '{"error":"internal error; quote this error id when reporting it","errorId":"7f3a9c"}'),
    (e) => e.message === "internal error; quote this error id when reporting it (error id 7f3a9c)" && e.errorId === "7f3a9c");
  assert.throws(() => answer(400, '{"error":"a note is required","errorId":"e-1"}'),
    (e) => e.message === "a note is required" && e.errorId === "e-1");
});

test("a body that is not JSON (a proxy's error page) is an error with the status, not a SyntaxError", () => {
  assert.throws(() => answer(502, "<html>Bad gateway</html>"), (e) => e.message === "HTTP 502" && e.status === 502);
  assert.throws(() => answer(200, "<html>login</html>"), (e) => e.message === "the server's answer could not be read");
  assert.equal(errorText(404, {}), "HTTP 404");
});

let server, base, seen;
before(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      seen = { method: req.method, url: req.url, csrf: req.headers["x-csrf-token"], type: req.headers["content-type"], body };
      if (req.url === "/fail") {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "internal error", errorId: "e1d2" }));
      } else if (req.url === "/empty") {
        res.writeHead(204); res.end();
      } else {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ ok: true }));
      }
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = "http://127.0.0.1:" + server.address().port;
  globalThis.document = { cookie: "mhai_session=s; mhai_csrf=tok123" }; // what the page's cookie jar shows the script
});
after(() => { server.close(); delete globalThis.document; });

test("api sends the body as JSON with the session's CSRF token", async () => {
  assert.deepEqual(await api("POST", base + "/x", { note: "called back" }), { ok: true });
  assert.deepEqual(seen, { method: "POST", url: "/x", csrf: "tok123", type: "application/json", body: '{"note":"called back"}' });
  await api("POST", base + "/y");
  assert.equal(seen.body, "", "no body when none is given");
  assert.deepEqual(await api("DELETE", base + "/empty"), {});
});

test("api rejects with the error id of a failure", async () => {
  await assert.rejects(api("GET", base + "/fail"), (e) => e.status === 500 && e.message === "internal error (error id e1d2)");
});

test("a countdown reads minutes and seconds", () => {
  assert.equal(clock(0), "0:00");
  assert.equal(clock(65), "1:05");
  assert.equal(clock(3600), "60:00");
});

test("ago reads just now, minutes, hours, then the date", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  assert.equal(ago("2026-03-01T11:59:30Z", now), "just now");
  assert.equal(ago("2026-03-01T12:00:30Z", now), "just now", "a clock a little ahead is not the future");
  assert.equal(ago("2026-03-01T11:55:00Z", now), "5 min ago");
  assert.equal(ago("2026-03-01T09:00:00Z", now), "3 h ago");
  assert.equal(ago("2026-02-20T12:00:00Z", now), new Date("2026-02-20T12:00:00Z").toLocaleDateString());
});

test("the day after a date, across months, leap days and years", () => {
  assert.equal(dayAfter("2026-01-31"), "2026-02-01");
  assert.equal(dayAfter("2028-02-28"), "2028-02-29");
  assert.equal(dayAfter("2026-12-31"), "2027-01-01");
});

test("a typed code loses its spaces", () => {
  assert.equal(codeOf(" 123 456 "), "123456");
  assert.equal(codeOf(undefined), "");
});
