// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mhai.dialogue.BoundedMatch;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.FlowCursor;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.checkin.MoodParser;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.IntentClassifier;
import org.mhai.dialogue.text.Messages;
import org.mhai.dialogue.understand.Request;

/**
 * (8) The running flow reads the answer to the node it waits at: an option, a captured value,
 * feedback on an exercise. It gives way to free chat (passes the turn) when the patient asks for
 * an exercise in words, or when an answer could not be read twice: the patient wants to talk.
 */
final class RunningFlow implements Policy {
  /** The same exercise again, asked for after it ("can we do it again?", "¿podemos repetirlo?"). */
  static final java.util.regex.Pattern AGAIN = java.util.regex.Pattern.compile("\\b(?:repetirlo|repetirla|repetir el ejercicio"
      + "|hacerlo (?:otra vez|de nuevo)|(?:do|try|repeat) (?:it|that|this)(?: one)? (?:again|once more)|repeat (?:it|that)\\b"
      + "|one more time|otra vez el mismo)"
      // session 11 (ninth everyday set): "yes show me" to "did that help?": not done yet, shown once more
      + "|^(?:(?:yes|yeah|yep|ok|okay|sure|si|vale)[,.!]? )?(?:please )?(?:show me|walk me through it|muestramelo|ensenamelo)"
      + "(?: (?:how|please|again|porfa|otra vez))?[.!]*$");
  static final Set<String> SKIP_WORDS = Set.of("skip", "later", "not now", "saltar", "luego", "ahora no", "/skip");

  private final FlowRunner runner;

  RunningFlow(FlowRunner runner) {
    this.runner = runner;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    return r.before.flow().isPresent() && input(r, message) ? Optional.of(r.decision())
        : Optional.empty();
  }

  /** A greeting or thanks where the flow waits: answered, then the same question again (nothing recorded). */
  private static boolean greeted(Run r, Message message, Reply again) {
    return greeted(r, message, () -> again);
  }

  /** As above, the question built (its words chosen and remembered) only when it is asked. */
  private static boolean greeted(Run r, Message message, java.util.function.Supplier<Reply> question) {
    if (!message.greetsOrThanks()) {
      return false;
    }
    String hello = r.fresh(message.greetingKey());
    Reply again = question.get();
    r.replies.add(new Reply(hello + "\n" + again.text(), again.quickReplies()));
    return true;
  }

