// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Suggestion;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.flow.Text;
import org.mhai.dialogue.text.Messages;

/**
 * Runs flows: starts one, walks through the nodes that need no answer until one waits for the
 * patient or the flow ends, and offers the exercise a {@code recommend} node asks for. Also the
 * turns that start a flow without a patient message (the conversation opened, a flow started on
 * request).
 */
final class FlowRunner {
  /** Longest run of nodes one turn may walk through (valid flows never come near it). */
  private static final int MAX_STEPS = 64;
  private static final int FALLBACK_EXERCISES = 3;
  /** The bot's own exercises, the last ones offered only when their kind is asked for. */
  private static final int FALLBACK_KINDS = 7;

  private final FlowCatalog flows;
  private final ZoneId zone;

  FlowRunner(FlowCatalog flows, ZoneId zone) {
    this.flows = flows;
    this.zone = zone;
  }

  FlowCatalog flows() {
    return flows;
  }

  /** The node the running flow waits at, if any. */
  Optional<Node> waitingAt(DialogueState state) {
    return state.flow().flatMap(c -> flows.version(c.flowId(), c.version()).flatMap(f -> f.node(c.node())));
  }

  /**
   * Whether {@code text} is one of the bot's own buttons at the node the flow waits at (an option, a quick reply, the
   * exercise feedback answers): buttons are commands, never re-read by the request reader.
   */
  boolean isButton(DialogueState state, String text) {
    Optional<Node> node = waitingAt(state);
    if (node.isEmpty()) {
      return false;
    }
    String t = text.trim();
    Messages m = Messages.forLocale(state.locale());
    String lang = m.language();
    if (node.get() instanceof Node.Question q) {
      return q.options().stream().anyMatch(o -> o.label().matches(t) || o.value().equalsIgnoreCase(t));
    }
    if (node.get() instanceof Node.Capture c) {
      return c.quickReplies().stream().anyMatch(q -> q.get(lang).equalsIgnoreCase(t));
    }
    if (node.get() instanceof Node.Recommend) {
      return feedbackQuestion(m).quickReplies().stream().anyMatch(q -> q.equalsIgnoreCase(t));
    }
    return false;
  }

  /** The conversation opened: onboarding when published, else the greeting. */
  Decision open(DialogueState state, Turn.Opened turn) {
    Run r = new Run(state, turn.at(), Optional.empty());
    r.add(new DialogueEvent.Opened(turn.at(), turn.locale(), turn.channel()));
    Run run = new Run(r.state, turn.at(), Optional.empty()); // messages in the patient's language
    run.events.addAll(r.events);
    Optional<Flow> onboarding = flows.published(BuiltInFlows.ONBOARDING);
    if (onboarding.isPresent()) {
      startFlow(run, onboarding.get(), 0);
    } else {
      run.say(run.m.get("greeting"));
    }
    return run.decision();
  }

