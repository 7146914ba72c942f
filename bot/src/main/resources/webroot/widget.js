/*! MentalHealthAI web chat widget. SPDX-License-Identifier: GPL-3.0-or-later
 * Embed: <script src="https://host/widget.js" data-mhai-server="https://host" data-locale="en" async></script>
 * Renders in a Shadow DOM; talks to the server over a WebSocket with the REST API as fallback;
 * keeps the session token in localStorage so a reload resumes the conversation. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-mhai-server]");
  if (!script || window.__mhaiWidget) return;
  window.__mhaiWidget = true;
  var server = (script.getAttribute("data-mhai-server") || new URL(script.src).origin).replace(/\/$/, "");
  var locale = script.getAttribute("data-locale") || "en";
  var title = script.getAttribute("data-title") || "Support chat";
  var color = script.getAttribute("data-color") || "#2f6f73";
  var KEY = "mhai.session." + server;
  var T = {
    en: { open: "Open support chat", close: "Close chat", send: "Send", placeholder: "Type a message…",
          note: "Not an emergency service. In danger? Call your local emergency number.", offline: "Reconnecting…",
          reset: "New conversation", transcript: "Download transcript", you: "You", bot: "Support bot",
          confirmReset: "Start a new conversation? This one stays saved on the server but you won't see it here." },
    es: { open: "Abrir chat de apoyo", close: "Cerrar chat", send: "Enviar", placeholder: "Escribe un mensaje…",
          note: "No es un servicio de emergencias. ¿En peligro? Llama al número de emergencias.", offline: "Reconectando…",
          reset: "Nueva conversación", transcript: "Descargar conversación", you: "Tú", bot: "Bot de apoyo",
          confirmReset: "¿Empezar una conversación nueva? Esta queda guardada en el servidor, pero no la verás aquí." }
  }[locale.slice(0, 2)] || null;
  if (!T) T = { open: "Open support chat", close: "Close chat", send: "Send", placeholder: "Type a message…",
    note: "Not an emergency service. In danger? Call your local emergency number.", offline: "Reconnecting…",
    reset: "New conversation", transcript: "Download transcript", you: "You", bot: "Support bot",
    confirmReset: "Start a new conversation? This one stays saved on the server but you won't see it here." };

  var host = document.createElement("div");
  host.setAttribute("data-mhai-widget", "");
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif}" +
    ".launch{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:" + color + ";color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}" +
    ".panel{position:fixed;right:20px;bottom:88px;width:360px;max-width:calc(100vw - 24px);height:540px;max-height:calc(100vh - 110px);background:#fff;color:#1b1b1b;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:none;flex-direction:column;overflow:hidden;z-index:2147483000}" +
    ".panel.open{display:flex}@media (max-width:520px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}}" +
    "header{background:" + color + ";color:#fff;padding:12px 14px;display:flex;align-items:center;justify-content:space-between;font-weight:600}" +
    "header button{background:transparent;border:0;color:#fff;font-size:20px;cursor:pointer}" +
    ".note{font-size:12px;background:#fff6e0;color:#5a4500;padding:6px 12px}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}" +
    ".msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;line-height:1.35;font-size:14px}" +
    ".bot{align-self:flex-start;background:#eef2f2}.patient{align-self:flex-end;background:" + color + ";color:#fff}" +
    ".bot a{color:inherit;font-weight:600}.pending{opacity:.6}.quick{display:flex;flex-wrap:wrap;gap:6px}.quick button{border:1px solid " + color + ";background:#fff;color:" + color + ";border-radius:14px;padding:4px 10px;cursor:pointer;font-size:13px}" +
    ".typing{font-size:12px;color:#666;padding:0 12px 4px;min-height:16px}" +
    ".time{display:block;font-size:10px;opacity:.7;margin-top:3px}" +
    ".badge{position:absolute;top:-4px;right:-4px;background:#c0392b;color:#fff;border-radius:10px;font-size:12px;min-width:20px;height:20px;line-height:20px;text-align:center}" +
    ".crisis{white-space:pre-line;background:#fdecea;color:#611a15;padding:8px 12px;font-size:13px;border-bottom:1px solid #f5c6cb}.crisis a{color:#611a15;font-weight:700}" +
    ".tools{display:flex;gap:8px;padding:4px 12px;font-size:12px}.tools button{background:none;border:0;color:" + color + ";text-decoration:underline;cursor:pointer;padding:0}" +
    "form{display:flex;border-top:1px solid #ddd}textarea{flex:1;border:0;padding:10px;resize:none;font-size:14px;height:48px}" +
    "form button{border:0;background:" + color + ";color:#fff;padding:0 16px;cursor:pointer}" +
    ".status{font-size:12px;color:#a33;padding:2px 12px}" +
    "</style>" +
    "<button class='launch' aria-label='" + T.open + "'><svg width='26' height='26' viewBox='0 0 24 24' aria-hidden='true'>" +
    "<path fill='currentColor' d='M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'/></svg></button>" +
    "<section class='panel' role='dialog' aria-label='" + title + "'>" +
    "<header><span></span><button class='close' aria-label='" + T.close + "'>×</button></header>" +
    "<div class='note'></div><div class='crisis' hidden></div><div class='log' role='log' aria-live='polite'></div>" +
    "<div class='typing' aria-live='polite'></div><div class='status' aria-live='assertive'></div>" +
    "<form><textarea aria-label='" + T.placeholder + "' placeholder='" + T.placeholder + "' maxlength='4096'></textarea>" +
    "<button type='submit'>" + T.send + "</button></form>" +
    "<div class='tools'><button type='button' class='transcript'>" + T.transcript + "</button>" +
    "<button type='button' class='reset'>" + T.reset + "</button></div></section>";
  var $ = function (s) { return root.querySelector(s); };
  $("header span").textContent = title;
  $(".note").textContent = T.note;
  var panel = $(".panel"), log = $(".log"), input = $("textarea"), typing = $(".typing"), status = $(".status");
  var launch = $(".launch"), crisisBox = $(".crisis"), unread = 0, history = [], live = false;
  function badge() {
    var b = launch.querySelector(".badge");
    if (unread > 0 && !panel.classList.contains("open")) {
      if (!b) { b = document.createElement("span"); b.className = "badge"; launch.appendChild(b); }
      b.textContent = String(unread);
      launch.setAttribute("aria-label", T.open + " (" + unread + ")");
    } else if (b) { b.remove(); launch.setAttribute("aria-label", T.open); }
  }

  var session = null, ws = null, lastSeq = 0, seen = {}, backoff = 500, outbox = [];
  try { session = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { session = null; }
  try { outbox = JSON.parse(localStorage.getItem(KEY + ".outbox") || "[]"); } catch (e) { outbox = []; }
  function saveOutbox() { try { localStorage.setItem(KEY + ".outbox", JSON.stringify(outbox)); } catch (e) {} }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }
  function api(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (session) headers.Authorization = "Bearer " + session.token;
    return fetch(server + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { var e = new Error(j.error); e.status = r.status; throw e; } return j; }); });
  }
  function render(m) {
    if (seen[m.seq]) return;
    seen[m.seq] = true;
    if (m.seq > lastSeq) lastSeq = m.seq;
    if (m.clientMessageId) {
      var p = log.querySelector("[data-cid='" + m.clientMessageId + "']");
      if (p) { p.classList.remove("pending"); return; }
    }
    var div = document.createElement("div");
    div.className = "msg " + (m.from === "bot" ? "bot" : "patient");
    if (m.from === "bot" && m.text.indexOf("\u2022") >= 0) {
      linkify(div, m.text);
      crisisBox.textContent = ""; linkify(crisisBox, m.text); crisisBox.hidden = false; // helplines stay in view
    } else div.textContent = m.text;
    if (m.at) {
      var time = document.createElement("time"); time.className = "time"; time.dateTime = m.at;
      time.textContent = new Date(m.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      div.appendChild(time);
    }
    log.appendChild(div);
    history.push(m);
    if (live && m.from === "bot" && !panel.classList.contains("open")) { unread++; badge(); }
    var old = log.querySelector(".quick"); if (old) old.remove();
    if (m.from === "bot" && m.quickReplies && m.quickReplies.length) {
      var q = document.createElement("div"); q.className = "quick";
      m.quickReplies.forEach(function (label) {
        var b = document.createElement("button"); b.type = "button"; b.textContent = label;
        b.addEventListener("click", function () { send(label); });
        q.appendChild(b);
      });
      log.appendChild(q);
    }
    if (m.from === "bot") typing.textContent = "";
    log.scrollTop = log.scrollHeight;
  }
  /* Helpline lists: phone numbers become tappable tel: links (built as DOM nodes, never as HTML). */
  function linkify(el, text) {
    var re = /(\+?\d[\d -]{1,14}\d)/g, at = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[1].replace(/\D/g, "").length < 3) continue;
      el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var a = document.createElement("a");
      a.href = "tel:" + m[1].replace(/[ -]/g, "");
      a.textContent = m[1];
      el.appendChild(a);
      at = m.index + m[1].length;
    }
    el.appendChild(document.createTextNode(text.slice(at)));
  }
  function showPending(item) {
    var div = document.createElement("div");
    div.className = "msg patient pending"; div.setAttribute("data-cid", item.clientMessageId);
    div.textContent = item.text;
    var time = document.createElement("time"); time.className = "time";
    time.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    div.appendChild(time);
    log.appendChild(div); log.scrollTop = log.scrollHeight;
  }
  function acked(cid, result) {
    outbox = outbox.filter(function (o) { return o.clientMessageId !== cid; }); saveOutbox();
    var p = log.querySelector("[data-cid='" + cid + "']");
    if (p) { p.classList.remove("pending"); seen[result.seq] = true; }
    (result.replies || []).forEach(render);
  }
  function flush() {
    outbox.forEach(function (item) {
      if (ws && ws.readyState === 1) {
        ws.send(JSON.stringify({ type: "message", clientMessageId: item.clientMessageId, text: item.text }));
      } else {
        api("POST", "/api/v1/webchat/sessions/" + session.sessionId + "/messages", item)
          .then(function (r) { acked(item.clientMessageId, r); })
          .catch(function (e) { if (e.status && e.status < 500 && e.status !== 429) { drop(item, e); } });
      }
    });
  }
  function drop(item, e) {
    outbox = outbox.filter(function (o) { return o !== item; }); saveOutbox();
    status.textContent = e.message || "Message not sent";
  }
  function send(text) {
    text = (text || "").trim();
    if (!text) return;
    var item = { clientMessageId: uuid(), text: text };
    outbox.push(item); saveOutbox(); showPending(item); flush();
  }
  function sync() {
    return api("GET", "/api/v1/webchat/sessions/" + session.sessionId + "/messages?after=" + lastSeq)
      .then(function (r) { r.messages.forEach(render); });
  }
  function connect() {
    if (!("WebSocket" in window)) { setInterval(function () { sync(); flush(); }, 3000); return; }
    ws = new WebSocket(server.replace(/^http/, "ws") + "/ws/chat?token=" + encodeURIComponent(session.token));
    ws.onopen = function () { backoff = 500; status.textContent = ""; ws.send(JSON.stringify({ type: "sync", after: lastSeq })); flush(); };
    ws.onmessage = function (ev) {
      var f = JSON.parse(ev.data);
      if (f.type === "message") render(f);
      else if (f.type === "ack") acked(f.clientMessageId, f);
      else if (f.type === "typing") typing.textContent = "…";
      else if (f.type === "error") {
        if (f.clientMessageId && f.status && f.status < 500 && f.status !== 429) {
          var item = outbox.filter(function (o) { return o.clientMessageId === f.clientMessageId; })[0];
          if (item) drop(item, new Error(f.error));
        }
      }
    };
    ws.onclose = function () {
      ws = null; status.textContent = T.offline;
      setTimeout(function () { sync().then(flush, function () {}); connect(); }, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }
  function start() {
    var ready = session ? Promise.resolve(session) : api("POST", "/api/v1/webchat/sessions", { locale: locale })
      .then(function (s) { session = s; localStorage.setItem(KEY, JSON.stringify(s)); return s; });
    ready.then(sync).then(function () { live = true; outbox.forEach(showPending); connect(); })
      .catch(function (e) {
        if (e.status === 401 || e.status === 404) { localStorage.removeItem(KEY); session = null; return start(); }
        status.textContent = T.offline; setTimeout(start, 3000);
      });
  }
  var started = false;
  launch.setAttribute("aria-expanded", "false");
  launch.setAttribute("aria-haspopup", "dialog");
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { panel.classList.remove("open"); launch.setAttribute("aria-expanded", "false"); launch.focus(); }
  });
  $(".launch").addEventListener("click", function () {
    panel.classList.toggle("open");
    launch.setAttribute("aria-expanded", String(panel.classList.contains("open")));
    unread = 0; badge();
    if (!started) { started = true; start(); }
    if (panel.classList.contains("open")) input.focus();
  });
  $(".close").addEventListener("click", function () {
    panel.classList.remove("open"); launch.setAttribute("aria-expanded", "false"); launch.focus();
  });
  $(".transcript").addEventListener("click", function () {
    var lines = history.map(function (m) { return "[" + m.at + "] " + (m.from === "bot" ? T.bot : T.you) + ": " + m.text; });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/plain" }));
    a.download = "conversation.txt"; root.appendChild(a); a.click(); a.remove();
  });
  $(".reset").addEventListener("click", function () {
    if (!window.confirm(T.confirmReset)) return;
    try { localStorage.removeItem(KEY); localStorage.removeItem(KEY + ".outbox"); } catch (e) {}
    if (ws) { ws.onclose = null; ws.close(); ws = null; }
    session = null; lastSeq = 0; seen = {}; outbox = []; history = [];
    log.textContent = ""; crisisBox.hidden = true; start();
  });
  $("form").addEventListener("submit", function (e) { e.preventDefault(); send(input.value); input.value = ""; });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); send(input.value); input.value = ""; }
  });
  window.addEventListener("online", function () { if (session) { sync().then(flush, function () {}); } });
  if (session) { started = true; start(); }
})();
