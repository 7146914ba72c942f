// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * WCAG 2.1 AA in real Chromium: axe-core (fetched from the npm registry at build time, injected
 * into the page, looking inside the open shadow root) in every state on desktop and phone sizes;
 * keyboard-only use with focus where it belongs; contrast for a custom colour; reduced motion;
 * the phone layout. Also takes the screenshots shown in docs/widget.md.
 */
class WidgetAccessibilityTest {
  static AppFixture fx;
  static HostPage site;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    site = new HostPage(fx.port());
  }

  @AfterAll
  static void stop() {
    site.close();
    fx.close();
  }

  @Test
  void axe_core_finds_no_violations_closed_open_and_in_takeover_on_desktop_and_phone() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b);
      w.viewport(1280, 800, false);
      w.open("http://127.0.0.1:" + fx.port() + "/"); // the demo page, as a clinic would embed it
      assertEquals(List.of(), w.axe(false), "closed, desktop");

      w.launchAndWaitForGreeting();
      w.consent();
      w.type("7");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 7")));
      w.type("I have an exam on Friday and I can't sleep");
      w.until(d -> w.messages().size() >= 6);
      assertEquals(List.of(), w.axe(false), "open, desktop");
      w.el("textarea").click();
      w.screenshot("widget-desktop.png");

      String address = Widget.conversationAddress(fx, w.session(fx.port()));
      Widget.publish(fx, address, new JsonObject().put("type", "takeover").put("active", true).put("staffName", "Ana"));
      long seq = (Long) w.inRoot("Math.max.apply(null, Array.from(r.querySelectorAll('[data-seq]')).map(function (e) { return +e.getAttribute('data-seq'); }))");
      Widget.publish(fx, address, new JsonObject().put("type", "message").put("seq", seq + 1).put("from", "therapist")
          .put("staffName", "Ana").put("text", "Hi, I'm Ana.").put("quickReplies", new JsonArray()).put("at", Instant.now().toString()));
      w.until(d -> (Boolean) w.inRoot("!!r.querySelector('.msg.staff')"));
      assertEquals(List.of(), w.axe(false), "takeover, desktop");
      Widget.publish(fx, address, new JsonObject().put("type", "takeover").put("active", false));

      w.viewport(390, 844, true);
      w.keys(Keys.ESCAPE);
      assertEquals(List.of(), w.axe(false), "closed, phone");
      w.el(".launch").click();
      w.until(d -> !(Boolean) w.inRoot("r.querySelector('.panel').hidden"));
      assertEquals(List.of(), w.axe(false), "open, phone");
    }
  }

  @Test
  void on_a_phone_the_panel_fills_the_screen_and_every_control_is_a_44px_target() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b);
      w.viewport(390, 844, true);
      w.open(site.url(""));
      w.launchAndWaitForGreeting();
      w.until(d -> (Long) w.inRoot("r.querySelectorAll('.quick button').length") > 0L);
      // full screen, once the opening animation (a few px of slide) has finished
      w.until(d -> "0,0,390,844".equals(w.inRoot("(function (b) { return [b.left, b.top, b.width, b.height].map(Math.round)"
          + ".join(','); })(r.querySelector('.panel').getBoundingClientRect())")));
      assertEquals("none", w.inRoot("getComputedStyle(r.querySelector('.launch')).display"), "the launcher hides behind a full-screen panel");
      assertEquals("16px", w.inRoot("getComputedStyle(r.querySelector('textarea')).fontSize"), "16px: phones do not zoom into the box");
      @SuppressWarnings("unchecked")
      List<String> small = (List<String>) w.js("var r = document.querySelector('[data-mhai-widget]').shadowRoot;"
          + "return Array.from(r.querySelectorAll('.panel button')).filter(function (e) { var b = e.getBoundingClientRect();"
          + "  return b.width < 44 || b.height < 44; }).map(function (e) { return e.className + ' ' + e.textContent; });");
      assertEquals(List.of(), small, "touch targets under 44 by 44 px");
      assertTrue((Boolean) w.inRoot("r.querySelector('form').getBoundingClientRect().bottom <= innerHeight"), "the input is on screen");
      w.screenshot("widget-mobile.png");

      w.viewport(390, 500, true); // the on-screen keyboard takes the lower part of the screen
      w.until(d -> (Boolean) w.inRoot("Math.round(r.querySelector('.panel').getBoundingClientRect().height) === 500"));
      assertTrue((Boolean) w.inRoot("r.querySelector('form').getBoundingClientRect().bottom <= 500"), "the input stays above the keyboard");

      w.keys(Keys.ESCAPE);
      assertEquals("flex", w.inRoot("getComputedStyle(r.querySelector('.launch')).display"));
      assertEquals("button.launch", w.focused());
    }
  }

  @Test
  void keyboard_only_opens_talks_downloads_the_transcript_resets_and_closes_with_focus_where_it_belongs() throws IOException {
    Path downloads = Files.createTempDirectory("mhai-downloads");
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url("locale=en"));
      b.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      assertEquals("en", w.js("return document.querySelector('[data-mhai-widget]').getAttribute('lang')"));

      w.keys(Keys.TAB);
      assertEquals("button.launch", w.focused(), "the launcher is the page's next tab stop");
      assertEquals("solid", w.inRoot("getComputedStyle(r.activeElement).outlineStyle"), "visible focus");
      assertEquals("3px", w.inRoot("getComputedStyle(r.activeElement).outlineWidth"));
      assertEquals("false", w.inRoot("r.activeElement.getAttribute('aria-expanded')"));

      w.keys(Keys.ENTER);
      w.until(d -> w.messages().size() >= 2);
      assertEquals("textarea", w.focused(), "opening moves focus to the message box");
      assertEquals("dialog", w.inRoot("r.querySelector('.panel').getAttribute('role')"));
      assertEquals("false", w.inRoot("r.querySelector('.panel').getAttribute('aria-modal')"));
      assertEquals("Support chat", w.inRoot("r.getElementById(r.querySelector('.panel').getAttribute('aria-labelledby')).textContent"));
      assertEquals("true", w.inRoot("r.querySelector('.launch').getAttribute('aria-expanded')"));

      w.keys("I agree", Keys.ENTER); // the onboarding's privacy question, answered by keyboard
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("optional")));
      w.keys("No thanks", Keys.ENTER);
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("0 (very bad) to 10")));
      w.keys("8", Keys.ENTER);
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 8")));
      assertTrue(((String) w.inRoot("r.querySelector('.sr.polite').textContent")).contains("Support bot: A 8"),
          "the bot's reply is announced politely");

      w.keys(Keys.ESCAPE);
      assertTrue((Boolean) w.inRoot("r.querySelector('.panel').hidden"));
      assertEquals("button.launch", w.focused(), "closing returns focus to the launcher");
      w.keys(Keys.SPACE);
      assertEquals("textarea", w.focused());

      w.keys(Keys.TAB);
      assertEquals("button", w.focused(), "Send");
      w.keys(Keys.TAB);
      assertEquals("button.transcript", w.focused());
      w.keys(Keys.ENTER);
      Path file = downloads.resolve("conversation.txt");
      w.until(d -> Files.exists(file));
      w.until(d -> {
        try {
          return Files.readString(file).contains("You: 8");
        } catch (IOException e) {
          return false;
        }
      });
      String transcript = Files.readString(file);
      assertTrue(transcript.contains("Support bot: A 8"), transcript);

      JsonObject first = w.session(fx.port());
      w.keys(Keys.TAB);
      assertEquals("button.reset", w.focused());
      w.keys(Keys.ENTER);
      // the widget asks the server whether a crisis episode is open before it offers a new conversation
      w.until(d -> {
        try {
          d.switchTo().alert();
          return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
          return false;
        }
      });
      b.driver.switchTo().alert().accept();
      w.until(d -> {
        JsonObject now = w.session(fx.port());
        return now != null && !now.getString("sessionId").equals(first.getString("sessionId"));
      });
      w.until(d -> w.messages().size() == 2);
      assertEquals("textarea", w.focused(), "a new conversation starts with focus in the box");

      w.shiftTab(); // back through the greeting's answers to the log, then the close button
      for (int i = 0; i < 20 && !"button.close".equals(w.focused()); i++) {
        w.shiftTab();
      }
      assertEquals("button.close", w.focused());
      w.keys(Keys.ENTER);
      assertTrue((Boolean) w.inRoot("r.querySelector('.panel').hidden"));
      assertEquals("button.launch", w.focused());
    } finally {
      try (Stream<Path> files = Files.walk(downloads)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void a_light_custom_colour_gets_dark_text_and_still_passes_axe() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url("color=%23ffd700&locale=es"));
      w.launchAndWaitForGreeting();
      w.type("6");
      w.until(d -> w.messages().size() >= 4);
      assertEquals("es", w.inRoot("r.querySelector('.w').getAttribute('lang')"));
      assertEquals("Enviar", w.inRoot("r.querySelector('form button').textContent"));
      assertEquals("rgb(255, 215, 0)", w.inRoot("getComputedStyle(r.querySelector('form button')).backgroundColor"));
      assertEquals("rgb(0, 0, 0)", w.inRoot("getComputedStyle(r.querySelector('form button')).color"), "white on gold is unreadable");
      assertEquals("rgb(0, 0, 0)", w.inRoot("getComputedStyle(r.querySelector('header')).color"));
      String ink = (String) w.inRoot("getComputedStyle(r.querySelector('.tools button')).color");
      assertNotEquals("rgb(255, 215, 0)", ink, "gold text on white would be unreadable too");
      assertTrue(contrastWithWhite(ink) >= 4.5, ink);
      assertEquals(List.of(), w.axe(false));
    }
    try (Browser b = new Browser()) { // a value that tries to break out of the style sheet is ignored
      Widget w = new Widget(b).open(site.url("color=red%3B%7D*%7Bdisplay%3Anone"));
      assertEquals("rgb(47, 111, 115)", w.inRoot("getComputedStyle(r.querySelector('.launch')).backgroundColor"));
      assertEquals("rgb(255, 255, 255)", w.inRoot("getComputedStyle(r.querySelector('.launch')).color"));
    }
  }

  @Test
  void reduced_motion_turns_the_opening_animation_off() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      w.el(".launch").click();
      assertEquals("mhai-in", w.inRoot("getComputedStyle(r.querySelector('.panel')).animationName"));
      w.keys(Keys.ESCAPE);
      w.reducedMotion(true);
      w.el(".launch").click();
      assertFalse((Boolean) w.inRoot("r.querySelector('.panel').hidden"));
      assertEquals("none", w.inRoot("getComputedStyle(r.querySelector('.panel')).animationName"));
      assertEquals("auto", w.inRoot("getComputedStyle(r.querySelector('.log')).scrollBehavior"));
    }
  }

  /** WCAG 2.1 contrast ratio of an {@code rgb(r, g, b)} colour against white. */
  private static double contrastWithWhite(String rgb) {
    String[] p = rgb.replaceAll("[^0-9,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(p[i]) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    double l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    return 1.05 / (l + 0.05);
  }
}
