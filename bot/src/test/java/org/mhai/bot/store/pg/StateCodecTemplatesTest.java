// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.junit.jupiter.api.Test;

/**
 * The cached state keeps the ids of the replies a conversation used (never their text) and when the last ordinary one was
 * given, as the fold has them.
 */
class StateCodecTemplatesTest {
  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void the_replies_used_survive_the_cache() {
    DialogueState folded = DialogueState.fold(List.of(new DialogueEvent.TemplateUsed(AT, "topic.sleep.r1"),
        new DialogueEvent.TemplateUsed(AT, "exercise.ask.2"), new DialogueEvent.TemplateUsed(AT, "topic.sleep.r1")));
    assertEquals(List.of("exercise.ask.2", "topic.sleep.r1"), folded.templatesUsed());
    assertEquals(folded, StateCodec.decode(StateCodec.encode(folded)));
  }

  /** When the bot last answered ordinary talk (H52) survives the cache; the gentle check is not ordinary talk. */
  @Test
  void the_time_of_the_last_ordinary_reply_survives_the_cache() {
    DialogueState folded = DialogueState.fold(List.of(new DialogueEvent.TemplateUsed(AT, "topic.sleep.r1"),
        new DialogueEvent.TemplateUsed(AT.plusSeconds(60), DialogueState.GENTLE_CHECK)));
    assertEquals(java.util.Optional.of(AT), folded.lastChatAt());
    assertEquals(folded, StateCodec.decode(StateCodec.encode(folded)));
    JsonObject old = StateCodec.encode(folded);
    old.remove("lastChatAt");
    assertEquals(java.util.Optional.empty(), StateCodec.decode(old).lastChatAt());
  }

  @Test
  void a_state_cached_before_them_reads_as_none_used() {
    JsonObject old = StateCodec.encode(DialogueState.INITIAL);
    old.remove("templatesUsed");
    assertEquals(List.of(), StateCodec.decode(old).templatesUsed());
  }
}
