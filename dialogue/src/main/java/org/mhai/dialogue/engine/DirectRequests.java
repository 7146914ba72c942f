// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.understand.Request;

/**
 * (3) Direct requests, from any state: a person, "are you a bot?", numbers that don't work here; the crisis
 * policy's rules first, then "are you a bot?" as the request reader heard it.
 */
final class DirectRequests implements Policy {
  private final CrisisPolicy crisis;

  DirectRequests(CrisisPolicy crisis) {
    this.crisis = crisis;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    Optional<Decision> request = crisis.request(r.state, message.assessed(), r.events);
    if (request.isEmpty() && message.asks(Request.ASK_IS_BOT)) {
      r.say(r.m.get("request.bot")); // "is this an actual person?" in words the rules above do not know
      return Optional.of(r.decision());
    }
    if (request.isEmpty()) {
      return Optional.empty();
    }
    List<Reply> replies = new ArrayList<>(r.replies);
    replies.addAll(request.get().replies());
    return Optional.of(new Decision(request.get().events(), replies, request.get().effects()));
  }
}
