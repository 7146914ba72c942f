/*! MentalHealthAI web chat widget. SPDX-License-Identifier: GPL-3.0-or-later
 * Embed: <script src="https://host/widget.js" data-mhai-server="https://host" data-locale="en" async></script>
 * Renders in an open Shadow DOM; talks to the server over a WebSocket with the REST API as fallback;
 * keeps the session token in localStorage so a reload resumes the conversation. Dependency-free. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-mhai-server]");
  if (!script || window.__mhaiWidget) return;
  window.__mhaiWidget = true;
  var attr = function (n) { return script.getAttribute("data-" + n); };
  var server = (attr("mhai-server") || new URL(script.src).origin).replace(/\/$/, "");
  var locale = attr("locale") || "en";
  var lang = locale.slice(0, 2).toLowerCase() === "es" ? "es" : "en";
  var KEY = "mhai.session." + server;
  var T = {
    en: { open: "Open support chat", close: "Close chat", send: "Send", placeholder: "Type a message…", message: "Message",
          note: "Not an emergency service. In danger? Call your local emergency number.", offline: "Reconnecting…",
          reset: "New conversation", transcript: "Download transcript", you: "You", bot: "Support bot", title: "Support chat",
          log: "Conversation", quick: "Quick replies", helplines: "Helplines", sending: "sending",
          staff: "{} (therapist)", talking: "You are now talking to {}, a therapist", back: "You are talking to the support bot again",
          typing: "{} is typing…", unread: "{} new",
          confirmReset: "Start a new conversation? This one stays saved on the server but you won't see it here.",
          keepEpisode: "This conversation stays open for now: someone from the care team may write to you here. " +
            "The helplines stay at the top. You can keep writing here.",
          mydata: "Download my data", forget: "Delete my data", forgotten: "Your data has been deleted.",
          confirmForget: "Delete everything you wrote here? It is erased from the service for good and cannot be recovered." },
    es: { open: "Abrir chat de apoyo", close: "Cerrar chat", send: "Enviar", placeholder: "Escribe un mensaje…", message: "Mensaje",
          note: "No es un servicio de emergencias. ¿En peligro? Llama al número de emergencias.", offline: "Reconectando…",
          reset: "Nueva conversación", transcript: "Descargar conversación", you: "Tú", bot: "Bot de apoyo", title: "Chat de apoyo",
          log: "Conversación", quick: "Respuestas rápidas", helplines: "Líneas de ayuda", sending: "enviando",
          staff: "{} (terapeuta)", talking: "Ahora hablas con {}, terapeuta", back: "Vuelves a hablar con el bot de apoyo",
          typing: "{} está escribiendo…", unread: "{} nuevos",
          confirmReset: "¿Empezar una conversación nueva? Esta queda guardada en el servidor, pero no la verás aquí.",
          keepEpisode: "Esta conversación sigue abierta por ahora: alguien del equipo de atención puede escribirte aquí. " +
            "Las líneas de ayuda siguen arriba. Puedes seguir escribiendo aquí.",
          mydata: "Descargar mis datos", forget: "Borrar mis datos", forgotten: "Tus datos se han borrado.",
          confirmForget: "¿Borrar todo lo que has escrito aquí? Se elimina del servicio para siempre y no se puede recuperar." }
  }[lang];
  var fmt = function (s, v) { return s.replace("{}", v); };
  var title = attr("title") || T.title;

  var host = document.createElement("div");
  host.setAttribute("data-mhai-widget", "");
  host.setAttribute("lang", locale);
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: "open" }); // open: assistive tech and axe-core can see inside

  /* Colours: data-color is parsed by the browser (any CSS colour), then used only as rgb(); the
   * text drawn on it and the accent used as text on white are chosen to keep WCAG AA 4.5:1. */
  var probe = document.createElement("i");
  probe.style.color = attr("color") || "";
  if (!probe.style.color) probe.style.color = "#2f6f73";
  root.appendChild(probe);
  var computed = getComputedStyle(probe).color;
  var rgb = (/^rgb/.test(computed) ? computed.match(/[\d.]+/g) : [47, 111, 115]).slice(0, 3).map(Number);
  probe.remove();
  function lum(c) {
    var a = c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
  }
  function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  var css = function (c) { return "rgb(" + c.map(Math.round).join(",") + ")"; };
  var WHITE = [255, 255, 255], BLACK = [0, 0, 0];
  var accent = css(rgb);
  var onAccent = ratio(rgb, WHITE) >= 4.5 || ratio(rgb, WHITE) > ratio(rgb, BLACK) ? "#fff" : "#000";
  var inkRgb = rgb;
  while (ratio(inkRgb, WHITE) < 4.6) inkRgb = inkRgb.map(function (v) { return v * 0.9; }); // darken until readable on white
  var ink = css(inkRgb);

  var btn44 = ".quick button,.tools button,.close,form button{min-height:44px;min-width:44px}";
  root.innerHTML =
    "<style>" +
    ":host{all:initial!important}*{box-sizing:border-box;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0}" +
    ".w{font-size:14px;color:#1b1b1b;line-height:1.35}" +
    ":focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff}" +
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}" +
    ".launch{position:fixed;right:20px;bottom:calc(20px + env(safe-area-inset-bottom));width:56px;height:56px;border-radius:50%;border:0;background:" + accent + ";color:" + onAccent + ";cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}" +
    ".panel{position:fixed;right:20px;bottom:88px;width:360px;max-width:calc(100vw - 24px);height:540px;max-height:calc(100vh - 110px);max-height:calc(100dvh - 110px);background:#fff;color:#1b1b1b;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden;z-index:2147483000}" +
    ".panel[hidden]{display:none}.panel.anim{animation:mhai-in .18s ease-out}@keyframes mhai-in{from{opacity:0;transform:translateY(12px)}}" +
    "header{background:" + accent + ";color:" + onAccent + ";padding:10px 8px 10px 14px;display:flex;align-items:center;justify-content:space-between;gap:8px}" +
    "h2{font-size:16px;font-weight:600;color:inherit}" +
    ".close{background:transparent;border:0;color:inherit;font-size:22px;line-height:1;cursor:pointer;width:36px;height:36px;border-radius:6px}" +
    ".who{background:#e7eefc;color:#12305e;font-weight:600;padding:8px 12px;font-size:13px;border-bottom:1px solid #c5d3f0}" +
    ".note{font-size:12px;background:#fff6e0;color:#5a4500;padding:6px 12px}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;scroll-behavior:smooth}" +
    ".msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".bot{align-self:flex-start;background:#eef2f2;color:#1b1b1b}.patient{align-self:flex-end;background:" + accent + ";color:" + onAccent + "}" +
    ".staff{align-self:flex-start;background:#e7eefc;color:#12305e;border-left:4px solid #2f58a8}.label{display:block;font-size:12px;font-weight:700;margin-bottom:2px}" +
    ".patient.pending{background:#fff;color:" + ink + ";border:1px dashed " + ink + "}" +
    ".msg a{color:inherit;font-weight:700}.quick{display:flex;flex-wrap:wrap;gap:6px}" +
    ".quick button{border:1px solid " + ink + ";background:#fff;color:" + ink + ";border-radius:16px;padding:4px 12px;min-height:32px;cursor:pointer;font-size:13px}" +
    ".typing{font-size:12px;color:#595959;padding:0 12px 4px;min-height:16px}" +
    ".time{display:block;font-size:11px;margin-top:3px}" +
    ".badge{position:absolute;top:-4px;right:-4px;background:#c0392b;color:#fff;border-radius:10px;font-size:12px;min-width:20px;height:20px;line-height:20px;text-align:center}" +
    ".crisis{white-space:pre-line;background:#fdecea;color:#611a15;padding:8px 12px;font-size:13px;border-bottom:1px solid #f5c6cb;max-height:40%;overflow-y:auto}.crisis a{color:#611a15;font-weight:700}" +
    ".tools{display:flex;flex-wrap:wrap;gap:0 12px;padding:2px 12px 4px;font-size:12px}.tools button{background:none;border:0;color:" + ink + ";text-decoration:underline;cursor:pointer;padding:4px 2px;min-height:28px;font-size:12px}" +
    "form{display:flex;border-top:1px solid #767676}textarea{flex:1;border:0;padding:10px;resize:none;font-size:14px;height:48px;color:#1b1b1b;background:#fff}" +
    "textarea::placeholder{color:#6b6b6b}textarea:focus-visible,.log:focus-visible{outline-offset:-3px;box-shadow:none}" +
    "form button:focus-visible,.close:focus-visible{outline:3px solid currentColor;outline-offset:-5px;box-shadow:none}" +
    "form button{border:0;background:" + accent + ";color:" + onAccent + ";padding:0 16px;cursor:pointer;font-size:14px;font-weight:600}" +
    ".status{font-size:12px;color:#a33;padding:0 12px}.status:empty{display:none}" +
    "@media (pointer:coarse){" + btn44 + "}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;left:0;top:0;width:100%;max-width:none;height:100vh;height:100dvh;height:var(--mhai-vh,100dvh);max-height:none;border-radius:0;" +
    "padding:0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}" +
    "header{padding-top:calc(10px + env(safe-area-inset-top))}.w.open .launch{display:none}textarea{font-size:16px}" + btn44 + "}" +
    "@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}" +
    "</style><div class='w'>" +
    "<button type='button' class='launch' aria-haspopup='dialog' aria-expanded='false' aria-controls='mhai-panel'>" +
    "<svg width='26' height='26' viewBox='0 0 24 24' aria-hidden='true' focusable='false'>" +
    "<path fill='currentColor' d='M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'/></svg></button>" +
    "<section class='panel' id='mhai-panel' role='dialog' aria-modal='false' aria-labelledby='mhai-title' hidden>" +
    "<header><h2 id='mhai-title'></h2><button type='button' class='close'>×</button></header>" +
    "<p class='who' hidden></p><p class='note'></p><div class='crisis' role='region' hidden></div>" +
    "<div class='log' role='region' tabindex='0'></div>" +
    "<div class='typing' aria-live='polite'></div><div class='status' role='status'></div>" +
    "<form><textarea maxlength='4096'></textarea><button type='submit'></button></form>" +
    "<div class='tools'><button type='button' class='transcript'></button><button type='button' class='reset'></button><button type='button' class='mydata'></button><button type='button' class='forget'></button></div></section>" +
    "<div class='sr polite' aria-live='polite'></div><div class='sr alert' aria-live='assertive'></div></div>";
  var $ = function (s) { return root.querySelector(s); };
  var w = $(".w"), panel = $(".panel"), log = $(".log"), input = $("textarea"), typing = $(".typing"), status = $(".status");
  var launch = $(".launch"), crisisBox = $(".crisis"), who = $(".who");
  w.setAttribute("lang", locale);
  $("h2").textContent = title;
  $(".close").setAttribute("aria-label", T.close);
  $(".note").textContent = T.note;
  crisisBox.setAttribute("aria-label", T.helplines);
  log.setAttribute("aria-label", T.log);
  input.setAttribute("aria-label", T.message);
  input.placeholder = T.placeholder;
  $("form button").textContent = T.send;
  $(".transcript").textContent = T.transcript;
  $(".reset").textContent = T.reset;
  $(".mydata").textContent = T.mydata;
  $(".forget").textContent = T.forget;
  launch.setAttribute("aria-label", T.open);
  var reduce = window.matchMedia ? matchMedia("(prefers-reduced-motion: reduce)") : { matches: false };
  if (window.visualViewport) { // keep the input above the on-screen keyboard on phones
    var fit = function () { host.style.setProperty("--mhai-vh", visualViewport.height + "px"); };
    visualViewport.addEventListener("resize", fit); fit();
  }

  var unread = 0, said = [], live = false, isOpen = false, typingTimer = 0;
  var takeover = { active: false, staffName: "" }, takeoverExplicit = false;
  function badge() {
    var b = launch.querySelector(".badge");
    if (unread > 0 && !isOpen) {
      if (!b) { b = document.createElement("span"); b.className = "badge"; b.setAttribute("aria-hidden", "true"); launch.appendChild(b); }
      b.textContent = String(unread);
      launch.setAttribute("aria-label", T.open + " (" + fmt(T.unread, unread) + ")");
    } else if (b) { b.remove(); launch.setAttribute("aria-label", T.open); }
  }
  /* Screen readers: new messages and state changes are announced through these two live regions. */
  function say(text, urgent) {
    var region = $(urgent ? ".alert" : ".polite"), p = document.createElement("p");
    p.textContent = text; region.appendChild(p);
    while (region.childNodes.length > 3) region.firstChild.remove();
  }
  function speaker(m) {
    return m.from === "patient" ? T.you : m.from === "therapist" ? fmt(T.staff, m.staffName || takeover.staffName || "") : T.bot;
  }
  function setTakeover(active, name) {
    active = !!active;
    var changed = active !== takeover.active || (active && name && name !== takeover.staffName);
    takeover = { active: active, staffName: active ? (name || takeover.staffName || "") : "" };
    who.hidden = !active;
    who.textContent = active ? fmt(T.talking, takeover.staffName) : "";
    if (changed && live) say(active ? who.textContent : T.back, false);
  }
  /* The server's explicit takeover state (session, history, ready frame) wins over the guess from messages. */
  /* An open crisis episode (the server says so, or a crisis reply was just shown): no "new conversation". */
  var crisisOpen = false;
  function crisisField(o) { if (o && typeof o.crisisOpen === "boolean") crisisOpen = o.crisisOpen; }
  function takeoverField(o) {
    if (o && o.takeover && typeof o.takeover === "object") { takeoverExplicit = true; setTakeover(o.takeover.active, o.takeover.staffName); }
  }
  function setTyping(on, staffName) {
    clearTimeout(typingTimer);
    typing.textContent = on ? fmt(T.typing, staffName || (takeover.active ? takeover.staffName : T.bot)) : "";
    // a therapist's signal comes every 2 s while they type; the bot's once per reply
    if (on) typingTimer = setTimeout(function () { setTyping(false); }, staffName ? 6000 : 15000);
  }

  var session = null, ws = null, lastSeq = 0, seen = {}, backoff = 500, outbox = [], inFlight = null, poller = 0;
  try { session = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { session = null; }
  try { outbox = JSON.parse(localStorage.getItem(KEY + ".outbox") || "[]"); } catch (e) { outbox = []; }
  function saveOutbox() { try { localStorage.setItem(KEY + ".outbox", JSON.stringify(outbox)); } catch (e) { /* no storage (a private window): nothing to keep */ } }

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
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { var e = new Error(j.error); e.status = r.status; e.retry = j.retryAfter || Number(r.headers.get("Retry-After")) || 0; e.replies = j.replies; throw e; } return j; }); });
  }
  function stamp(div, at) {
    var t = document.createElement("time"); t.className = "time";
    var d = at ? new Date(at) : new Date();
    if (at) t.dateTime = at;
    t.textContent = d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
    var old = div.querySelector(".time"); if (old) old.remove();
    div.appendChild(t);
  }
  function srLabel(div, text) { var s = document.createElement("span"); s.className = "sr"; s.textContent = text + ": "; div.appendChild(s); }
  /* Messages sit in seq order; ones still waiting to be sent stay at the end. */
  function place(div, seq) {
    var kids = log.children;
    for (var i = 0; i < kids.length; i++) {
      var s = Number(kids[i].getAttribute("data-seq"));
      if (kids[i].classList.contains("pending") || kids[i].classList.contains("quick") || s > seq) { log.insertBefore(div, kids[i]); return; }
    }
    log.appendChild(div);
  }
  function scroll() { log.scrollTo ? log.scrollTo({ top: log.scrollHeight, behavior: reduce.matches ? "auto" : "smooth" }) : (log.scrollTop = log.scrollHeight); }
  function render(m) {
    if (seen[m.seq]) return;
    seen[m.seq] = true;
    if (m.seq > lastSeq) lastSeq = m.seq;
    var mine = m.clientMessageId && log.querySelector("[data-cid='" + m.clientMessageId + "']");
    if (mine) { sent(mine, m.seq, m.at); return; }
    var old = log.querySelector(".quick"); if (old && m.seq >= lastSeq) old.remove(); // answered or superseded
    var div = document.createElement("div");
    div.className = "msg " + (m.from === "patient" ? "patient" : m.from === "therapist" ? "staff" : "bot");
    div.setAttribute("data-seq", m.seq);
    // The crisis policy's helpline list: bot lines starting with a bullet and carrying a number (never a therapist's text).
    var crisis = m.from === "bot" && /\u2022[^\n]*\d/.test(m.text);
    if (m.from === "therapist") {
      var l = document.createElement("span"); l.className = "label"; l.textContent = speaker(m); div.appendChild(l);
    } else srLabel(div, speaker(m));
    if (crisis) {
      linkify(div, m.text);
      crisisBox.textContent = ""; linkify(crisisBox, m.text); crisisBox.hidden = false; // helplines stay in view
      crisisOpen = true;
    } else div.appendChild(document.createTextNode(m.text));
    stamp(div, m.at);
    place(div, m.seq);
    said.push(m);
    if (m.from === "therapist") setTakeover(true, m.staffName);
    else if (m.from === "bot" && !takeoverExplicit) setTakeover(false);
    if (m.from !== "patient") {
      setTyping(false);
      if (live) { say(speaker(m) + ": " + m.text, crisis); if (!isOpen) { unread++; badge(); } }
      if (m.quickReplies && m.quickReplies.length && m.seq >= lastSeq) quick(m.quickReplies);
    }
    scroll();
  }
  function quick(labels) {
    var q = document.createElement("div"); q.className = "quick";
    q.setAttribute("role", "group"); q.setAttribute("aria-label", T.quick);
    labels.forEach(function (label) {
      var b = document.createElement("button"); b.type = "button"; b.textContent = label;
      b.addEventListener("click", function (e) { if (!e.detail) input.focus(); send(label); }); // by keyboard: focus stays in the chat
      q.appendChild(b);
    });
    log.appendChild(q);
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
    srLabel(div, T.you);
    div.appendChild(document.createTextNode(item.text));
    var s = document.createElement("span"); s.className = "sr wait"; s.textContent = " (" + T.sending + ")"; div.appendChild(s);
    stamp(div, null);
    log.appendChild(div); scroll();
  }
  function sent(div, seq, at) {
    if (!div.classList.contains("pending")) return;
    div.classList.remove("pending"); div.setAttribute("data-seq", seq);
    var s = div.querySelector(".wait"); if (s) s.remove();
    if (at) stamp(div, at);
    div.remove(); place(div, seq);
    said.push({ seq: seq, from: "patient", text: div.childNodes[1].nodeValue, at: at || new Date().toISOString() });
  }
  function acked(cid, result) {
    outbox = outbox.filter(function (o) { return o.clientMessageId !== cid; }); saveOutbox();
    var p = log.querySelector("[data-cid='" + cid + "']");
    if (p && !seen[result.seq]) { seen[result.seq] = true; sent(p, result.seq, null); }
    (result.replies || []).forEach(render);
    if (inFlight === cid) { inFlight = null; flush(); }
  }
  /* One message in flight at a time, oldest first: the server sees them in the order they were typed. */
  function flush() {
    if (inFlight || !outbox.length || !session) return;
    var item = outbox[0], cid = item.clientMessageId;
    inFlight = cid;
    if (ws && ws.readyState === 1) {
      ws.send(JSON.stringify({ type: "message", clientMessageId: cid, text: item.text }));
      setTimeout(function () { if (inFlight === cid) { inFlight = null; flush(); } }, 20000); // no ack: resend (idempotent)
    } else {
      api("POST", "/api/v1/webchat/sessions/" + session.sessionId + "/messages", item)
        .then(function (r) { acked(cid, r); })
        .catch(function (e) { failed(item, e); });
    }
  }
  /* The server could not store a message (its database is down) but its risk check found a crisis:
     the crisis words and helplines come with the error, unsaved; show them once, pinned, and retry. */
  var unstoredShown = {};
  function unstored(cid, replies) {
    if (!replies || !replies.length || unstoredShown[cid]) return;
    unstoredShown[cid] = true;
    replies.forEach(function (m) {
      var div = document.createElement("div"); div.className = "msg bot"; srLabel(div, T.bot);
      var lines = /\u2022[^\n]*\d/.test(m.text);
      linkify(div, m.text);
      if (lines) { crisisBox.textContent = ""; linkify(crisisBox, m.text); crisisBox.hidden = false; }
      stamp(div, null); log.appendChild(div); say(T.bot + ": " + m.text, true);
    });
    scroll();
  }
  function failed(item, e) {
    if (inFlight === item.clientMessageId) inFlight = null;
    unstored(item.clientMessageId, e.replies);
    if (e.status && e.status < 500 && e.status !== 429) { // our mistake: it will never be accepted
      outbox = outbox.filter(function (o) { return o !== item; }); saveOutbox();
      var p = log.querySelector("[data-cid='" + item.clientMessageId + "']"); if (p) p.remove();
      status.textContent = e.message || "Message not sent";
      flush();
    } else if (e.status) setTimeout(flush, 1000 * (e.retry || 2)); // stored, or busy: same id again later
    // no status: the network is down; the reconnect loop flushes again
  }
  function send(text) {
    text = (text || "").trim();
    if (!text) return;
    if (moodView && text.toLowerCase() === "/mood") { moodView.open(); return; } // "My mood" (widget-mood.js)
    var old = log.querySelector(".quick"); if (old) old.remove();
    var item = { clientMessageId: uuid(), text: text };
    outbox.push(item); saveOutbox(); showPending(item); flush();
  }
  function sync() {
    return api("GET", "/api/v1/webchat/sessions/" + session.sessionId + "/messages?after=" + lastSeq)
      .then(function (r) { r.messages.forEach(render); takeoverField(r); crisisField(r); if (r.more && r.messages.length) return sync(); });
  }
  function connect() {
    if (!("WebSocket" in window)) { if (!poller) poller = setInterval(function () { sync().then(flush, function () {}); }, 3000); return; }
    // The token goes in the first frame, never in the URL (URLs end up in logs).
    var sock = ws = new WebSocket(server.replace(/^http/, "ws") + "/ws/chat");
    sock.onopen = function () {
      backoff = 500; status.textContent = "";
      sock.send(JSON.stringify({ type: "auth", token: session.token }));
      sock.send(JSON.stringify({ type: "sync", after: lastSeq })); inFlight = null; flush();
    };
    sock.onmessage = function (ev) {
      var f = JSON.parse(ev.data);
      if (f.type === "message") render(f);
      else if (f.type === "ack") acked(f.clientMessageId, f);
      else if (f.type === "typing") setTyping(f.on !== false, f.from === "therapist" ? f.staffName : null);
      else if (f.type === "takeover") { takeoverExplicit = true; setTakeover(f.active, f.staffName); }
      else if (f.type === "ready" || f.type === "synced") { takeoverField(f); crisisField(f); }
      else if (f.type === "error" && f.clientMessageId) {
        var item = outbox.filter(function (o) { return o.clientMessageId === f.clientMessageId; })[0];
        if (item) { var e = new Error(f.error); e.status = f.status || 500; e.retry = f.retryAfter; e.replies = f.replies; failed(item, e); }
      }
    };
    sock.onclose = function (ev) {
      if (ws !== sock) return;
      ws = null; inFlight = null;
      if (ev.code === 4401) { localStorage.removeItem(KEY); session = null; start(); return; } // the session is gone: a new one
      status.textContent = T.offline;
      setTimeout(function () { sync().then(flush, function () {}); connect(); }, backoff);
      backoff = Math.min(backoff * 2, 8000);
    };
  }
  function start() {
    var ready = session ? Promise.resolve(session) : api("POST", "/api/v1/webchat/sessions", { locale: locale })
      .then(function (s) { session = s; localStorage.setItem(KEY, JSON.stringify(s)); takeoverField(s); return s; });
    ready.then(sync).then(function () { live = true; outbox.forEach(showPending); connect(); })
      .catch(function (e) {
        if (e.status === 401 || e.status === 404) { localStorage.removeItem(KEY); session = null; return start(); }
        status.textContent = T.offline; setTimeout(start, 3000);
      });
  }
  var started = false;
  function open() {
    isOpen = true; panel.hidden = false; w.classList.add("open");
    panel.classList.remove("anim"); void panel.offsetWidth; panel.classList.add("anim");
    launch.setAttribute("aria-expanded", "true");
    unread = 0; badge();
    if (!started) { started = true; start(); }
    input.focus();
  }
  function close() {
    isOpen = false; panel.hidden = true; w.classList.remove("open");
    launch.setAttribute("aria-expanded", "false"); launch.focus();
  }
  w.addEventListener("keydown", function (e) { if (e.key === "Escape" && isOpen) { e.stopPropagation(); close(); } });
  launch.addEventListener("click", function () { if (isOpen) close(); else open(); });
  $(".close").addEventListener("click", close);
  $(".transcript").addEventListener("click", function () {
    var lines = said.slice().sort(function (a, b) { return a.seq - b.seq; })
      .map(function (m) { return "[" + m.at + "] " + speaker(m) + ": " + m.text; });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/plain" }));
    a.download = "conversation.txt"; root.appendChild(a); a.click(); a.remove();
  });
  /* The patient's data rights: a readable export, and erasure (two calls: the server's confirmation code, then the erase). */
  $(".mydata").addEventListener("click", function () {
    if (!session) return;
    fetch(server + "/api/v1/webchat/sessions/" + session.sessionId + "/export?format=html",
      { headers: { Authorization: "Bearer " + session.token } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.blob(); })
      .then(function (b) {
        var a = document.createElement("a"); a.href = URL.createObjectURL(b); a.download = "my-data.html";
        root.appendChild(a); a.click(); a.remove();
      }, function () {});
  });
  $(".forget").addEventListener("click", function () {
    if (!session || !window.confirm(T.confirmForget)) return;
    var path = "/api/v1/webchat/sessions/" + session.sessionId;
    api("DELETE", path).then(function (j) { return api("DELETE", path + "?confirm=" + encodeURIComponent(j.confirm)); })
      .then(function () {
        forgetLocal(); say(T.forgotten, true); status.textContent = T.forgotten;
        started = true; start(); // a fresh, empty conversation
      }, function () {});
  });
  function forgetLocal() {
    try { localStorage.removeItem(KEY); localStorage.removeItem(KEY + ".outbox"); } catch (e) { /* no storage (a private window): nothing to keep */ }
    var old = ws; ws = null; if (old) old.close();
    session = null; lastSeq = 0; seen = {}; outbox = []; said = []; inFlight = null; live = false; started = false;
    takeoverExplicit = false; setTakeover(false); setTyping(false); crisisOpen = false;
    log.textContent = ""; crisisBox.hidden = true; crisisBox.textContent = "";
  }
  $(".reset").addEventListener("click", function () {
    // Ask the server first (an episode may have been resolved since), then decide.
    (session ? sync().then(null, function () {}) : Promise.resolve()).then(reset);
  });
  function reset() {
    if (session && (crisisOpen || takeover.active)) {
      // The care team writes into this conversation: starting another would cut the patient off from them.
      say(T.keepEpisode, true); status.textContent = T.keepEpisode; input.focus(); return;
    }
    if (!window.confirm(T.confirmReset)) return;
    try { localStorage.removeItem(KEY); localStorage.removeItem(KEY + ".outbox"); } catch (e) { /* no storage (a private window): nothing to keep */ }
    var old = ws; ws = null; if (old) old.close();
    session = null; lastSeq = 0; seen = {}; outbox = []; said = []; inFlight = null; live = false;
    takeoverExplicit = false; setTakeover(false); setTyping(false); crisisOpen = false;
    log.textContent = ""; crisisBox.hidden = true; crisisBox.textContent = "";
    input.focus(); start();
  }
  $("form").addEventListener("submit", function (e) { e.preventDefault(); send(input.value); input.value = ""; });
  /* While a therapist holds the chat they see "patient is typing…": a signal every 2 s at most, never the text. */
  var typingSentAt = 0;
  input.addEventListener("input", function () {
    if (!takeover.active || !input.value || !ws || ws.readyState !== 1 || Date.now() - typingSentAt < 2000) return;
    typingSentAt = Date.now();
    ws.send(JSON.stringify({ type: "typing" }));
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(input.value); input.value = ""; }
  });
  window.addEventListener("online", function () { if (session && live) sync().then(flush, function () {}); });
  if (session) { started = true; start(); }
  /* "My mood", the patient's mood journal, lives in widget-mood.js; this hook only hands it what it needs. */
  var moodView = null, moodJs = document.createElement("script");
  moodJs.src = server + "/widget-mood.js"; moodJs.async = true;
  moodJs.onload = function () {
    if (window.__mhaiMood) moodView = window.__mhaiMood.attach({ root: root, panel: panel, tools: $(".tools"), lang: lang,
      ink: ink, accent: accent, onAccent: onAccent, api: api, session: function () { return session; },
      focusChat: function () { input.focus(); } });
  };
  document.head.appendChild(moodJs);
})();
