// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.KnowledgeBase;
import org.mhai.dialogue.freechat.Psychoeducation;
import org.mhai.dialogue.freechat.Reflections;
import org.mhai.dialogue.freechat.Topic;
import org.mhai.dialogue.freechat.TopicReader;
import org.mhai.dialogue.understand.Request;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.RiskLevel;

/**
 * What the patient raised, said back with its topic named (docs/responses.md, "Replies that name what the patient
 * said"): in free chat ({@link #answer}), before a retrieved answer to a question about their own experience
 * ({@link #beforeAnswer}), and where a flow waits ({@link #captured}). Each reply is remembered by its id
 * ({@code TemplateUsed}), never by its text, and none is used twice in a conversation. Never for a message of concern,
 * during a crisis episode or with risk evidence in the window: the crisis policy decides those.
 */
final class TopicReplies {
  /** The id a psychoeducation entry said in free chat is remembered by ({@code kb.<entry id>}). */
  static final String KNOWLEDGE_PREFIX = "kb.";
  /** How sure the emotion model must be before a topic named in passing counts as a problem. */
  private static final double TROUBLED_AT = 0.5;
  private static final List<String> TROUBLED = List.of("sadness", "fear", "anger", "disgust");
  /** A question that also tells of the patient's own experience ("I think I had one on the subway"). */
  private static final Pattern OWN_EXPERIENCE = Pattern.compile(
      "\\b(?:i think i|i had|i have been|i've been|ive been|i keep|i can'?t|i cant|i feel|i felt|i'?m|im|my|me dio|me paso"
          + "|me pasa|me siento|estoy|llevo|creo que (?:me|tuve|tengo))\\b");
  /** "any tips?", "what can I do about it", "¿algún consejo?": advice asked for on the topic of the conversation. */
  private static final Pattern ADVICE = Pattern.compile(
      "\\b(?:tips?|advice|ideas?|suggestions?|what (?:can|should|could) i do|how (?:do|can) i (?:cope|deal|handle|stop|get)"
          + "|anything (?:that )?(?:helps|i can do)|consejos?|sugerencias?|que (?:puedo|podria|deberia) hacer|que hago"
          + "|como (?:lo )?(?:llevo|manejo|afronto))\\b");

  /** Rather talk than answer: "can we talk (more) about that", "I'd rather just talk", "¿podemos hablar de eso?". */
  static final Pattern TALK = Pattern.compile(
      "\\b(?:talk|chat)\\b.{0,20}\\b(?:about (?:it|that|this)|more)\\b|\\brather (?:just )?talk|\\bjust (?:want to )?talk"
          + "|\\b(?:hablar|platicar|charlar)\\b.{0,20}\\b(?:de (?:eso|ello|esto)|mas)\\b|prefiero (?:solo )?hablar");
  /** Thanks or a goodbye inside a longer message ("fair. thanks for the chat anyway"): a closing, not more on the topic. */
  private static final Pattern CLOSING = Pattern.compile("\\b(?:thanks|thank you|thx|cheers|bye|goodbye|good night"
      + "|see you|gracias|adios|hasta luego|hasta manana|buenas noches|nos vemos)\\b");

  /** What the request reader may hear that is not more on the topic. */
  private static final Set<Request> ELSEWHERE = EnumSet.of(Request.GREETING, Request.THANKS, Request.GOODBYE,
      Request.OFF_TOPIC, Request.ASK_IS_BOT, Request.ASK_SERVICE, Request.ASK_SCORE, Request.MOOD_HISTORY,
      Request.DATA_RIGHTS);

  private TopicReplies() {}

  /**
   * Free chat: the topic the message raises, said back ({@link Reflections.Kind#REFLECT}) with the psychoeducation
   * retrieved for it when that is about the same topic; or, when the bot's last curated reply was about a topic and the
   * message names no other (a loss holds the family it concerns), a reply that stays with it
   * ({@link Reflections.Kind#FOLLOW}), or in English the knowledge base's entry on it when advice is asked for ("any
   * tips?"). Each with the offer of an exercise or more talk. False when the message may not be answered so, has no
   * topic, or the topic's replies were all used.
   */
  static boolean answer(Run r, Message message, Intent intent) {
    Turn.PatientMessage turn = message.turn();
    if (!allowed(r, turn, intent)) {
      return false;
    }
    Optional<Topic> own = read(turn);
    Optional<Topic> carried = carried(r.before).filter(t -> own.isPresent() || goesOn(message, intent));
    boolean stays = carried.isPresent() && (own.isEmpty() || own.equals(carried)
        || carried.get() == Topic.GRIEF && own.get() == Topic.FAMILY);
    Optional<Topic> topic = stays ? carried : own;
    if (topic.isEmpty()) {
      return false;
    }
    List<String> used = r.state.templatesUsed();
    List<String> offer = List.of(r.m.get("quick.exercise"), r.m.get("quick.keep_talking"));
    boolean english = r.m.language().equals("en");
    if (stays && english && ADVICE.matcher(Plain.of(turn.text())).find()) {
      Optional<Psychoeducation> entry = KnowledgeBase.forLocale("en").entries().stream()
          .filter(e -> e.topic() == topic.get() && !used.contains(KNOWLEDGE_PREFIX + e.id())).findFirst();
      if (entry.isPresent()) {
        r.add(new DialogueEvent.TemplateUsed(r.at, KNOWLEDGE_PREFIX + entry.get().id()));
        r.replies.add(new Reply(entry.get().answer() + "\n" + r.m.get("knowledge.source", entry.get().source()), offer));
        return true;
      }
    }
    Reflections bank = Reflections.forLocale(r.lang());
    Optional<Reflections.Reflection> said = bank.choose(topic.get(), stays ? Reflections.Kind.FOLLOW : Reflections.Kind.REFLECT,
        used).or(() -> bank.choose(topic.get(), Reflections.Kind.REFLECT, used));
    if (said.isEmpty()) {
      return false;
    }
    StringBuilder text = new StringBuilder(said.get().text());
    r.add(new DialogueEvent.TemplateUsed(r.at, said.get().id()));
    Optional<Turn.Knowledge> found = turn.knowledge().stream().findFirst();
    if (found.isPresent() && english && knowledgeTopic(found.get().entryId()).equals(topic)
        && !used.contains(KNOWLEDGE_PREFIX + found.get().entryId())) {
      text.append('\n').append(found.get().answer()).append('\n').append(r.m.get("knowledge.source", found.get().source()));
      r.add(new DialogueEvent.TemplateUsed(r.at, KNOWLEDGE_PREFIX + found.get().entryId()));
      r.add(new DialogueEvent.TemplateUsed(r.at, said.get().id())); // the topic stays the reply's last template
    }
    r.replies.add(new Reply(text.toString(), offer));
    return true;
  }

