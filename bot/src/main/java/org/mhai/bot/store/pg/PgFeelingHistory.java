// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.FeelingHistory;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.PatientId;

/**
 * The recommender's reading of the conversation log: the patient's latest messages (decrypted through
 * {@link PgConversationStore}) with the {@code emotion_assessed} scores recorded for each, and the latest
 * {@code mood_recorded} of the patient.
 */
public final class PgFeelingHistory implements FeelingHistory {
  private final Pool pool;
  private final PgConversationStore store;

  public PgFeelingHistory(Pool pool, PgConversationStore store) {
    this.pool = pool;
    this.store = store;
  }

  @Override
  public Future<List<Felt>> latestPatientMessages(Conversation c, Instant since, int limit) {
    return pool.preparedQuery("select p.seq, p.type, p.at, p.in_reply_to, p.key_id, p.body, p.data, "
            + "(select e.data from conversation_event e where e.conversation_id = p.conversation_id and e.seq > p.seq "
            + "and e.type = 'emotion_assessed' and e.data->>'messageSeq' = p.seq::text order by e.seq limit 1) as emotion "
            + "from conversation_event p where p.conversation_id = $1 and p.type = 'patient_said' and p.at >= $2 "
            + "order by p.seq desc limit $3")
        .execute(Tuple.of(c.id().value(), since.atOffset(ZoneOffset.UTC), limit))
        .compose(rows -> store.decodeRows(rows, row -> c.id(), (row, e) -> e instanceof DialogueEvent.PatientSaid said
            ? Optional.of(new Felt(row.getLong("seq"), said.at(), said.text(), ekman((JsonObject) row.getJson("emotion"))))
            : Optional.empty()));
  }

  @Override
  public Future<Optional<Mood>> latestMood(PatientId patient) {
    return pool.preparedQuery("select (e.data->>'score')::int as score, e.at from conversation_event e "
            + "join conversation c on c.id = e.conversation_id where c.patient_id = $1 and e.type = 'mood_recorded' "
            + "order by e.at desc, e.seq desc limit 1")
        .execute(Tuple.of(patient.value()))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Mood(row.getInteger("score"), row.getOffsetDateTime("at").toInstant()));
        });
  }

  private static Map<String, Double> ekman(JsonObject emotion) {
    Map<String, Double> out = new LinkedHashMap<>();
    JsonObject scores = emotion == null ? null : emotion.getJsonObject("ekman");
    if (scores != null) {
      scores.forEach(en -> out.put(en.getKey(), ((Number) en.getValue()).doubleValue()));
    }
    return out;
  }
}
