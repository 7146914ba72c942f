// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.YesNo;

import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.understand.Request;

/**
 * (5) A panic attack (breathing at once), and after it, or when asked for another, an exercise:
 * never a screener, and never while a questionnaire is in progress. Then an exercise asked for in
 * words, as the request reader heard it, of the kind named ({@link ExerciseKind}).
 */
final class ExerciseRequests implements Policy {
  static final String PANIC_TEMPLATE = "panic";
  /** "What else can I try?", "another exercise": another exercise, never a screener. */
  static final Pattern ANOTHER_EXERCISE = Pattern.compile(
      "^(?:otro|otra|another|another one|una mas|uno mas)[.!]*$|what else can i (?:try|do)|can (?:i|we) try something (?:else|different)|another (?:exercise|one)|something else to try|a different (?:exercise|one)|otro ejercicio"
          + "|(?:que|algo) mas (?:puedo|podria) (?:probar|hacer)|que otra cosa puedo|probar otra cosa|otra cosa que probar"
          + "|anything else (?:quick )?(?:i can|to) (?:do|try)|something (?:quick |else )?(?:to do|i can do)|(?:try|do) (?:one of )?the "
          + "exercises?|(?:try|do) an exercise|show me what to do|help me (?:relax|calm down)|what can i do (?:if|when|to calm)"
          + "|probar otro|probar un ejercicio|ayudas a (?:relajarme|calmarme)|ensenas (?:que|a) hacer|que hacer si me vuelve"
          + "|algo para (?:relajarme|calmarme)|algo mas que (?:pueda|puedo) hacer|(?:q|que) mas (?:hago|puedo hacer|puedo probar)"
          + "|what (?:else )?should i do now"
          // session 7 (second and third blind sets)
          + "|(?:is there )?something else (?:i can|to) try|(?:do|try) (?:that|the) (?:grounding|breathing) (?:thing|exercise) again"
          + "|^(?:y )?tienes otro\\b|give me something to help me (?:switch off|relax|sleep|calm)|exercicio de respiracao"
          + "|exercici per relaxar|exercice de respiration|atemubung|esercizio di respirazione"
          + "|5 4 3 2 1 thing|(?:me das|dame) otro(?: distinto| diferente)?\\b|lo de los 5 sentidos|do something calming"
          + "|(?:can i|could i|can we|let'?s) do (?:one|another(?: one)?) more\\b|\\bone more (?:before|please|pls)\\b"
          + "|(?:any|some) other (?:stuff|things?|exercises?|ideas?) (?:that )?(?:helps?|for|to)\\b"
          + "|give me something quick|exercici de respiracio|cwiczenie|(?:me puedes dar|dame|me das) otro\\b|\\b(?:ponme|dame|me pones) uno\\b|(?:do|try) (?:that|the) (?:exercise|one) again");

  /** The message names an exercise: "can you suggest an exercise for when my brain won't shut up at night?". */
  /** An exercise named, in any of the languages patients write in. */
  private static final java.util.regex.Pattern SOMETHING_TO_DO = java.util.regex.Pattern.compile(
      "\\b(?:exerci\\w*|ejercicio\\w*|esercizi\\w*|ubung\\w*|uebung\\w*|technique|tecnica|breath\\w*|respira\\w*|grounding|relax\\w*|rilass\\w*)\\b");
  private static final java.util.regex.Pattern EXERCISE_WORD = java.util.regex.Pattern.compile("\\b(?:exercises?|ejercicios?|technique|tecnica)\\b");

  /** "I'd take anything that helps with cravings": something to do, asked for without the word exercise. */
  private static final java.util.regex.Pattern HELP_WITH = java.util.regex.Pattern.compile(
      "\\b(?:anything|something|stuff|other stuff|other things?|anything else|something else) (?:else )?(?:that )?(?:helps?|might help|would help|to help|that could help) (?:with|me (?:with|to))\\b"
          + "|\\b(?:algo|cualquier cosa) (?:que me )?(?:ayude|sirva) (?:con|a|para)\\b"
          // session 12 (ninth blind set, read): "dame algo pa calmarme ya", "give me something to calm down"
          + "|\\b(?:dame|quiero|necesito) algo (?:pa|para) (?:calmarme|relajarme|tranquilizarme|respirar)\\b"
          + "|\\b(?:give me|i need|need) something to (?:calm (?:me )?down|help me calm|ground me|relax)\\b"
          // "something to move my body?", "¿algo para mover el cuerpo?": something to do, of a kind
          + "|\\b(?:something|anything) (?:quick )?to (?:help me )?(?:move|stretch|relax|unwind|wind down)\\b"
          + "|\\balgo (?:rapido )?para (?:mover|moverme|estirar|relajarme|desconectar)\\b");

  /** "Can we do the breathing one", "another exercise", "give me something to help me switch off": an exercise asked for by rule. */
  private static final Pattern BREATHING_ONE = Pattern.compile("\\b(?:do|try|have|want|give me) (?:the |a |that )?(?:breathing|grounding|calming|relaxing) "
      + "(?:one|exercise|thing)\\b|\\b(?:hacer|probar|dame) (?:el|un|ese) (?:ejercicio )?de (?:respirar|respiracion)\\b");