  /**
   * A message that names no topic goes on about the last one when it tells more ("yeah I can't say no to him") or, as a
   * question, asks for advice ("any tips?") or to talk about it; not a closing ("thanks for the chat"), nor another
   * question ("can you tell me if it'll rain tomorrow").
   */
  private static boolean goesOn(Message message, Intent intent) {
    String plain = Plain.of(message.turn().text());
    boolean more = intent != Intent.QUESTION || ADVICE.matcher(plain).find() || TALK.matcher(plain).find();
    // the reader's own floor is enough here: a weaker reading only turns a follow-up into an ordinary reply
    boolean elsewhere = message.turn().reading().map(RequestReader.Reading::request).filter(ELSEWHERE::contains).isPresent();
    return more && !elsewhere && !CLOSING.matcher(plain).find();
  }

  /** Before the retrieved answer to a question that tells of the patient's own experience: its topic said back. */
  static Optional<String> beforeAnswer(Run r, Turn.PatientMessage turn, Intent intent) {
    return allowed(r, turn, intent) && OWN_EXPERIENCE.matcher(Plain.of(turn.text())).find() ? reflect(r, turn)
        : Optional.empty();
  }

  /**
   * Where a flow waits (a check-in note, an answer that is not one, an overwhelm before its exercise): the topic of a
   * problem told, said back ({@link Reflections.Kind#REFLECT}) before the flow goes on; empty when the message may not
   * be answered so, has no topic, or its reflections were all used.
   */
  static Optional<String> captured(Run r, Turn.PatientMessage turn) {
    return allowed(r, turn, Intent.VENTING) ? reflect(r, turn) : Optional.empty();
  }

  /** The bot's last curated reply was about a topic (a reflection, or psychoeducation said in free chat). */
  static boolean onATopic(DialogueState state) {
    return carried(state).isPresent();
  }

  private static Optional<String> reflect(Run r, Turn.PatientMessage turn) {
    Optional<Reflections.Reflection> said = read(turn).flatMap(t -> Reflections.forLocale(r.lang())
        .choose(t, Reflections.Kind.REFLECT, r.state.templatesUsed()));
    said.ifPresent(x -> r.add(new DialogueEvent.TemplateUsed(r.at, x.id())));
    return said.map(Reflections.Reflection::text);
  }

  /**
   * Never a message of concern, during a crisis episode or with risk evidence in the window (the same rule as the
   * request reading), and only for what shares or asks something: not a greeting, thanks, goodbye or good news ("I got
   * the job!" is no work stress), nor a short "ok".
   */
  private static boolean allowed(Run r, Turn.PatientMessage turn, Intent intent) {
    // the dialogue's reading of the message, not the detector's: a verdict it lowered (a break-up, a celebration) is no
    // concern here nor, in the window, for the messages after it
    boolean concern = turn.risk().level().atLeast(RiskLevel.MEDIUM) && !Assessment.lowered(r.state, turn.seq());
    return !concern && !r.state.crisis().active() && !Assessment.riskInWindow(r.state, true)
        && (intent == Intent.VENTING || intent == Intent.QUESTION || intent == Intent.ASKS_FOR_HELP
            || intent == Intent.UNCLEAR && turn.text().trim().split("\\s+").length >= 4);
  }

  /** The topic of a problem the message tells of; a topic named in passing counts when the emotion model heard distress. */
  private static Optional<Topic> read(Turn.PatientMessage turn) {
    return TopicReader.read(turn.text()).or(() -> troubled(turn) ? TopicReader.mentioned(turn.text()) : Optional.empty());
  }

  private static boolean troubled(Turn.PatientMessage turn) {
    return turn.emotion().map(e -> e.ekman().getOrDefault(e.dominant(), 0.0) >= TROUBLED_AT
        && TROUBLED.contains(e.dominant())).orElse(false);
  }

  /** The topic of the bot's last curated reply, when it was a reflection or psychoeducation said in free chat. */
  private static Optional<Topic> carried(DialogueState state) {
    return state.lastTemplate().flatMap(id -> id.startsWith(KNOWLEDGE_PREFIX)
        ? knowledgeTopic(id.substring(KNOWLEDGE_PREFIX.length())) : Reflections.topicOf(id));
  }

  private static Optional<Topic> knowledgeTopic(String entryId) {
    return KnowledgeBase.forLocale("en").entries().stream().filter(e -> e.id().equals(entryId)).map(Psychoeducation::topic)
        .findFirst();
  }
}
