// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo page in real Chromium: open the widget, answer the mood question, get a reply; reload resumes. */
class WidgetBrowserTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** Text of the widget's messages, read through its open shadow root. */
  @SuppressWarnings("unchecked")
  private static List<String> messages(Browser b) {
    return (List<String>) ((JavascriptExecutor) b.driver).executeScript(
        "var h = document.querySelector('[data-mhai-widget]'); if (!h) return [];"
            + "return Array.from(h.shadowRoot.querySelectorAll('.msg')).map(function (m) {"
            + "  var c = m.cloneNode(true); c.querySelectorAll('.time').forEach(function (t) { t.remove(); }); return c.textContent; });");
  }

  private static void js(Browser b, String script) {
    ((JavascriptExecutor) b.driver).executeScript(script);
  }

  @Test
  void the_demo_page_widget_gets_a_reply_and_a_reload_resumes_the_conversation() throws Exception {
    try (Browser b = new Browser()) {
      b.driver.get("http://127.0.0.1:" + fx.port() + "/");
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(20));
      wait.until(d -> ((JavascriptExecutor) d).executeScript("return !!document.querySelector('[data-mhai-widget]')"));
      js(b, "document.querySelector('[data-mhai-widget]').shadowRoot.querySelector('.launch').click()");
      wait.until(d -> messages(b).size() >= 2);
      assertTrue(messages(b).get(0).contains("not an emergency service"), messages(b).toString());

      for (String answer : List.of("I agree", "No thanks", "I would say a 7")) {
        int n = messages(b).size();
        js(b, "var r = document.querySelector('[data-mhai-widget]').shadowRoot;"
            + "r.querySelector('textarea').value = '" + answer.replace("'", "\\'") + "';"
            + "r.querySelector('form').dispatchEvent(new Event('submit', {cancelable: true}));");
        wait.until(d -> messages(b).size() >= n + 2);
      }
      wait.until(d -> messages(b).stream().anyMatch(m -> m.contains("A 7")));
      Path shot = Path.of("target", "widget.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, b.driver.getScreenshotAs(OutputType.BYTES));

      List<String> before = messages(b);
      b.driver.navigate().refresh();
      wait.until(d -> messages(b).size() >= before.size());
      assertEquals(before, messages(b).subList(0, before.size()), "a reload shows the same conversation");

      js(b, "var r = document.querySelector('[data-mhai-widget]').shadowRoot;"
          + "r.querySelector('.launch').click();"
          + "r.querySelector('textarea').value = 'i want to kill myself';"
          + "r.querySelector('form').dispatchEvent(new Event('submit', {cancelable: true}));");
      wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
          "return !!document.querySelector('[data-mhai-widget]').shadowRoot.querySelector('a[href=\"tel:988\"]')"));
      wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
          "var c = document.querySelector('[data-mhai-widget]').shadowRoot.querySelector('.crisis');"
              + "return !c.hidden && !!c.querySelector('a[href=\"tel:988\"]');"));
      Files.write(Path.of("target", "widget-crisis.png"), b.driver.getScreenshotAs(OutputType.BYTES));
    }
  }
}