  /** Doing the breathing with the bot now ("ok. breathing with you"): not feedback yet. */
  private static final Pattern ALONG = Pattern.compile("\\bbreathing (?:with you|along|now)\\b|\\b(?:i'?m|im) (?:doing it|breathing) (?:with you|now)\\b"
      + "|\\brespirando contigo\\b|\\b(?:lo )?estoy haciendo (?:contigo|ahora)\\b");

  static boolean asksForExercise(Message message) {
    return asksForExercise(message.turn().text());
  }

  static boolean asksForExercise(String text) {
    String plain = Plain.of(text);
    return ANOTHER_EXERCISE.matcher(plain).find() || BREATHING_ONE.matcher(plain).find() || HELP_WITH.matcher(plain).find();
  }

  private final FlowRunner runner;

  ExerciseRequests(FlowRunner runner) {
    this.runner = runner;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    String plain = Plain.of(message.turn().text());
    MessageCues cues = MessageCues.read(plain);
    boolean afterPanic = r.state.lastTemplate().equals(Optional.of(PANIC_TEMPLATE)) && r.state.flow().isEmpty();
    // The screener left in this turn for the exercise asked for ("can we do the breathing one"): the exercise follows.
    boolean leftForIt = r.before.crisis().active() && !r.state.crisis().active() && BREATHING_ONE.matcher(plain).find();
    boolean another = ANOTHER_EXERCISE.matcher(plain).find() || leftForIt;
    boolean asksForOne = message.asks(Request.ASK_EXERCISE) && EXERCISE_WORD.matcher(plain).find();
    java.util.Optional<Node> waiting = r.state.flow().flatMap(c -> runner.flows().version(c.flowId(), c.version()).flatMap(f -> f.node(c.node())));
    if (waiting.isPresent() && waiting.get() instanceof Node.Recommend && ALONG.matcher(plain).find()) {
      r.add(new DialogueEvent.TemplateUsed(r.at, "exercise.along")); // the feedback question still waits
      r.say(r.m.get("exercise.along"));
      return Optional.of(r.decision());
    }
    if (cues.panic() && r.state.assessment().isEmpty() && !afterPanic && !another && !asksForOne) {
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
      String words = r.fresh("panic.breathing"); // a second wave of panic: the same breathing, in other words
      r.add(new DialogueEvent.TemplateUsed(r.at, PANIC_TEMPLATE)); // last: the next message is read as after panic
      r.say(words);
      return Optional.of(r.decision());
    }
    if (!cues.panic() && MessageCues.overwhelm(plain) && r.state.assessment().isEmpty() && r.state.flow().isEmpty()
        && r.state.serviceConsent().equals(Optional.of(true))) {
      Optional<Flow> exercise = runner.flows().published("exercise");
      if (exercise.isPresent()) { // overwhelm, not a panic attack: acknowledged, and something to do at once
        // "exams in two weeks and I'm so overwhelmed": the exams said back first, when the topic is read
        Optional<String> heard = TopicReplies.captured(r, message.turn());
        r.add(new DialogueEvent.TemplateUsed(r.at, "overwhelm"));
        r.say(heard.map(h -> h + " ").orElse("") + r.m.get("overwhelm.exercise"));
        runner.startFlow(r, exercise.get(), 0);
        return Optional.of(r.decision());
      }
    }
    if ((afterPanic || another) && r.state.assessment().isEmpty() && !(another && r.state.flow().isPresent())) {
      Optional<Flow> exercise = runner.flows().published("exercise");
      if (exercise.isPresent()) {
        r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
        r.add(new DialogueEvent.TemplateUsed(r.at, "exercise"));
        if (!leftForIt) { // after the screener nothing was tried yet: no "let's try something different"
          r.sayAnother();
        }
        r.exerciseKind = ExerciseKind.asked(message.turn().text());
        runner.startFlow(r, exercise.get(), 0);
        return Optional.of(r.decision());
      }
    }
    Optional<Decision> instead = insteadOfTheQuestionnaire(r, message, plain);
    if (instead.isPresent()) {
      return instead;
    }
    // An exercise asked for in words goes first: "Sì, vorrei provare un esercizio" to a check-in offer (twelfth blind set).
    return asked(r, message).or(() -> offerAccepted(r, message));
  }

