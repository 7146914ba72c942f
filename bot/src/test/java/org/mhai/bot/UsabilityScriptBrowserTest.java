// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.portal.auth.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The usability script of docs/portal.md: the five tasks of a new therapist's first shift, played
 * end to end in Chromium, each on the screen that does it, with a screenshot of each in bot/target/screenshots (copied to docs/images by hand).
 */
class UsabilityScriptBrowserTest {
  /** Like every browser test's screenshots, into target/ (copied to docs/images by hand): a test run leaves the tree clean. */
  static final Path IMAGES = Widget.SCREENSHOTS;
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JavascriptExecutor js(Browser b) {
    return b.driver;
  }

  private static void shot(Browser b, String name) throws Exception {
    Files.createDirectories(IMAGES);
    Files.write(IMAGES.resolve(name), b.driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void a_new_therapist_does_the_five_tasks_of_a_first_shift() throws Exception {
    UUID mira = fx.createStaff("mira", "Mira Costa", "therapist", "mira's long passphrase");
    String assigned = PortalTestData.patient(fx, "I have been feeling low since the move")[0];
    PortalTestData.assign(fx, mira, assigned);
    try (Browser b = new Browser()) {
      b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));

      // 1. Sign in, and turn on two-step sign-in by scanning the QR code (header: "Two-step sign-in")
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
      wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
      b.driver.findElement(By.name("username")).sendKeys("mira");
      b.driver.findElement(By.name("password")).sendKeys("mira's long passphrase");
      b.driver.findElement(By.cssSelector("#login button[type=submit]")).click();
      wait.until(d -> d.findElement(By.id("live")).getText().contains("live"));
      b.driver.findElement(By.id("totp-setup")).click();
      wait.until(d -> !d.findElements(By.cssSelector("#totp-new-qr svg")).isEmpty());
      String secret = b.driver.findElement(By.id("totp-new-secret")).getText();
      assertEquals(List.of(), b.axe(), "axe on the two-step dialog");
      shot(b, "usability-1-two-step.png");
      b.driver.findElement(By.cssSelector("#totp-form input[name=code]"))
          .sendKeys(Totp.code(TotpSignInTest.base32(secret), Totp.step(Instant.now()), 6, "HmacSHA1"));
      js(b).executeScript("window.alert = function (m) { window.__said = m; };");
      b.driver.findElement(By.cssSelector("#totp-form button[value=ok]")).click();
      wait.until(d -> "Two-step sign-in is on.".equals(js(b).executeScript("return window.__said")));

      // 2. A crisis arrives: the queue alerts, and the therapist acknowledges it (the queue)
      JsonObject s = fx.newSession();
      assertEquals(200, fx.post(s, UUID.randomUUID(), "I want to kill myself tonight").statusCode());
      String id = new WebDriverWait(b.driver, Duration.ofSeconds(5)).until(d -> (String) js(b).executeScript(
          "var r = Array.from(document.querySelectorAll('#rows tr')).find(function (t) { return t.textContent.indexOf('open') >= 0; });"
              + "return r ? r.getAttribute('data-id') : null;"));
      assertTrue(b.driver.findElement(By.id("alert")).getText().contains("waiting"));
      assertEquals(List.of(), b.axe(), "axe on the queue with a crisis waiting");
      shot(b, "usability-2-queue.png");
      String row = "#rows tr[data-id=\"" + id + "\"]";
      js(b).executeScript("document.querySelector('" + row + " button').click()");
      wait.until(d -> (Boolean) js(b).executeScript(
          "var r = document.querySelector('" + row + "'); return !!r && r.textContent.indexOf('acknowledged') >= 0;"));

      // 3. Understand the crisis: what was said, how serious, why (the patient page, crisis first)
      js(b).executeScript("document.querySelector('" + row + " button.open-patient').click()");
      wait.until(d -> d.findElement(By.id("crisis-now")).isDisplayed());
      String now = b.driver.findElement(By.id("crisis-now")).getText();
      assertTrue(now.contains("kill myself tonight"), now);
      assertEquals(List.of(), b.axe(), "axe on the crisis patient page");
      shot(b, "usability-3-patient.png");

      // 4. Take over the chat and talk with the patient (the chat panel on the same page)
      b.driver.findElement(By.id("claim")).click();
      wait.until(d -> d.findElement(By.id("staff-form")).isDisplayed());
      b.driver.findElement(By.cssSelector("#staff-form input[name=text]")).sendKeys("Hi, I'm Mira from the care team. I'm here now.");
      b.driver.findElement(By.cssSelector("#staff-form button")).click();
      wait.until(d -> d.findElement(By.id("chat")).getText().contains("I'm here now"));
      assertEquals(200, fx.post(s, UUID.randomUUID(), "thank you, I am at home").statusCode());
      wait.until(d -> d.findElement(By.id("chat")).getText().contains("I am at home"));
      js(b).executeScript("document.querySelector('#chat').scrollIntoView()");
      shot(b, "usability-4-chat.png");
      b.driver.findElement(By.id("release")).click();
      wait.until(d -> d.findElement(By.id("claim")).isDisplayed());

      // 5. Close the crisis with a note, then find an assigned patient by short id (queue page: "Find by short id")
      js(b).executeScript("document.querySelector('#p-escalations button.resolve-here').click()");
      wait.until(d -> d.findElement(By.id("resolve")).isDisplayed());
      b.driver.findElement(By.cssSelector("#resolve textarea")).sendKeys("Talked in the chat; safety plan agreed; GP informed.");
      b.driver.findElement(By.cssSelector("#resolve button[value=ok]")).click();
      wait.until(d -> d.findElement(By.id("p-escalations")).getText().contains("resolved"));
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/#/");
      wait.until(d -> d.findElement(By.id("patients")).getText().contains(assigned.substring(0, 8)));
      b.driver.findElement(By.cssSelector("#patient-find input[name=q]")).sendKeys(assigned.substring(0, 8));
      shot(b, "usability-5-find.png");
      b.driver.findElement(By.cssSelector("#patient-find button")).click();
      wait.until(d -> d.findElement(By.id("patient")).isDisplayed()
          && assigned.substring(0, 8).equals(d.findElement(By.id("p-id")).getText()));
      assertEquals(List.of(), b.axe(), "axe on the assigned patient's page");
    }
  }
}
