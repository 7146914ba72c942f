// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mhai.dialogue.DialogueState.Stage;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.assessment.ItemAnswer;
import org.mhai.dialogue.checkin.MoodParser;
import org.mhai.dialogue.crisis.CrisisPolicy;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The dialogue's single entry point: a pure function from the current state and a turn to a
 * {@link Decision}. No threads, no I/O, no clock; every conversation is a scenario test.
 *
 * <p>Order of precedence for a patient message: the crisis policy first (it cannot be skipped:
 * while an episode is open it answers every message), then commands ("check in", "help"), then
 * the conversation's current stage.
 */
public final class DialogueEngine {
  private static final List<String> MOOD_REPLIES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
  private static final Set<String> CHECKIN_COMMANDS =
      Set.of("/checkin", "/mood", "check in", "checkin", "check-in", "mood check", "registro", "/registro");
  private static final Set<String> HELP_COMMANDS = Set.of("/help", "help", "ayuda", "/ayuda");
  private static final Set<String> SKIP_WORDS = Set.of("skip", "later", "not now", "saltar", "luego", "ahora no");
  private static final Set<String> STOP_WORDS = Set.of("stop", "/stop", "cancel", "quit", "parar", "detener", "cancelar");
  private static final int LISTEN_VARIANTS = 4;
  private static final int DISTRESS_VARIANTS = 3;
  /** How sure the emotion model must be before the bot names the feeling back. */
  private static final double REFLECT_AT = 0.5;

  private final CrisisPolicy crisis;

  public DialogueEngine(CrisisPolicy crisis) {
    this.crisis = crisis;
  }

  public Decision decide(DialogueState state, Turn turn) {
    if (turn instanceof Turn.Opened opened) {
      return open(opened);
    }
    if (turn instanceof Turn.EscalationResolved resolved) {
      return crisis.resolved(state, resolved);
    }
    return answer(state, (Turn.PatientMessage) turn);
  }

  private Decision open(Turn.Opened turn) {
    Messages m = Messages.forLocale(turn.locale());
    return new Decision(
        List.of(new DialogueEvent.Opened(turn.at(), turn.locale()), new DialogueEvent.CheckInStarted(turn.at())),
        List.of(Reply.of(m.get("greeting")), moodQuestion(m)));
  }

  private Decision answer(DialogueState state, Turn.PatientMessage turn) {
    Messages m = Messages.forLocale(state.locale());
    RiskAssessment risk = turn.risk();
    List<DialogueEvent> events = new ArrayList<>();
    events.add(new DialogueEvent.RiskAssessed(
        turn.at(), turn.seq(), risk.level(), risk.signals(), risk.detectorVersion()));
    turn.emotion().ifPresent(e -> events.add(new DialogueEvent.EmotionAssessed(turn.at(), turn.seq(), e.ekman(),
        e.labels(), e.sentiment().label(), e.sentiment().score(), e.model())));

    if (state.stage() == Stage.AWAITING_MOOD && (state.crisis().active() || risk.level().atLeast(RiskLevel.MEDIUM))) {
      events.add(new DialogueEvent.CheckInEnded(turn.at())); // no mood is read from a message of concern
    }
    Optional<Decision> crisisDecision = crisis.decide(state, turn, events);
    if (crisisDecision.isPresent()) {
      return crisisDecision.get();
    }

    String command = turn.text().trim().toLowerCase(Locale.ROOT);
    if (state.assessment().isPresent()) {
      return assessmentAnswer(state, turn, m, events, command);
    }
    Optional<Instrument> instrument = instrumentFor(command);
    if (instrument.isPresent()) {
      if (state.stage() == Stage.AWAITING_MOOD) {
        events.add(new DialogueEvent.CheckInEnded(turn.at()));
      }
      Instrument i = instrument.get();
      events.add(new DialogueEvent.AssessmentStarted(turn.at(), i));
      return new Decision(events, List.of(Reply.of(m.get("assess." + i.key() + ".intro")), item(i, 1, m)));
    }
    if (CHECKIN_COMMANDS.contains(command)) {
      events.add(new DialogueEvent.CheckInStarted(turn.at()));
      return new Decision(events, List.of(moodQuestion(m)));
    }
    if (HELP_COMMANDS.contains(command)) {
      return new Decision(events, List.of(Reply.of(m.get("help"))));
    }
    if (state.stage() == Stage.AWAITING_MOOD) {
      return moodAnswer(state, turn, m, events, command);
    }
    List<Reply> replies = new ArrayList<>();
    if (state.stage() == Stage.NEW) {
      events.add(new DialogueEvent.Opened(turn.at(), state.locale()));
      events.add(new DialogueEvent.CheckInEnded(turn.at()));
      replies.add(Reply.of(m.get("greeting")));
    }
    replies.add(listen(state, turn, m));
    return new Decision(events, replies);
  }