  /**
   * Yes, in words, to free chat's own offer of its previous reply ("we could try a short exercise instead" → "yeah please,
   * something short"; "would a quick mood check-in help?" → "sure"): the exercise or the check-in it offered, as its button
   * would (everyday set 6, ev6-en-071). Only right after the offer, outside flows and questionnaires, once consent is given.
   */
  private Optional<Decision> offerAccepted(Run r, Message message) {
    if (r.state.flow().isPresent() || r.state.assessment().isPresent() || !r.state.serviceConsent().equals(Optional.of(true))
        || r.state.lastTemplate().isEmpty() || message.turn().text().trim().split("\\s+").length > 10) {
      return Optional.empty();
    }
    String last = r.state.lastTemplate().get();
    Optional<org.mhai.dialogue.freechat.ReplyTemplate.Offer> offer = org.mhai.dialogue.freechat.ReplyTemplates.forLocale(r.lang()).all().stream()
        .filter(t -> t.id().equals(last)).map(org.mhai.dialogue.freechat.ReplyTemplate::offer).findFirst()
        .filter(o -> o != org.mhai.dialogue.freechat.ReplyTemplate.Offer.NONE);
    if (offer.isEmpty() || AnswerReader.read(AnswerReader.Asked.OFFER, message.turn().text()).answer() != YesNo.Answer.YES
        || offer.get() == org.mhai.dialogue.freechat.ReplyTemplate.Offer.CHECK_IN && SOMETHING_TO_DO.matcher(Plain.of(message.turn().text())).find()) {
      return Optional.empty(); // "Sì, vorrei provare un esercizio" to the check-in offered is not yes to the check-in
    }
    Optional<Flow> flow = runner.flows().published(offer.get() == org.mhai.dialogue.freechat.ReplyTemplate.Offer.EXERCISE ? "exercise" : "daily-checkin");
    if (flow.isEmpty()) {
      return Optional.empty();
    }
    r.add(new DialogueEvent.TemplateUsed(r.at, "offer.accepted"));
    if (offer.get() == org.mhai.dialogue.freechat.ReplyTemplate.Offer.EXERCISE) {
      r.exerciseKind = ExerciseKind.asked(message.turn().text());
    }
    runner.startFlow(r, flow.get(), 0);
    return Optional.of(r.decision());
  }

  /**
   * An exercise asked for in the middle of a questionnaire ("¿Hacemos un ejercicio de respiración?" during the GAD-7,
   * fourth everyday set): the questionnaire is left (it can be started again, as after "stop") and the exercise given,
   * never "choose one of the options". Not for an answer to the item, nor for a button.
   */
  private Optional<Decision> insteadOfTheQuestionnaire(Run r, Message message, String plain) {
    Optional<Flow> exercise = runner.flows().published("exercise");
    if (exercise.isEmpty() || r.state.assessment().isEmpty() || !r.state.serviceConsent().equals(Optional.of(true))
        || org.mhai.dialogue.assessment.ItemAnswer.read(message.turn().text()).isPresent()
        || runner.isButton(r.state, message.turn().text())) {
      return Optional.empty();
    }
    boolean asks = ANOTHER_EXERCISE.matcher(plain).find() || BREATHING_ONE.matcher(plain).find()
        || EXERCISE_WORD.matcher(plain).find() && (message.asks(Request.ASK_EXERCISE) || message.asks(Request.ANOTHER_EXERCISE)
        || plain.contains("?") || ASK_VERB.matcher(plain).find());
    if (!asks) {
      return Optional.empty();
    }
    r.add(new DialogueEvent.AssessmentAbandoned(r.at, r.state.assessment().get().instrument()));
    r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
    r.add(new DialogueEvent.TemplateUsed(r.at, "exercise"));
    r.say(r.m.get("assess.left_for_exercise"));
    r.exerciseKind = ExerciseKind.asked(message.turn().text());
    runner.startFlow(r, exercise.get(), 0);
    return Optional.of(r.decision());
  }

  /** Asking to do something: "can we do", "let's", "hacemos", "podemos". */
  private static final java.util.regex.Pattern ASK_VERB = java.util.regex.Pattern.compile(
      "\\b(?:can we|could we|can i|could i|let'?s|lets|i want|i'?d like|i need|give me|show me|hacemos|podemos|puedo|quiero|necesito|dame|"
          + "hagamos|me das|me pones)\\b");

  /**
   * An exercise asked for in words, as the request reader heard it ("can I just do a breathing exercise?", "the
   * breathing one sounds good"): the exercise flow, with an exercise of the kind named. Only once consent is given, never during a
   * questionnaire, never for a button of the node the flow waits at, and not after an exercise (the running flow
   * reads that message as feedback or as a request for another).
   */
  private Optional<Decision> asked(Run r, Message message) {
    Optional<Flow> exercise = runner.flows().published("exercise");
    if (exercise.isEmpty() || r.state.assessment().isPresent() || !r.state.serviceConsent().equals(Optional.of(true))
        || runner.isButton(r.state, message.turn().text())
        || runner.waitingAt(r.state).filter(Node.Recommend.class::isInstance).isPresent()) {
      return Optional.empty();
    }
    boolean another = message.asks(Request.ANOTHER_EXERCISE);
    if (!another && !message.asks(Request.ASK_EXERCISE) && !HELP_WITH.matcher(Plain.of(message.turn().text())).find()) {
      return Optional.empty();
    }
    r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
    r.add(new DialogueEvent.TemplateUsed(r.at, "exercise"));
    if (another) {
      r.sayAnother();
    }
    r.exerciseKind = ExerciseKind.asked(message.turn().text());
    runner.startFlow(r, exercise.get(), 0);
    return Optional.of(r.decision());
  }
}
