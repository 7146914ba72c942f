// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium: a therapist signs in to /portal/, a web-chat crisis appears in the live queue
 * within 5 seconds, and the therapist acknowledges and resolves it with a note.
 */
class PortalQueueBrowserTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a_crisis_reaches_the_live_queue_and_is_acknowledged_and_resolved() throws Exception {
    try (Browser b = new Browser()) {
      WebDriverWait wait = signIn(b);
      wait.until(d -> d.findElement(By.id("queue")).isDisplayed());

      JsonObject s = fx.newSession();
      long t0 = System.nanoTime();
      fx.post(s, UUID.randomUUID(), "I want to kill myself tonight");
      WebDriverWait five = new WebDriverWait(b.driver, Duration.ofSeconds(5));
      String id = five.until(d -> (String) d(b).executeScript(
          "var r = Array.from(document.querySelectorAll('#rows tr')).find(function (t) { return t.textContent.indexOf('open') >= 0; });"
              + "return r ? r.getAttribute('data-id') : null;"));
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "seen within 5 s");
      String banner = b.driver.findElement(By.id("alert")).getText();
      assertTrue(banner.contains("escalation") && banner.contains("waiting"), "a visible alert: " + banner);
      assertTrue(b.driver.getTitle().startsWith("(1) "), "the tab title counts it: " + b.driver.getTitle());
      assertEquals(java.util.List.of(), b.axe(), "axe on the queue with a crisis waiting (issue #19)");
      // the countdown runs (it once froze at 5:00)
      new WebDriverWait(b.driver, Duration.ofSeconds(4)).until(d -> !d.findElement(By.id("alert")).getText().equals(banner));
      Files.write(Path.of("target", "portal-queue.png"), b.driver.getScreenshotAs(OutputType.BYTES));

      String row = "#rows tr[data-id=\"" + id + "\"]";
      // the queue no longer redraws itself every second: keyboard focus stays on the button it was on
      d(b).executeScript("document.querySelector('" + row + " button').focus()");
      Thread.sleep(2500);
      assertTrue((Boolean) d(b).executeScript("return document.activeElement === document.querySelector('" + row + " button');"),
          "focus kept across the countdown's ticks");
      d(b).executeScript("document.querySelector('" + row + " button').click()"); // Acknowledge
      wait.until(d -> (Boolean) d(b).executeScript(
          "var r = document.querySelector('" + row + "'); return !!r && r.textContent.indexOf('acknowledged') >= 0;"));
      // handled: no longer waiting, never "overdue", and the title and banner calm down
      wait.until(d -> !d.getTitle().startsWith("(") && !d.findElement(By.id("alert")).isDisplayed());
      assertFalse((Boolean) d(b).executeScript("return document.querySelector('" + row + " td.sla').classList.contains('overdue');"));

      d(b).executeScript("document.querySelector('" + row + " button').click()"); // Resolve…
      wait.until(d -> d.findElement(By.id("resolve")).isDisplayed());
      b.driver.findElement(By.cssSelector("#resolve textarea")).sendKeys("Phoned the patient; safety plan in place; GP informed.");
      b.driver.findElement(By.cssSelector("#resolve button[value=ok]")).click();
      wait.until(d -> (Boolean) d(b).executeScript("return !document.querySelector('" + row + "');"));

      try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
        ResultSet rs = st.executeQuery("select status, note is not null from escalation where id = '" + id + "'");
        rs.next();
        assertEquals("resolved", rs.getString(1));
        assertTrue(rs.getBoolean(2));
      }
    }
  }

  @Test
  void danger_that_grows_after_acknowledging_brings_the_escalation_back_as_raised_and_alerts_again() throws Exception {
    try (Browser b = new Browser()) {
      WebDriverWait wait = signIn(b);

      JsonObject s = fx.newSession();
      fx.post(s, UUID.randomUUID(), "I want to kill myself");
      String id = wait.until(d -> (String) d(b).executeScript(
          "var r = Array.from(document.querySelectorAll('#rows tr')).find(function (t) { return t.textContent.indexOf('open') >= 0"
              + " && t.textContent.indexOf('high') >= 0; });"
              + "return r ? r.getAttribute('data-id') : null;"));
      String row = "#rows tr[data-id=\"" + id + "\"]";
      d(b).executeScript("document.querySelector('" + row + " button').click()"); // Acknowledge
      wait.until(d -> !d.getTitle().startsWith("("));

      fx.post(s, UUID.randomUUID(), "I already took all of them");
      wait.until(d -> (Boolean) d(b).executeScript("var r = document.querySelector('" + row + "');"
          + " return !!r && r.textContent.indexOf('imminent') >= 0 && r.textContent.indexOf('open') >= 0;"));
      assertTrue((Boolean) d(b).executeScript("return !!document.querySelector('" + row + " .raised');"), "marked raised");
      assertTrue(b.driver.getTitle().startsWith("(1) "), "the tab title counts it again: " + b.driver.getTitle());
      assertTrue(b.driver.findElement(By.id("alert")).getText().contains("imminent"), "the banner names the level");
      assertEquals(id, d(b).executeScript("return document.querySelector('#rows tr').getAttribute('data-id');"),
          "the imminent crisis is first in the queue");
      assertEquals(java.util.List.of(), b.axe(), "axe with a raised escalation");
    }
  }

  /** Opens the portal, checks the sign-in page is what shows, signs in as the admin and waits for the live queue. */
  private static WebDriverWait signIn(Browser b) {
    b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
    WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));
    wait.until(d -> d.getPageSource().contains("signin") || d.getPageSource().contains("error"));
    assertTrue(b.driver.getPageSource().contains("signin"), b.driver.getPageSource());
    wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
    b.driver.findElement(By.name("username")).sendKeys("admin");
    b.driver.findElement(By.name("password")).sendKeys(AppFixture.ADMIN_PASSWORD);
    b.driver.findElement(By.cssSelector("#login button")).click();
    wait.until(d -> d.findElement(By.id("live")).getText().contains("live"));
    return wait;
  }

  private static JavascriptExecutor d(Browser b) {
    return (JavascriptExecutor) b.driver;
  }
}