  private Decision moodAnswer(
      DialogueState state, Turn.PatientMessage turn, Messages m, List<DialogueEvent> events, String command) {
    OptionalInt mood = MoodParser.parse(turn.text());
    if (mood.isPresent()) {
      int score = mood.getAsInt();
      events.add(new DialogueEvent.MoodRecorded(turn.at(), score));
      events.add(new DialogueEvent.CheckInEnded(turn.at()));
      String key = score <= 3 ? "checkin.low" : score <= 6 ? "checkin.middle" : "checkin.high";
      return new Decision(events, List.of(Reply.of(m.get(key, score))));
    }
    if (SKIP_WORDS.contains(command)) {
      events.add(new DialogueEvent.CheckInEnded(turn.at()));
      return new Decision(events, List.of(Reply.of(m.get("checkin.skipped"))));
    }
    if (state.moodRetries() == 0) {
      events.add(new DialogueEvent.MoodNotUnderstood(turn.at()));
      List<String> quick = new ArrayList<>(MOOD_REPLIES);
      quick.add(m.get("quick.skip"));
      return new Decision(events, List.of(new Reply(m.get("checkin.retry"), quick)));
    }
    // Asked twice already: the patient wants to talk, not to rate. Listen to what they said.
    events.add(new DialogueEvent.CheckInEnded(turn.at()));
    return new Decision(events, List.of(listen(state, turn, m)));
  }

  private Decision assessmentAnswer(DialogueState state, Turn.PatientMessage turn, Messages m, List<DialogueEvent> events,
      String command) {
    AssessmentState a = state.assessment().get();
    Instrument i = a.instrument();
    if (STOP_WORDS.contains(command)) {
      events.add(new DialogueEvent.AssessmentAbandoned(turn.at(), i));
      return new Decision(events, List.of(Reply.of(m.get("assess.stopped"))));
    }
    OptionalInt score = ItemAnswer.read(turn.text());
    if (score.isEmpty()) {
      events.add(new DialogueEvent.AssessmentNotUnderstood(turn.at(), i));
      Reply again = item(i, a.nextItem(), m);
      return new Decision(events, List.of(new Reply(m.get("assess.retry") + "\n" + again.text(), again.quickReplies())));
    }
    int itemNo = a.nextItem();
    events.add(new DialogueEvent.AssessmentAnswered(turn.at(), i, itemNo, score.getAsInt()));
    if (itemNo < i.items()) {
      return new Decision(events, List.of(item(i, itemNo + 1, m)));
    }
    List<Integer> answers = new ArrayList<>(a.answers());
    answers.add(score.getAsInt());
    int total = answers.stream().mapToInt(Integer::intValue).sum();
    String band = i.band(total);
    events.add(new DialogueEvent.AssessmentCompleted(turn.at(), i, answers, total, band));
    List<Reply> replies = List.of(Reply.of(m.get("assess.result", m.get("assess.name." + i.key()), total, i.maxScore(),
        m.get("band." + band))));
    if (i == Instrument.PHQ9 && answers.get(8) > 0) {
      DialogueState after = state;
      for (DialogueEvent e : events) {
        after = after.apply(e);
      }
      return crisis.screenAfterPhq9(after, turn, events, replies);
    }
    return new Decision(events, replies);
  }

  private static Reply item(Instrument i, int n, Messages m) {
    List<String> options = List.of(m.get("assess.option.0"), m.get("assess.option.1"), m.get("assess.option.2"),
        m.get("assess.option.3"));
    return new Reply(m.get("assess.stem", n, i.items(), m.get(i.key() + "." + n)), options);
  }

  private static Optional<Instrument> instrumentFor(String command) {
    String c = command.replace("/", "").replace("-", "").replace(" ", "");
    if (c.equals("phq9")) {
      return Optional.of(Instrument.PHQ9);
    }
    if (c.equals("gad7")) {
      return Optional.of(Instrument.GAD7);
    }
    return Optional.empty();
  }

  private static Reply moodQuestion(Messages m) {
    return new Reply(m.get("checkin.ask"), MOOD_REPLIES);
  }

  /**
   * A reflective listening reply; varied by how far the conversation has come, not by chance. When
   * the emotion model clearly hears one emotion, the reply names it first ("It sounds like you're
   * feeling sad."), as a reflection, never as a diagnosis.
   */
  private static Reply listen(DialogueState state, Turn.PatientMessage turn, Messages m) {
    int n = state.patientMessages();
    String body = turn.risk().level() == RiskLevel.LOW
        ? m.get("chat.distress." + (n % DISTRESS_VARIANTS))
        : m.get("chat.listen." + (n % LISTEN_VARIANTS));
    return Reply.of(reflection(turn, m).map(r -> r + " " + body).orElse(body));
  }

  private static Optional<String> reflection(Turn.PatientMessage turn, Messages m) {
    return turn.emotion().flatMap(e -> {
      String dominant = e.dominant();
      double p = e.ekman().getOrDefault(dominant, 0.0);
      String key = "reflect." + dominant;
      return !dominant.equals("neutral") && p >= REFLECT_AT && m.has(key) ? Optional.of(m.get(key)) : Optional.empty();
    });
  }
}
