// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #19, "the care team's first ten seconds", in real Chromium: patients found by their short id
 * (never a pasted UUID), in the admin pages and the portal.
 */
class CareTeamFirstSecondsBrowserTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static JavascriptExecutor js(Browser b) {
    return (JavascriptExecutor) b.driver;
  }

  static WebDriverWait adminSignIn(Browser b) {
    b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/admin.html");
    WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));
    wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
    b.driver.findElement(By.name("username")).sendKeys("admin");
    b.driver.findElement(By.name("password")).sendKeys(AppFixture.ADMIN_PASSWORD);
    b.driver.findElement(By.cssSelector("#login button")).click();
    wait.until(d -> d.findElement(By.id("admin")).isDisplayed());
    return wait;
  }

  static WebDriverWait portalSignIn(Browser b, String user, String password) {
    b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
    WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(15));
    wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
    b.driver.findElement(By.name("username")).sendKeys(user);
    b.driver.findElement(By.name("password")).sendKeys(password);
    b.driver.findElement(By.cssSelector("#login button")).click();
    wait.until(d -> d.findElement(By.id("live")).getText().contains("live"));
    return wait;
  }

  static void tab(Browser b, WebDriverWait wait, String name) {
    b.driver.findElement(By.cssSelector(".tabs button[data-tab=" + name + "]")).click();
    wait.until(d -> d.findElement(By.id("tab-" + name)).isDisplayed());
  }

  static String status(WebDriver d) {
    return d.findElement(By.id("status")).getText();
  }

  /** The audit entries of an action, newest first: {actor, detail}. */
  static List<String[]> audited(String action) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select actor, detail::text, coalesce(patient_id::text, '') from audit_log where action = ? order by id desc")) {
      st.setString(1, action);
      ResultSet rs = st.executeQuery();
      List<String[]> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
      return out;
    }
  }

  @Test
  void staff_find_a_patient_by_short_id_and_every_search_is_audited() throws Exception {
    String patient = PortalTestData.patient(fx, "I have been sleeping badly")[0];
    PortalTestData.patient(fx, "hello there"); // someone else, who must not come up
    String shortId = patient.substring(0, 8);
    UUID therapist = fx.createStaff("noor", "Noor Haddad", "therapist", "noor's long passphrase");

    try (Browser b = new Browser()) {
      WebDriverWait wait = adminSignIn(b);
      tab(b, wait, "patients");
      wait.until(d -> d.findElement(By.id("assign-therapist")).getText().contains("Noor Haddad"));
      // find by the short id, choose, assign: no UUID is typed anywhere
      b.driver.findElement(By.id("find-q")).sendKeys(shortId.substring(0, 6).toUpperCase());
      b.driver.findElement(By.cssSelector("#find-form button")).click();
      wait.until(d -> !d.findElements(By.cssSelector("#find-rows tr[data-patient='" + shortId + "']")).isEmpty());
      assertEquals(1, b.driver.findElements(By.cssSelector("#find-rows tr")).size(), "only the patient whose id starts so");
      assertEquals(List.of(), b.axe(), "axe on the patients tab with search results");
      b.driver.findElement(By.cssSelector("#find-rows tr[data-patient='" + shortId + "'] button")).click();
      assertEquals(shortId, b.driver.findElement(By.cssSelector("#assign-form input[name=patient]")).getAttribute("value"));
      new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("assign-therapist"))).selectByValue(therapist.toString());
      b.driver.findElement(By.cssSelector("#assign-form button")).click();
      wait.until(d -> d.findElement(By.id("assignment-rows")).getText().contains(shortId));
      assertTrue(b.driver.findElement(By.id("assignment-rows")).getText().contains("Noor Haddad"));

      // typed straight into the data-rights field, the short id is enough for the export
      var rights = b.driver.findElement(By.cssSelector("#rights-form input[name=patient]"));
      rights.clear();
      rights.sendKeys(shortId);
      b.driver.findElement(By.id("rights-export")).click();
      wait.until(d -> status(d).contains("Export of " + shortId + " downloaded"));
      // an id that matches nobody says so, and nothing is erased
      rights.clear();
      rights.sendKeys("ffffffff-0000");
      js(b).executeScript("window.confirm = function () { window.__asked = true; return true; }");
      b.driver.findElement(By.id("rights-erase")).click();
      wait.until(d -> status(d).contains("No patient has an id starting ffffffff-0000"));
      assertEquals(null, js(b).executeScript("return window.__asked"), "no confirmation for nobody");
    }
    List<String[]> searches = audited("patient.list");
    assertTrue(searches.stream().anyMatch(e -> e[1].contains("\"q\": \"" + shortId.substring(0, 6) + "\"")),
        "the admin's search is audited with what was searched: " + searches.stream().map(e -> e[1]).toList());
    assertEquals(1, audited("patient.export").size(), "the export is audited");

    // the therapist finds the patient from the portal's queue page and lands on their page
    try (Browser b = new Browser()) {
      WebDriverWait wait = portalSignIn(b, "noor", "noor's long passphrase");
      wait.until(d -> d.findElement(By.id("patients")).getText().contains(shortId));
      b.driver.findElement(By.cssSelector("#patient-find input[name=q]")).sendKeys(shortId);
      assertEquals(List.of(), b.axe(), "axe on the queue with the patient search");
      b.driver.findElement(By.cssSelector("#patient-find button")).click();
      wait.until(d -> d.findElement(By.id("patient")).isDisplayed() && shortId.equals(d.findElement(By.id("p-id")).getText()));
      assertTrue(b.driver.getCurrentUrl().endsWith("#/patient/" + patient));
      assertTrue(audited("patient.read").stream().anyMatch(e -> e[0].equals(therapist.toString()) && e[2].equals(patient)),
          "the read that followed is audited");
    }
  }

  @Test
  void a_search_that_is_not_an_id_is_a_400_with_an_error_id() {
    String admin = fx.adminToken();
    var r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/patients?q=" + "ana%20lopez").bearerTokenAuthentication(admin)
        .send().await();
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().containsKey("errorId"), r.bodyAsString());
  }

  @Test
  void the_audit_log_shows_what_matters_first_pages_and_has_the_raw_log_one_click_away() throws Exception {
    String patient = PortalTestData.patient(fx, "work is a lot this week")[0];
    String shortId = patient.substring(0, 8);
    UUID therapist = fx.createStaff("ivo", "Ivo Marsh", "therapist", "ivo's long passphrase");
    // 55 reads of the patient's page by the therapist: more than one page of 50
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "insert into audit_log (at, actor, role, action, patient_id, detail) select now() - make_interval(secs => g), ?, "
            + "'therapist', 'patient.read', ?::uuid, '{\"basis\": \"admin\"}'::jsonb from generate_series(1, 55) g")) {
      st.setString(1, therapist.toString());
      st.setString(2, patient);
      st.executeUpdate();
    }
    try (Browser b = new Browser()) {
      WebDriverWait wait = adminSignIn(b);
      tab(b, wait, "audit");
      wait.until(d -> status(d).contains("50 entries (what matters)"));
      List<String> actions = b.driver.findElements(By.cssSelector("#audit-rows tr")).stream()
          .map(r -> r.getAttribute("data-action")).toList();
      assertTrue(actions.stream().noneMatch(a -> a.startsWith("staff.") || a.equals("patient.list") || a.equals("audit.read")),
          "sign-ins, lists and audit reads are not what matters: " + actions);
      assertEquals(List.of(), b.axe(), "axe on the audit log");
      // older, then back
      b.driver.findElement(By.id("audit-older")).click();
      wait.until(d -> d.findElement(By.id("audit-page")).getText().equals("page 2"));
      assertTrue(b.driver.findElement(By.id("audit-rows")).getText().contains(shortId));
      b.driver.findElement(By.id("audit-newer")).click();
      wait.until(d -> d.findElement(By.id("audit-page")).getText().equals("page 1"));

      // the patient's short id and a date range
      b.driver.findElement(By.cssSelector("#audit-form input[name=patient]")).sendKeys(shortId);
      String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
      js(b).executeScript("var f = document.getElementById('audit-form'); f.from.value = arguments[0]; f.to.value = arguments[0];", today);
      js(b).executeScript("document.getElementById('status').textContent = ''");
      b.driver.findElement(By.cssSelector("#audit-form button[type=submit]")).click();
      // the table is redrawn when the answer comes: wait for it, then every row is this patient's
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> status(d).contains("50 entries") && d.findElements(By.cssSelector("#audit-rows tr td:nth-child(5)"))
              .stream().allMatch(td -> td.getText().equals(shortId)));
      assertEquals(50, b.driver.findElements(By.cssSelector("#audit-rows tr")).size(), "only this patient, a full page");

      // raw: every entry, the admin's own sign-in included
      js(b).executeScript("var f = document.getElementById('audit-form'); f.patient.value = ''; f.from.value = ''; f.to.value = '';");
      b.driver.findElement(By.id("audit-raw")).click();
      wait.until(d -> status(d).contains("(raw: every entry)"));
      wait.until(d -> !d.findElements(By.cssSelector("#audit-rows tr[data-action='staff.login']")).isEmpty());
      assertEquals("true", b.driver.findElement(By.id("audit-raw")).getAttribute("aria-pressed"));
      assertEquals(List.of(), b.axe(), "axe on the raw audit log");
      java.nio.file.Files.createDirectories(Widget.SCREENSHOTS);
      b.driver.findElement(By.id("audit-raw")).click();
      wait.until(d -> status(d).contains("(what matters)"));
      java.nio.file.Files.write(Widget.SCREENSHOTS.resolve("admin-audit-important.png"),
          b.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  @Test
  void retention_runs_from_a_button_after_a_confirmation_and_shows_what_it_did() throws Exception {
    int before = audited("retention.run").size();
    try (Browser b = new Browser()) {
      WebDriverWait wait = adminSignIn(b);
      tab(b, wait, "retention");
      wait.until(d -> d.findElement(By.id("retention-state")).getText().contains("removed after 365 days"));
      // cancelled: nothing runs
      b.driver.findElement(By.id("retention-run")).click();
      wait.until(d -> d.findElement(By.id("retention-dialog")).isDisplayed());
      assertTrue(b.driver.findElement(By.id("retention-dialog-what")).getText().contains("365 days"), "it says what will go");
      assertEquals(List.of(), b.axe(), "axe with the confirmation open");
      b.driver.findElement(By.cssSelector("#retention-dialog button[value=cancel]")).click();
      wait.until(d -> status(d).contains("Retention not run"));
      assertEquals(before, audited("retention.run").size());
      // confirmed: it runs and the result is shown in words
      b.driver.findElement(By.id("retention-run")).click();
      wait.until(d -> d.findElement(By.id("retention-dialog")).isDisplayed());
      b.driver.findElement(By.id("retention-confirm")).click();
      wait.until(d -> status(d).startsWith("Retention ran: "));
      String result = b.driver.findElement(By.id("retention-result")).getText();
      assertTrue(result.contains("Patients erased") && result.contains("Message texts removed"), result);
      wait.until(d -> d.findElement(By.id("retention-last")).getText().contains("an admin"));
      assertEquals(List.of(), b.axe(), "axe on the retention tab with a result");
    }
    assertEquals(before + 1, audited("retention.run").size(), "one run, audited");
  }

  @Test
  void a_researcher_downloads_the_export_for_a_date_range_from_a_form() throws Exception {
    fx.createStaff("rhea", "Rhea Stone", "researcher", "rhea's long passphrase");
    var s = fx.newSession();
    for (String step : List.of("I agree", "Yes, that's okay", "skip", "I slept better this week")) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), step).statusCode());
    }
    java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("mhai-downloads");
    try (Browser b = new Browser()) {
      b.driver.executeCdpCommand("Browser.setDownloadBehavior",
          java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      b.driver.get("http://127.0.0.1:" + fx.port() + "/portal/");
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(30));
      wait.until(d -> d.findElement(By.id("signin")).isDisplayed());
      b.driver.findElement(By.name("username")).sendKeys("rhea");
      b.driver.findElement(By.name("password")).sendKeys("rhea's long passphrase");
      b.driver.findElement(By.cssSelector("#login button")).click();
      wait.until(d -> d.findElement(By.id("research")).isDisplayed());
      assertTrue(!b.driver.findElement(By.id("queue")).isDisplayed(), "no queue for researchers");
      assertEquals(List.of(), b.axe(), "axe on the research export form");

      // every date shifts by at most 180 days: a range of a year either side holds every record
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
      new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.cssSelector("#research-form select[name=format]")))
          .selectByValue("csv");
      js(b).executeScript("var f = document.getElementById('research-form'); f.from.value = arguments[0]; f.to.value = arguments[1];",
          today.minusDays(365).toString(), today.plusDays(365).toString());
      b.driver.findElement(By.cssSelector("#research-form button")).click();
      wait.until(d -> status(d, "research-status").contains("Export started (CSV"));
      java.nio.file.Path csv = downloads.resolve("mhai-research-export.csv");
      wait.until(d -> java.nio.file.Files.exists(csv) && csvDone(csv));
      String body = java.nio.file.Files.readString(csv);
      assertTrue(body.startsWith("pid,conversation,seq,at,type"), body.substring(0, Math.min(80, body.length())));
      assertTrue(body.contains("patient_said"), "the patient's messages are in it");

      // a range before the service existed: the header and nothing else
      java.nio.file.Files.delete(csv);
      js(b).executeScript("var f = document.getElementById('research-form'); f.from.value = '1990-01-01'; f.to.value = '1990-12-31';");
      b.driver.findElement(By.cssSelector("#research-form button")).click();
      wait.until(d -> java.nio.file.Files.exists(csv) && csvDone(csv));
      assertEquals(1, java.nio.file.Files.readAllLines(csv).size(), "only the header");
      // a start after the end is refused on the page, before any request
      js(b).executeScript("var f = document.getElementById('research-form'); f.from.value = '2026-02-01'; f.to.value = '2026-01-01';");
      b.driver.findElement(By.cssSelector("#research-form button")).click();
      wait.until(d -> status(d, "research-status").contains("The start date is after the end date."));
    }
    List<String[]> exports = audited("research.export");
    assertEquals(2, exports.size());
    assertTrue(exports.get(0)[1].contains("\"from\": \"1990-01-01T00:00:00Z\"") && exports.get(0)[1].contains("\"to\": \"1991-01-01T00:00:00Z\"")
        && exports.get(0)[1].contains("\"complete\": true"), exports.get(0)[1]);
    var bad = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/research/export?from=2026-02-01&to=2026-01-01")
        .bearerTokenAuthentication(fx.login("rhea", "rhea's long passphrase")).send().await();
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsJsonObject().containsKey("errorId"));
  }

  static String status(WebDriver d, String id) {
    return d.findElement(By.id(id)).getText();
  }

  /** Chromium writes a download under a temporary name and renames it when it is complete. */
  static boolean csvDone(java.nio.file.Path csv) {
    try (var files = java.nio.file.Files.list(csv.getParent())) {
      return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void two_step_enrolment_shows_a_qr_code_drawn_by_the_server_that_decodes_to_the_key() throws Exception {
    fx.createStaff("tove", "Tove Lund", "therapist", "tove's long passphrase");
    try (Browser b = new Browser()) {
      WebDriverWait wait = portalSignIn(b, "tove", "tove's long passphrase");
      b.driver.findElement(By.id("totp-setup")).click();
      wait.until(d -> d.findElement(By.id("totp-dialog")).isDisplayed()
          && !d.findElements(By.cssSelector("#totp-new-qr svg path")).isEmpty());
      String uri = b.driver.findElement(By.id("totp-new-uri")).getText();
      String secret = b.driver.findElement(By.id("totp-new-secret")).getText();
      assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret), uri);
      String svg = (String) js(b).executeScript("return document.querySelector('#totp-new-qr svg').outerHTML");
      assertEquals(uri, decodeQr(svg), "the code scans to the same key");
      assertTrue(b.driver.findElement(By.cssSelector("#totp-new-qr svg")).isDisplayed());
      assertEquals(List.of(), b.axe(), "axe with the enrolment dialog open");
      b.driver.findElement(By.cssSelector("#totp-dialog button[value=cancel]")).click();
    }
  }

  /** The SVG's one-module-high runs back into pixels, decoded by ZXing's reader (as a phone's camera would). */
  static String decodeQr(String svg) throws Exception {
    var box = java.util.regex.Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertTrue(box.find(), svg.substring(0, Math.min(200, svg.length())));
    int w = Integer.parseInt(box.group(1));
    int h = Integer.parseInt(box.group(2));
    int scale = 4;
    int[] px = new int[w * scale * h * scale];
    java.util.Arrays.fill(px, 0xFFFFFFFF);
    var m = java.util.regex.Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
    while (m.find()) {
      int x = Integer.parseInt(m.group(1));
      int y = Integer.parseInt(m.group(2));
      int run = Integer.parseInt(m.group(3));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale * run; dx++) {
          px[(y * scale + dy) * w * scale + x * scale + dx] = 0xFF000000;
        }
      }
    }
    var source = new com.google.zxing.RGBLuminanceSource(w * scale, h * scale, px);
    return new com.google.zxing.qrcode.QRCodeReader().decode(
        new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)),
        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true)).getText();
  }

  /** Two browsers: the patient's widget and the portal, each seeing the other's presence and typing (never the text). */
  @Test
  void presence_and_typing_both_ways_between_the_widget_and_the_portal() throws Exception {
    HostPage site = new HostPage(fx.port());
    try (Browser staff = new Browser()) {
      WebDriverWait wait = portalSignIn(staff, "admin", AppFixture.ADMIN_PASSWORD);
      String patient;
      try (Browser patientBrowser = new Browser()) {
        Widget w = new Widget(patientBrowser).open(site.url(""));
        w.launchAndWaitForGreeting();
        io.vertx.core.json.JsonObject session = w.session(fx.port());
        try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
            "select c.patient_id from webchat_session s join conversation c on c.id = s.conversation_id where s.id = ?::uuid")) {
          st.setString(1, session.getString("sessionId"));
          ResultSet rs = st.executeQuery();
          rs.next();
          patient = rs.getString(1);
        }
        // a crisis puts the patient in the queue, where the row says they are online
        w.type("I want to kill myself tonight");
        wait.until(d -> d.findElements(By.cssSelector("#rows tr")).stream()
            .anyMatch(r -> r.getText().contains("online now")));

        // the patient page says so too, and the chat panel is live
        staff.driver.get("http://127.0.0.1:" + fx.port() + "/portal/#/patient/" + patient);
        wait.until(d -> d.findElement(By.id("p-presence")).getText().equals("● online now"));
        wait.until(d -> d.findElement(By.id("claim")).isDisplayed());
        staff.driver.findElement(By.id("claim")).click();
        wait.until(d -> d.findElement(By.id("staff-form")).isDisplayed());

        // staff types: the widget says "Administrator is typing…", and the text does not travel
        staff.driver.findElement(By.cssSelector("#staff-form input[name=text]")).sendKeys("I am here with you");
        w.until(d -> String.valueOf(w.inRoot("r.querySelector('.typing').textContent")).equals("Administrator is typing…"));
        assertTrue(w.messages().stream().noneMatch(m -> m.contains("I am here with you")), "typing is not sending");

        // the patient types: the portal says "Patient is typing…"
        w.el("textarea").sendKeys("thank you, I");
        wait.until(d -> d.findElement(By.id("chat-typing")).getText().equals("Patient is typing…"));
        assertTrue(!staff.driver.findElement(By.id("chat")).getText().contains("thank you, I"), "only the signal, not the text");
        assertEquals(List.of(), staff.axe(), "axe on the patient page with presence and typing shown");
        assertEquals(List.of(), w.b.axe(), "axe on the widget during the takeover");
      }
      // the patient's browser is gone: last seen, and the typing line is cleared
      wait.until(d -> d.findElement(By.id("p-presence")).getText().startsWith("last seen"));
      assertEquals("", staff.driver.findElement(By.id("chat-typing")).getText());
      staff.driver.findElement(By.id("release")).click();
    } finally {
      site.close();
    }
  }
}
