// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.understand.Request;

/** The reading is an extra like the others: read on its pool, and a broken or saturated pool is no reading, never a failed turn. */
class RequestReadingTest {
  private final Vertx vertx = Vertx.vertx();
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void close() {
    never.countDown();
    vertx.close().await();
  }

  @Test
  void a_message_is_read_on_the_pool() {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("nlp-test", 1);
    assertEquals(Request.ASK_PHQ9, RequestReading.load(pool).read("I'd like to take the PHQ-9", Request.Context.FREE)
        .await().orElseThrow().request());
  }

  @Test
  void a_closed_pool_gives_no_reading() {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("nlp-closed", 1);
    RequestReading reading = RequestReading.load(pool);
    pool.close().await();
    assertEquals(Optional.empty(), reading.read("I'd like to take the PHQ-9", Request.Context.FREE).await());
  }

  @Test
  void a_saturated_pool_gives_no_reading_after_the_timeout() {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("nlp-busy", 1);
    RequestReading reading = RequestReading.load(pool);
    pool.executeBlocking(() -> {
      never.await();
      return null;
    }, false);
    assertEquals(Optional.empty(), reading.read("I'd like to take the PHQ-9", Request.Context.FREE).await());
  }
}
