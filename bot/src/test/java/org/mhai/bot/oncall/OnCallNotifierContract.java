// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.dialogue.escalation.Escalation;

/**
 * What every {@link OnCallNotifier} must do. A concrete subclass per implementation only says how to
 * build it over a working backend, how to build it over a backend that fails for real (a port nobody
 * listens on), and what that backend received.
 *
 * <p>The rules: every alert reaches a working backend and names the escalation, never the patient; a
 * failing backend is reported through the returned future (failed), never thrown at the caller, and
 * the future always completes, so the patient's conversation and the other channels go on.
 */
public abstract class OnCallNotifierContract {

  /** Only a guard against a hang (the rule is "always completes"): not a measure of speed. */
  private static final long HANG_GUARD_SECONDS = 60;

  protected abstract OnCallNotifier notifier();

  protected abstract OnCallNotifier notifierWithFailingBackend();

  /** What the working backend received about escalation {@code e}, as text (one entry per message). */
  protected abstract List<String> delivered(Escalation e);

  /** False only for a notifier that has no backend of its own to fail (it then reports success). */
  protected boolean hasBackend() {
    return true;
  }

  /** The outcome of {@code f}: null when it succeeded, else its failure. */
  private static Throwable outcome(Future<Void> f) throws Exception {
    CompletableFuture<Void> done = f.toCompletionStage().toCompletableFuture();
    try {
      done.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException failed) {
      return failed.getCause();
    }
  }

  @ParameterizedTest
  @EnumSource(Alert.class)
  void every_alert_reaches_a_working_backend_and_names_the_escalation(Alert alert) throws Exception {
    Escalation e = TestEscalations.crisis("high");
    Throwable failure = outcome(notifier().notify(e, alert));
    assertEquals(null, failure, "a working backend: " + failure);
    List<String> got = delivered(e);
    assertFalse(got.isEmpty(), "nothing delivered for " + alert);
    assertTrue(got.stream().allMatch(m -> m.contains(e.id().toString())), got.toString());
  }

  @ParameterizedTest
  @EnumSource(Alert.class)
  void what_is_delivered_never_names_the_patient(Alert alert) throws Exception {
    for (Escalation e : List.of(TestEscalations.crisis("imminent"), TestEscalations.patientRequest())) {
      outcome(notifier().notify(e, alert));
      for (String m : delivered(e)) {
        assertFalse(m.contains(e.patientId().toString()), m);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Alert.class)
  void a_failing_backend_fails_the_future_and_never_the_caller(Alert alert) throws Exception {
    OnCallNotifier broken = notifierWithFailingBackend();
    Future<Void> sent = assertDoesNotThrow(() -> broken.notify(TestEscalations.crisis("high"), alert));
    Throwable failure = outcome(sent);
    assertEquals(hasBackend(), failure != null, "failure reported through the future: " + failure);
  }
}
