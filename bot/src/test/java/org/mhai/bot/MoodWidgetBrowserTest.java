// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * "My mood" in real Chromium on a 390 px phone: a check-in with a note, then {@code /mood} shows
 * the point on the charts and the note in the table; a mood logged from the view with the keyboard
 * alone appears too; axe-core finds nothing; Escape returns to the chat; no console errors.
 */
class MoodWidgetBrowserTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @SuppressWarnings("unchecked")
  static List<String> rows(Widget w, int days) {
    return (List<String>) w.inRoot("Array.from(r.querySelectorAll('.mv .p" + days + " tbody tr')).map(function (tr) {"
        + " return Array.from(tr.cells).slice(1).map(function (c) { return c.textContent; }).join('|'); })");
  }

  @Test
  void a_check_in_note_and_a_logged_mood_show_on_the_chart_and_in_the_table() {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b);
      w.viewport(390, 844, true);
      w.open("http://127.0.0.1:" + fx.port() + "/");
      w.launchAndWaitForGreeting();
      w.consent();
      w.type("7");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("A 7")));
      w.type("walked the dog at dawn");
      w.until(d -> w.messages().stream().anyMatch(m -> m.contains("Thanks for checking in")));
      w.until(d -> (Boolean) w.inRoot("!!r.querySelector('.tools .mood')")); // widget-mood.js is in

      int before = w.messages().size();
      w.type("/mood");
      w.until(d -> (Boolean) w.inRoot("!r.querySelector('.mv').hidden && !!r.querySelector('.mv .p14 tbody tr')"));
      assertEquals(before, w.messages().size(), "/mood opens the view; nothing is sent to the chat");
      assertEquals("h3", w.focused(), "focus moves to the view's heading");
      assertEquals(List.of("7|walked the dog at dawn"), rows(w, 14));
      assertEquals(List.of("7|walked the dog at dawn"), rows(w, 90));
      assertEquals(1L, w.inRoot("r.querySelectorAll('.mv .p14 svg circle.pt').length"));
      assertTrue(((String) w.inRoot("r.querySelector('.mv .p14 svg').getAttribute('aria-label')")).contains("score 7"));
      assertTrue((Boolean) w.inRoot("r.querySelector('.mv').scrollWidth <= r.querySelector('.mv').clientWidth"),
          "nothing wider than a 390 px phone");

      // Log another one with the keyboard only: Tab to the score, pick 3, Tab to the note, type, Tab to Save, Enter.
      w.keys(Keys.TAB, Keys.TAB);
      assertEquals("select", w.focused());
      w.keys(Keys.HOME, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
      w.keys(Keys.TAB);
      assertEquals("textarea", w.focused());
      w.keys("quiet evening, <b>tired</b>");
      w.keys(Keys.TAB);
      assertEquals("button.save", w.focused());
      w.keys(Keys.ENTER);
      w.until(d -> rows(w, 14).size() == 2);
      assertEquals(List.of("3|quiet evening, <b>tired</b>", "7|walked the dog at dawn"), rows(w, 14),
          "newest first; the note shown as text, never as markup");
      assertEquals(2L, w.inRoot("r.querySelectorAll('.mv .p90 svg circle.pt').length"));
      assertEquals("button.save", w.focused(), "the keyboard focus stays where it was");
      assertEquals(0L, w.inRoot("r.querySelectorAll('.mv b').length"));
      assertEquals(List.of(), w.axe(false), "My mood, phone");
      w.screenshot("widget-my-mood-phone.png");

      w.keys(Keys.ESCAPE);
      w.until(d -> (Boolean) w.inRoot("r.querySelector('.mv').hidden"));
      assertEquals("textarea", w.focused(), "back in the chat, at the message box");
      assertTrue(!(Boolean) w.inRoot("r.querySelector('.panel').hidden"), "Escape in the view leaves the chat open");

      w.viewport(1280, 800, false);
      w.el(".tools .mood").click();
      w.until(d -> (Boolean) w.inRoot("!r.querySelector('.mv').hidden && r.querySelectorAll('.mv .p14 tbody tr').length === 2"));
      assertEquals(List.of(), w.axe(false), "My mood, desktop");
    }
  }
}
