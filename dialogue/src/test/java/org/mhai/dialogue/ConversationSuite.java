// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.dialogue.crisis.EmergencyNumbers;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;

/**
 * The independent writers' conversations (src/test/resources/clinical, FORMAT-conversations.md)
 * played through {@link DialogueEngine#decide} with a real risk detector, each check word mapped to
 * an observable predicate on the replies, events and effects.
 */
final class ConversationSuite {

  record Turn(String text, List<String> checks) {}

  record Conversation(String id, String locale, String cls, String start, List<Turn> turns) {}

  /** One failed check: conversation, turn (1-based), check, and what the bot said. */
  record Failure(String id, String cls, int turn, String check, String said) {}

  /** What one conversation did: its failures, whether it started the screener or reached an escalation. */
  record Played(Conversation c, List<Failure> failures, int checks, boolean screener, boolean escalation) {}

  static List<Conversation> load(String resource) throws IOException {
    return read(new BufferedReader(new InputStreamReader(ConversationSuite.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)));
  }

  /** A set outside the class path (a blind set handed over by its writer). */
  static List<Conversation> loadFile(java.nio.file.Path file) throws IOException {
    return read(java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  private static List<Conversation> read(BufferedReader reader) throws IOException {
    List<Conversation> out = new ArrayList<>();
    try (BufferedReader in = reader) {
      String id = null;
      String locale = "en";
      String cls = "";
      String start = "chatting";
      List<Turn> turns = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("### id:")) {
          if (id != null) {
            out.add(new Conversation(id, locale, cls, start, List.copyOf(turns)));
          }
          id = line.substring(7).trim();
          turns = new ArrayList<>();
        } else if (line.startsWith("locale:")) {
          locale = line.substring(7).trim();
        } else if (line.startsWith("class:")) {
          cls = line.substring(6).trim();
        } else if (line.startsWith("start:")) {
          start = line.substring(6).trim();
        } else if (line.startsWith(">")) {
          turns.add(new Turn(line.substring(1).trim(), List.of()));
        } else if (line.startsWith("=") && !turns.isEmpty()) {
          List<String> checks = new ArrayList<>();
          for (String c : line.substring(1).split(",")) {
            if (!c.isBlank() && !c.trim().equals("any")) {
              checks.add(c.trim());
            }
          }
          Turn last = turns.remove(turns.size() - 1);
          turns.add(new Turn(last.text(), checks));
        }
      }
      if (id != null) {
        out.add(new Conversation(id, locale, cls, start, List.copyOf(turns)));
      }
    }
    return out;
  }

  private final RiskDetector detector;
  private final List<String> errata;
  private final DialogueEngine engine = new DialogueEngine(new CrisisPolicy(Helplines.defaults()));

  ConversationSuite(RiskDetector detector, List<String> errata) {
    this.detector = detector;
    this.errata = errata;
  }

