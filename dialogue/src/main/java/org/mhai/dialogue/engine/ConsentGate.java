// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;

/**
 * Consent cannot be skipped: until the patient agrees to the privacy notice, what they write is
 * answered (risk first) but the consent question returns after every reply. During a crisis
 * episode the question is only repeated (no flow is started under the crisis policy), and the
 * bot's own "I agree" button is recorded as consent.
 */
final class ConsentGate {
  static final String CONSENT_NODE = "privacy";

  private ConsentGate() {}

  /**
   * Agreement in the patient's own words ("yes that's fine with me, I agree", "sí, de acuerdo", "vale, acepto"); a bare "ok" or
   * "vale" is not consent to the privacy notice (the writers of the second everyday set expected the question again).
   */
  private static final java.util.regex.Pattern AGREES = java.util.regex.Pattern.compile(
      "\\b(?:i agree|i accept|i consent|agreed|estoy de acuerdo|acepto|doy mi consentimiento|(?:yes,? )?you can (?:store|keep|save) (?:it|them|my messages)|"
          + "(?:si,? )?(?:puedes|pueden) guardar(?:los|lo|los mensajes|mis mensajes))\\b");
  private static final java.util.regex.Pattern SHORT_YES = java.util.regex.Pattern.compile(
      "^(?:(?:yes|yeah|yep|sure|ok|okay|si|vale|claro)[,.! ]*)?(?:de acuerdo|esta bien|me parece bien|that'?s (?:fine|ok|okay)(?: with me)?|"
          + "(?:it'?s|its) (?:fine|ok|okay) (?:with|by) me|fine (?:by|with) me|sounds good)(?:[,.! ]*(?:thanks|thank you|gracias))?[.! ]*$");
  private static final java.util.regex.Pattern DECLINES = java.util.regex.Pattern.compile(
      "\\b(?:(?:don'?t|do not|dont|not|never|no|nunca)\\b(?: \\w+)? (?:agree|accept|consent|ok|okay|fine)|no estoy de acuerdo|no acepto|"
          + "no me parece bien|no esta bien)\\b|\\bbut\\b|\\bpero\\b|\\?"
          // a condition is no agreement: "before i agree to anything i took a whole lot of my meds" (tenth blind set)
          + "|\\b(?:before|if|unless|until|till|whether|antes de|a menos que|hasta que|sin que)\\b");

  /** Whether {@code text} agrees to the privacy notice in words, with no negation, condition or question in it. */
  static boolean agreesInWords(String text) {
    String plain = org.mhai.dialogue.crisis.Plain.of(text).trim();
    if (plain.isEmpty() || DECLINES.matcher(plain).find()) {
      return false;
    }
    return AGREES.matcher(plain).find() || SHORT_YES.matcher(plain).matches() || casualYes(plain);
  }

  /** Casual agreement, said whole: "okay sure, I'm in, let's do it", "dale, adelante" (thirteenth everyday set). */
  private static final java.util.regex.Pattern YES_PART = java.util.regex.Pattern.compile(
      "\\b(?:i'?m in|im in|count me in|let'?s (?:do (?:it|this)|go|start|begin)|lets (?:do (?:it|this)|go|start|begin)|go ahead|sounds good|"
          + "that works|works for me|of course|por supuesto|claro que si|adelante|sin problema|no problem|de una|perfect[oa]?|"
          + "yes|yeah|yep|yup|sure|ok|okay|okey|fine|alright|all right|si|vale|claro|dale|va|great|cool|"
          + "thanks|thank you|gracias)\\b");
  private static final java.util.regex.Pattern STRONG_YES = java.util.regex.Pattern.compile(
      "\\b(?:i'?m in|im in|count me in|let'?s (?:do|go|start|begin)|lets (?:do|go|start|begin)|go ahead|sounds good|that works|works for me|"
          + "of course|por supuesto|claro que si|adelante|sin problema|no problem|de una)\\b");

  private static boolean casualYes(String plain) {
    java.util.regex.Matcher m = YES_PART.matcher(plain);
    int parts = 0;
    int thanks = 0;
    while (m.find()) {
      parts++;
      thanks += m.group().startsWith("thank") || m.group().equals("gracias") ? 1 : 0;
    }
    String rest = YES_PART.matcher(plain).replaceAll(" ").replaceAll("[\\p{Punct}\\s]+", "");
    return rest.isEmpty() && (STRONG_YES.matcher(plain).find() || parts - thanks >= 2);
  }

  /** The consent question node of the published onboarding flow. */
  static Optional<Node.Question> question(FlowCatalog flows) {
    return flows.published(BuiltInFlows.ONBOARDING).flatMap(f -> f.node(CONSENT_NODE))
        .filter(Node.Question.class::isInstance).map(Node.Question.class::cast);
  }

