// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages are ES modules (portal.js and admin.js import common.js and their *-logic.js): in
 * real Chromium, under the pages' Content-Security-Policy, every portal view (sign-in, queue, patient
 * page, research export) and the admin page load them and show what they compute, with no console error.
 */
class PortalModulesBrowserTest {
  static AppFixture fx;
  static String patient;
  static String escalation;

  @BeforeAll
  static void start() throws Exception {
    fx = AppFixture.start();
    fx.createStaff("rhea", "Rhea Researcher", "researcher", "pw-rhea-modules");
    patient = PortalTestData.patient(fx, "I want to kill myself tonight")[0];
    escalation = PortalTestData.escalationOf(fx, patient);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void the_modules_are_served_as_javascript_under_the_pages_policy() {
    for (String f : List.of("common.js", "portal-logic.js", "admin-logic.js", "portal.js", "admin.js")) {
      HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/portal/" + f).send().await();
      assertEquals(200, r.statusCode(), f);
      assertEquals("text/javascript; charset=utf-8", r.getHeader("Content-Type"), f);
      assertTrue(r.getHeader("Content-Security-Policy").startsWith("default-src 'self'"), f);
    }
    assertEquals(404, fx.http.get(fx.port(), "127.0.0.1", "/portal/eslint.config.js").send().await().statusCode(),
        "only the listed files are served");
  }

  @Test
  void every_portal_view_and_the_admin_page_load_their_modules_with_no_console_error() {
    try (Browser b = new Browser()) {
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
      wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
      assertEquals(List.of(), b.consoleErrors(), "console errors on the sign-in page");
      signIn(b, wait, "admin", AppFixture.ADMIN_PASSWORD);

      // the queue: the row's words come from portal-logic.js (plain), its countdown from common.js (clock)
      String row = "#rows tr[data-id='" + escalation + "']";
      wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
      String text = b.driver.findElement(By.cssSelector(row)).getText();
      assertTrue(text.contains("thoughts of suicide"), "signals in plain words: " + text);
      assertTrue(b.driver.findElement(By.cssSelector(row + " td.sla")).getText().matches("\\d+:\\d\\d"), "an SLA countdown");
      assertTrue(b.driver.getTitle().startsWith("(1) Escalation waiting"), b.driver.getTitle());
      assertTrue(loaded(b).containsAll(List.of("/portal/common.js", "/portal/portal-logic.js", "/portal/portal.js")), loaded(b).toString());
      assertEquals(List.of(), b.consoleErrors(), "console errors on the queue");

      // the patient page, crisis first
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/#/patient/" + patient + "/" + escalation);
      wait.until(d -> d.findElement(By.id("crisis-now")).isDisplayed());
      wait.until(d -> d.findElement(By.id("cn-why")).getText().contains("thoughts of suicide"));
      wait.until(d -> !d.findElements(By.cssSelector("#emotion-chart svg")).isEmpty());
      assertEquals(List.of(), b.consoleErrors(), "console errors on the patient page");

      // the admin page, same session
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/admin.html");
      wait.until(d -> !d.findElements(By.cssSelector("#staff-rows tr[data-username=rhea]")).isEmpty());
      assertTrue(b.driver.findElement(By.cssSelector("#staff-rows tr[data-username=rhea]")).getText().contains("active"));
      assertTrue(loaded(b).containsAll(List.of("/portal/common.js", "/portal/admin-logic.js", "/portal/admin.js")), loaded(b).toString());
      assertEquals(List.of(), b.consoleErrors(), "console errors on the admin page");
    }
    // the research view: a researcher signs in to the portal and sees only the export
    try (Browser b = new Browser()) {
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
      wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
      b.driver.findElement(By.name("username")).sendKeys("rhea");
      b.driver.findElement(By.name("password")).sendKeys("pw-rhea-modules");
      b.driver.findElement(By.cssSelector("#login button")).click();
      wait.until(d -> d.findElement(By.id("research")).isDisplayed());
      js(b).executeScript("var f = document.getElementById('research-form'); f.from.value = '2026-02-01'; f.to.value = '2026-01-01';"
          + "f.requestSubmit();");
      wait.until(d -> d.findElement(By.id("research-status")).getText().equals("The start date is after the end date."));
      assertEquals(List.of(), b.consoleErrors(), "console errors on the research view");
    }
  }

  private static void signIn(Browser b, WebDriverWait wait, String user, String password) {
    b.driver.findElement(By.name("username")).sendKeys(user);
    b.driver.findElement(By.name("password")).sendKeys(password);
    b.driver.findElement(By.cssSelector("#login button")).click();
    wait.until(d -> d.findElement(By.id("live")).getText().contains("live"));
  }

  /** The paths of the scripts the page loaded. */
  @SuppressWarnings("unchecked")
  private static List<String> loaded(Browser b) {
    return (List<String>) js(b).executeScript("return performance.getEntriesByType('resource')"
        + ".map(function (e) { return new URL(e.name).pathname; }).filter(function (p) { return /\\.js$/.test(p); });");
  }

  private static JavascriptExecutor js(Browser b) {
    return b.driver;
  }
}
