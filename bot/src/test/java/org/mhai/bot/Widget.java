// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embedded widget as a user meets it in real Chromium: elements are found through its open
 * shadow root, and keys go through ChromeDriver's real keyboard. Also: axe-core, viewport and
 * media emulation (Chrome DevTools Protocol), screenshots.
 */
final class Widget {
  /** Where the browser tests put their screenshots; docs/widget.md says how they reach docs/images. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path AXE = Path.of("target", "axe-core", "axe.min.js");
  private static final String ROOT = "var r = document.querySelector('[data-mhai-widget]').shadowRoot;";

  final Browser b;
  final WebDriverWait wait;

  Widget(Browser b) {
    this.b = b;
    this.wait = new WebDriverWait(b.driver, Duration.ofSeconds(40));
  }

  /** Loads the page and waits until the widget has rendered its launcher. */
  Widget open(String url) {
    b.driver.get(url);
    wait.until(d -> (Boolean) js("var h = document.querySelector('[data-mhai-widget]');"
        + "return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.launch'));"));
    return this;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) b.driver).executeScript(script, args);
  }

  /** Runs {@code expr} with {@code r} bound to the widget's shadow root. */
  Object inRoot(String expr) {
    return js(ROOT + "return " + expr + ";");
  }

  SearchContext shadow() {
    return b.driver.findElement(By.cssSelector("[data-mhai-widget]")).getShadowRoot();
  }

  WebElement el(String css) {
    return shadow().findElement(By.cssSelector(css));
  }

  /** The messages as shown, without the visually hidden speaker prefix and the time. */
  @SuppressWarnings("unchecked")
  List<String> messages() {
    return (List<String>) js("var h = document.querySelector('[data-mhai-widget]'); if (!h) return [];"
        + "return Array.from(h.shadowRoot.querySelectorAll('.msg')).map(function (m) {"
        + "  var c = m.cloneNode(true); c.querySelectorAll('.time, .sr, .label').forEach(function (t) { t.remove(); });"
        + "  return c.textContent; });");
  }

  long pending() {
    return (Long) inRoot("r.querySelectorAll('.pending').length");
  }

  /** A real click on the launcher, then the greeting. */
  void launchAndWaitForGreeting() {
    el(".launch").click();
    wait.until(d -> messages().size() >= 2);
  }

  /** Answers the onboarding (privacy notice: agree; research: no) so that the mood question comes next. */
  void consent() {
    Object lang = inRoot("r.querySelector('.w').getAttribute('lang')");
    boolean es = lang != null && lang.toString().startsWith("es");
    int n = messages().size();
    type(es ? "Estoy de acuerdo" : "I agree");
    wait.until(d -> messages().size() >= n + 2);
    type(es ? "No, gracias" : "No thanks");
    wait.until(d -> messages().stream().anyMatch(m -> m.contains(es ? "de 0 (muy mal)" : "0 (very bad) to 10")));
  }

  /** Types into the message box with the real keyboard and presses Enter. */
  void type(String text) {
    WebElement box = el("textarea");
    box.sendKeys(text);
    box.sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  void keys(CharSequence... keys) {
    new Actions(b.driver).sendKeys(keys).perform();
  }

  /** Shift+Tab (a chord string through {@code sendKeys} does not hold Shift down). */
  void shiftTab() {
    new Actions(b.driver).keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys(org.openqa.selenium.Keys.TAB)
        .keyUp(org.openqa.selenium.Keys.SHIFT).perform();
  }

  /** The focused element inside the widget, described as {@code tag.class} (empty if focus is outside). */
  String focused() {
    return (String) inRoot("(function (a) { return a ? a.tagName.toLowerCase() + (a.className ? '.' + a.className.split(' ')[0] : '') : ''; })(r.activeElement)");
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  /** The stored session {sessionId, token} the widget keeps in localStorage. */
  JsonObject session(int servicePort) {
    String raw = (String) js("return localStorage.getItem(arguments[0])", "mhai.session.http://127.0.0.1:" + servicePort);
    return raw == null ? null : new JsonObject(raw);
  }

  /** Width, height and DPR-less device metrics through the DevTools protocol. */
  void viewport(int width, int height, boolean mobile) {
    b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  void reducedMotion(boolean reduce) {
    b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-reduced-motion", "value", reduce ? "reduce" : "no-preference"))));
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), b.driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * axe-core's WCAG 2.0/2.1 A and AA rules plus its best practices over the page (or only the
   * widget's host element, with its shadow tree); returns one line per violation.
   */
  List<String> axe(boolean widgetOnly) {
    wait.until(d -> (Boolean) inRoot("r.querySelector('.panel').getAnimations().length === 0")); // colours are final
    if (!(Boolean) js("return !!window.axe")) {
      try {
        js(Files.readString(AXE));
      } catch (IOException e) {
        throw new UncheckedIOException("axe-core is fetched at build time into " + AXE
            + " (bot/src/test/axe/fetch-axe.sh, run by mvn's generate-test-resources)", e);
      }
    }
    String json = (String) ((JavascriptExecutor) b.driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(arguments[0] ? { include: [['[data-mhai-widget]']] } : document,"
            + "  { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })"
            + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
            + "  return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {"
            + "    return JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) }; }))); },"
            + "  function (e) { done(JSON.stringify([{ id: 'axe-error', impact: 'n/a', help: String(e), nodes: [] }])); });",
        widgetOnly);
    return new JsonArray(json).stream().map(o -> {
      JsonObject v = (JsonObject) o;
      return v.getString("id") + " (" + v.getString("impact") + "): " + v.getString("help") + " " + v.getJsonArray("nodes");
    }).toList();
  }

  /** The event-bus address of the session's conversation, where {@code ChatSocket} relays frames to its sockets. */
  static String conversationAddress(AppFixture fx, JsonObject session) {
    Row row = fx.app.pool().preparedQuery("select conversation_id from webchat_session where id = $1")
        .execute(Tuple.of(UUID.fromString(session.getString("sessionId")))).await().iterator().next();
    return "mhai.conversation." + row.getUUID("conversation_id");
  }

  /** A frame to every open socket of the conversation, as the service itself publishes them. */
  static void publish(AppFixture fx, String address, JsonObject frame) {
    fx.app.vertx().eventBus().publish(address, frame);
  }
}