  /**
   * Words written before consent are not "not caught": the consent question's generic retry ("Sorry,
   * I didn't catch that") becomes a line that acknowledges them and says why the question comes first.
   */
  private static Decision heard(DialogueState before, Decision d) {
    boolean atConsent = before.serviceConsent().isEmpty()
        && before.flow().map(f -> f.flowId().equals(BuiltInFlows.ONBOARDING) && f.node().equals(CONSENT_NODE)).orElse(false);
    if (!atConsent) {
      return d;
    }
    org.mhai.dialogue.text.Messages m = org.mhai.dialogue.text.Messages.forLocale(before.locale());
    String retry = m.get("flow.retry.options");
    List<Reply> replies = d.replies().stream()
        .map(r -> r.text().startsWith(retry) ? new Reply(m.get("consent.first") + r.text().substring(retry.length()),
            r.quickReplies()) : r)
        .toList();
    return new Decision(d.events(), replies, d.effects());
  }

  /** A question about the consent itself, asked while paused after a "no" ("why do you need me to agree to anything"). */
  private static final java.util.regex.Pattern ABOUT_CONSENT = java.util.regex.Pattern.compile(
      "\\b(?:agree|agreeing|consent|privacy|store|storing|stored|keep my|my data|notice|acept\\w*|consentimiento|privacidad|guard\\w*|mis datos|aviso)\\b");

  static boolean asksAboutConsent(String text) {
    String plain = org.mhai.dialogue.crisis.Plain.of(text);
    return ABOUT_CONSENT.matcher(plain).find() && (plain.contains("?") || plain.matches(".*\\b(?:why|what|how|por que|que|como|para que)\\b.*"));
  }

  /** Why consent is asked, and the question again with its buttons (the onboarding flow at the consent node). */
  static void reask(Run r, FlowCatalog flows) {
    r.say(r.m.get("consent.why"));
    Optional<Node.Question> q = question(flows);
    Optional<Flow> onboarding = flows.published(BuiltInFlows.ONBOARDING);
    if (q.isPresent() && onboarding.isPresent()) {
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), DialogueEvent.FlowEnded.Reason.REPLACED)));
      r.add(new DialogueEvent.FlowStarted(r.at, onboarding.get().id(), onboarding.get().version()));
      r.add(new DialogueEvent.FlowNodeEntered(r.at, onboarding.get().id(), CONSENT_NODE));
      String lang = r.state.locale();
      r.replies.add(new Reply(q.get().text().get(lang), q.get().options().stream().map(o -> o.label().get(lang)).toList()));
    }
  }

  /**
   * "I agree" typed or tapped while the onboarding flow is not running (a crisis ended it), or agreement in words after an
   * earlier "no" (the patient changed their mind): consent given.
   */
  static Optional<DialogueEvent> agreedOutsideFlow(DialogueState state, FlowCatalog flows, Turn.PatientMessage turn) {
    if (state.serviceConsent().equals(Optional.of(true)) || state.flow().isPresent()) {
      return Optional.empty();
    }
    return question(flows).flatMap(q -> q.options().stream()
        .filter(o -> o.value().equals("yes") && (o.label().matches(turn.text().trim()) || agreesInWords(turn.text()))).findFirst())
        .map(o -> new DialogueEvent.ConsentRecorded(turn.at(), Consent.SERVICE, true));
  }

  /** The decision, with the consent question again at its end when consent is still missing. */
  static Decision withQuestion(DialogueState before, Decision d, FlowCatalog flows, java.time.Instant at, boolean failed) {
    d = heard(before, d);
    DialogueState after = before;
    for (DialogueEvent e : d.events()) {
      after = after.apply(e);
    }
    Optional<Node.Question> q = question(flows);
    String question = q.map(n -> n.text().get(before.locale())).orElse("");
    boolean asked = q.isPresent() && d.replies().stream().anyMatch(r -> r.text().contains(question));
    boolean inOnboarding = after.flow().map(f -> f.flowId().equals(BuiltInFlows.ONBOARDING)).orElse(false);
    if (!after.opened() || after.serviceConsent().isPresent() || after.takeover().isPresent() || asked
        || inOnboarding && !d.replies().isEmpty() && after.flow().map(f -> !f.node().equals(CONSENT_NODE)).orElse(false)) {
      return d;
    }
    Optional<Flow> onboarding = flows.published(BuiltInFlows.ONBOARDING);
    if (q.isEmpty() || onboarding.isEmpty()) {
      return d;
    }
    String lang = after.locale();
    List<DialogueEvent> events = new ArrayList<>(d.events());
    if (!after.crisis().active() && !failed && !inOnboarding) { // after a failure the question only returns
      after.flow().ifPresent(f -> events.add(new DialogueEvent.FlowEnded(at, f.flowId(), DialogueEvent.FlowEnded.Reason.REPLACED)));
      events.add(new DialogueEvent.FlowStarted(at, onboarding.get().id(), onboarding.get().version()));
      events.add(new DialogueEvent.FlowNodeEntered(at, onboarding.get().id(), CONSENT_NODE));
    }
    List<Reply> replies = new ArrayList<>(d.replies());
    replies.add(new Reply(q.get().text().get(lang), q.get().options().stream().map(o -> o.label().get(lang)).toList()));
    return new Decision(events, replies, d.effects());
  }

}
