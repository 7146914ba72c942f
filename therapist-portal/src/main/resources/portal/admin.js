/* MentalHealthAI administration pages. SPDX-License-Identifier: GPL-3.0-or-later
 * Staff accounts, flows (JSON editor with live validation, graph, draft/publish/rollback, sandbox),
 * helplines (a form per kind and locale, the raw JSON one click away), the exercise catalog and the audit log. Same session cookie and CSRF header as the portal.
 * An ES module: the helpers it shares with portal.js come from common.js, its rules without the page
 * (graph layout, audit query, retention in words) from admin-logic.js. */
import { $, api, csrf, el, svg } from "./common.js";
import {
  staffState, flowTargets, flowLayout, BOX, sandboxMessages, shortIdProblem, onePatient, settingsText, outcome, every,
  auditQuery, auditSummary, HELPLINE_KINDS, helplineRows, helplineDoc, helplineLocales, helplineProblems, localeOk, problemText,
  notSavedText
} from "./admin-logic.js";

(function () {
  "use strict";
  function say(text, error) { var s = $("#status"); s.textContent = text; s.className = "status" + (error ? " error" : ""); }
  function fail(e) { say(e.message, true); }

  // ---- sign-in and tabs ----
  function start() {
    if (!csrf()) { $("#signin").hidden = false; return; } // no session cookie pair: sign in, no 401 probe
    api("GET", "/api/v1/auth/me").then(function (me) {
      if (me.role !== "admin") { $("#signin").hidden = false; $("#login-error").textContent = "This page is for admins."; return; }
      $("#who").textContent = me.displayName + " (admin)";
      $("#signin").hidden = true; $("#admin").hidden = false; $("#logout").hidden = false;
      loadStaff();
    }).catch(function () { $("#signin").hidden = false; });
  }
  $("#logout").addEventListener("click", function () {
    api("POST", "/api/v1/auth/logout").then(null, function () {}).then(function () { location.reload(); });
  });
  $("#login").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api("POST", "/api/v1/auth/login", { username: f.username.value, password: f.password.value })
      .then(start).catch(function (e) { $("#login-error").textContent = e.status === 401 ? "Wrong username or password." : e.message; });
  });
  var loaders = { staff: loadStaff, flows: loadFlows, patients: loadPatients, helplines: loadHelplines,
    exercises: loadExercises, retention: loadRetention, audit: loadAudit };
  document.querySelectorAll(".tabs button").forEach(function (b) {
    b.addEventListener("click", function () {
      document.querySelectorAll(".tabs button").forEach(function (o) { o.setAttribute("aria-selected", String(o === b)); });
      document.querySelectorAll(".tab").forEach(function (t) { t.hidden = t.id !== "tab-" + b.dataset.tab; });
      say("");
      loaders[b.dataset.tab]();
    });
  });

  // ---- staff ----
  function loadStaff() {
    api("GET", "/api/v1/admin/staff").then(function (j) {
      var tbody = $("#staff-rows"); tbody.textContent = "";
      j.staff.forEach(function (s) {
        var tr = el("tr", null, { "data-username": s.username });
        [s.username, s.displayName, s.role, staffState(s)]
          .forEach(function (c) { tr.appendChild(el("td", c)); });
        var td = el("td");
        var toggle = el("button", s.disabled ? "Enable" : "Disable");
        toggle.addEventListener("click", function () {
          api("POST", "/api/v1/admin/staff/" + s.id + (s.disabled ? "/enable" : "/disable")).then(function () {
            say((s.disabled ? "Enabled " : "Disabled ") + s.username); loadStaff();
          }).catch(fail);
        });
        var reset = el("button", "Reset password");
        reset.addEventListener("click", function () { resetPassword(s); });
        var totp = el("button", "Require TOTP");
        totp.addEventListener("click", function () {
          api("PUT", "/api/v1/admin/staff/" + s.id + "/totp", { required: true })
            .then(function () { say(s.username + " must use a TOTP code from the next sign-in"); }).catch(fail);
        });
        td.appendChild(toggle); td.appendChild(reset); td.appendChild(totp); tr.appendChild(td);
        tbody.appendChild(tr);
      });
    }).catch(fail);
  }
  $("#staff-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api("POST", "/api/v1/admin/staff", { username: f.username.value, displayName: f.displayName.value,
      role: f.role.value, password: f.password.value })
      .then(function (s) { say("Created " + s.username + " (" + s.role + ")"); f.reset(); loadStaff(); }).catch(fail);
  });

  // ---- flows ----
  var validateTimer = null;
  function loadFlows() {
    api("GET", "/api/v1/admin/flows").then(function (j) {
      var tbody = $("#flow-rows"); tbody.textContent = "";
      j.flows.forEach(function (f) {
        var tr = el("tr", null, { "data-flow": f.id });
        [f.name + " (" + f.id + ")", f.version === null ? "—" : "v" + f.version, f.draftVersion ? "v" + f.draftVersion : "—",
          f.builtIn ? "yes (wording only)" : "no"].forEach(function (c) { tr.appendChild(el("td", c)); });
        var td = el("td"), edit = el("button", "Edit");
        edit.addEventListener("click", function () { openFlow(f.id); });
        td.appendChild(edit); tr.appendChild(td); tbody.appendChild(tr);
      });
    }).catch(fail);
  }
  function openFlow(id) {
    api("GET", "/api/v1/admin/flows/" + encodeURIComponent(id)).then(function (f) {
      var doc = (f.draft || f.published).document;
      showEditor(id, doc, f.history || []);
    }).catch(fail);
  }
  $("#flow-new").addEventListener("click", function () {
    showEditor("new-flow", { id: "new-flow", name: "New flow", start: "hello", triggers: ["/newflow"],
      nodes: [{ id: "hello", type: "message", text: "Hello!", next: "bye" }, { id: "bye", type: "end" }] }, []);
  });
  function showEditor(id, doc, history) {
    $("#flow-editor").hidden = false;
    $("#flow-id").textContent = id;
    $("#flow-json").value = JSON.stringify(doc, null, 2);
    var sel = $("#flow-versions"); sel.textContent = "";
    history.filter(function (v) { return v.status === "retired"; })
      .forEach(function (v) { sel.appendChild(el("option", "v" + v.version, { value: v.version })); });
    $("#flow-rollback").disabled = sel.options.length === 0;
    validateNow();
  }
  function parsed() {
    try { return JSON.parse($("#flow-json").value); } catch { return null; }
  }
  function validateNow() {
    var doc = parsed();
    var ul = $("#flow-errors"); ul.textContent = "";
    if (!doc) { $("#flow-valid").textContent = ""; ul.appendChild(el("li", "This is not valid JSON yet.")); return Promise.resolve(false); }
    return api("POST", "/api/v1/admin/flows/validate", doc).then(function (r) {
      ul.textContent = "";
      $("#flow-valid").textContent = r.valid ? "✓ Valid flow" : "";
      r.errors.forEach(function (e) { ul.appendChild(el("li", (e.node ? "[" + e.node + "] " : "") + e.message + (e.path ? " (at " + e.path + ")" : ""))); });
      graph(doc, r.errors);
      return r.valid;
    }).catch(function (e) { fail(e); return false; });
  }
  $("#flow-json").addEventListener("input", function () {
    clearTimeout(validateTimer);
    validateTimer = setTimeout(validateNow, 400);
  });
  $("#flow-save").addEventListener("click", function () {
    var doc = parsed();
    if (!doc) { say("Fix the JSON first.", true); return; }
    api("PUT", "/api/v1/admin/flows/" + encodeURIComponent(doc.id) + "/draft", doc).then(function (v) {
      say("Saved draft v" + v.version + " of " + doc.id); $("#flow-id").textContent = doc.id; loadFlows();
    }).catch(function (e) {
      if (e.body && e.body.errors) { validateNow(); }
      fail(e);
    });
  });
  $("#flow-publish").addEventListener("click", function () {
    var doc = parsed();
    if (!doc) return;
    if (!window.confirm("Publish the draft of " + doc.id + "? New conversations use it at once.")) return;
    api("POST", "/api/v1/admin/flows/" + encodeURIComponent(doc.id) + "/publish").then(function (v) {
      say("Published " + doc.id + " v" + v.version + ": new conversations use it now"); loadFlows(); openFlow(doc.id);
    }).catch(fail);
  });
  $("#flow-rollback").addEventListener("click", function () {
    var doc = parsed(), v = parseInt($("#flow-versions").value, 10);
    if (!doc || !v) return;
    if (!window.confirm("Roll " + doc.id + " back to version " + v + "? New conversations use it at once.")) return;
    api("POST", "/api/v1/admin/flows/" + encodeURIComponent(doc.id) + "/rollback", { version: v }).then(function () {
      say("Rolled " + doc.id + " back to v" + v); loadFlows(); openFlow(doc.id);
    }).catch(fail);
  });
  $("#sandbox-run").addEventListener("click", function () {
    var doc = parsed();
    if (!doc) return;
    var messages = sandboxMessages($("#sandbox-input").value);
    api("POST", "/api/v1/admin/flows/sandbox", { flow: doc, messages: messages }).then(function (r) {
      var ol = $("#sandbox-transcript"); ol.textContent = "";
      r.transcript.forEach(function (m) {
        var li = el("li", (m.from === "patient" ? "Patient: " : "Bot: ") + m.text, { "class": m.from });
        if (m.quickReplies && m.quickReplies.length) li.appendChild(el("div", "[" + m.quickReplies.join(" | ") + "]", { "class": "quick" }));
        ol.appendChild(li);
      });
    }).catch(fail);
  });

  /** A left-to-right layered drawing: columns by distance from the start node, boxes coloured by type. */
  function graph(doc, errors) {
    var box = $("#flow-graph"); box.textContent = "";
    if (!doc || !Array.isArray(doc.nodes)) return;
    var layout = flowLayout(doc), byId = layout.byId, order = layout.order, pos = layout.pos, W = BOX.w, H = BOX.h;
    var width = layout.width, height = layout.height;
    var bad = {}; errors.forEach(function (e) { if (e.node) bad[e.node] = true; });
    var colours = { message: "#e8f1f2", question: "#fff4d6", capture: "#fff4d6", branch: "#eee6f7", assessment: "#fde2e2",
      recommend: "#e3f5e1", handoff: "#ffe0cc", "goto": "#eeeeee", end: "#dddddd" };
    var drawing = svg("svg", { width: width, height: height, role: "img", "aria-label": "Graph of " + order.length + " nodes" });
    var marker = svg("marker", { id: "arrow", markerWidth: "8", markerHeight: "8", refX: "8", refY: "4", orient: "auto" },
      svg("defs", {}, drawing));
    svg("path", { d: "M0,0 L8,4 L0,8 z", fill: "#666" }, marker);
    order.forEach(function (id) {
      flowTargets(byId[id]).forEach(function (t) {
        if (!pos[t]) return;
        var a = pos[id], b = pos[t];
        var x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2;
        if (b.x <= a.x) { x1 = a.x + W / 2; y1 = a.y + H; x2 = b.x + W / 2; y2 = b.y + H; }
        svg("path", { d: "M" + x1 + "," + y1 + " C" + (x1 + 30) + "," + y1 + " " + (x2 - 30) + "," + y2 + " " + x2 + "," + y2,
          fill: "none", stroke: "#666", "marker-end": "url(#arrow)" }, drawing);
      });
    });
    order.forEach(function (id) {
      var n = byId[id], p = pos[id], g = svg("g", {});
      svg("rect", { x: p.x, y: p.y, width: W, height: H, rx: 6, fill: colours[n.type] || "#fff", stroke: bad[id] ? "#c00" : "#888",
        "stroke-width": bad[id] ? 3 : 1 }, g);
      svg("text", { x: p.x + 6, y: p.y + 17 }, g).textContent = id;
      var t2 = svg("text", { x: p.x + 6, y: p.y + 34 }, g);
      t2.textContent = (n.type || "?") + (id === doc.start ? " · start" : ""); t2.setAttribute("fill", "#555");
      g.setAttribute("data-node", id); drawing.appendChild(g);
    });
    box.appendChild(drawing);
  }

  // ---- patients: assignments and data rights ----
  var staffById = {};
  function loadPatients() {
    api("GET", "/api/v1/admin/staff").then(function (j) {
      var sel = $("#assign-therapist"); sel.textContent = "";
      j.staff.forEach(function (s) {
        staffById[s.id] = s;
        if (s.role === "therapist" && !s.disabled) sel.appendChild(el("option", s.displayName + " (" + s.username + ")", { value: s.id }));
      });
      return api("GET", "/api/v1/admin/assignments");
    }).then(function (j) {
      var tbody = $("#assignment-rows"); tbody.textContent = "";
      j.assignments.forEach(function (a) {
        var tr = el("tr"), who = staffById[a.therapistId];
        tr.appendChild(el("td", who ? who.displayName : a.therapistId));
        tr.appendChild(el("td", a.patientId.slice(0, 8), { title: a.patientId }));
        var td = el("td"), remove = el("button", "Unassign");
        remove.addEventListener("click", function () {
          api("DELETE", "/api/v1/admin/assignments", { therapistId: a.therapistId, patientId: a.patientId })
            .then(function () { say("Unassigned"); loadPatients(); }).catch(fail);
        });
        td.appendChild(remove); tr.appendChild(td); tbody.appendChild(tr);
      });
    }).catch(fail);
  }
  /** Patients whose id starts with what was typed (a short id), as GET /api/v1/patients?q= finds them (audited). */
  function findPatients(q) {
    return api("GET", "/api/v1/patients?q=" + encodeURIComponent(q)).then(function (j) { return j.patients; });
  }
  /**
   * The full id behind a patient field: the one chosen from the search, or the single patient whose id starts with
   * what was typed; none or several is an error that says so (nobody pastes UUIDs any more).
   */
  function resolvePatient(input) {
    var typed = input.value.trim().toLowerCase();
    if (typed && input.dataset.id && input.dataset.id.indexOf(typed) === 0) return Promise.resolve(input.dataset.id);
    var problem = shortIdProblem(typed);
    if (problem) return Promise.reject(new Error(problem));
    return findPatients(typed).then(function (list) {
      var p = onePatient(list, typed);
      if (p instanceof Error) throw p;
      input.dataset.id = p.patientId;
      return p.patientId;
    });
  }
  function choose(p) {
    ["#assign-form", "#rights-form"].forEach(function (f) {
      var input = $(f).patient; input.value = p.shortId; input.dataset.id = p.patientId;
    });
    say("Chose patient " + p.shortId);
  }
  $("#find-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = $("#find-q").value.trim();
    findPatients(q).then(function (list) {
      var tbody = $("#find-rows"); tbody.textContent = "";
      list.forEach(function (p) {
        var tr = el("tr", null, { "data-patient": p.shortId });
        tr.appendChild(el("td", p.shortId, { title: p.patientId }));
        tr.appendChild(el("td", p.lastActivity ? new Date(p.lastActivity).toLocaleString() : "—"));
        tr.appendChild(el("td", p.activeEscalation ? "in the queue" : "—"));
        var td = el("td"), pick = el("button", "Choose", { type: "button", "aria-label": "Choose patient " + p.shortId });
        pick.addEventListener("click", function () { choose(p); });
        td.appendChild(pick); tr.appendChild(td); tbody.appendChild(tr);
      });
      say(list.length === 1 ? "1 patient found" : list.length + " patients found");
    }).catch(fail);
  });
  ["#assign-form", "#rights-form"].forEach(function (f) {
    $(f).patient.addEventListener("input", function (ev) { delete ev.target.dataset.id; });
  });
  $("#assign-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = ev.target;
    resolvePatient(f.patient).then(function (id) {
      return api("PUT", "/api/v1/admin/assignments", { therapistId: f.therapist.value, patientId: id });
    }).then(function () { say("Assigned"); f.patient.value = ""; delete f.patient.dataset.id; loadPatients(); }).catch(fail);
  });
  function chosen() { return resolvePatient($("#rights-form").patient); }
  $("#rights-export").addEventListener("click", function () {
    chosen().then(function (id) {
      return api("GET", "/api/v1/admin/patients/" + encodeURIComponent(id) + "/export").then(function (j) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(new Blob([JSON.stringify(j, null, 2)], { type: "application/json" }));
        a.download = "patient-" + id.slice(0, 8) + ".json"; document.body.appendChild(a); a.click(); a.remove();
        say("Export of " + id.slice(0, 8) + " downloaded (the read is in the audit log)");
      });
    }).catch(fail);
  });
  $("#rights-erase").addEventListener("click", function () {
    chosen().then(function (id) {
      if (!window.confirm("Erase patient " + id.slice(0, 8) + " (" + id + ")? Their messages can never be read again. This cannot be undone.")) return;
      return api("DELETE", "/api/v1/admin/patients/" + encodeURIComponent(id)).then(function () { say("Patient " + id.slice(0, 8) + " erased"); });
    }).catch(fail);
  });

  // ---- retention: the settings and the last run in words, a run now after a confirmation, its result ----
  function facts(dl, rows) {
    dl.textContent = "";
    rows.forEach(function (r) { dl.appendChild(el("dt", r[0])); dl.appendChild(el("dd", r[1])); });
  }
  var retention = null;
  function loadRetention() {
    api("GET", "/api/v1/admin/retention").then(function (j) {
      retention = j;
      facts($("#retention-state"), settingsText(j.settings).concat([["Runs by itself", "every " + every(j.every)]]));
      facts($("#retention-last"), j.lastRun ? [["By", j.lastRun.actor === "system" ? "the schedule" : "an admin"]].concat(outcome(j.lastRun.detail))
        : [["Last run", "never yet"]]);
    }).catch(fail);
  }
  $("#retention-run").addEventListener("click", function () {
    var d = $("#retention-dialog"), st = retention ? retention.settings : null;
    $("#retention-dialog-what").textContent = st ? settingsText(st).map(function (r) { return r[0] + ": " + r[1]; }).join("; ") + "." : "";
    d.returnValue = "";
    d.onclose = function () {
      if (d.returnValue !== "ok") { say("Retention not run"); return; }
      say("Retention running…");
      api("POST", "/api/v1/admin/retention/run").then(function (r) {
        $("#retention-result-title").hidden = false;
        facts($("#retention-result"), outcome(r));
        say("Retention ran: " + (r.skipped ? "retention is off" : r.eventsDeleted + " message texts removed, " + r.patientsErased + " patients erased"));
        loadRetention();
      }).catch(fail);
    };
    d.showModal();
  });

  /**
   * A password reset in a dialog with a masked field (never a prompt that shows it in clear); the field is emptied
   * whatever happens, so the password stays on screen no longer than it is typed.
   */
  function resetPassword(s) {
    var d = $("#reset-dialog"), input = $("#reset-password"), show = $("#reset-show");
    $("#reset-who").textContent = "For " + s.username + (s.displayName ? " (" + s.displayName + ")" : "") + ".";
    input.value = ""; input.type = "password"; show.checked = false; d.returnValue = "";
    show.onchange = function () { input.type = show.checked ? "text" : "password"; };
    d.onclose = function () {
      var p = input.value;
      input.value = ""; input.type = "password"; show.checked = false;
      if (d.returnValue !== "ok" || !p) return;
      api("POST", "/api/v1/admin/staff/" + s.id + "/password", { password: p })
        .then(function () { say("Password reset for " + s.username + "; their sessions have ended."); }).catch(fail);
    };
    d.showModal();
    input.focus();
  }

  // ---- exercises (a JSON editor) and helplines (a form, or the same document as JSON) ----
  function loadExercises() {
    api("GET", "/api/v1/admin/exercises").then(function (j) { delete j.catalogVersion; $("#exercises-json").value = JSON.stringify(j, null, 2); })
      .catch(fail);
  }
  /** The document in a JSON textarea, or null (having said why) when it does not parse. */
  function jsonIn(area) {
    return function () {
      try { return JSON.parse($(area).value); } catch { say("That is not valid JSON.", true); return null; }
    };
  }
  /**
   * A Save button's handler: the document from docOf (null: nothing to send, docOf said why), asked about first
   * when there is a question, PUT with the CSRF header; the outcome in the status line, an error with its id.
   */
  function saver(path, what, docOf, question, saved) {
    return function () {
      var doc = docOf();
      if (doc == null) return;
      if (question && !window.confirm(question(doc))) { say(what + " not saved."); return; }
      api("PUT", path, doc).then(function (j) {
        say(what + " saved" + (j.version ? " (version " + j.version + "); live now." : "."));
        if (saved) saved(j);
      }).catch(function (e) { say(notSavedText(what, e.message, e.errorId), true); });
    };
  }
  $("#exercises-save").addEventListener("click", saver("/api/v1/admin/exercises", "Exercise catalog", jsonIn("#exercises-json")));

  var hl = { table: null, kind: "crisis", locale: "en", raw: false };
  var FIELDS = [["region", "Region"], ["name", "Name"], ["number", "Number"], ["note", "Note"]];
  function kindLabel(k) { var f = HELPLINE_KINDS.filter(function (x) { return x.key === k; })[0]; return f ? f.label : k; }
  function loadHelplines() {
    api("GET", "/api/v1/admin/helplines").then(function (j) { showHelplines(j); }).catch(fail);
  }
  function showHelplines(doc) {
    delete doc.version;
    hl.table = helplineRows(doc);
    $("#helplines-json").value = JSON.stringify(doc, null, 2);
    $("#helplines-errors").textContent = "";
    renderHelplines();
  }
  if (!$("#helplines-kind").options.length) {
    HELPLINE_KINDS.forEach(function (k) { $("#helplines-kind").appendChild(el("option", k.label, { value: k.key })); });
  }
  function viewRows() { return (hl.table[hl.kind] || {})[hl.locale] || []; }
  function renderHelplines() {
    if (!hl.table) return;
    $("#helplines-kind").value = hl.kind;
    var sel = $("#helplines-locale"); sel.textContent = "";
    helplineLocales(hl.table, hl.kind).forEach(function (l) {
      var n = ((hl.table[hl.kind] || {})[l] || []).length;
      sel.appendChild(el("option", l + (n ? " (" + n + (n === 1 ? " line)" : " lines)") : " (none)"), { value: l }));
    });
    sel.value = hl.locale;
    $("#helplines-where").textContent = kindLabel(hl.kind) + " lines for " + hl.locale
      + (hl.table[hl.kind] ? "" : " (this kind is not in the document: patients get the built-in defaults; a line added here replaces them)");
    var tbody = $("#helplines-rows"); tbody.textContent = "";
    viewRows().forEach(function (r, i) {
      var tr = el("tr", null, { "data-line": String(i) });
      FIELDS.forEach(function (f) {
        var td = el("td");
        var input = el("input", null, { "aria-label": f[1] + ", line " + (i + 1), "data-field": f[0], autocomplete: "off",
          "aria-describedby": "hl-problem-" + i + "-" + f[0] });
        if (f[0] === "number") input.setAttribute("inputmode", "tel");
        input.value = r[f[0]];
        input.addEventListener("input", function () { r[f[0]] = input.value; markHelplines(false); });
        td.appendChild(input);
        td.appendChild(el("span", null, { id: "hl-problem-" + i + "-" + f[0], "class": "problem" }));
        tr.appendChild(td);
      });
      var remove = el("button", "Remove", { type: "button", "aria-label": "Remove line " + (i + 1) });
      remove.addEventListener("click", function () {
        viewRows().splice(i, 1);
        renderHelplines();
        $("#helplines-add").focus();
      });
      var td = el("td"); td.appendChild(remove); tr.appendChild(td);
      tbody.appendChild(tr);
    });
    $("#helplines-empty").hidden = viewRows().length > 0;
    markHelplines(false);
  }
  /** Marks the fields at fault in view and lists every problem; returns them. After a refused save, all of them. */
  function markHelplines(listAll) {
    var problems = helplineProblems(hl.table);
    document.querySelectorAll("#helplines-rows input").forEach(function (input) {
      var i = Number(input.closest("tr").dataset.line), field = input.dataset.field;
      var mine = problems.filter(function (p) { return p.kind === hl.kind && p.locale === hl.locale && p.index === i && p.field === field; });
      input.setAttribute("aria-invalid", String(mine.length > 0));
      $("#hl-problem-" + i + "-" + field).textContent = mine.map(function (p) { return p.message; }).join(" ");
    });
    var list = $("#helplines-errors");
    if (listAll || list.childElementCount) {
      list.textContent = "";
      problems.forEach(function (p) { list.appendChild(el("li", problemText(p))); });
    }
    return problems;
  }
  $("#helplines-kind").addEventListener("change", function () { hl.kind = $("#helplines-kind").value; renderHelplines(); });
  $("#helplines-locale").addEventListener("change", function () { hl.locale = $("#helplines-locale").value; renderHelplines(); });
  $("#helplines-add").addEventListener("click", function () {
    if (!hl.table) return;
    hl.table[hl.kind] = hl.table[hl.kind] || {};
    (hl.table[hl.kind][hl.locale] = hl.table[hl.kind][hl.locale] || []).push({ region: "", name: "", number: "", note: "" });
    renderHelplines();
    var inputs = document.querySelectorAll("#helplines-rows tr:last-child input");
    if (inputs.length) inputs[0].focus();
  });
  $("#helplines-add-locale").addEventListener("click", function () {
    var typed = $("#helplines-new-locale").value.trim();
    if (!localeOk(typed)) { say("\"" + typed + "\" is not a locale such as \"fr\" or \"fr-CA\".", true); return; }
    hl.table[hl.kind] = hl.table[hl.kind] || {};
    hl.table[hl.kind][typed] = hl.table[hl.kind][typed] || [];
    hl.locale = typed; $("#helplines-new-locale").value = ""; say("");
    renderHelplines();
    $("#helplines-add").focus();
  });
  /** Form to raw JSON (the same document) and back; back only when the JSON is a helplines document. */
  $("#helplines-raw-toggle").addEventListener("click", function () {
    if (!hl.table) return;
    if (!hl.raw) {
      $("#helplines-json").value = JSON.stringify(helplineDoc(hl.table), null, 2);
    } else {
      try { hl.table = helplineRows(JSON.parse($("#helplines-json").value)); } catch (e) {
        say((e instanceof SyntaxError ? "That is not valid JSON" : e.message) + ": fix it here, or reload the tab.", true); return;
      }
      say(""); renderHelplines();
    }
    hl.raw = !hl.raw;
    $("#helplines-raw-toggle").setAttribute("aria-pressed", String(hl.raw));
    $("#helplines-raw").hidden = !hl.raw; $("#helplines-form").hidden = hl.raw;
  });
  /** The document to save, or null: the raw JSON must parse, and the lines must pass the server's rules, before any request. */
  function helplinesToSave() {
    if (!hl.table) return null;
    if (hl.raw) {
      var doc = jsonIn("#helplines-json")();
      if (doc == null) return null;
      try { hl.table = helplineRows(doc); } catch (e) { say(e.message, true); return null; }
    }
    var problems = markHelplines(true);
    if (problems.length) {
      say("Not saved: " + problems.length + (problems.length === 1 ? " problem" : " problems") + " to fix, listed below the table.", true);
      var first = document.querySelector("#helplines-rows input[aria-invalid=true]");
      if (first && !hl.raw) first.focus();
      return null;
    }
    return helplineDoc(hl.table);
  }
  function helplinesQuestion(doc) {
    var parts = HELPLINE_KINDS.map(function (k) {
      var lines = k.key === "crisis" ? doc.locales : doc.kinds[k.key];
      return lines ? k.label + ": " + Object.keys(lines).length + " locales" : k.label + ": built-in defaults";
    });
    return "Save the helplines? " + parts.join("; ") + ". Patients get them at once.";
  }
  $("#helplines-save").addEventListener("click", saver("/api/v1/admin/helplines", "Helplines", helplinesToSave, helplinesQuestion,
    showHelplines));

  // ---- audit: what matters by default, the raw log one click away, paged newest first ----
  var AUDIT_PAGE = 50, auditRaw = false, auditCursors = [null]; // auditCursors[i]: the "before" of page i
  function loadAudit() { auditCursors = [null]; auditPage(); }
  function auditPage() {
    var f = $("#audit-form"), filters = {};
    ["actor", "patient", "action", "from", "to"].forEach(function (k) { filters[k] = f[k].value; });
    var q = auditQuery(filters, auditRaw, AUDIT_PAGE, auditCursors[auditCursors.length - 1]);
    api("GET", "/api/v1/admin/audit?" + q).then(function (j) {
      var tbody = $("#audit-rows"); tbody.textContent = "";
      j.entries.forEach(function (e) {
        var tr = el("tr", null, { "data-action": e.action });
        [new Date(e.at).toLocaleString(), e.actorName || e.actor, e.role || "", e.action].forEach(function (c) { tr.appendChild(el("td", c)); });
        tr.appendChild(el("td", e.patientId ? e.patientId.slice(0, 8) : "", e.patientId ? { title: e.patientId } : {}));
        [e.target || "", JSON.stringify(e.detail)].forEach(function (c) { tr.appendChild(el("td", c)); });
        tbody.appendChild(tr);
      });
      $("#audit-older").disabled = !j.next;
      $("#audit-older").dataset.next = j.next || "";
      $("#audit-newer").disabled = auditCursors.length < 2;
      $("#audit-page").textContent = "page " + auditCursors.length;
      say(auditSummary(j.entries.length, auditRaw));
    }).catch(fail);
    if (!$("#audit-actors").options.length) {
      api("GET", "/api/v1/admin/staff").then(function (j) {
        j.staff.forEach(function (s) { $("#audit-actors").appendChild(el("option", null, { value: s.username })); });
      }).catch(fail);
    }
  }
  $("#audit-form").addEventListener("submit", function (ev) { ev.preventDefault(); loadAudit(); });
  $("#audit-raw").addEventListener("click", function () {
    auditRaw = !auditRaw;
    $("#audit-raw").setAttribute("aria-pressed", String(auditRaw));
    $("#audit-view-hint").textContent = auditRaw ? "Raw: every entry, sign-ins, account changes and list reads included. Newest first."
      : "Showing what matters: staff reads and changes of patients' data, escalation and conversation actions, research exports and retention runs. Newest first.";
    loadAudit();
  });
  $("#audit-older").addEventListener("click", function () { auditCursors.push($("#audit-older").dataset.next); auditPage(); });
  $("#audit-newer").addEventListener("click", function () { if (auditCursors.length > 1) { auditCursors.pop(); auditPage(); } });

  start();
})();
