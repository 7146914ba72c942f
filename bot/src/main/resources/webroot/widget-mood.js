/*! MentalHealthAI web chat widget: "My mood". SPDX-License-Identifier: GPL-3.0-or-later
 * Loaded by widget.js beside itself. The patient's own mood journal inside the chat panel: log a
 * score with an optional note, and see the last 14 and 90 days as two charts and a table with the
 * notes (the table is the accessible form of the charts). Talks only to
 * /api/v1/webchat/sessions/{id}/moods with the session's own token. Dependency-free. */
(function () {
  "use strict";
  if (window.__mhaiMood) return;
  var NS = "http://www.w3.org/2000/svg";
  var TEXT = {
    en: { button: "My mood", title: "My mood", back: "Back to chat", log: "Log how I feel", score: "Mood now, 0 (very bad) to 10 (very good)",
          note: "Note (optional)", save: "Save", saved: "Saved. Thank you.", days: "Last {} days", none: "No entries in the last {} days.",
          summary: "{n} entries, average {avg}, lowest {min}, highest {max}.", one: "1 entry, score {avg}.",
          table: "My mood entries, last {} days", date: "Date", scoreCol: "Mood (0–10)", noteCol: "Note",
          chart: "Chart of my mood, last {} days: ", failed: "Could not load your mood journal. Try again in a moment.",
          cut: "Only the newest entries are shown.", loading: "Loading…" },
    es: { button: "Mi ánimo", title: "Mi ánimo", back: "Volver al chat", log: "Registrar cómo me siento", score: "Ánimo ahora, de 0 (muy mal) a 10 (muy bien)",
          note: "Nota (opcional)", save: "Guardar", saved: "Guardado. Gracias.", days: "Últimos {} días", none: "Sin registros en los últimos {} días.",
          summary: "{n} registros, media {avg}, mínimo {min}, máximo {max}.", one: "1 registro, puntuación {avg}.",
          table: "Mis registros de ánimo, últimos {} días", date: "Fecha", scoreCol: "Ánimo (0–10)", noteCol: "Nota",
          chart: "Gráfico de mi ánimo, últimos {} días: ", failed: "No se ha podido cargar tu registro de ánimo. Inténtalo de nuevo en un momento.",
          cut: "Solo se muestran los registros más recientes.", loading: "Cargando…" }
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text; // patient text only ever as text, never as markup
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function fill(s, v) { return s.replace("{}", v); }

  /** ctx: { root, panel, tools, server, lang, ink, accent, onAccent, session(), api(method, path, body), focusChat() } */
  function attach(ctx) {
    var T = TEXT[ctx.lang] || TEXT.en;
    var style = document.createElement("style");
    style.textContent =
      ".mv{flex:1;overflow-y:auto;padding:10px 12px 14px;display:flex;flex-direction:column;gap:12px}.mv[hidden]{display:none}" +
      ".panel.mood-open>.log,.panel.mood-open>.typing,.panel.mood-open>form,.panel.mood-open>.tools{display:none}" +
      ".mv h3{font-size:15px;font-weight:700}.mv h4{font-size:14px;font-weight:700;margin-bottom:4px}" +
      ".mv .bar{display:flex;justify-content:space-between;align-items:center;gap:8px}" +
      ".mv button{min-height:44px;min-width:44px;cursor:pointer;font-size:14px;border-radius:8px;padding:4px 12px}" +
      ".mv .back{background:#fff;color:" + ctx.ink + ";border:1px solid " + ctx.ink + "}" +
      ".mv .save{background:" + ctx.accent + ";color:" + ctx.onAccent + ";border:0;font-weight:600}" +
      ".mv fieldset{border:1px solid #767676;border-radius:8px;padding:8px 10px;display:flex;flex-direction:column;gap:6px}" +
      ".mv legend{font-weight:700;padding:0 4px}.mv label{font-size:13px;display:flex;flex-direction:column;gap:3px}" +
      ".mv select,.mv textarea{font-size:16px;border:1px solid #767676;border-radius:6px;padding:6px;color:#1b1b1b;background:#fff}" +
      ".mv textarea{flex:none;resize:vertical;height:auto;min-height:56px}.mv .msg2{font-size:13px;min-height:18px}" +
      ".mv svg{width:100%;height:auto;display:block}.mv .sum{font-size:13px;margin:2px 0 6px}" +
      ".mv table{border-collapse:collapse;width:100%;font-size:13px}.mv caption{text-align:left;font-weight:700;padding:4px 0}" +
      ".mv th,.mv td{border-bottom:1px solid #c8c8c8;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}" +
      ".mv td.n{white-space:pre-wrap}.mv .cut{font-size:12px}";
    ctx.root.appendChild(style);

    var button = el("button", "mood", T.button);
    button.type = "button";
    ctx.tools.appendChild(button);

    var view = el("div", "mv");
    view.hidden = true;
    view.setAttribute("role", "region");
    view.setAttribute("aria-labelledby", "mhai-mood-title");
    var bar = el("div", "bar");
    var h = el("h3", null, T.title);
    h.id = "mhai-mood-title";
    h.tabIndex = -1;
    var back = el("button", "back", T.back);
    back.type = "button";
    bar.appendChild(h);
    bar.appendChild(back);
    view.appendChild(bar);

    var fs = el("fieldset");
    fs.appendChild(el("legend", null, T.log));
    var l1 = el("label", null, T.score);
    var select = el("select");
    for (var i = 0; i <= 10; i++) { var o = el("option", null, String(i)); o.value = String(i); select.appendChild(o); }
    select.value = "5";
    l1.appendChild(select);
    var l2 = el("label", null, T.note);
    var note = el("textarea");
    note.maxLength = 300;
    note.rows = 2;
    l2.appendChild(note);
    var save = el("button", "save", T.save);
    save.type = "button";
    var msg = el("p", "msg2");
    msg.setAttribute("role", "status");
    fs.appendChild(l1); fs.appendChild(l2); fs.appendChild(save); fs.appendChild(msg);
    view.appendChild(fs);

    var periods = el("div");
    view.appendChild(periods);

    function open() {
      if (!ctx.session()) return;
      // Into the panel on first use, last: the chat's own controls come first in the DOM.
      if (!view.isConnected) ctx.panel.appendChild(view);
      view.hidden = false;
      ctx.panel.classList.add("mood-open");
      h.focus();
      load();
    }
    function close() {
      view.hidden = true;
      ctx.panel.classList.remove("mood-open");
      msg.textContent = "";
      ctx.focusChat();
    }
    function path() { return "/api/v1/webchat/sessions/" + ctx.session().sessionId + "/moods"; }
    function load() {
      periods.textContent = T.loading;
      return ctx.api("GET", path()).then(draw, function () { periods.textContent = T.failed; });
    }
    function draw(r) {
      periods.textContent = "";
      var now = Date.parse(r.now);
      [14, 90].forEach(function (days) {
        var since = now - days * 86400000;
        var entries = r.entries.filter(function (e) { return Date.parse(e.at) >= since; });
        var s = r.summary[days === 14 ? "last14Days" : "last90Days"];
        var sec = el("section", "p" + days);
        sec.appendChild(el("h4", null, fill(T.days, days)));
        var text = s.count === 0 ? fill(T.none, days)
          : s.count === 1 ? T.one.replace("{avg}", s.average)
          : T.summary.replace("{n}", s.count).replace("{avg}", s.average).replace("{min}", s.lowest).replace("{max}", s.highest);
        sec.appendChild(el("p", "sum", text));
        if (entries.length) {
          sec.appendChild(chart(entries, since, now, fill(T.chart, days) + text));
          sec.appendChild(table(entries, days));
        }
        periods.appendChild(sec);
      });
      if (r.truncated) periods.appendChild(el("p", "cut", T.cut));
    }
    function chart(entries, since, now, label) {
      var W = 320, H = 130, L = 26, R = 8, TOP = 8, B = 20;
      var x = function (t) { return L + (W - L - R) * (t - since) / Math.max(1, now - since); };
      var y = function (v) { return TOP + (H - TOP - B) * (10 - v) / 10; };
      var g = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": label, focusable: "false" });
      [0, 5, 10].forEach(function (v) {
        g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#c8c8c8", "stroke-width": 1 }));
        var t = svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#3d3d3d" });
        t.textContent = String(v);
        g.appendChild(t);
      });
      [since, now].forEach(function (t, i) {
        var d = svg("text", { x: i ? W - R : L, y: H - 5, "text-anchor": i ? "end" : "start", "font-size": 11, fill: "#3d3d3d" });
        d.textContent = new Date(t).toLocaleDateString(ctx.lang, { day: "numeric", month: "short" });
        g.appendChild(d);
      });
      var pts = entries.map(function (e) { return x(Date.parse(e.at)).toFixed(1) + "," + y(e.score).toFixed(1); });
      if (pts.length > 1) {
        g.appendChild(svg("polyline", { points: pts.join(" "), fill: "none", stroke: ctx.ink, "stroke-width": 2 }));
      }
      entries.forEach(function (e) {
        g.appendChild(svg("circle", { "class": "pt", cx: x(Date.parse(e.at)), cy: y(e.score), r: 4, fill: ctx.ink }));
      });
      return g;
    }
    function table(entries, days) {
      var t = el("table");
      t.appendChild(el("caption", null, fill(T.table, days)));
      var head = el("tr");
      [T.date, T.scoreCol, T.noteCol].forEach(function (c) { var th = el("th", null, c); th.scope = "col"; head.appendChild(th); });
      var thead = el("thead"); thead.appendChild(head); t.appendChild(thead);
      var body = el("tbody");
      entries.slice().reverse().forEach(function (e) { // newest first
        var tr = el("tr");
        tr.appendChild(el("td", null, new Date(e.at).toLocaleString(ctx.lang, { dateStyle: "medium", timeStyle: "short" })));
        tr.appendChild(el("td", null, String(e.score)));
        tr.appendChild(el("td", "n", e.note || ""));
        body.appendChild(tr);
      });
      t.appendChild(body);
      return t;
    }

    var busy = false;
    button.addEventListener("click", open);
    back.addEventListener("click", close);
    view.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.stopPropagation(); close(); } });
    save.addEventListener("click", function () {
      if (!ctx.session() || busy) return;
      var body = { score: Number(select.value) };
      if (note.value.trim()) body.note = note.value.trim();
      busy = true; // (not .disabled: a disabled button would drop the keyboard focus)
      save.setAttribute("aria-disabled", "true");
      ctx.api("POST", path(), body).then(function (r) {
        note.value = "";
        msg.textContent = T.saved;
        if (r.replies && r.replies.length) { close(); return; } // the chat answers what the note said
        return load();
      }, function (err) { msg.textContent = err.message || T.failed; })
        .then(function () { busy = false; save.removeAttribute("aria-disabled"); });
    });
    return { open: open, close: close };
  }

  window.__mhaiMood = { attach: attach };
})();
