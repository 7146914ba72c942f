// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.IntentClassifier;
import org.mhai.dialogue.freechat.ReplyTemplate;
import org.mhai.dialogue.freechat.ReplyTemplates;
import org.mhai.dialogue.understand.Request;
import org.mhai.nlp.Emotion;
import org.mhai.nlp.RiskLevel;

/**
 * (9) Free chat, which takes every turn that reaches it: the greeting first if the conversation was
 * never opened, nothing but a word while the service is declined; then a psychoeducation answer
 * when the patient asks something the knowledge base knows (retrieved before the turn, with its
 * source); an exercise when they ask for help coping; otherwise the LLM's reply when the service
 * obtained a safe one ({@link Turn.PatientMessage#generated}, recorded as template
 * {@value DialogueEngine#LLM_TEMPLATE}), else a curated template chosen by intent and the emotion
 * heard in this message, never one used earlier in the conversation while another is left; a message the request reader heard as
 * off-topic gets a kind, honest redirect to what the bot can help with instead of a template. A problem shared in
 * words (sleep, work, exams, loneliness, grief, a breakup, anger, panic, stress, family, money) is said back with its
 * topic named, then the psychoeducation retrieved for it when it is about the same topic, then the offer of an exercise
 * or more talk; a message that goes on about it without naming it stays with it ({@link TopicReplies}). No curated reply
 * is used twice in a conversation while another is left ({@code templatesUsed}).
 */
final class FreeChat implements Policy {
  /** How sure the emotion model must be before the bot names the feeling back. */
  private static final double REFLECT_AT = 0.5;
  static final String OFF_TOPIC_TEMPLATE = "off_topic";

  private final CrisisPolicy crisis;
  private final FlowRunner runner;

  FreeChat(CrisisPolicy crisis, FlowRunner runner) {
    this.crisis = crisis;
    this.runner = runner;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    if (!r.before.opened()) {
      r.add(new DialogueEvent.Opened(r.at, r.before.locale(), r.before.channel()));
      r.say(r.m.get("greeting"));
    }
    if (r.state.serviceConsent().equals(Optional.of(false))) {
      if (ConsentGate.asksAboutConsent(message.turn().text())) {
        ConsentGate.reask(r, runner.flows()); // "why do you need me to agree to anything": why, and the question again with its buttons
      } else {
        r.say(r.m.get("consent.paused"));
      }
      return Optional.of(r.decision());
    }
    answer(r, message);
    return Optional.of(r.decision());
  }

  /** The latest questionnaire totals in their published bands, or how the bands work when there is none yet. */
  private static String scoreExplained(Run r) {
    StringBuilder sb = new StringBuilder();
    for (org.mhai.dialogue.assessment.Instrument i : org.mhai.dialogue.assessment.Instrument.values()) {
      Integer total = r.state.lastScores().get(i.name().toLowerCase(java.util.Locale.ROOT));
      if (total != null) {
        sb.append(r.m.get("score.band", i == org.mhai.dialogue.assessment.Instrument.PHQ9 ? "PHQ-9" : "GAD-7", total,
            r.m.get("band." + i.band(total)))).append('\n');
      }
    }
    return (sb.length() == 0 ? r.m.get("score.none") + "\n" : sb.toString()) + r.m.get("score.not_diagnosis");
  }

