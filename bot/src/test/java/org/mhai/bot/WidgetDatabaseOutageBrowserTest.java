// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The widget in real headless Chromium while the service's database is unreachable (issue #15): a
 * crisis message typed then is not stored, but the crisis words and helplines are shown at once
 * and pinned; the message waits in the outbox and is delivered once when the database is back.
 */
class WidgetDatabaseOutageBrowserTest {
  static TcpProxy proxy;
  static AppFixture fx;
  static HostPage site;

  @BeforeAll
  static void start() throws Exception {
    proxy = TcpProxy.forFreshDatabase();
    fx = AppFixture.start(Map.of("MHAI_DATABASE_URL", proxy.databaseUrl()));
    site = new HostPage(fx.port());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.restore();
    site.close();
    fx.close();
    proxy.close();
  }

  @Test
  void the_helplines_show_at_once_and_the_message_is_delivered_once_when_the_database_returns() throws Exception {
    try (Browser b = new Browser()) {
      Widget w = new Widget(b).open(site.url(""));
      w.launchAndWaitForGreeting();
      w.consent();
      proxy.cut();
      try {
        w.type("I want to kill myself tonight");
        w.until(d -> w.messages().stream().anyMatch(m -> m.contains("not seen it yet")));
        assertEquals(Boolean.FALSE, w.inRoot("r.querySelector('.crisis').hidden"), "the helplines are pinned");
        assertTrue(String.valueOf(w.inRoot("r.querySelector('.crisis').textContent")).contains("988"));
        assertEquals(1L, w.pending(), "the message waits to be stored");
        w.screenshot("widget-database-down-crisis.png");
      } finally {
        proxy.restore();
      }
      w.until(d -> w.pending() == 0 && w.messages().stream().anyMatch(m -> m.contains("Are you somewhere safe")));
      Thread.sleep(1000);
      List<String> shown = w.messages();
      assertEquals(1, shown.stream().filter("I want to kill myself tonight"::equals).count(), shown.toString());
      assertEquals(1, shown.stream().filter(m -> m.contains("not seen it yet")).count(), "the unsaved reply once: " + shown);
    }
  }
}
