// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic crisis-risk detector: a curated, versioned phrase lexicon matched on
 * normalised tokens, read clause by clause (negation, tense, subject, fiction and figurative
 * frames) and combined by explicit level rules. Needs no model, LLM or network; immutable and
 * thread-safe once built. See models/risk/MODEL_CARD.md for what it covers and its limits.
 *
 * <p>Fails safe: a missing or corrupt lexicon fails construction with the file and line named,
 * and an error while assessing propagates to the caller instead of turning into "none".
 */
public final class LexiconRiskDetector implements RiskDetector {

  /** The bundled lexicon, under {@code nlp/src/main/resources}. */
  public static final String DEFAULT_LEXICON = "org/mhai/nlp/risk/risk-lexicon.tsv";

  private static final Logger LOG = LoggerFactory.getLogger(LexiconRiskDetector.class);

  private final String version;
  private final Normaliser normaliser;
  private final PhraseMatcher matcher;
  private final FindingReader reader;
  private final LevelRules rules;
  private final Set<String> laughter;

  private LexiconRiskDetector(Lexicon lexicon) {
    long started = System.nanoTime();
    this.version = lexicon.version();
    this.matcher = new PhraseMatcher(lexicon.classes(), lexicon.phrases(), lexicon.set("filler"));
    Set<String> vocabulary = new HashSet<>(matcher.words());
    lexicon.sets().values().forEach(vocabulary::addAll);
    lexicon.rewrites().values().forEach(vocabulary::addAll);
    this.normaliser = new Normaliser(lexicon.rewrites(), Set.copyOf(vocabulary), lexicon.set("clause_break"));
    this.reader = new FindingReader(lexicon);
    this.rules = new LevelRules(version);
    this.laughter = lexicon.set("laughter");
    LOG.info("risk.lexicon.loaded version={} rows={} sequences={} ms={}", version,
        lexicon.phrases().size(), matcher.sequenceCount(), (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Builds the detector from the lexicon bundled with this module.
   *
   * @throws org.mhai.nlp.NlpException when the lexicon is missing or invalid (file and line named)
   */
  public static LexiconRiskDetector loadDefault() {
    return fromResource(LexiconRiskDetector.class.getClassLoader(), DEFAULT_LEXICON);
  }

  /** Builds the detector from a lexicon on the class path (its includes in the same folder). */
  static LexiconRiskDetector fromResource(ClassLoader loader, String resource) {
    return new LexiconRiskDetector(LexiconParser.parse(loader, resource));
  }

  /**
   * @throws NullPointerException when {@code text} is null
   */
  @Override
  public RiskAssessment assess(String text) {
    return read(text).assessment();
  }

  /**
   * The assessment and what the lexicon read around it, for {@link CompositeRiskDetector}'s gate:
   * {@code framed} — a figure of speech, a game, a denial, a question about the service, a
   * hypothetical or laughter was read in the message (fiction and school work words are too common
   * to gate on alone: they gate through {@code readAway}); {@code readAway} — a high or imminent
   * risk phrase matched but the lexicon's reading (negation, subject, frame, tense, topic) left the
   * message below high; and, on demand, the same message read with the topic given.
   */
  static final class Reading {
    private final RiskAssessment assessment;
    private final boolean framed;
    private final boolean readAway;
    private final java.util.function.Supplier<Reading> topical;
    private Reading withTopic;

    private Reading(RiskAssessment assessment, boolean framed, boolean readAway,
        java.util.function.Supplier<Reading> topical) {
      this.assessment = assessment;
      this.framed = framed;
      this.readAway = readAway;
      this.topical = topical;
    }

    /** Nothing for the topic to change: no risk phrase matched. */
    private static Reading plain(RiskAssessment assessment, boolean framed) {
      Reading r = new Reading(assessment, framed, false, null);
      r.withTopic = r;
      return r;
    }

    private Reading withReadAway(boolean away) {
      Reading r = new Reading(assessment, framed, away, null);
      r.withTopic = r;
      return r;
    }

    RiskAssessment assessment() {
      return assessment;
    }

    boolean framed() {
      return framed;
    }

    boolean readAway() {
      return readAway;
    }

    /**
     * The same message read as being about suicide or self-harm although no phrase says so, so that
     * rows needing the topic ("i'm doing it tonight") count: for the composite, when its learned
     * component judged the message to be about risk. Computed once, on demand, from this reading's
     * tokens and matches (only the findings are read again). Not thread-safe: a reading belongs to
     * one call.
     */
    Reading withTopic() {
      if (withTopic == null) {
        withTopic = topical.get();
      }
      return withTopic;
    }
  }

  private static final Set<String> FRAMES = Set.of(Signals.CUE_FIGURATIVE, Signals.CUE_GAME,
      Signals.CUE_SERVICE, Signals.CUE_HYPOTHETICAL, Signals.CUE_DENIAL);

  /**
   * Whether {@link CompositeRiskDetector}'s gate applies to a text (the learned classifier may raise
   * it to medium at most): for the trainer's threshold selection.
   */
  public boolean gatesLearned(String text) {
    Reading r = read(text);
    return r.framed() || r.readAway();
  }

  Reading read(String text) {
    Objects.requireNonNull(text, "text");
    Tokens tokens = normaliser.normalise(text);
    if (tokens.size() == 0) {
      return Reading.plain(RiskAssessment.none(version), false);
    }
    List<Match> matches = matcher.find(tokens);
    List<Match> cues = new ArrayList<>();
    List<Match> risks = new ArrayList<>();
    boolean framed = false;
    boolean strong = false;
    for (Match m : matches) {
      (m.row().cue() ? cues : risks).add(m);
      framed |= m.row().cue() && FRAMES.contains(m.row().signal());
      strong |= !m.row().cue() && m.row().level().atLeast(RiskLevel.HIGH);
    }
    if (risks.isEmpty()) {
      return Reading.plain(RiskAssessment.none(version), framed);
    }
    // Laughter frames the message unless it says it is earnest ("lol. not joking").
    boolean earnest = cues.stream().anyMatch(c -> c.row().signal().equals(Signals.CUE_EARNEST));
    for (int i = 0; i < tokens.size() && !framed && !earnest; i++) {
      framed = laughter.contains(tokens.word(i)) || laughter.contains(tokens.word(i).replace(" ", ""));
    }
    CueIndex index = new CueIndex(tokens, cues, laughter);
    boolean frame = framed;
    boolean anyStrong = strong;
    RiskAssessment a = rules.assess(tokens, reader.read(tokens, risks, index, false));
    return new Reading(a, frame, anyStrong && !a.level().atLeast(RiskLevel.HIGH), () -> {
      RiskAssessment t = rules.assess(tokens, reader.read(tokens, risks, index, true));
      return Reading.plain(t, frame).withReadAway(anyStrong && !t.level().atLeast(RiskLevel.HIGH));
    });
  }

  /** E.g. "lexicon-risk/1.0.0": recorded with every crisis decision. */
  @Override
  public String version() {
    return version;
  }

  /** The normalised tokens of a text, for lexicon authors (see RiskEvaluation --explain). */
  public String explain(String text) {
    Tokens tokens = normaliser.normalise(text);
    StringBuilder sb = new StringBuilder(tokens.toString());
    for (Match m : matcher.find(tokens)) {
      sb.append("\n  ").append(m.row().cue() ? "cue " : "").append(m.row().signal())
          .append(' ').append(m.row().level().wireName()).append(" [").append(m.first()).append("..")
          .append(m.last()).append("] ").append(m.row().origin());
    }
    return sb.toString();
  }
}
