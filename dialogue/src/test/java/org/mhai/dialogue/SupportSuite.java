// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Node;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;

/**
 * The independent writers' ordinary support conversations (issue #18 item 6; src/test/resources/support,
 * FORMAT-support.md) played through {@link DialogueEngine#decide} with a real risk detector and the request
 * reading supplied as the service supplies it; each check word is a predicate on the replies, events and effects.
 */
final class SupportSuite {

  record Turn(String text, List<String> checks) {}

  record Conversation(String id, String locale, String start, List<Turn> turns) {}

  record Failure(String id, int turn, String check, String said) {}

  /** @param repeats replies said word for word a second time in the conversation, at any turn (checked or not) */
  record Played(Conversation c, List<Failure> failures, int checks, int repeats) {}

  /** The exercise catalog's modality for each kind the writers name (recommend/exercises.json). */
  private static final Map<String, List<String>> KINDS = Map.of(
      "breathing", List.of("box-breathing", "breathing-4-7-8", "slow-exhale-breathing", "cyclic-sighing", "diaphragmatic-breathing",
          "breathing-space"),
      "grounding", List.of("grounding-54321", "dropping-anchor", "self-soothe-senses", "surprise-pause"),
      "relaxation", List.of("progressive-muscle-relaxation", "body-scan", "safe-place-imagery", "gentle-stretch", "soothing-touch"),
      "thoughts", List.of("thought-record", "cognitive-defusion", "worry-time", "worry-tree", "check-the-facts", "problem-solving",
          "leaves-on-a-stream"),
      "gratitude", List.of("three-good-things", "savouring", "best-possible-self"),
      "movement", List.of("short-walk", "gentle-stretch", "cold-water-reset"),
      "sleep", List.of("sleep-wind-down", "get-up-if-awake", "sleep-hygiene-check"));
  private static final Map<String, Pattern> TOPICS = Map.ofEntries(
      Map.entry("sleep", Pattern.compile("(?i)sleep|insomnia|rest|night|sueñ|dormir|descans|noche")),
      Map.entry("work", Pattern.compile("(?i)work|job|boss|trabaj|jefe|chamba|curro")),
      Map.entry("exams", Pattern.compile("(?i)exam|stud|test|revision|examen|estudi|prueba")),
      Map.entry("loneliness", Pattern.compile("(?i)lonel|alone|isolat|connect|soledad|sol[oa]\\b|aislad")),
      Map.entry("grief", Pattern.compile("(?i)grie|loss|lost|died|death|miss|duelo|pérdida|perdid|murió|falleci|extrañ")),
      Map.entry("breakup", Pattern.compile("(?i)break ?up|relationship|split|partner|ex\\b|ruptura|relación|pareja|separ")),
      Map.entry("anger", Pattern.compile("(?i)anger|angry|furious|frustrat|irrit|enfad|ira\\b|rabia|enoj|coraje")),
      Map.entry("panic", Pattern.compile("(?i)panic|pánico|panico")),
      Map.entry("stress", Pattern.compile("(?i)stress|overwhelm|pressure|estrés|estres|agobi|presión")),
      Map.entry("family", Pattern.compile("(?i)family|parent|mum|mom|dad|famil|padre|madre|mamá|papá")),
      Map.entry("money", Pattern.compile("(?i)money|financ|debt|bills|rent|dinero|deuda|renta|alquiler|factura")));
  private static final Pattern NOT_CAUGHT = Pattern.compile("(?i)didn'?t catch that|no lo he entendido|no te he entendido|no entend");
  private static final Pattern DIAGNOSIS = Pattern.compile("(?i)you (?:have|are suffering from|'ve got) (?:depression|an? anxiety disorder|"
      + "anxiety disorder|bipolar|ptsd|ocd)|you are (?:clinically )?depressed|tienes (?:depresión|un trastorno|ansiedad generalizada)|"
      + "estás deprimid|padeces");
  private static final Pattern BANDS = Pattern.compile("(?i)minimal|mild|moderate|severe|mínim|leve|moderad|grave|sever");
  private static final Pattern AUTOMATED = Pattern.compile("(?i)automated (?:assistant|tool)|(?:asistente|herramienta) autom[aá]tic");
  private static final Pattern MOOD_HISTORY = Pattern.compile("(?i)/mood|mood (?:history|journal|trend|log)|my mood|your mood (?:over|history|"
      + "entries)|historial de ánimo|tu ánimo (?:en|de) (?:los|las)|registro de ánimo|mi ánimo");
  private static final Pattern REDIRECT = Pattern.compile("(?i)can'?t help with|not something I can|no (?:es algo en lo que )?puedo ayudar"
      + "|fuera de lo que|I'?m here (?:to|for)|estoy aquí para|I can help (?:you )?with|puedo ayudarte con");

