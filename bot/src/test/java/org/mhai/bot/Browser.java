// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), with every
 * background connection off and every host but loopback unresolvable, so a test page can reach
 * nothing outside this machine.
 */
final class Browser implements AutoCloseable {
  final ChromeDriver driver;
  private final Path profile;

  Browser() {
    try {
      profile = Files.createTempDirectory("chrome-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,900", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  /** axe-core's WCAG 2.1 A/AA and best-practice violations on the whole page, one line each. */
  java.util.List<String> axe() {
    org.openqa.selenium.JavascriptExecutor js = driver;
    if (!(Boolean) js.executeScript("return !!window.axe")) {
      try {
        js.executeScript(Files.readString(Path.of("target", "axe-core", "axe.min.js")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String json = (String) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },"
        + " resultTypes: ['violations'] }).then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
        + "  return v.id + ' (' + v.impact + '): ' + v.help + ' ' + v.nodes.map(function (n) { return JSON.stringify(n.target); })"
        + "    .join(' '); }))); }, function (e) { done(JSON.stringify(['axe-error: ' + e])); });");
    return new io.vertx.core.json.JsonArray(json).stream().map(String::valueOf).toList();
  }

  /** The console's errors (and the page's uncaught exceptions) since the last call. */
  java.util.List<String> consoleErrors() {
    java.util.List<String> now = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    java.util.List<String> out = new java.util.ArrayList<>(now);
    out.removeIf(e -> expected.stream().anyMatch(p -> p.matcher(e).find()));
    return out;
  }

  private final java.util.List<java.util.regex.Pattern> expected = new java.util.ArrayList<>();
  private final java.util.List<String> seen = new java.util.ArrayList<>();

  /** Console errors a test provokes on purpose (a 503 while the database is cut), matched by pattern. */
  Browser expectConsoleErrors(String regex) {
    expected.add(java.util.regex.Pattern.compile(regex));
    return this;
  }

  /**
   * Every browser test ends with no unexpected console error (issue #19: a broken admin tab once logged
   * a TypeError that no test saw): checked when the browser closes.
   */
  @Override
  public void close() {
    java.util.List<String> unexpected = new java.util.ArrayList<>();
    try {
      seen.addAll(consoleErrors());
      for (String e : seen) {
        if (expected.stream().noneMatch(p -> p.matcher(e).find())) {
          unexpected.add(e);
        }
      }
    } catch (RuntimeException e) {
      // the browser is already gone: nothing more to read
    }
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless
      }
    }
    if (!unexpected.isEmpty()) {
      throw new AssertionError("console errors in the browser: " + unexpected);
    }
  }
}
