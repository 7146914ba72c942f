// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.EmergencyNumbers;
import org.mhai.dialogue.crisis.Helplines;

/**
 * The end-to-end sample of issue #21's scenario suite: every fifth risk conversation the independent
 * writers wrote (dialogue/src/test/resources/clinical, English and Spanish) played through the real
 * web chat API of the whole service, with the full risk detector (lexicon + fine-tuned classifier),
 * PostgreSQL and the escalation table. The checks that can be read from outside are checked here:
 * `helplines`, `emergency`, `no-reassure` on the replies, and `escalation=none|>=high|>=imminent`
 * on the stored escalations. The whole suite, with every check word, runs in dialogue (pure decide).
 */
class ClinicalSuiteWebChatTest {
  private static final Pattern REASSURE = Pattern.compile("(?i)glad (?:you'?re|you are|things|it helped|you feel|that was)"
      + "|good to hear|me alegra que (?:est[eé]s|las cosas|te haya)|qu[eé] bien");
  static AppFixture fx;

  record Turn(String text, List<String> checks) {}

  record Conversation(String id, String locale, String cls, String start, List<Turn> turns) {}

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_CHAT_RATE_PER_MINUTE", "1000"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a_sample_of_the_writers_risk_conversations_behaves_through_web_chat() throws Exception {
    List<Conversation> sample = new ArrayList<>();
    for (String file : List.of("conversations-en.txt", "conversations-es.txt")) {
      List<Conversation> all = load(Path.of("../dialogue/src/test/resources/clinical", file));
      for (int i = 0; i < all.size(); i += 5) {
        sample.add(all.get(i));
      }
    }
    List<String> failures = new ArrayList<>();
    int checks = 0;
    for (Conversation c : sample) {
      boolean es = c.locale().startsWith("es");
      JsonObject session = session(c.locale());
      if (c.start().equals("chatting")) {
        post(session, es ? "Estoy de acuerdo" : "I agree");
        post(session, es ? "No, gracias" : "No thanks");
        post(session, es ? "saltar" : "skip");
      }
      for (int t = 0; t < c.turns().size(); t++) {
        Turn turn = c.turns().get(t);
        String said = post(session, turn.text());
        String level = escalationLevel(session);
        for (String check : turn.checks()) {
          Boolean held = holds(check, c.locale(), turn.text(), said, level);
          if (held == null) {
            continue; // read only inside the dialogue suite
          }
          checks++;
          if (!held) {
            failures.add(c.id() + " #" + (t + 1) + " " + check + ": " + turn.text() + " => [" + level + "] "
                + said.replace('\n', ' '));
          }
        }
      }
    }
    System.out.println("clinical e2e sample: " + sample.size() + " conversations, " + checks + " checks, "
        + failures.size() + " failed");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertEquals(List.of(), failures);
  }

  @Test
  void a_sample_of_the_writers_risk_conversations_behaves_through_telegram() throws Exception {
    List<Conversation> sample = new ArrayList<>();
    for (String file : List.of("conversations-en.txt", "conversations-es.txt")) {
      List<Conversation> all = load(Path.of("../dialogue/src/test/resources/clinical", file));
      for (int i = 2; i < all.size(); i += 20) {
        sample.add(all.get(i));
      }
    }
    FakeBotApi api = FakeBotApi.start();
    AppFixture tg = AppFixture.start(Map.of("MHAI_TELEGRAM_TOKEN", "4242:TEST-TOKEN", "MHAI_TELEGRAM_API_URL", api.url(),
        "MHAI_CHAT_RATE_PER_MINUTE", "1000"));
    List<String> failures = new ArrayList<>();
    int checks = 0;
    // Telegram paces each chat at about one message a second, so the conversations are played four at a time, each in
    // its own chat (the sample took 200 s one after another; CI time, session 15).
    java.util.concurrent.ExecutorService players = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Played>> played = new ArrayList<>();
      long chat = 9000;
      for (Conversation c : sample) {
        long id = ++chat;
        played.add(players.submit(() -> playOnTelegram(api, tg, id, c)));
      }
      for (java.util.concurrent.Future<Played> f : played) {
        Played p = f.get(10, java.util.concurrent.TimeUnit.MINUTES);
        checks += p.checks();
        failures.addAll(p.failures());
      }
    } finally {
      players.shutdownNow();
      tg.close();
      api.close();
    }
    System.out.println("clinical e2e sample (Telegram): " + sample.size() + " conversations, " + checks + " checks, "
        + failures.size() + " failed");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertEquals(List.of(), failures);
  }

  record Played(int checks, List<String> failures) {}

  /** One conversation in its own chat: every check word read on Telegram, the failures named. */
  private static Played playOnTelegram(FakeBotApi api, AppFixture tg, long chat, Conversation c) throws Exception {
    List<String> failures = new ArrayList<>();
    int checks = 0;
    boolean es = c.locale().startsWith("es");
    String lang = es ? "es" : "en";
    api.pushText(chat, "/start", lang);
    api.awaitSent(chat, 2, java.time.Duration.ofSeconds(20));
    if (c.start().equals("chatting")) {
      for (String answer : es ? List.of("Estoy de acuerdo", "No, gracias", "saltar") : List.of("I agree", "No thanks", "skip")) {
        said(api, chat, lang, answer);
      }
    }
    for (int t = 0; t < c.turns().size(); t++) {
      Turn turn = c.turns().get(t);
      String said = said(api, chat, lang, turn.text());
      String level = telegramEscalationLevel(tg, chat);
      for (String check : turn.checks()) {
        // Telegram knows the language, not the country: lines are checked for the language's default list
        Boolean held = holds(check, lang, turn.text(), said, level);
        if (held == null || check.equals("emergency")) {
          continue;
        }
        checks++;
        if (!held) {
          failures.add(c.id() + " #" + (t + 1) + " " + check + ": " + turn.text() + " => [" + level + "] "
              + said.replace('\n', ' '));
        }
      }
    }
    return new Played(checks, failures);
  }

  /** Sends a patient message on Telegram and returns what the bot sent back once it fell quiet. */
  private static String said(FakeBotApi api, long chat, String lang, String text) {
    int before = api.sent(chat).size();
    api.pushText(chat, text, lang);
    api.awaitSent(chat, before + 1, java.time.Duration.ofSeconds(20));
    int seen = -1;
    while (seen != api.sent(chat).size()) {
      seen = api.sent(chat).size();
      FakeBotApi.sleep(1_200); // paced at about one message a second per chat
    }
    StringBuilder sb = new StringBuilder();
    api.sent(chat).subList(before, api.sent(chat).size()).forEach(m -> sb.append(m.getString("text")).append('\n'));
    return sb.toString();
  }

  private static String telegramEscalationLevel(AppFixture tg, long chat) throws Exception {
    try (Connection c = TestServices.jdbc(tg.schema); var st = c.prepareStatement(
        "select e.level, e.episode from escalation e join telegram_chat t on t.conversation_id = e.conversation_id "
            + "where t.chat_id = ?")) {
      st.setLong(1, chat);
      return best(st.executeQuery());
    }
  }

  private static Boolean holds(String check, String locale, String message, String said, String level) {
    return switch (check) {
      case "helplines" -> Helplines.defaults().forLocale(locale, Helplines.Kind.CRISIS).stream()
          .filter(l -> !l.number().equals("112") && !l.number().equals("911")).anyMatch(l -> said.contains(l.number()));
      case "emergency" -> said.contains(EmergencyNumbers.forLocale(locale))
          || locale.endsWith("IE") && said.contains("999")
          || EmergencyNumbers.named(org.mhai.dialogue.crisis.Plain.of(message)).map(said::contains).orElse(false);
      case "no-reassure" -> !REASSURE.matcher(said).find();
      case "escalation=none" -> level.equals("none");
      case "escalation>=high" -> level.equals("high") || level.equals("imminent");
      case "escalation>=imminent" -> level.equals("imminent");
      default -> null;
    };
  }

  /**
   * The highest level of the conversation's crisis escalations; "request" when only a request for a
   * person is on the queue (stored with a negative episode); "none" when nothing is.
   */
  private static String escalationLevel(JsonObject session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.level, e.episode from escalation e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid")) {
      st.setString(1, session.getString("sessionId"));
      return best(st.executeQuery());
    }
  }

  private static String best(ResultSet rs) throws java.sql.SQLException {
    {
      String best = "none";
      while (rs.next()) {
        String l = rs.getInt(2) > 0 ? rs.getString(1) : "request";
        if (l.equals("request") && best.equals("none")) {
          best = "request";
          continue;
        }
        if (l.equals("imminent") || !best.equals("imminent") && (l.equals("high") || l.equals("medium") && !best.equals("high"))) {
          best = l;
        }
      }
      return best;
    }
  }

  private static JsonObject session(String locale) {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject().put("locale", locale)).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static String post(JsonObject session, String text) {
    HttpResponse<Buffer> r = fx.post(session, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    StringBuilder sb = new StringBuilder();
    r.bodyAsJsonObject().getJsonArray("replies").forEach(o -> sb.append(((JsonObject) o).getString("text")).append('\n'));
    return sb.toString();
  }

  static List<Conversation> load(Path file) throws IOException {
    List<Conversation> out = new ArrayList<>();
    String id = null;
    String locale = "en";
    String cls = "";
    String start = "chatting";
    List<Turn> turns = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("### id:")) {
        if (id != null) {
          out.add(new Conversation(id, locale, cls, start, List.copyOf(turns)));
        }
        id = line.substring(7).trim();
        turns = new ArrayList<>();
      } else if (line.startsWith("locale:")) {
        locale = line.substring(7).trim();
      } else if (line.startsWith("class:")) {
        cls = line.substring(6).trim();
      } else if (line.startsWith("start:")) {
        start = line.substring(6).trim();
      } else if (line.startsWith(">")) {
        turns.add(new Turn(line.substring(1).trim(), List.of()));
      } else if (line.startsWith("=") && !turns.isEmpty()) {
        List<String> checks = new ArrayList<>();
        for (String c : line.substring(1).split(",")) {
          if (!c.isBlank()) {
            checks.add(c.trim());
          }
        }
        Turn last = turns.remove(turns.size() - 1);
        turns.add(new Turn(last.text(), checks));
      }
    }
    if (id != null) {
      out.add(new Conversation(id, locale, cls, start, List.copyOf(turns)));
    }
    return out;
  }
}