  private void answer(Run r, Message message) {
    Turn.PatientMessage turn = message.turn();
    Intent intent = IntentClassifier.classify(turn.text());
    if (!turn.knowledge().isEmpty() && r.m.language().equals("en")
        && (intent == Intent.QUESTION || looksLikeQuestion(turn.text()))
        && !r.state.templatesUsed().contains(TopicReplies.KNOWLEDGE_PREFIX + turn.knowledge().get(0).entryId())) {
      Turn.Knowledge k = turn.knowledge().get(0);
      // "what even is a panic attack? I think I had one on the subway": what they raised, said back, before the answer
      Optional<String> heard = TopicReplies.beforeAnswer(r, turn, intent);
      r.add(new DialogueEvent.TemplateUsed(r.at, TopicReplies.KNOWLEDGE_PREFIX + k.entryId()));
      r.say(heard.map(h -> h + "\n").orElse("") + k.answer() + "\n" + r.m.get("knowledge.source", k.source()));
      return;
    }
    if (intent == Intent.ASKS_FOR_HELP) {
      Optional<Flow> exercise = runner.flows().published("exercise");
      if (exercise.isPresent()) {
        r.exerciseKind = r.exerciseKind.or(() -> ExerciseKind.asked(turn.text())); // "an exercise to change those thoughts"
        runner.startFlow(r, exercise.get(), 0);
        return;
      }
    }
    // an (English) knowledge answer found means curated words are at hand: the LLM is not asked then (TurnNeeds.llmAfter)
    if (turn.generated().isPresent() && (turn.knowledge().isEmpty() || !r.m.language().equals("en"))
        && !turn.risk().level().atLeast(RiskLevel.MEDIUM)
        && !r.state.crisis().active()) {
      r.add(new DialogueEvent.TemplateUsed(r.at, DialogueEngine.LLM_TEMPLATE));
      r.say(turn.generated().get());
      return;
    }
    if (intent == Intent.POSITIVE_NEWS && Assessment.selfEvidenceIn(r.state, turn.seq())) {
      // Sudden calm after warning signs ("I feel really peaceful about it" after goodbyes) is itself a warning
      // sign: never "glad things are looking up" here, but the direct, gentle question and the lines.
      r.say(r.m.get("concern.gentle") + "\n" + crisis.crisisLines(r.state.locale()));
      return;
    }
    if (message.asks(Request.MOOD_HISTORY)) {
      // "can I see my mood history": where the patient's own trend is (the widget's "My mood", /mood on Telegram).
      r.add(new DialogueEvent.TemplateUsed(r.at, "mood_history"));
      r.replies.add(new Reply(r.m.get("request.mood_history"), List.of(r.m.get("quick.checkin"))));
      return;
    }
    if (message.asks(Request.ASK_SCORE)) {
      // "what does my score mean?": the band of the latest total, never a diagnosis.
      r.add(new DialogueEvent.TemplateUsed(r.at, "score_explained"));
      r.say(scoreExplained(r));
      return;
    }
    if (message.asks(Request.OFF_TOPIC)) {
      // "what's the weather": a kind, honest redirect to what the bot is for, not a template that pretends to follow.
      redirect(r);
      return;
    }
    if (TopicReplies.answer(r, message, intent)) {
      return;
    }
    if ((intent == Intent.QUESTION || looksLikeQuestion(turn.text())) && outsideTheService(turn.text())
        && !Assessment.riskInWindow(r.state, true)) {
      // "can you book me a flight to bali", "¿me ayudas con los deberes de física?": a question that names nothing of
      // feelings, health, the service or the patient's life is no question for a GP either; the honest redirect (session 16)
      redirect(r);
      return;
    }
    String emotion = turn.emotion().map(e -> {
      String d = e.dominant();
      return e.ekman().getOrDefault(d, 0.0) >= REFLECT_AT ? d : Emotion.NEUTRAL.label();
    }).orElse(Emotion.NEUTRAL.label());
    ReplyTemplate t = ReplyTemplates.forLocale(r.lang()).choose(intent, emotion, r.state.lastTemplate().orElse(null),
        r.state.patientMessages(), r.state.templatesUsed());
    r.add(new DialogueEvent.TemplateUsed(r.at, t.id()));
    List<String> quick = switch (t.offer()) {
      case EXERCISE -> List.of(r.m.get("quick.exercise"), r.m.get("quick.keep_talking"));
      case CHECK_IN -> List.of(r.m.get("quick.checkin"), r.m.get("quick.keep_talking"));
      case NONE -> List.of();
    };
    r.replies.add(new Reply(t.text(), quick));
  }

  /** The honest off-topic redirect, with the offers of an exercise and a check-in. */
  private static void redirect(Run r) {
    String words = r.fresh("request.off_topic");
    r.add(new DialogueEvent.TemplateUsed(r.at, OFF_TOPIC_TEMPLATE));
    r.replies.add(new Reply(words, List.of(r.m.get("quick.exercise"), r.m.get("quick.checkin"))));
  }

