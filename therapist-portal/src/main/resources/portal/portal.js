/* MentalHealthAI care-team portal: the live escalation queue. SPDX-License-Identifier: GPL-3.0-or-later
 * Uses the session cookie set by /api/v1/auth/login (HttpOnly) and echoes the CSRF token on changes. */
(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var filter = "active", rows = {}, stream = null, known = {};
  function csrf() {
    var m = document.cookie.match(/(?:^|; )mhai_csrf=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function api(method, path, body) {
    return fetch(path, {
      method: method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) { var e = new Error(j.error || r.status); e.status = r.status; throw e; } return j; });
    });
  }
  function show(id) { ["#signin", "#queue"].forEach(function (s) { $(s).hidden = s !== id; }); }
  function beep() {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)(), o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = 880; o.connect(g); g.connect(ctx.destination); g.gain.value = 0.2; o.start(); o.stop(ctx.currentTime + 0.4);
    } catch (e) { /* no audio: the visual alert remains */ }
  }
  function remaining(deadline) {
    var s = Math.round((new Date(deadline) - Date.now()) / 1000);
    if (s < 0) return { text: "overdue by " + fmt(-s), overdue: true };
    return { text: fmt(s), overdue: false };
  }
  function fmt(s) { var m = Math.floor(s / 60); return m + ":" + String(s % 60).padStart(2, "0"); }
  function visible(e) {
    if (filter === "all") return true;
    if (filter === "open") return e.status === "open";
    return e.status !== "resolved";
  }
  function render() {
    var list = Object.keys(rows).map(function (k) { return rows[k]; }).filter(visible)
      .sort(function (a, b) { return a.slaDeadline < b.slaDeadline ? -1 : 1; });
    var tbody = $("#rows");
    tbody.textContent = "";
    list.forEach(function (e) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-id", e.id);
      if (e._new) tr.className = "new";
      var lvl = document.createElement("span"); lvl.className = "level-" + e.level; lvl.textContent = e.level;
      var sla = remaining(e.slaDeadline);
      var cells = [lvl, e.status, (e.signals || []).join(", "), new Date(e.createdAt).toLocaleTimeString(),
        e.status === "resolved" ? "—" : sla.text, e.conversationId.slice(0, 8)];
      cells.forEach(function (c, i) {
        var td = document.createElement("td");
        if (c instanceof Node) td.appendChild(c); else td.textContent = c;
        if (i === 4 && sla.overdue && e.status !== "resolved") td.className = "overdue";
        tr.appendChild(td);
      });
      var actions = document.createElement("td");
      if (e.status === "open") actions.appendChild(button("Acknowledge", function () { change(e.id, "acknowledge"); }));
      if (e.status !== "resolved") actions.appendChild(button("Resolve…", function () { resolve(e.id); }));
      tr.appendChild(actions);
      tbody.appendChild(tr);
    });
  }
  function button(label, fn) { var b = document.createElement("button"); b.textContent = label; b.addEventListener("click", fn); return b; }
  function upsert(e, fresh) {
    if (fresh && !known[e.id] && e.status === "open") {
      e._new = true; beep();
      var a = $("#alert"); a.hidden = false; a.textContent = "New " + e.level + " escalation — respond within " + remaining(e.slaDeadline).text;
    }
    known[e.id] = true;
    rows[e.id] = e;
    render();
  }
  function change(id, action, body) {
    return api("POST", "/api/v1/escalations/" + id + "/" + action, body).then(function (e) { upsert(e, false); })
      .catch(function (err) { alert(err.message); });
  }
  function resolve(id) {
    var d = $("#resolve");
    $("#resolve-form").note.value = "";
    d.returnValue = "";
    d.showModal();
    d.onclose = function () {
      var note = $("#resolve-form").note.value.trim();
      if (d.returnValue === "ok" && note) change(id, "resolve", { note: note });
    };
  }
  function load() {
    return api("GET", "/api/v1/escalations?status=all").then(function (r) {
      rows = {}; r.escalations.forEach(function (e) { known[e.id] = true; rows[e.id] = e; }); render();
    });
  }
  function live() {
    if (stream) stream.close();
    stream = new EventSource("/api/v1/escalations/stream", { withCredentials: true });
    stream.addEventListener("escalation", function (ev) { upsert(JSON.parse(ev.data), true); });
    stream.onopen = function () { $("#live").className = "live"; $("#live").textContent = "● live"; load(); };
    stream.onerror = function () { $("#live").className = "live off"; $("#live").textContent = "● reconnecting"; };
  }
  function start(me) {
    $("#who").textContent = me.displayName + " (" + me.role + ")";
    $("#logout").hidden = false;
    show("#queue");
    load().then(live);
    setInterval(render, 1000);
  }
  document.querySelectorAll(".filters button").forEach(function (b) {
    b.addEventListener("click", function () {
      filter = b.getAttribute("data-filter");
      document.querySelectorAll(".filters button").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
      render();
    });
  });
  $("#login").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api("POST", "/api/v1/auth/login", { username: f.username.value, password: f.password.value })
      .then(function (r) { f.password.value = ""; start(r.staff); })
      .catch(function (err) { $("#login-error").textContent = err.message; });
  });
  $("#logout").addEventListener("click", function () {
    api("POST", "/api/v1/auth/logout").finally(function () { location.reload(); });
  });
  api("GET", "/api/v1/auth/me").then(start).catch(function () { show("#signin"); });
})();
