// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;
import org.openqa.selenium.Keys;

/**
 * The widget embedded with its one tag on a clinic's page of another origin, in real headless
 * Chromium: isolation from hostile CSS, a full round trip, reload, a server outage mid-conversation,
 * quick replies by mouse and keyboard, the crisis helplines and the therapist takeover state.
 */
class WidgetBrowserTest {
  static AppFixture fx;
  static HostPage site;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) { // a fixed port, so a restarted service is where the widget looks
      port = s.getLocalPort();
    }
    fx = AppFixture.start(Map.of("MHAI_HTTP_PORT", String.valueOf(port)));
    site = new HostPage(fx.port());
  }

  @AfterAll
  static void stop() {
    site.close();
    fx.close();
  }

  @Test
  void on_a_hostile_page_the_widget_keeps_its_own_look_gets_replies_and_a_reload_resumes_the_conversation() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url("hostile=1&title=Talk%20to%20us"));
      w.launchAndWaitForGreeting();
      assertTrue(w.messages().get(0).contains("not an emergency service"), w.messages().toString());
      assertEquals("Talk to us", w.inRoot("r.querySelector('h2').textContent"));

      // The page's `* { color: red !important; font-size: 40px !important }` and friends do not get in ...
      assertEquals("rgb(27, 27, 27)", w.inRoot("getComputedStyle(r.querySelector('.msg.bot')).color"));
      assertEquals("14px", w.inRoot("getComputedStyle(r.querySelector('.msg.bot')).fontSize"));
      assertEquals("visible", w.inRoot("getComputedStyle(r.querySelector('.launch')).visibility"));
      assertEquals(56L, w.inRoot("Math.round(r.querySelector('.launch').getBoundingClientRect().width)"));
      assertEquals("none", w.inRoot("getComputedStyle(r.querySelector('.crisis')).display"), "[hidden] stays hidden");
      // ... and the widget's `.panel` and `.log` rules do not get out to the page's elements of the same class.
      assertEquals("static", w.js("return getComputedStyle(document.getElementById('host-section')).position"));
      assertEquals("rgb(255, 0, 0)", w.js("return getComputedStyle(document.getElementById('host-text')).color"));

      w.consent();
      w.type("I would say a 7");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 7")));
      assertEquals(0L, w.pending());
      List<String> before = w.messages();
      assertEquals(1, before.stream().filter(m -> m.equals("I would say a 7")).count(), before.toString());

      b.driver.navigate().refresh();
      w.until(d -> w.messages().size() >= before.size());
      assertEquals(before, w.messages(), "a reload shows the same conversation, once");
    }
  }

  @Test
  void two_messages_typed_while_the_server_is_down_are_delivered_once_and_in_order_when_it_returns() throws Exception {
    // the service is stopped on purpose: refused connections are expected in the console
    try (Browser b = new Browser().expectConsoleErrors("ERR_CONNECTION_REFUSED|WebSocket connection to|Failed to fetch")) {
      Widget w = new Widget(b).open(site.url(""));
      w.launchAndWaitForGreeting();
      w.consent();
      w.type("5");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 5")));
      JsonObject session = w.session(fx.port());
      assertNotNull(session);

      fx.app.stop(); // the connection is cut mid-conversation
      try {
        w.until(d -> "Reconnecting…".equals(w.inRoot("r.querySelector('.status').textContent")));
        w.type("first while offline");
        w.type("second while offline");
        assertEquals(2L, w.pending(), "both wait in the outbox");
        assertEquals(2, new io.vertx.core.json.JsonArray((String) w.js(
            "return localStorage.getItem(arguments[0])", "mhai.session.http://127.0.0.1:" + fx.port() + ".outbox")).size());
        Thread.sleep(1500); // the widget keeps retrying against a closed port meanwhile
      } finally {
        fx.app = Application.start(AppConfig.from(fx.env), fx.models); // same port, same database
      }

      w.until(d -> w.pending() == 0 && w.messages().stream().filter(m -> !m.contains("offline")).count() >= 6);
      Thread.sleep(1000); // time for any late duplicate to show up
      List<String> shown = w.messages();
      assertEquals(1, shown.stream().filter("first while offline"::equals).count(), shown.toString());
      assertEquals(1, shown.stream().filter("second while offline"::equals).count(), shown.toString());
      assertTrue(shown.indexOf("first while offline") < shown.indexOf("second while offline"), shown.toString());

      List<String> stored = patientTexts(session);
      assertEquals(List.of("I agree", "No thanks", "5", "first while offline", "second while offline"), stored, "the server has each once, in order");
      assertEquals("[]", w.js("return localStorage.getItem(arguments[0])", "mhai.session.http://127.0.0.1:" + fx.port() + ".outbox"));
      assertEquals("", w.inRoot("r.querySelector('.status').textContent"));
    }
  }

  @Test
  void quick_replies_work_by_mouse_and_by_keyboard() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      w.launchAndWaitForGreeting();
      w.consent();
      w.until(d -> (Long) w.inRoot("r.querySelectorAll('.quick button').length") == 12L);
      assertEquals("Quick replies", w.inRoot("r.querySelector('.quick').getAttribute('aria-label')"));

      // Keyboard: from the message box, Shift+Tab walks back into the answers; Space picks one.
      assertEquals("textarea", w.focused());
      for (int i = 0; i < 5; i++) { // skip, 10, 9, 8, 7
        w.shiftTab();
      }
      assertEquals("7", w.inRoot("r.activeElement && r.activeElement.textContent"), "Shift+Tab from the box reaches the answers from the end");
      w.keys(Keys.SPACE);
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 7")));
      assertTrue(w.messages().contains("7"), w.messages().toString());
      assertEquals("textarea", w.focused(), "focus goes back to the message box, not to the page");

      // Keyboard with Enter on a questionnaire's options.
      w.type("phq9");
      w.until(d -> (Long) w.inRoot("r.querySelectorAll('.quick button').length") >= 2L);
      List<String> options = quickReplies(w);
      w.shiftTab();
      String last = options.get(options.size() - 1);
      assertEquals(last, w.inRoot("r.activeElement.textContent"));
      w.keys(Keys.ENTER);
      w.until(d -> w.messages().contains(last));

      // Mouse: a real click on the first option of the next question.
      w.until(d -> !quickReplies(w).isEmpty());
      String first = quickReplies(w).get(0);
      long before = w.messages().stream().filter(first::equals).count();
      w.until(d -> (Boolean) w.inRoot("(function (b, l) { return b.top >= l.top && b.bottom <= l.bottom; })("
          + "r.querySelector('.quick button').getBoundingClientRect(), r.querySelector('.log').getBoundingClientRect())"));
      w.el(".quick button").click(); // where the user sees it, once the log has scrolled
      w.until(d -> w.messages().stream().filter(first::equals).count() == before + 1 && w.pending() == 0);
      assertEquals(before + 1, w.messages().stream().filter(first::equals).count());
    }
  }

  @Test
  void a_crisis_message_pins_the_helplines_as_tel_links_and_announces_them_assertively() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      w.launchAndWaitForGreeting();
      w.type("i want to kill myself");
      w.until(d -> (Boolean) w.inRoot("!r.querySelector('.crisis').hidden && !!r.querySelector('.crisis a[href=\"tel:988\"]')"));
      assertEquals("Helplines", w.inRoot("r.querySelector('.crisis').getAttribute('aria-label')"));
      assertTrue(((String) w.inRoot("r.querySelector('.sr.alert').textContent")).contains("988"),
          "the crisis reply goes to the assertive live region");
      assertTrue(w.el(".crisis a[href='tel:988']").isDisplayed());
      w.viewport(1280, 800, false);
      w.screenshot("widget-crisis.png");

      assertEquals(List.of(), w.axe(false), "axe-core in the crisis state");

      int before = w.messages().size();
      w.type("ok"); // the helplines stay pinned while the conversation goes on
      w.until(d -> w.messages().size() >= before + 2);
      assertFalse((Boolean) w.inRoot("r.querySelector('.crisis').hidden"));
    }
  }

  /**
   * Issue #19: "New conversation" during a crisis once cut the patient off from the therapist writing
   * into the old conversation, and the pinned helplines vanished. While an episode is open the widget
   * keeps the patient where the care team writes; once a therapist resolves it, it starts afresh.
   */
  @Test
  void new_conversation_during_an_open_crisis_keeps_the_patient_in_it_until_it_is_resolved() throws Exception {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      w.launchAndWaitForGreeting();
      w.type("i want to kill myself tonight");
      w.until(d -> (Boolean) w.inRoot("!r.querySelector('.crisis').hidden"));
      JsonObject session = w.session(fx.port());
      int shown = w.messages().size();
      w.js("window.confirm = function () { window.__asked = (window.__asked || 0) + 1; return true; }");
      w.el(".reset").click();
      w.until(d -> ((String) w.inRoot("r.querySelector('.status').textContent")).contains("stays open"));
      assertEquals(session.getString("sessionId"), w.session(fx.port()).getString("sessionId"), "the same conversation");
      assertFalse((Boolean) w.inRoot("r.querySelector('.crisis').hidden"), "the helplines stay pinned");
      assertTrue(w.messages().size() >= shown, "nothing was cleared");
      assertEquals(null, w.js("return window.__asked || null"), "not even asked");

      // A therapist resolves the episode: now a new conversation may start (after the usual question).
      String patient = fx.app.pool().preparedQuery("select c.patient_id from webchat_session s join conversation c"
          + " on c.id = s.conversation_id where s.id = $1").execute(io.vertx.sqlclient.Tuple.of(
              UUID.fromString(session.getString("sessionId")))).await().iterator().next().getUUID(0).toString();
      String escalation = PortalTestData.escalationOf(fx, patient);
      assertEquals(200, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + escalation + "/resolve")
          .bearerTokenAuthentication(fx.adminToken()).sendJsonObject(new JsonObject().put("note", "Called; safe."))
          .await().statusCode());
      w.el(".reset").click();
      w.until(d -> {
        JsonObject now = w.session(fx.port());
        return now != null && !session.getString("sessionId").equals(now.getString("sessionId"));
      });
      assertEquals(1L, w.js("return window.__asked"), "asked once, then a fresh conversation");
      assertTrue((Boolean) w.inRoot("r.querySelector('.crisis').hidden"));
    }
  }

  /** The service's own demo page (README: chat through the widget there) works under its strict CSP, error-free. */
  @Test
  void the_services_own_page_serves_a_working_widget_under_its_content_security_policy() {
    var head = fx.http.get(fx.port(), "127.0.0.1", "/").send().await();
    assertTrue(head.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("DENY", head.getHeader("X-Frame-Options"));
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open("http://127.0.0.1:" + fx.port() + "/");
      w.launchAndWaitForGreeting();
      w.type("hello");
      w.until(d -> w.messages().size() >= 3);
      assertEquals(List.of(), b.consoleErrors(), "no console errors, no CSP violations");
    }
  }

  @Test
  void therapist_takeover_frames_switch_the_header_label_the_messages_and_the_typing_indicator() {
    for (String locale : List.of("en", "es")) {
      boolean en = locale.equals("en");
      try (Browser b = new Browser()) {
        Widget w = new Widget(b).open(site.url("locale=" + locale));
        w.launchAndWaitForGreeting();
        w.type("6");
        w.until(d -> w.messages().size() >= 4);
        String address = Widget.conversationAddress(fx, w.session(fx.port()));
        assertTrue((Boolean) w.inRoot("r.querySelector('.who').hidden"));

        // The agreed frames, published where the service publishes a conversation's frames.
        Widget.publish(fx, address, new JsonObject().put("type", "takeover").put("active", true).put("staffName", "Ana"));
        String talking = en ? "You are now talking to Ana, a therapist" : "Ahora hablas con Ana, terapeuta";
        w.until(d -> talking.equals(w.inRoot("r.querySelector('.who').hidden ? '' : r.querySelector('.who').textContent")));
        assertTrue(w.el(".who").isDisplayed());
        assertTrue(((String) w.inRoot("r.querySelector('.sr.polite').textContent")).contains(talking));

        Widget.publish(fx, address, new JsonObject().put("type", "typing").put("on", true));
        String typing = en ? "Ana is typing…" : "Ana está escribiendo…";
        w.until(d -> typing.equals(w.inRoot("r.querySelector('.typing').textContent")));
        Widget.publish(fx, address, new JsonObject().put("type", "typing").put("on", false));
        w.until(d -> "".equals(w.inRoot("r.querySelector('.typing').textContent")));

        long seq = (Long) w.inRoot("Math.max.apply(null, Array.from(r.querySelectorAll('[data-seq]')).map(function (e) { return +e.getAttribute('data-seq'); }))");
        Widget.publish(fx, address, new JsonObject().put("type", "message").put("seq", seq + 1).put("from", "therapist").put("staffName", "Ana")
            .put("text", "Hi, I'm Ana. I've read what you wrote.").put("quickReplies", new io.vertx.core.json.JsonArray())
            .put("at", Instant.now().toString()));
        String label = en ? "Ana (therapist)" : "Ana (terapeuta)";
        w.until(d -> label.equals(w.inRoot("(r.querySelector('.msg.staff .label') || {}).textContent")));
        assertTrue(w.messages().contains("Hi, I'm Ana. I've read what you wrote."), w.messages().toString());
        assertTrue(((String) w.inRoot("r.querySelector('.sr.polite').textContent")).contains(label + ": Hi, I'm Ana."));
        assertFalse(w.inRoot("getComputedStyle(r.querySelector('.msg.staff')).backgroundColor")
            .equals(w.inRoot("getComputedStyle(r.querySelector('.msg.bot')).backgroundColor")), "therapist messages look different");
        if (en) {
          w.viewport(1280, 800, false);
          w.screenshot("widget-takeover.png");
        }

        Widget.publish(fx, address, new JsonObject().put("type", "takeover").put("active", false));
        w.until(d -> (Boolean) w.inRoot("r.querySelector('.who').hidden"));
        String back = en ? "You are talking to the support bot again" : "Vuelves a hablar con el bot de apoyo";
        assertTrue(((String) w.inRoot("r.querySelector('.sr.polite').textContent")).contains(back));
        Widget.publish(fx, address, new JsonObject().put("type", "typing").put("on", true));
        String botTyping = en ? "Support bot is typing…" : "Bot de apoyo está escribiendo…";
        w.until(d -> botTyping.equals(w.inRoot("r.querySelector('.typing').textContent")));
      }
    }
  }

  private static List<String> quickReplies(Widget w) {
    @SuppressWarnings("unchecked")
    List<String> labels = (List<String>) w.js("var r = document.querySelector('[data-mhai-widget]').shadowRoot;"
        + "return Array.from(r.querySelectorAll('.quick button')).map(function (b) { return b.textContent; });");
    return labels;
  }

  /** The patient's messages as the server stored them, through the REST history. */
  private static List<String> patientTexts(JsonObject session) {
    var r = fx.history(session, 0);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("messages").stream().map(o -> (JsonObject) o)
        .filter(m -> m.getString("from").equals("patient")).map(m -> m.getString("text")).collect(Collectors.toList());
  }


  @Test
  void the_patient_downloads_their_data_and_erases_it_from_the_widget() throws Exception {
    java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("mhai-mydata");
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      b.driver.executeCdpCommand("Browser.setDownloadBehavior",
          java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      w.launchAndWaitForGreeting();
      w.consent();
      w.type("I would say a 4");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 4")));
      JsonObject old = w.session(fx.port());

      w.el(".mydata").click();
      java.nio.file.Path file = downloads.resolve("my-data.html");
      w.until(d -> java.nio.file.Files.exists(file));
      w.until(d -> {
        try {
          return java.nio.file.Files.readString(file).contains("I would say a 4");
        } catch (java.io.IOException e) {
          return false;
        }
      });

      w.js("window.confirm = function () { return true; }");
      w.el(".forget").click();
      w.until(d -> fx.history(old, 0).statusCode() / 100 == 4); // the old session is gone on the server
      w.until(d -> ((String) w.inRoot("r.querySelector('.sr.alert').textContent")).contains("Your data has been deleted."));
      w.until(d -> w.messages().size() >= 2 && w.messages().get(0).contains("not an emergency service"));
      assertTrue(w.messages().stream().noneMatch(m -> m.contains("I would say a 4")), "a fresh conversation");
      JsonObject fresh = w.session(fx.port());
      assertTrue(!old.getString("sessionId").equals(fresh.getString("sessionId")));
    }
  }
}