  Played play(Conversation c) {
    Scenario s = new Scenario(engine);
    if (c.start().equals("new")) {
      s.open(c.locale());
    } else {
      s.onboard(c.locale());
    }
    s.effects.clear();
    List<Failure> failures = new ArrayList<>();
    int checks = 0;
    boolean screener = false;
    for (int i = 0; i < c.turns().size(); i++) {
      Turn t = c.turns().get(i);
      RiskAssessment risk = detector.assess(t.text());
      long seq = ++s.seq;
      DialogueEvent said = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), t.text());
      s.log.add(said);
      s.state = s.state.apply(said);
      org.mhai.dialogue.Turn.PatientMessage bare = new org.mhai.dialogue.Turn.PatientMessage(Scenario.T0.plusSeconds(seq),
          seq, t.text(), risk, Optional.empty(), List.of(), List.of());
      org.mhai.dialogue.Turn.PatientMessage message = read(s, bare);
      Decision d = s.turn(message);
      screener |= d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAsked);
      String text = s.text(d);
      if (c.id().equals(System.getProperty("clinical.trace"))) { // -Dclinical.trace=<id>: each turn as played
        System.out.println("TRACE #" + (i + 1) + " " + t.text() + " [" + risk.level() + " " + risk.signals() + "] " + message.reading().map(r -> r.top() + String.format(" %.2f", r.probability())).orElse("unread")
            + "\n  events "
            + d.events() + "\n  effects " + d.effects() + "\n  => " + text.replace('\n', ' '));
      }
      for (String check : t.checks()) {
        if (errata.contains(c.id() + " " + (i + 1) + " " + check)) {
          continue;
        }
        checks++;
        if (!holds(check, c, t, d, text, s)) {
          failures.add(new Failure(c.id(), c.cls(), i + 1, check, t.text() + "  [" + risk.level() + " " + risk.signals() + "]  =>  "
              + text.replace('\n', ' ')));
        }
      }
    }
    boolean escalation = s.effects.stream().anyMatch(e -> e instanceof Effect.OpenEscalation);
    return new Played(c, failures, checks, screener, escalation);
  }

  /**
   * The message with its reading as the service supplies it: read (with the real sentence encoder) only when the
   * plan asks for it, in the context the engine names.
   */
  org.mhai.dialogue.Turn.PatientMessage read(Scenario s, org.mhai.dialogue.Turn.PatientMessage bare) {
    return readWith(engine, s.state, bare);
  }

  static org.mhai.dialogue.Turn.PatientMessage readWith(DialogueEngine engine, DialogueState state,
      org.mhai.dialogue.Turn.PatientMessage bare) {
    if (!engine.plan(state, bare).request()) {
      return bare;
    }
    return bare.withReading(Optional.of(reader().read(bare.text(), engine.requestContext(state))));
  }

  private static RequestReader reader;

  /** One reader for every suite in this JVM, the shipped weights as the service loads them at start (or fitted). */
  static synchronized RequestReader reader() {
    if (reader == null) {
      reader = RequestReader.shipped(new MiniLmSentenceEmbedder()).reader();
    }
    return reader;
  }

  private static final Pattern REASSURE = Pattern.compile("(?i)glad (?:you'?re|you are|things|it helped|you feel|that was)"
      + "|good to hear|me alegra que (?:est[eé]s|las cosas|te haya)|qu[eé] bien");

  static boolean holds(String check, Conversation c, Turn t, Decision d, String text, Scenario s) {
    String locale = c.locale();
    Helplines h = Helplines.defaults();
    if (check.startsWith("reason=")) {
      String reason = check.substring(7);
      // The escalation's reason, or the route a later raise of the same escalation names (one escalation per episode).
      return reason.equals("patient_request") ? s.effects.stream().anyMatch(e -> e instanceof Effect.RequestHandoff)
          : s.effects.stream().anyMatch(e -> e instanceof Effect.OpenEscalation o && (o.reason().wire().equals(reason)
              || o.signals().contains(reason)) || e instanceof Effect.RaiseEscalation r && (r.reason().wire().equals(reason) || r.signals().contains(reason)));
    }
    return switch (check) {
      case "helplines" -> containsAny(text, h.forLocale(locale, Helplines.Kind.CRISIS));
      case "no-helplines" -> !containsAny(text, h.forLocale(locale, Helplines.Kind.CRISIS))
          && !containsAny(text, h.forLocale(locale, Helplines.Kind.SAFEGUARDING))
          && !containsAny(text, h.forLocale(locale, Helplines.Kind.DOMESTIC_ABUSE));
      case "safeguarding-lines" -> containsAny(text, h.forLocale(locale, Helplines.Kind.SAFEGUARDING));
      case "dv-lines" -> containsAny(text, h.forLocale(locale, Helplines.Kind.DOMESTIC_ABUSE));
      case "emergency" -> emergency(locale, t.text(), text);
      case "no-reassure" -> !REASSURE.matcher(text).find();
      case "no-screener" -> d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked);
      case "escalation=none" -> s.effects.stream().noneMatch(e -> e instanceof Effect.OpenEscalation
          || e instanceof Effect.RequestHandoff);
      case "escalation>=high" -> level(s).atLeast(RiskLevel.HIGH);
      case "escalation>=imminent" -> level(s) == RiskLevel.IMMINENT;
      case "human" -> d.effects().stream().anyMatch(e -> e instanceof Effect.RequestHandoff)
          && (text.contains("care team") || text.contains("equipo de atención"));
      case "automated" -> Pattern.compile("(?i)automated (?:assistant|tool)|(?:asistente|herramienta) autom[aá]tic").matcher(text)
          .find();
      case "cannot-call" -> Pattern.compile("(?i)can'?t call anyone|cannot call|no puedo llamar").matcher(text).find();
      case "breathing" -> Pattern.compile("(?i)breath|respir|grounding|five things|cinco cosas|anclaje|5-4-3-2-1").matcher(text).find();
      case "exercise" -> d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ExerciseOffered);
      case "consent" -> consent(locale, text);
      default -> throw new IllegalArgumentException("unknown check " + check + " in " + c.id());
    };
  }

  private static RiskLevel level(Scenario s) {
    RiskLevel max = RiskLevel.NONE;
    for (Effect e : s.effects) {
      if (e instanceof Effect.OpenEscalation o) {
        max = RiskLevel.max(max, o.level());
      } else if (e instanceof Effect.RaiseEscalation r) {
        max = RiskLevel.max(max, r.level());
      }
    }
    return max;
  }

  private static boolean containsAny(String text, List<Helplines.Helpline> lines) {
    return lines.stream().filter(l -> !l.number().equals("112") && !l.number().equals("911"))
        .anyMatch(l -> text.contains(l.number()));
  }

  /** The locale's emergency number (US/CA/MX 911, UK 999, IE 112 or 999, AU 000, ES 112), or the one for a country named. */
  static boolean emergency(String locale, String message, String text) {
    String country = Locale.forLanguageTag(locale).getCountry();
    List<String> numbers = switch (country) {
      case "IE" -> List.of("112", "999");
      default -> List.of(EmergencyNumbers.forLocale(locale));
    };
    Optional<String> named = EmergencyNumbers.named(Plain.of(message));
    return numbers.stream().anyMatch(text::contains) || named.map(text::contains).orElse(false);
  }

  private static boolean consent(String locale, String text) {
    Optional<Node.Question> q = BuiltInFlows.catalog().published(BuiltInFlows.ONBOARDING)
        .flatMap(f -> f.node("privacy")).map(Node.Question.class::cast);
    return q.map(n -> text.contains(n.text().get(locale))).orElse(false);
  }
}