  /** Starts a flow on request, unless a crisis episode or a takeover holds the conversation. */
  Decision startRequested(DialogueState state, Turn.StartFlow t) {
    Run r = new Run(state, t.at(), Optional.empty());
    Optional<Flow> flow = flows.published(t.flowId());
    if (flow.isEmpty() || state.crisis().active() || state.takeover().isPresent()) {
      return r.decision();
    }
    state.assessment().ifPresent(a -> r.add(new DialogueEvent.AssessmentAbandoned(t.at(), a.instrument())));
    state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(t.at(), f.flowId(), FlowEnded.Reason.REPLACED)));
    startFlow(r, flow.get(), 0);
    return r.decision();
  }

  void startFlow(Run r, Flow flow, int depth) {
    r.add(new DialogueEvent.FlowStarted(r.at, flow.id(), flow.version()));
    enter(r, flow, flow.start(), depth);
  }

  /** Walks from {@code nodeId} through nodes that need no answer, until one waits or the flow ends. */
  void enter(Run r, Flow flow, String nodeId, int depth) {
    String id = nodeId;
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<Node> found = flow.node(id);
      if (found.isEmpty()) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.MISSING));
        return;
      }
      Node node = found.get();
      r.add(new DialogueEvent.FlowNodeEntered(r.at, flow.id(), id));
      if (node instanceof Node.Message msg) {
        r.say(fill(msg.text(), r));
        id = msg.next();
      } else if (node instanceof Node.Question q) {
        r.replies.add(new Reply(fill(q.text(), r), q.options().stream().map(o -> o.label().get(r.lang())).toList()));
        return;
      } else if (node instanceof Node.Capture c) {
        r.replies.add(new Reply(fill(c.text(), r), c.quickReplies().stream().map(t -> t.get(r.lang())).toList()));
        return;
      } else if (node instanceof Node.Branch b) {
        id = b.cases().stream().filter(c -> c.when().test(r.state, r.at.atZone(zone))).map(Node.Case::next).findFirst()
            .orElse(b.otherwise());
      } else if (node instanceof Node.Assessment a) {
        Instrument i = a.instrument();
        r.add(new DialogueEvent.AssessmentStarted(r.at, i));
        r.say(r.m.get("assess." + i.key() + ".intro"));
        r.replies.add(Questionnaires.item(i, 1, r.m));
        return;
      } else if (node instanceof Node.Recommend rec) {
        offerExercise(r, rec);
        return;
      } else if (node instanceof Node.Handoff h) {
        int request = r.state.handoffs() + 1;
        r.add(new DialogueEvent.HandoffRequested(r.at, request));
        r.effects.add(new Effect.RequestHandoff(request));
        r.say(fill(h.text(), r));
        if (h.next().isEmpty()) {
          r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
          return;
        }
        id = h.next().get();
      } else if (node instanceof Node.Goto g) {
        if (g.target().isPresent()) {
          id = g.target().get();
        } else {
          r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
          Optional<Flow> next = flows.published(g.flow().orElseThrow());
          if (next.isPresent() && depth < 4) {
            startFlow(r, next.get(), depth + 1);
          }
          return;
        }
      } else if (node instanceof Node.End end) {
        end.text().ifPresent(t -> r.say(fill(t, r)));
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
        return;
      }
    }
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.LOOP));
  }

  /** The text with {@code {slot}} placeholders filled from the flow's slots (never free text). */
  static String fill(Text text, Run r) {
    String s = text.get(r.lang());
    if (r.state.flow().isPresent() && s.indexOf('{') >= 0) {
      for (var e : r.state.flow().get().slots().entrySet()) {
        s = s.replace("{" + e.getKey() + "}", e.getValue());
      }
    }
    return s;
  }

  private void offerExercise(Run r, Node.Recommend node) {
    List<Suggestion> ranked = r.message.map(Turn.PatientMessage::suggestions).orElse(List.of());
    Optional<String> kind = r.exerciseKind;
    Optional<String> again = r.exerciseAgain;
    Suggestion s = again.flatMap(id -> ranked.stream().filter(x -> x.exerciseId().equals(id)).findFirst())
        .or(() -> again.flatMap(id -> fallbackWithId(r, id)))
        .or(() -> kind.flatMap(k -> ranked.stream().filter(x -> x.kind().equals(k)).findFirst()))
        .or(() -> kind.flatMap(k -> fallbackOfKind(r, k)))
        .or(() -> ranked.stream().findFirst())
        .orElseGet(() -> fallbackExercise(r));
    r.add(new DialogueEvent.ExerciseOffered(r.at, s.exerciseId(), s.why(), s.context()));
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i < s.steps().size(); i++) {
      steps.append('\n').append(i + 1).append(". ").append(s.steps().get(i));
    }
    String intro = node.text().map(t -> t.get(r.lang())).orElseGet(() -> r.fresh("exercise.offer"));
    r.say(intro + " " + s.title() + (s.why().isBlank() ? "" : " (" + s.why() + ")") + steps);
    r.replies.add(feedbackQuestion(r));
  }

  /** The bot's own exercise {@code id}, when it is one of them. */
  private static Optional<Suggestion> fallbackWithId(Run r, String id) {
    for (int n = 0; n < FALLBACK_KINDS; n++) {
      if (r.m.get("exercise.fallback." + n + ".id").equals(id)) {
        return Optional.of(fallback(r, n));
      }
    }
    return Optional.empty();
  }

  /** The bot's own exercise of the kind asked for, when the ranking has none. */
  private static Optional<Suggestion> fallbackOfKind(Run r, String kind) {
    for (int n = 0; n < FALLBACK_KINDS; n++) {
      if (r.m.get("exercise.fallback." + n + ".kind").equals(kind)) {
        return Optional.of(fallback(r, n));
      }
    }
    return Optional.empty();
  }

  private static Suggestion fallback(Run r, int n) {
    return new Suggestion(r.m.get("exercise.fallback." + n + ".id"), r.m.get("exercise.fallback." + n + ".title"),
        List.of(r.m.get("exercise.fallback." + n + ".steps").split("\\|")), "", "{}", r.m.get("exercise.fallback." + n + ".kind"));
  }

  /**
   * A short, safe exercise from the bot's own words when the recommender gave nothing: one not offered recently, else
   * the one offered longest ago (never the one just tried).
   */
  private static Suggestion fallbackExercise(Run r) {
    List<String> recent = r.state.exercises();
    int best = -1;
    int bestAt = Integer.MAX_VALUE;
    for (int i = 0; i < FALLBACK_EXERCISES; i++) {
      int n = (recent.size() + i) % FALLBACK_EXERCISES;
      int at = recent.lastIndexOf(r.m.get("exercise.fallback." + n + ".id"));
      if (at < 0) {
        return fallback(r, n);
      }
      if (at < bestAt) {
        best = n;
        bestAt = at;
      }
    }
    return fallback(r, best);
  }

  /** "Did that help?" in words not yet used in this conversation ({@link Run#fresh}), with its buttons. */
  static Reply feedbackQuestion(Run r) {
    Reply buttons = feedbackQuestion(r.m);
    return new Reply(r.fresh("exercise.ask"), buttons.quickReplies());
  }

  static Reply feedbackQuestion(Messages m) {
    return new Reply(m.get("exercise.ask"), List.of(m.get("quick.helped"), m.get("quick.a_bit"), m.get("quick.not_helped"),
        m.get("quick.skip")));
  }
}
