// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Telegram {@code /mood} against {@link FakeBotApi}: after a check-in with a note, a sendPhoto
 * upload (multipart, as Telegram wants it) carrying a real PNG chart, whose caption is the text
 * summary with the note; with no entries, a plain message that says how to add one.
 */
class TelegramMoodTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static FakeBotApi api;
  static AppFixture fx;

  @BeforeAll
  static void start() {
    api = FakeBotApi.start();
    fx = AppFixture.start(Map.of("MHAI_TELEGRAM_TOKEN", "4343:TEST-TOKEN", "MHAI_TELEGRAM_API_URL", api.url()));
  }

  @AfterAll
  static void stop() {
    fx.close();
    api.close();
  }

  static List<FakeBotApi.Call> photos(long chat) {
    return api.calls("sendPhoto").stream().filter(c -> c.status() == 200)
        .filter(c -> String.valueOf(chat).equals(c.body().getString("chat_id"))).toList();
  }

  @Test
  void mood_sends_the_trend_as_a_png_with_the_summary_and_the_note_as_its_caption() throws Exception {
    long chat = 3001;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "I agree");
    api.awaitMessage(chat, 2, m -> m.getString("text").toLowerCase().contains("research"), WAIT);
    int n = api.sent(chat).size();
    api.pushText(chat, "No thanks");
    api.awaitMessage(chat, n, m -> m.getString("text").contains("0 (very bad) to 10"), WAIT);
    n = api.sent(chat).size();
    api.pushText(chat, "8");
    api.awaitMessage(chat, n, m -> m.getString("text").contains("in a few words"), WAIT);
    n = api.sent(chat).size();
    api.pushText(chat, "long walk, felt lighter");
    api.awaitMessage(chat, n, m -> m.getString("text").contains("Thanks for checking in"), WAIT);
    FakeBotApi.sleep(300);
    int before = api.sent(chat).size();

    api.pushText(chat, "/mood");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (photos(chat).isEmpty() && System.nanoTime() < deadline) {
      FakeBotApi.sleep(50);
    }
    List<FakeBotApi.Call> photos = photos(chat);
    assertEquals(1, photos.size(), "one sendPhoto: " + api.calls("sendPhoto"));
    JsonObject body = photos.get(0).body();
    assertEquals("mood.png", body.getString("photo.filename"));
    assertEquals("image/png", body.getString("photo.contentType"));
    byte[] png = Base64.getDecoder().decode(body.getString("photo"));
    assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1), "PNG signature");
    java.nio.file.Files.createDirectories(Widget.SCREENSHOTS);
    java.nio.file.Files.write(Widget.SCREENSHOTS.resolve("telegram-mood.png"), png); // to look at
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(800, image.getWidth());
    assertEquals(520, image.getHeight());

    String caption = body.getString("caption");
    assertTrue(caption.contains("Last 14 days: 1 entry, 8."), caption);
    assertTrue(caption.contains("Last 90 days: 1 entry, 8."), caption);
    assertTrue(caption.contains("8/10: long walk, felt lighter"), caption);
    assertTrue(caption.length() <= 1024);
    FakeBotApi.sleep(500);
    assertEquals(before, api.sent(chat).size(), "the caption is the summary: no extra text message");
  }

  @Test
  void mood_with_no_entries_says_how_to_add_one() {
    long chat = 3002;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "/mood");
    JsonObject m = api.awaitMessage(chat, 2, x -> x.getString("text").contains("/checkin"), WAIT);
    assertTrue(m.getString("text").contains("no mood entries"), m.getString("text"));
    assertTrue(photos(chat).isEmpty());
  }
}