  /**
   * The words of what the service is for (feelings, health, sleep, relationships, the patient's days, the service itself),
   * English and Spanish: a question with none of them is off-topic. Wide on purpose: a question about one's own life
   * that is missed here still gets the ordinary reply, never a redirect.
   */
  private static final java.util.regex.Pattern SERVICE_WORDS = java.util.regex.Pattern.compile("\\b(?:feel\\w*|felt|mood\\w*|sad\\w*|"
      + "anx\\w*|panic\\w*|stress\\w*|sleep\\w*|slept|insomnia|tired|exhaust\\w*|therap\\w*|counsel\\w*|psych\\w*|doctor|gp|medic\\w*|meds?|"
      + "pills?|tablets?|dose|depress\\w*|worr\\w*|lonel\\w*|alone|cope|coping|breath\\w*|relax\\w*|calm\\w*|angry|anger|grie\\w*|"
      + "score|phq\\w*|gad\\w*|questionnaire|test|exercise\\w*|data|privacy|private|normal|mental|health|emotion\\w*|cry\\w*|hurt\\w*|"
      + "body|heart|chest|head|mind|brain|thoughts?|think\\w*|overthink\\w*|focus|motivat\\w*|confiden\\w*|self|myself|family|mum|mom|dad|"
      + "parents?|partner|friends?|boyfriend|girlfriend|husband|wife|kids?|child\\w*|work|job|boss|school|exam\\w*|study\\w*|uni|"
      + "money|debt|rent|life|live|living|die|dying|dead|death|kill\\w*|cut\\w*|suicid\\w*|harm|safe|help me|support|crisis|helpline|"
      + "human|person|bot|ai|you are|are you|who are you|what are you|bad|better|worse|okay|ok|call|ring|send|ambulance|police|"
      + "emergenc\\w*|someone|somebody|anyone|nobody|mal|bien|peor|mejor|ayuda|llam\\w*|habl\\w*|mand\\w*|ambulancia|policia|alguien|nadie|"
      + "sentir|siento|sient\\w*|animo|ansi\\w*|estres\\w*|panico|dorm\\w*|sueno|insomnio|cansad\\w*|agotad\\w*|terap\\w*|psicolog\\w*|"
      + "psiquiatr\\w*|medic\\w*|pastillas?|dosis|depre\\w*|preocup\\w*|sol[oa]|soledad|respir\\w*|relaj\\w*|calma\\w*|enfad\\w*|"
      + "enoj\\w*|duelo|puntuacion|cuestionario|ejercicio\\w*|datos|privacidad|normal|mental|salud|emocion\\w*|llor\\w*|dolor|duele|"
      + "cuerpo|corazon|pecho|cabeza|mente|pensamientos?|pienso|concentr\\w*|familia|madre|padre|mama|papa|padres|pareja|amig\\w*|novi[oa]|"
      + "marido|mujer|hij[oa]s?|trabajo|curro|jefe|examen\\w*|estudi\\w*|dinero|deudas?|alquiler|vida|vivir|morir|muert\\w*|matar\\w*|"
      + "cort\\w*|suicid\\w*|dano|segur[oa]|ayudame|apoyo|crisis|persona|humano|eres|quien eres)\\b");
  private static final java.util.regex.Pattern ASKS = java.util.regex.Pattern.compile(
      "^(?:who|which|where|quien|cual|cuando|donde|cuanto|cuanta|cuantos|cuantas)\\b");

  /** A question that names nothing of what the service is for ("who won the clásico yesterday?"). */
  static boolean outsideTheService(String text) {
    String plain = org.mhai.dialogue.crisis.Plain.of(text);
    return plain.split("\\s+").length >= 3 && !SERVICE_WORDS.matcher(plain).find();
  }

  static boolean looksLikeQuestion(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return t.endsWith("?") || t.startsWith("¿") || t.matches("^(what|how|why|is|are|can|could|should|does|do|when|where"
        + "|qué|que|cómo|como|por qué|es normal)\\b.*") || ASKS.matcher(org.mhai.dialogue.crisis.Plain.of(text)).find();
  }
}