  private final RiskDetector detector;
  private final DialogueEngine engine = new DialogueEngine(new CrisisPolicy(Helplines.defaults()));

  SupportSuite(RiskDetector detector) {
    this.detector = detector;
  }

  static List<Conversation> load(String resource) throws IOException {
    List<Conversation> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(SupportSuite.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8))) {
      String id = null;
      String locale = "en";
      String start = "chatting";
      List<Turn> turns = new ArrayList<>();
      String pending = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("### id:")) {
          if (id != null) {
            out.add(new Conversation(id, locale, start, turns));
          }
          id = line.substring(7).trim();
          locale = "en";
          start = "chatting";
          turns = new ArrayList<>();
        } else if (line.startsWith("locale:")) {
          locale = line.substring(7).trim();
        } else if (line.startsWith("start:")) {
          start = line.substring(6).trim();
        } else if (line.startsWith("> ")) {
          pending = line.substring(2).trim();
        } else if (line.startsWith("= ") && pending != null) {
          List<String> checks = new ArrayList<>();
          for (String c : line.substring(2).split(",")) {
            if (!c.isBlank() && !c.trim().equals("any")) {
              checks.add(c.trim());
            }
          }
          turns.add(new Turn(pending, checks));
          pending = null;
        }
      }
      if (id != null) {
        out.add(new Conversation(id, locale, start, turns));
      }
    }
    return out;
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
    List<String> said = new ArrayList<>();
    List<String> offered = new ArrayList<>();
    int checks = 0;
    int repeats = 0;
    for (int i = 0; i < c.turns().size(); i++) {
      Turn t = c.turns().get(i);
      RiskAssessment risk = detector.assess(t.text());
      long seq = ++s.seq;
      DialogueEvent patient = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), t.text());
      s.log.add(patient);
      s.state = s.state.apply(patient);
      DialogueState before = s.state;
      org.mhai.dialogue.Turn.PatientMessage bare = new org.mhai.dialogue.Turn.PatientMessage(Scenario.T0.plusSeconds(seq), seq,
          t.text(), risk, Optional.empty(), List.of(), List.of());
      Decision d = s.turn(ConversationSuite.readWith(engine, before, bare));
      String text = s.text(d);
      if (c.id().equals(System.getProperty("support.trace"))) {
        System.out.println("TRACE #" + (i + 1) + " " + t.text() + "\n  events " + d.events() + "\n  => " + text.replace('\n', ' '));
      }
      for (String check : t.checks()) {
        checks++;
        if (!holds(check, c, d, text, before, s, said, offered)) {
          failures.add(new Failure(c.id(), i + 1, check, t.text() + "  =>  " + text.replace('\n', ' ')));
        }
      }
      for (Reply r : d.replies()) {
        if (said.contains(r.text())) {
          repeats++;
          if (Boolean.getBoolean("support.repeats")) { // -Dsupport.repeats=true prints them
            System.out.println("  REPEAT " + c.id() + " #" + (i + 1) + ": " + r.text().replace('\n', ' '));
          }
        }
      }
      said.addAll(d.replies().stream().map(Reply::text).toList());
      d.events().stream().filter(e -> e instanceof DialogueEvent.ExerciseOffered)
          .forEach(e -> offered.add(((DialogueEvent.ExerciseOffered) e).exerciseId()));
    }
    return new Played(c, failures, checks, repeats);
  }

  private static boolean holds(String check, Conversation c, Decision d, String text, DialogueState before, Scenario s,
      List<String> said, List<String> offered) {
    String locale = c.locale();
    List<String> exercises = d.events().stream().filter(e -> e instanceof DialogueEvent.ExerciseOffered)
        .map(e -> ((DialogueEvent.ExerciseOffered) e).exerciseId()).toList();
    if (check.startsWith("exercise-kind=")) {
      List<String> ids = KINDS.getOrDefault(check.substring(14), List.of());
      return exercises.stream().anyMatch(ids::contains);
    }
    if (check.startsWith("topic=")) {
      Pattern p = TOPICS.get(check.substring(6));
      return p != null && p.matcher(text).find();
    }
    return switch (check) {
      case "consent" -> consent(locale, text);
      case "no-consent" -> !consent(locale, text);
      case "checkin" -> d.events().stream().anyMatch(e -> e instanceof DialogueEvent.CheckInStarted)
          || Pattern.compile("\\b0\\b[^.?]{0,25}\\b(?:to|a|al|y)\\s+(?:un |el )?10\\b|0[-–]10").matcher(text).find();
      case "phq9" -> asks(d, before, s, org.mhai.dialogue.assessment.Instrument.PHQ9);
      case "gad7" -> asks(d, before, s, org.mhai.dialogue.assessment.Instrument.GAD7);
      case "exercise" -> !exercises.isEmpty();
      case "another-exercise" -> exercises.stream().anyMatch(x -> !offered.contains(x)) && !offered.isEmpty();
      case "human" -> d.effects().stream().anyMatch(e -> e instanceof Effect.RequestHandoff)
          && (text.contains("care team") || text.contains("equipo de atención"));
      case "automated" -> AUTOMATED.matcher(text).find();
      case "mood-history" -> MOOD_HISTORY.matcher(text).find();
      case "explains-score" -> BANDS.matcher(text).find();
      case "no-diagnosis" -> !DIAGNOSIS.matcher(text).find();
      case "resumes" -> !NOT_CAUGHT.matcher(text).find() && (samePlace(before, s.state) && !d.replies().isEmpty());
      case "acknowledges" -> !NOT_CAUGHT.matcher(text).find() && !d.replies().isEmpty();
      case "redirect" -> REDIRECT.matcher(text).find();
      case "no-helplines" -> !containsAny(text, Helplines.defaults().forLocale(locale, Helplines.Kind.CRISIS));
      case "no-screener" -> d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked);
      case "no-repeat" -> d.replies().stream().noneMatch(r -> said.contains(r.text()));
      default -> throw new IllegalArgumentException("unknown check " + check + " in " + c.id());
    };
  }

  /** The questionnaire was started or one of its items asked in this turn, or it goes on at the same item. */
  private static boolean asks(Decision d, DialogueState before, Scenario s, org.mhai.dialogue.assessment.Instrument instrument) {
    boolean started = d.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentStarted a && a.instrument() == instrument);
    boolean running = s.state.assessment().map(a -> a.instrument() == instrument).orElse(false);
    return started || running && !d.replies().isEmpty();
  }

  /** The same flow node or questionnaire item is pending after the turn as before it. */
  private static boolean samePlace(DialogueState before, DialogueState after) {
    boolean flow = before.flow().isPresent() && before.flow().map(f -> f.flowId() + "/" + f.node())
        .equals(after.flow().map(f -> f.flowId() + "/" + f.node()));
    boolean assessment = before.assessment().isPresent() && before.assessment().map(a -> a.instrument() + "/" + a.answers().size())
        .equals(after.assessment().map(a -> a.instrument() + "/" + a.answers().size()));
    return flow || assessment;
  }

  private static boolean containsAny(String text, List<Helplines.Helpline> lines) {
    return lines.stream().filter(l -> !l.number().equals("112") && !l.number().equals("911")).anyMatch(l -> text.contains(l.number()));
  }

  private static boolean consent(String locale, String text) {
    Optional<Node.Question> q = BuiltInFlows.catalog().published(BuiltInFlows.ONBOARDING)
        .flatMap(f -> f.node("privacy")).map(Node.Question.class::cast);
    return q.map(n -> text.contains(n.text().get(locale))).orElse(false);
  }
}