  /** The patient answered the node the flow waits at; false when the flow gave way to free chat. */
  private boolean input(Run r, Message message) {
    String said = message.turn().text();
    FlowCursor cursor = r.state.flow().orElseThrow();
    Optional<Flow> pinned = runner.flows().version(cursor.flowId(), cursor.version());
    Optional<Node> node = pinned.flatMap(f -> f.node(cursor.node()));
    if (node.isEmpty()) {
      r.add(new DialogueEvent.FlowEnded(r.at, cursor.flowId(), FlowEnded.Reason.MISSING));
      return false;
    }
    Flow flow = pinned.get();
    String text = said.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (node.get() instanceof Node.Question q) {
      Optional<Node.Option> chosen = q.options().stream()
          .filter(o -> o.label().matches(text) || o.value().equalsIgnoreCase(text)).findFirst();
      if (chosen.isEmpty() && q.record().equals(Optional.of("consent_service")) && ConsentGate.agreesInWords(text)) {
        chosen = q.options().stream().filter(o -> o.value().equals("yes")).findFirst(); // consent in the patient's own words
      }
      if (chosen.isEmpty() && q.record().isEmpty() && TopicReplies.TALK.matcher(Plain.of(text)).find() && TopicReplies.onATopic(r.state)) {
        // "can we talk more about that" to an offer, after the bot said back a problem: free chat stays with it
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false;
      }
      if (chosen.isEmpty() && q.record().isEmpty()) {
        chosen = yesOrNo(q, text); // "Sí, un ejercicio estaría bien" to "Would you like to try a short exercise?"
      }
      if (chosen.isPresent()) {
        Node.Option o = chosen.get();
        q.slot().ifPresent(s -> r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), s, o.value())));
        q.record().ifPresent(kind -> consent(r, kind, o.value()));
        runner.enter(r, flow, o.next() != null ? o.next() : q.next().orElseThrow(), 0);
        return true;
      }
      if (greeted(r, message, new Reply(FlowRunner.fill(q.text(), r),
          q.options().stream().map(o -> o.label().get(r.lang())).toList()))) {
        return true;
      }
      if (q.otherwise().isPresent()) {
        runner.enter(r, flow, q.otherwise().get(), 0);
        return true;
      }
      Reply again = new Reply(FlowRunner.fill(q.text(), r), q.options().stream().map(o -> o.label().get(r.lang())).toList());
      Optional<String> heard = q.record().equals(Optional.of("consent_service")) ? Optional.empty()
          : TopicReplies.captured(r, message.turn());
      if (heard.isPresent()) {
        // a problem shared instead of an answer ("ive not been sleeping well" to the research question): said back,
        // then the same question again; nothing recorded, the flow waits where it was
        r.replies.add(new Reply(heard.get() + "\n" + again.text(), again.quickReplies()));
        return true;
      }
      if (q.record().equals(Optional.of("consent_service"))) {
        // Consent cannot be skipped by unmatched replies: the question returns, however often.
        r.add(new DialogueEvent.FlowInputNotUnderstood(r.at, flow.id(), cursor.node()));
        r.replies.add(new Reply(r.m.get("flow.retry.options") + "\n" + again.text(), again.quickReplies()));
        return true;
      }
      if (asksForExercise(text)) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false; // "can I just do a breathing exercise, I've a job interview in an hour": free chat offers one
      }
      if (q.record().equals(Optional.of("consent_research")) && text.split("\\s+").length >= 4 && !text.contains("?")) {
        // The optional research question met with what is on the patient's mind ("just need to sort my head out before uni
        // exams, I've got 4 in a week"): left unanswered (nothing recorded: no research use; "/consent" changes it) and the
        // message answered, never "Please choose one of the options" (everyday set 6, ev6-en-071).
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false;
      }
      return notUnderstood(r, flow, cursor, r.m.get("flow.retry.options"), again);
    }
    if (node.get() instanceof Node.Capture c) {
      if (c.optional() && SKIP_WORDS.contains(lower)) {
        r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), c.slot(), "skipped"));
        runner.enter(r, flow, c.next(), 0);
        return true;
      }
      Optional<String> value = validate(c.validation(), text);
      boolean freeText = value.isPresent() && value.get().equals("provided");
      if ((value.isEmpty() || freeText) && greeted(r, message, new Reply(FlowRunner.fill(c.text(), r),
          c.quickReplies().stream().map(t -> t.get(r.lang())).toList()))) {
        return true;
      }
      if (value.isPresent()) {
        captured(r, flow, c, text, value.get());
        if (freeText) { // "everyone moved away after college and I'm lonely" to "how do you feel?": said back first
          TopicReplies.captured(r, message.turn()).ifPresent(r::say);
        }
        runner.enter(r, flow, c.next(), 0);
        return true;
      }
      Reply again = new Reply(FlowRunner.fill(c.text(), r), c.quickReplies().stream().map(t -> t.get(r.lang())).toList());
      String retry = c.retryText().map(t -> t.get(r.lang())).orElse(r.m.get("flow.retry.capture"));
      if (asksForExercise(text)) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false;
      }
      Optional<String> heard = TopicReplies.captured(r, message.turn());
      if (heard.isPresent()) {
        // "I haven't been sleeping well and work is stressing me out" to "from 0 to 10?": said back, then the same
        // question, not "I didn't quite catch a number" (seen through the packaged jar, session 12); nothing recorded
        r.replies.add(new Reply(heard.get() + "\n" + again.text(), again.quickReplies()));
        return true;
      }
      if (message.asks(Request.OFF_TOPIC)) {
        // "quien gano el clasico ayer" at the mood question (seen through the packaged jar, session 15): the honest
        // redirect, then the same question; not "I didn't quite catch a number", nothing recorded
        r.replies.add(new Reply(r.m.get("request.off_topic.flow") + "\n" + again.text(), again.quickReplies()));
        return true;
      }
      return notUnderstood(r, flow, cursor, retry, again);
    }
    if (node.get() instanceof Node.Recommend rec) {
      Optional<String> button = button(lower, r.m);
      Optional<Flow> exerciseFlow = runner.flows().published("exercise");
      if (button.isEmpty() && AGAIN.matcher(Plain.of(text)).find() && exerciseFlow.isPresent() && !r.state.exercises().isEmpty()) {
        // "¿Podemos repetirlo hoy?": the same exercise once more, no feedback recorded
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        r.exerciseAgain = Optional.of(r.state.exercises().get(r.state.exercises().size() - 1));
        runner.startFlow(r, exerciseFlow.get(), 0);
        return true;
      }
      if (button.isEmpty() && readAfterExercise(r, flow, rec, message)) {
        return true;
      }
      if (ExerciseRequests.ANOTHER_EXERCISE.matcher(Plain.of(text)).find() || ExerciseRequests.asksForExercise(text)) {
        String last = r.state.exercises().isEmpty() ? "unknown" : r.state.exercises().get(r.state.exercises().size() - 1);
        r.add(new DialogueEvent.ExerciseFeedback(r.at, last, "not_helped"));
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        r.sayAnother();
        runner.startFlow(r, flow, 0);
        return true;
      }
      Optional<String> outcome = button.or(() -> message.asks(Request.FEEDBACK_HELPED) ? Optional.of("helped")
          : Optional.empty()).or(() -> feedback(lower));
      String exercise = r.state.exercises().isEmpty() ? "unknown" : r.state.exercises().get(r.state.exercises().size() - 1);
      Optional<Flow> another = runner.flows().published("exercise");
      if (outcome.isPresent() && outcome.get().equals("not_helped") && button.isEmpty() && another.isPresent()
          && lower.trim().split("\\s+").length >= 3) { // a bare "no" or "nunca" keeps the button's answer
        // "eso de contar no me funciona nunca": said in words, not pressed, it is answered as the request reader's "it didn't
        // help" is: acknowledged, and a different exercise offered now (ninth blind set; the button keeps "next time")
        r.add(new DialogueEvent.ExerciseFeedback(r.at, exercise, "not_helped"));
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        r.say(r.m.get("exercise.not_helped.another"));
        runner.startFlow(r, another.get(), 0);
        return true;
      }
      if (outcome.isPresent()) {
        r.add(new DialogueEvent.ExerciseFeedback(r.at, exercise, outcome.get()));
        r.say(r.fresh("exercise.thanks." + outcome.get()));
        runner.enter(r, flow, rec.next(), 0);
        return true;
      }
      return notUnderstood(r, flow, cursor, r.m.get("flow.retry.options"),
          cursor.retries() == 0 ? FlowRunner.feedbackQuestion(r) : FlowRunner.feedbackQuestion(r.m)); // asked only the first time
    }
    if (node.get() instanceof Node.Assessment a) {
      runner.enter(r, flow, a.next(), 0); // the questionnaire was stopped or finished elsewhere
      return false;
    }
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.MISSING));
    return false;
  }

  /**
   * An exercise or help asked for in words while a flow waits for a button ("¿puedo hacer un ejercicio de
   * respiración?"): free chat's own reading of a request for help, so the two never disagree.
   */
  static boolean asksForExercise(String text) {
    return IntentClassifier.classify(text) == Intent.ASKS_FOR_HELP;
  }

  /**
   * A yes or no in the patient's words to a yes/no question of a flow (options valued {@code yes} and {@code no}), read
   * as an answer to an offer; never for the consent questions, which are read only as agreed above.
   */
  private static Optional<Node.Option> yesOrNo(Node.Question q, String text) {
    Optional<Node.Option> yes = q.options().stream().filter(o -> o.value().equals("yes")).findFirst();
    Optional<Node.Option> no = q.options().stream().filter(o -> o.value().equals("no")).findFirst();
    if (yes.isEmpty() || no.isEmpty()) {
      return Optional.empty();
    }
    YesNo.Answer a = AnswerReader.read(AnswerReader.Asked.OFFER, text).answer();
    return a == YesNo.Answer.YES ? yes : a == YesNo.Answer.NO ? no : Optional.empty();
  }

  private static boolean notUnderstood(Run r, Flow flow, FlowCursor cursor, String hint, Reply again) {
    if (cursor.retries() == 0) {
      r.add(new DialogueEvent.FlowInputNotUnderstood(r.at, flow.id(), cursor.node()));
      r.replies.add(new Reply(hint + "\n" + again.text(), again.quickReplies()));
      return true;
    }
    // Asked twice already: the patient wants to talk, not to answer. Free chat listens to this message.
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.GAVE_UP));
    return false;
  }

  private static Optional<String> validate(Node.Validation v, String text) {
    switch (v.kind()) {
      case "mood": {
        OptionalInt mood = MoodParser.parse(text);
        return mood.isPresent() ? Optional.of(Integer.toString(mood.getAsInt())) : Optional.empty();
      }
      case "integer": {
        try {
          int n = Integer.parseInt(text.trim());
          boolean ok = v.min().map(min -> n >= min).orElse(true) && v.max().map(max -> n <= max).orElse(true);
          return ok ? Optional.of(Integer.toString(n)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      case "yesno": {
        YesNo.Answer a = AnswerReader.read(AnswerReader.Asked.OFFER, text).answer();
        return a == YesNo.Answer.YES || a == YesNo.Answer.NO ? Optional.of(a == YesNo.Answer.YES ? "yes" : "no")
            : Optional.empty();
      }
      case "pattern":
        return v.pattern().isPresent() && text.length() <= v.maxLength() && BoundedMatch.matches(v.pattern().get(), text)
            ? Optional.of("provided") : Optional.empty();
      default: // text
        return !text.isBlank() && text.length() <= v.maxLength() ? Optional.of("provided") : Optional.empty();
    }
  }

  /** Keeps a captured answer: numbers and yes/no in the slot; free text sealed in its own event. */
  private static void captured(Run r, Flow flow, Node.Capture c, String text, String value) {
    if (value.equals("provided")) {
      r.add(new DialogueEvent.TextCaptured(r.at, flow.id(), c.slot(), text));
    }
    r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), c.slot(), value));
    if (c.record().equals(Optional.of("mood")) && value.matches("\\d{1,2}") && Integer.parseInt(value) <= 10) {
      r.add(new DialogueEvent.MoodRecorded(r.at, Integer.parseInt(value)));
    }
  }

  private static void consent(Run r, String record, String value) {
    if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("no")) {
      Consent.ofRecord(record).ifPresent(kind -> r.add(new DialogueEvent.ConsentRecorded(r.at, kind,
          value.equalsIgnoreCase("yes"))));
    }
  }

  /** The feedback buttons and the skip words: commands, read before anything else. */
  private static Optional<String> button(String lower, Messages m) {
    for (String outcome : List.of("helped", "a_bit", "not_helped")) {
      if (lower.equalsIgnoreCase(m.get("quick." + outcome))) {
        return Optional.of(outcome);
      }
    }
    if (SKIP_WORDS.contains(lower) || lower.equalsIgnoreCase(m.get("quick.skip"))) {
      return Optional.of("skipped");
    }
    return Optional.empty();
  }

  /**
   * After an exercise, what the request reader heard where the buttons were not used: another exercise (or one of a
   * kind: "the breathing one sounds good"), "it didn't help at all" (acknowledged, and another offered), a greeting or
   * thanks (answered, then "did that help?" again). False when the reading says none of these: the rules read it.
   */
  private boolean readAfterExercise(Run r, Flow flow, Node.Recommend rec, Message message) {
    Optional<Flow> exercise = runner.flows().published("exercise");
    String last = r.state.exercises().isEmpty() ? "unknown" : r.state.exercises().get(r.state.exercises().size() - 1);
    if (message.asks(Request.ASK_EXERCISE, Request.ANOTHER_EXERCISE) && exercise.isPresent()) {
      if (message.asks(Request.ANOTHER_EXERCISE)) {
        r.add(new DialogueEvent.ExerciseFeedback(r.at, last, "not_helped"));
        r.sayAnother();
      }
      r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
      r.exerciseKind = ExerciseKind.asked(message.turn().text());
      runner.startFlow(r, exercise.get(), 0);
      return true;
    }
    if (message.asks(Request.FEEDBACK_NOT_HELPED) && exercise.isPresent()) {
      r.add(new DialogueEvent.ExerciseFeedback(r.at, last, "not_helped"));
      r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
      r.say(r.fresh("exercise.not_helped.another"));
      runner.startFlow(r, exercise.get(), 0);
      return true;
    }
    return greeted(r, message, () -> FlowRunner.feedbackQuestion(r));
  }

  private static Optional<String> feedback(String lower) {
    if (lower.matches("(a bit|a little|somewhat|kind of|sort of|un poco|algo)( better)?[.!]*")) {
      return Optional.of("a_bit");
    }
    YesNo.Answer yn = AnswerReader.read(AnswerReader.Asked.HELPED, lower).answer();
    return yn == YesNo.Answer.YES ? Optional.of("helped") : yn == YesNo.Answer.NO ? Optional.of("not_helped")
        : Optional.empty();
  }
}
