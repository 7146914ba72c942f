/* MentalHealthAI care-team portal: the live escalation queue, the patient page and live takeover.
 * SPDX-License-Identifier: GPL-3.0-or-later
 * Uses the session cookie set by /api/v1/auth/login (HttpOnly) and echoes the CSRF token on changes.
 * No libraries: the charts are hand-drawn SVG. An ES module: the helpers it shares with admin.js come from
 * common.js, the rules without the page (queue order, SLA, plain words, bands) from portal-logic.js. */
import { $, api, csrf, el, svg, when, codeOf } from "./common.js";
import {
  queueOrder, shownBy, remaining, sla, isRaise, titleFor, banner, plain, queueSignals, presenceText, deliveryLabel,
  crisisExcerpts, bandOf, exportQuery, exportStarted
} from "./portal-logic.js";

(function () {
  "use strict";
  var COLORS = { anger: "#c0392b", disgust: "#7d6608", fear: "#6c3483", joy: "#f1c40f", neutral: "#95a5a6",
    sadness: "#2e86c1", surprise: "#e67e22" };
  var BAND_COLORS = ["#d5f5e3", "#fcf3cf", "#fae5d3", "#f5cba7", "#f5b7b1"];
  var filter = "active", rows = {}, stream = null, known = {}, held = {}, me = null, started = false;
  var page = null, emotionView = "daily", chatStream = null, chatConv = null, seen = {};

  function show(id) { ["#signin", "#queue", "#patient", "#research"].forEach(function (s) { $(s).hidden = s !== id; }); }
  // ---- alerts that reach a person: sound (unlocked by the first gesture), desktop notification, tab title ----
  var audio = null;
  function unlockAlerts() {
    try {
      if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
    } catch { audio = null; }
    try {
      if (window.Notification && Notification.permission === "default") Notification.requestPermission();
    } catch { /* no notifications: the banner and the title remain */ }
  }
  document.addEventListener("pointerdown", unlockAlerts, { once: true });
  document.addEventListener("keydown", unlockAlerts, { once: true });
  function beep() {
    try {
      if (!audio) return; // browsers block sound until the page has been used; the banner and title still alert
      var o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = 880; o.connect(g); g.connect(audio.destination); g.gain.value = 0.2; o.start(); o.stop(audio.currentTime + 0.4);
    } catch { /* no audio: the visual alert remains */ }
  }
  function notify(e, raised) {
    try {
      if (window.Notification && Notification.permission === "granted") {
        var n = new Notification((raised ? "Escalation raised to " : "New ") + e.level + (raised ? "" : " escalation"), { body: "Respond within " + remaining(e.slaDeadline).text,
          tag: "escalation-" + e.id, requireInteraction: true });
        n.onclick = function () { window.focus(); location.hash = "#/patient/" + e.patientId + "/" + e.id; n.close(); };
      }
    } catch { /* the banner and the title remain */ }
  }
  var TITLE = document.title;
  function waiting() {
    return Object.keys(rows).map(function (k) { return rows[k]; }).filter(function (e) { return e.status === "open"; });
  }
  /** Every second: the title counts what waits, the banner's countdown runs and turns red, the SLA cells tick. */
  function tick() {
    var open = waiting(), b = banner(open);
    document.title = titleFor(open.length, TITLE);
    var a = $("#alert");
    if (b) {
      a.hidden = false;
      a.textContent = b.text;
      a.classList.toggle("urgent", b.urgent);
    } else {
      a.hidden = true;
    }
    document.querySelectorAll("#rows tr[data-id]").forEach(function (tr) {
      var e = rows[tr.getAttribute("data-id")], td = tr.querySelector("td.sla");
      if (!e || !td) return;
      var t = sla(e);
      if (td.textContent !== t.text) td.textContent = t.text;
      td.classList.toggle("overdue", t.overdue);
    });
  }

  // ---- queue ------------------------------------------------------------------------------
  function visible(e) { return shownBy(filter, e); }
  // ---- presence: online now, or when last seen (ids and times only) ----
  var presence = {}, presenceTimer = 0; // patientId -> {online, lastSeen}
  function render() {
    var list = Object.keys(rows).map(function (k) { return rows[k]; }).filter(visible).sort(queueOrder);
    var tbody = $("#rows");
    tbody.textContent = "";
    list.forEach(function (e) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-id", e.id);
      if (e._new) tr.className = "new";
      var lvl = el("span", e.level, "level-" + e.level);
      if (e._raised) { lvl.appendChild(document.createTextNode(" ")); lvl.appendChild(el("span", "raised", "raised")); }
      newSessionMark(e, lvl);
      var due = sla(e);
      var conv = el("span", e.conversationId.slice(0, 8));
      if (presence[e.patientId]) {
        conv.appendChild(document.createTextNode(" "));
        conv.appendChild(el("span", presenceText(presence[e.patientId]), presence[e.patientId].online ? "presence online" : "presence"));
      }
      if (held[e.conversationId]) { conv.appendChild(document.createTextNode(" ")); conv.appendChild(el("span", "held by " + held[e.conversationId], "held")); }
      var why = el("span", plain(queueSignals(e)));
      why.title = (e.signals || []).join(", ");
      var cells = [lvl, e.status, why, new Date(e.createdAt).toLocaleTimeString(), due.text, conv];
      cells.forEach(function (c, i) {
        var td = document.createElement("td");
        if (c instanceof Node) td.appendChild(c); else td.textContent = c;
        if (i === 4) td.className = "sla" + (due.overdue ? " overdue" : "");
        tr.appendChild(td);
      });
      var actions = document.createElement("td");
      if (e.status === "open") actions.appendChild(button("Acknowledge", function () { change(e.id, "acknowledge"); }));
      if (e.status !== "resolved") actions.appendChild(button("Resolve…", function () { resolve(e.id); }));
      actions.appendChild(button("Patient", function () { location.hash = "#/patient/" + e.patientId + "/" + e.id; }, "open-patient"));
      tr.appendChild(actions);
      tbody.appendChild(tr);
    });
  }
  function button(label, fn, cls) { var b = el("button", label, cls); b.type = "button"; b.addEventListener("click", fn); return b; }
  function upsert(e, fresh) {
    var before = rows[e.id];
    // A raise (a higher level, or an acknowledged escalation open again because the danger grew) alerts like a new one.
    var raised = isRaise(before, e);
    if (fresh && e.status === "open" && (!known[e.id] || raised)) {
      e._new = true; e._raised = raised; beep(); notify(e, raised);
    }
    known[e.id] = true;
    rows[e.id] = e;
    render();
    tick();
    // a patient new to the queue: their presence (online, last seen) comes with the patient list
    if (!presence[e.patientId] && !page) { clearTimeout(presenceTimer); presenceTimer = setTimeout(loadPatients, 300); }
    if (page && page.patientId === e.patientId) { renderEscalations(); renderCrisisNow(); }
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
    return Promise.all([api("GET", "/api/v1/escalations?status=all"), api("GET", "/api/v1/takeovers")]).then(function (r) {
      rows = {}; r[0].escalations.forEach(function (e) { known[e.id] = true; rows[e.id] = e; });
      held = {}; r[1].takeovers.forEach(function (t) { held[t.conversationId] = t.staffName; });
      render();
    });
  }
  /** The patients I may see; with {@code q}, only those whose short id starts with it (an audited search). */
  function loadPatients(q) {
    return api("GET", "/api/v1/patients" + (q ? "?q=" + encodeURIComponent(q) : "")).then(function (r) {
      var ul = $("#patients"); ul.textContent = "";
      if (!r.patients.length) ul.appendChild(el("li", q ? "No patient you may see has a short id starting " + q + "." : "No patients assigned to you."));
      r.patients.forEach(function (p) { presence[p.patientId] = { online: p.online, lastSeen: p.lastSeen }; });
      if (!q) render();
      r.patients.forEach(function (p) {
        var li = el("li"); var a = el("a", p.shortId); a.href = "#/patient/" + p.patientId; a.title = p.patientId;
        li.appendChild(a);
        if (p.online || p.lastSeen) li.appendChild(el("span", " · " + presenceText(p), p.online ? "presence online" : "presence"));
        li.appendChild(document.createTextNode((p.lastActivity ? " · last active " + new Date(p.lastActivity).toLocaleString() : "")
          + (p.assigned ? " · assigned" : "") + (p.activeEscalation ? " · in the queue" : "")));
        ul.appendChild(li);
      });
      return r.patients;
    }, function (err) {
      if (q) $("#patient-find-result").textContent = err.message;
      return []; /* researchers have no patient list */
    });
  }
  $("#patient-find").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = ev.target.q.value.trim().toLowerCase();
    $("#patient-find-result").textContent = "";
    loadPatients(q).then(function (list) {
      if (q && list.length === 1) { location.hash = "#/patient/" + list[0].patientId; return; }
      if (q && list.length > 1) $("#patient-find-result").textContent = list.length + " patients match: type more of the id, or pick one.";
    });
  });
  function live() {
    if (stream) stream.close();
    stream = new EventSource("/api/v1/escalations/stream", { withCredentials: true });
    stream.addEventListener("escalation", function (ev) { upsert(JSON.parse(ev.data), true); });
    stream.addEventListener("takeover", function (ev) {
      var t = JSON.parse(ev.data);
      if (t.active) held[t.conversationId] = t.staffName; else delete held[t.conversationId];
      render();
      if (page && chatConv === t.conversationId) takeoverStatus({ active: t.active, staffId: t.staffId, staffName: t.staffName });
    });
    stream.addEventListener("presence", function (ev) {
      var p = JSON.parse(ev.data);
      presence[p.patientId] = { online: p.online, lastSeen: p.lastSeen };
      render();
    });
    stream.addEventListener("relay", relayState);
    stream.onopen = function () { $("#live").className = "live"; $("#live").textContent = "● live"; load(); };
    stream.onerror = function () { $("#live").className = "live off"; $("#live").textContent = "● reconnecting"; };
  }

  /* The relay between instances is down (escalations opened elsewhere may be late), or back and the queue re-read. */
  function relayState(ev) {
    var r = JSON.parse(ev.data), l = $("#live");
    if (r.state === "down") { l.className = "live off"; l.textContent = "● relay down: escalations from other instances may be late"; return; }
    l.className = "live"; l.textContent = "● live (reconnected, refreshed)"; load();
  }
  /* An escalation from a brand-new session, and how many came in its minute: a flood is grouped, never hidden. */
  function newSessionMark(e, lvl) {
    if (!e.newSession) return;
    lvl.appendChild(document.createTextNode(" "));
    lvl.appendChild(el("span", e.burst > 1 ? "new session · " + e.burst + " this minute" : "new session", "new-session"));
  }

  // ---- patient page -----------------------------------------------------------------------
  function openPatient(id, escalation) {
    show("#patient");
    var reason = escalation ? "escalation " + escalation : "care";
    return api("GET", "/api/v1/patients/" + id + "?reason=" + encodeURIComponent(reason)).then(function (p) {
      page = p;
      $("#p-id").textContent = p.patientId.slice(0, 8);
      $("#p-access").textContent = "access: " + p.access;
      showPresence(null);
      api("GET", "/api/v1/patients?q=" + p.patientId).then(function (r) {
        if (page && r.patients.length === 1 && r.patients[0].patientId === page.patientId) showPresence(r.patients[0]);
      }, function () {});
      renderEscalations(); renderCrisisNow(); renderSummary(); renderEmotions(); renderMoods();
      renderAssessment("phq9"); renderAssessment("gad7"); renderExercises(); openChat();
    }).catch(function (err) {
      $("#p-id").textContent = id.slice(0, 8);
      $("#p-access").textContent = err.message;
    });
  }
  // ---- plain language for the detector's signals (the raw names stay in the title attribute) ----------------------
  /** The top of a patient page while an escalation is not resolved: what was said, why, and what to do now. */
  function renderCrisisNow() {
    var box = $("#crisis-now");
    var list = page.escalations.map(function (e) { return rows[e.id] || e; }).filter(function (e) { return e.status !== "resolved"; });
    if (!list.length) { box.hidden = true; return; }
    var e = list[list.length - 1];
    box.hidden = false; box.setAttribute("data-id", e.id);
    $("#cn-level").textContent = e.level; $("#cn-level").className = "level-" + e.level;
    $("#cn-status").textContent = e.status;
    $("#cn-when").textContent = "opened " + when(e.createdAt) + (e.status === "open" ? " · respond within " + remaining(e.slaDeadline).text : "");
    var conv = page.conversations.filter(function (c) { return c.id === e.conversationId; })[0] || page.conversations[page.conversations.length - 1];
    var said = $("#cn-said"); said.textContent = "";
    crisisExcerpts(conv).forEach(function (m) {
      var li = el("li", null, "risk-" + (m.risk || "none"));
      li.appendChild(el("q", m.text)); li.appendChild(el("small", " " + when(m.at) + " · " + (m.risk || "none")));
      said.appendChild(li);
    });
    var why = $("#cn-why"); why.textContent = plain((e.signals || []).concat(e.reason ? [e.reason] : []));
    why.title = (e.signals || []).join(", ");
    $("#cn-ack").hidden = e.status !== "open";
    $("#cn-ack").onclick = function () { change(e.id, "acknowledge").then(renderCrisisNow); };
    $("#cn-resolve").onclick = function () { resolve(e.id); };
    var last = conv && conv.messages.length ? conv.messages[conv.messages.length - 1] : null;
    $("#cn-context").textContent = (conv ? "Channel: " + conv.channel + ". " : "") + (page.locale ? "Language: " + page.locale + ". " : "")
      + (last ? "Last message " + when(last.at) + ". " : "") + "The patient already has the crisis helplines and was told the care team was informed.";
  }
  $("#cn-claim").addEventListener("click", function () { $("#claim").scrollIntoView({ block: "center" }); $("#claim").click(); });
  function renderEscalations() {
    var tb = $("#p-escalations"); tb.textContent = "";
    var list = page.escalations.map(function (e) { return rows[e.id] || e; });
    list.forEach(function (e) {
      var tr = el("tr"); tr.setAttribute("data-id", e.id);
      [el("span", e.level, "level-" + e.level), e.status, when(e.createdAt), plain(e.signals)].forEach(function (c) {
        var td = el("td"); if (c instanceof Node) td.appendChild(c); else td.textContent = c; tr.appendChild(td);
      });
      var td = el("td");
      if (e.status === "open") td.appendChild(button("Acknowledge", function () { change(e.id, "acknowledge"); }));
      if (e.status !== "resolved") td.appendChild(button("Resolve…", function () { resolve(e.id); }, "resolve-here"));
      tr.appendChild(td); tb.appendChild(tr);
    });
    if (!list.length) { var tr = el("tr"); var td = el("td", "No escalations."); td.colSpan = 5; tr.appendChild(td); tb.appendChild(tr); }
  }
  function renderSummary() {
    var s = page.summary, ol = $("#summary"); ol.textContent = "";
    if (!s || !s.excerpts.length) { ol.appendChild(el("li", "Nothing of note: no message carried risk or a strong emotion.")); return; }
    $("#summary-kind").textContent = s.kind + (s.redacted ? ", personal data redacted" : ", redaction unavailable: text withheld");
    s.excerpts.forEach(function (x) {
      var li = el("li", null, "risk-" + x.risk);
      li.appendChild(el("q", x.text == null ? "[withheld]" : x.text));
      li.appendChild(el("small", " " + when(x.at) + " · risk " + x.risk + (x.emotion ? " · " + x.emotion : "")));
      ol.appendChild(li);
    });
    $("#summary-llm").hidden = !s.llm; $("#summary-llm").textContent = s.llm || "";
  }
  /** A line chart: series {name, color, values[]} over labels[], y from 0 to max, optional bands [{from,to,band}]. */
  function chart(host, labels, series, max, bands) {
    host.textContent = "";
    // One unit of the drawing is one screen pixel, so 12-unit text is 12 px text at any card width.
    var W = Math.max(300, Math.round(host.clientWidth || 640)), H = bands ? 190 : 230, L = 40, R = 10, T = 12, B = 30;
    var s = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", width: W, height: H,
      "aria-label": series.map(function (se) { return se.name; }).join(", ") + ": " + labels.length + " points"
        + (labels.length ? " from " + labels[0] + " to " + labels[labels.length - 1] : "") }, host);
    var x = function (i) { return L + (labels.length < 2 ? (W - L - R) / 2 : i * (W - L - R) / (labels.length - 1)); };
    var y = function (v) { return T + (H - T - B) * (1 - v / max); };
    (bands || []).forEach(function (b, i) {
      svg("rect", { x: L, width: W - L - R, y: y(b.to + 1 > max ? max : b.to + 1), height: y(b.from) - y(b.to + 1 > max ? max : b.to + 1),
        fill: BAND_COLORS[Math.min(i, BAND_COLORS.length - 1)], "class": "band" }, s);
      var t = svg("text", { x: W - R - 4, y: y(b.from) - 3, "text-anchor": "end", "font-size": 12, fill: "#333" }, s);
      t.textContent = b.band.replace("_", " ") + " (" + b.from + "–" + b.to + ")";
    });
    [0, 0.5, 1].forEach(function (f) {
      var v = max * f;
      svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#ddd" }, s);
      var t = svg("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end", "font-size": 12, fill: "#333" }, s); t.textContent = Math.round(v * 100) / 100;
    });
    var step = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor((W - L - R) / 90))));
    labels.forEach(function (l, i) {
      if (i % step) return;
      var t = svg("text", { x: x(i), y: H - 8, "text-anchor": "middle", "font-size": 12, fill: "#333" }, s); t.textContent = l;
    });
    series.forEach(function (se) {
      var pts = se.values.map(function (v, i) { return x(i) + "," + y(v); }).join(" ");
      if (se.values.length > 1) svg("polyline", { points: pts, fill: "none", stroke: se.color, "stroke-width": 2, "class": "series-" + se.name }, s);
      se.values.forEach(function (v, i) {
        var c = svg("circle", { cx: x(i), cy: y(v), r: 4, fill: se.color, "class": "point-" + se.name }, s);
        var t = svg("title", {}, c); t.textContent = se.name + " " + labels[i] + ": " + v;
        if (se.numbers) { // the score itself, on the point (PHQ-9, GAD-7)
          var n = svg("text", { x: x(i), y: y(v) - 8, "text-anchor": "middle", "font-size": 13, "font-weight": 700, fill: "#111",
            "class": "score" }, s);
          n.textContent = v;
        }
      });
    });
    if (!labels.length) { var t = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#777" }, s); t.textContent = "No data yet"; }
    return s;
  }
  function renderEmotions() {
    var data = page.emotions[emotionView], labels = page.emotions.labels;
    var names = data.map(function (d) { return d.period || new Date(d.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); });
    chart($("#emotion-chart"), names, labels.map(function (l) {
      return { name: l, color: COLORS[l], values: data.map(function (d) { return d.ekman[l]; }) };
    }), 1);
    var lg = $("#emotion-legend"); lg.textContent = "";
    labels.forEach(function (l) { var sp = el("span"); sp.appendChild(el("i", null, "sw-" + l)); sp.appendChild(document.createTextNode(l)); lg.appendChild(sp); });
  }
  function renderMoods() {
    chart($("#mood-chart"), page.moods.map(function (m) { return new Date(m.at).toLocaleDateString(); }),
      [{ name: "mood", color: "#2f6f73", values: page.moods.map(function (m) { return m.score; }) }], 10);
    var ul = $("#moods"); ul.textContent = "";
    page.moods.slice(-5).forEach(function (m) { ul.appendChild(el("li", when(m.at) + ": " + m.score + "/10" + (m.feelings ? " — " + m.feelings : ""))); });
  }
  function renderAssessment(key) {
    var list = page.assessments.filter(function (a) { return a.instrument === key; }), bands = page.bands[key];
    var host = $("#" + key + "-chart");
    var svgEl = chart(host, list.map(function (a) { return new Date(a.at).toLocaleDateString(); }),
      [{ name: key, color: "#1b1b1b", numbers: true, values: list.map(function (a) { return a.total; }) }],
      bands[bands.length - 1].to, bands);
    var name = key === "phq9" ? "PHQ-9" : "GAD-7";
    svgEl.setAttribute("aria-label", name + " totals: " + (list.length ? list.map(function (a) {
      return a.total + " (" + bandOf(bands, a.total) + ") on " + new Date(a.at).toLocaleDateString(); }).join("; ") : "none yet"));
    if (list.length) { // the same figures as a table, for screen readers and for reading exact values
      var d = el("details"), sum = el("summary", "Scores as a table"), t = el("table", null, "scores");
      var head = el("tr"); ["Date", "Total", "Band"].forEach(function (h) { head.appendChild(el("th", h)); }); t.appendChild(head);
      list.forEach(function (a) {
        var tr = el("tr");
        [when(a.at), String(a.total), bandOf(bands, a.total)].forEach(function (c) { tr.appendChild(el("td", c)); });
        t.appendChild(tr);
      });
      d.appendChild(sum); d.appendChild(t); host.appendChild(d);
    }
  }
  function renderExercises() {
    var tb = $("#exercises"); tb.textContent = "";
    page.exercises.forEach(function (x) {
      var tr = el("tr");
      [when(x.at), x.exercise, x.outcome ? x.outcome.replace("_", " ") : "—"].forEach(function (c) { tr.appendChild(el("td", c)); });
      tb.appendChild(tr);
    });
    if (!page.exercises.length) { var tr = el("tr"); var td = el("td", "None offered yet."); td.colSpan = 3; tr.appendChild(td); tb.appendChild(tr); }
  }

  // ---- chat and takeover --------------------------------------------------------------------
  function showDelivery(seq, d) {
    var node = seen[seq];
    if (!node || node === true) return;
    var label = node.querySelector(".delivery");
    var text = deliveryLabel(d);
    if (!label) { label = el("small", "", "delivery"); label.setAttribute("role", "status"); node.appendChild(label); }
    label.textContent = text;
    label.className = "delivery" + (d && d.state === "failed" ? " undelivered" : "");
  }
  function addMessage(m) {
    if (m.seq && seen[m.seq]) { if (m.delivery) showDelivery(m.seq, m.delivery); return; }
    var d = el("div", null, "msg " + m.from + (m.risk ? " risk-" + m.risk : ""));
    if (m.seq) seen[m.seq] = d;
    d.appendChild(el("small", (m.from === "therapist" ? (m.staffName || "therapist") : m.from) + " · " + when(m.at)));
    d.appendChild(document.createTextNode(m.text));
    var c = $("#chat"); c.appendChild(d); c.scrollTop = c.scrollHeight;
    if (m.delivery) showDelivery(m.seq, m.delivery);
  }
  function takeoverStatus(t) {
    var mine = t.active && me && t.staffId === me.id;
    $("#takeover-status").textContent = t.active ? (mine ? "you are talking to the patient" : "held by " + t.staffName) : "the bot is answering";
    $("#takeover-status").className = t.active ? "held" : "";
    $("#claim").hidden = t.active;
    $("#staff-form").hidden = !mine;
    $("#release").hidden = !mine;
  }
  function showPresence(p) {
    $("#p-presence").textContent = presenceText(p);
    $("#p-presence").className = "presence" + (p && p.online ? " online" : "");
  }
  var patientTypingTimer = 0;
  function patientTyping(on) {
    clearTimeout(patientTypingTimer);
    $("#chat-typing").textContent = on ? "Patient is typing…" : "";
    if (on) patientTypingTimer = setTimeout(function () { patientTyping(false); }, 6000);
  }
  function openChat() {
    var convs = page.conversations;
    if (chatStream) { chatStream.close(); chatStream = null; }
    $("#chat").textContent = ""; seen = {};
    if (!convs.length) { chatConv = null; return; }
    var c = convs[convs.length - 1];
    chatConv = c.id;
    c.messages.forEach(addMessage);
    takeoverStatus(c.takeover);
    chatStream = new EventSource("/api/v1/conversations/" + c.id + "/stream?reason=" + encodeURIComponent("chat panel"), { withCredentials: true });
    chatStream.addEventListener("frame", function (ev) {
      var f = JSON.parse(ev.data);
      if (f.type === "message") addMessage(f); // claims and releases arrive with the holder's id on the queue stream
      else if (f.type === "delivery") showDelivery(f.seq, f.delivery); // Telegram could not deliver it
      if (f.type === "message" && f.from === "patient") patientTyping(false);
    });
    // staff-only signals: the patient's presence, and their typing (never the text)
    chatStream.addEventListener("live", function (ev) {
      var f = JSON.parse(ev.data);
      if (f.type === "presence") { showPresence(f); if (!f.online) patientTyping(false); }
      else if (f.type === "typing" && f.from === "patient") patientTyping(f.on !== false);
    });
  }
  $("#claim").addEventListener("click", function () {
    api("POST", "/api/v1/conversations/" + chatConv + "/takeover").then(function (h) { takeoverStatus(h); $("#staff-form").text.focus(); })
      .catch(function (err) { alert(err.message); });
  });
  $("#release").addEventListener("click", function () {
    api("POST", "/api/v1/conversations/" + chatConv + "/release").then(function () { takeoverStatus({ active: false }); })
      .catch(function (err) { alert(err.message); });
  });
  /** While the holder types, the patient sees "<name> is typing…": one signal every 2 s at most, no text. */
  var typingSent = 0;
  $("#staff-form").text.addEventListener("input", function () {
    if (!chatConv || !$("#staff-form").text.value || Date.now() - typingSent < 2000) return;
    typingSent = Date.now();
    api("POST", "/api/v1/conversations/" + chatConv + "/typing").then(null, function () {});
  });
  $("#staff-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target, text = f.text.value.trim();
    if (!text) return;
    api("POST", "/api/v1/conversations/" + chatConv + "/messages", { text: text }).then(function (m) { f.text.value = ""; addMessage(m); })
      .catch(function (err) { alert(err.message); });
  });
  document.querySelectorAll("[data-view]").forEach(function (b) {
    b.addEventListener("click", function () {
      emotionView = b.getAttribute("data-view");
      document.querySelectorAll("[data-view]").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
      if (page) renderEmotions();
    });
  });

  // ---- navigation, sign-in ----------------------------------------------------------------
  function route() {
    if (!me) return;
    var m = location.hash.match(/^#\/patient\/([0-9a-f-]{36})(?:\/([0-9a-f-]{36}))?/);
    if (m) { openPatient(m[1], m[2]); return; }
    if (chatStream) { chatStream.close(); chatStream = null; }
    page = null; chatConv = null;
    show("#queue"); loadPatients();
  }
  function start(who) {
    me = who;
    $("#who").textContent = who.displayName + " (" + who.role + ")";
    $("#logout").hidden = false; $("#totp-setup").hidden = false;
    if (who.role === "researcher") { show("#research"); return; } // no patient content, no queue: the de-identified export only
    route();
    // The table is drawn when something changes; every second only the countdowns, the banner and the title change,
    // so keyboard focus stays where the therapist left it.
    if (!started) { started = true; load().then(live).then(tick); setInterval(tick, 1000); }
  }
  window.addEventListener("hashchange", route);
  /** The research export downloads as a file (streamed by the server, never held in the page); "to" is inclusive here. */
  $("#research-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target, q = exportQuery(f.format.value, f.from.value, f.to.value);
    if (q.error) { $("#research-status").textContent = q.error; return; }
    var a = el("a"); a.href = "/api/v1/research/export?" + q.query; a.download = "mhai-research-export." + f.format.value;
    document.body.appendChild(a); a.click(); a.remove();
    $("#research-status").textContent = exportStarted(f.format.value, f.from.value, f.to.value);
  });
  document.querySelectorAll(".filters button[data-filter]").forEach(function (b) {
    b.addEventListener("click", function () {
      filter = b.getAttribute("data-filter");
      document.querySelectorAll(".filters button[data-filter]").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
      render();
    });
  });
  $("#login").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target, body = { username: f.username.value, password: f.password.value };
    if (!$("#totp-step").hidden && f.code.value) body.code = codeOf(f.code.value);
    api("POST", "/api/v1/auth/login", body)
      .then(function (r) { f.password.value = ""; f.code.value = ""; start(r.staff); })
      .catch(function (err) {
        $("#login-error").textContent = err.message;
        if (err.body && err.body.totpRequired) {
          $("#totp-step").hidden = false;
          var en = err.body.totpEnrolment;
          $("#totp-enrol").hidden = !en;
          if (en) { $("#totp-secret").textContent = en.secret; $("#totp-uri").textContent = en.uri; showQr($("#totp-qr"), en.qrSvg); }
          f.code.focus();
        }
      });
  });
  /** The server draws the QR code of the key (SVG, no CDN); it is parsed as XML and added as nodes, never as HTML. */
  function showQr(box, svgText) {
    box.textContent = "";
    if (!svgText) return;
    var doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    if (doc.documentElement && doc.documentElement.nodeName === "svg") box.appendChild(document.importNode(doc.documentElement, true));
  }
  $("#totp-setup").addEventListener("click", function () {
    api("POST", "/api/v1/auth/totp").then(function (r) {
      $("#totp-new-secret").textContent = r.secret; $("#totp-new-uri").textContent = r.uri; $("#totp-error").textContent = "";
      showQr($("#totp-new-qr"), r.qrSvg);
      var d = $("#totp-dialog"); d.returnValue = ""; d.showModal();
      d.onclose = function () {
        if (d.returnValue !== "ok") return;
        api("POST", "/api/v1/auth/totp/confirm", { code: codeOf($("#totp-form").code.value) })
          .then(function () { alert("Two-step sign-in is on."); })
          .catch(function (err) { alert(err.message); });
      };
    });
  });
  $("#logout").addEventListener("click", function () {
    api("POST", "/api/v1/auth/logout").finally(function () { location.hash = ""; location.reload(); });
  });
  if (!csrf()) {
    show("#signin"); // no session cookie pair: sign in, no 401 probe
  } else {
    api("GET", "/api/v1/auth/me").then(start).catch(function () { show("#signin"); });
  }
})();
