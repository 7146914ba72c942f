// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.understand.Request;

/**
 * (3) Direct requests, from any state: a person, "are you a bot?", numbers that don't work here; the crisis
 * policy's rules first, then "are you a bot?" as the request reader heard it.
 */
final class DirectRequests implements Policy {
  /**
   * A person asked for, not merely named: talking or writing to someone, and a person ("Ok so the psychiatrist can prescribe
   * meds", "voy a hacer cita con mi doctor" are read as ASK_HUMAN by the reader and are not requests to the care team).
   */
  private static final java.util.regex.Pattern TO_A_PERSON = java.util.regex.Pattern.compile(
      "\\b(?:talk|speak|chat|write|message|text|get in touch|contact|connect|put me through|hablar(?:lo|la|le)?|platicar(?:lo)?|"
          + "escribir|contactar|comunicarme|pasar(?:me)? con|poner(?:me)? con|me pasas con|me pones con|pasame con|ponme con)\\b[^.!?]{0,40}\\b(?:human|person|someone|somebody|real|therapist|staff|counsell?or|clinician|"
          + "nurse|team|alguien|persona|humano|terapeuta|profesional|equipo|psicolog[oa])"
          + "|\\b(?:real|actual|live) (?:person|human)\\b|\\b(?:persona|humano) (?:real|de verdad)\\b");

  private final CrisisPolicy crisis;

  DirectRequests(CrisisPolicy crisis) {
    this.crisis = crisis;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    Optional<Decision> request = crisis.request(r.state, message.assessed(), r.events);
    if (request.isEmpty() && message.asks(Request.ASK_IS_BOT)) {
      r.say(r.fresh("request.bot")); // "is this an actual person?" in words the rules above do not know
      return Optional.of(r.decision());
    }
    if (request.isEmpty() && message.asks(Request.ASK_HUMAN) && r.state.serviceConsent().equals(Optional.of(true))
        && TO_A_PERSON.matcher(org.mhai.dialogue.crisis.Plain.of(message.turn().text())).find()) {
      // "can I talk to a real person" in words the rules above do not know: the care team is asked, from any state.
      int n = r.state.handoffs() + 1;
      r.add(new DialogueEvent.HandoffRequested(r.at, n));
      r.effects.add(new Effect.RequestHandoff(n));
      r.say(r.m.get("request.human"));
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
