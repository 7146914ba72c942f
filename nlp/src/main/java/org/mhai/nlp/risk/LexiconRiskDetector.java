// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
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
    Objects.requireNonNull(text, "text");
    Tokens tokens = normaliser.normalise(text);
    if (tokens.size() == 0) {
      return RiskAssessment.none(version);
    }
    List<Match> matches = matcher.find(tokens);
    List<Match> cues = new ArrayList<>();
    List<Match> risks = new ArrayList<>();
    for (Match m : matches) {
      (m.row().cue() ? cues : risks).add(m);
    }
    if (risks.isEmpty()) {
      return RiskAssessment.none(version);
    }
    CueIndex index = new CueIndex(tokens, cues, laughter);
    return rules.assess(tokens, reader.read(tokens, risks, index));
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
