// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskAssessment.EvidenceSpan;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.djl.DjlRiskClassifier;
import org.mhai.nlp.risk.learned.MiniLmEncoder;
import org.mhai.nlp.risk.learned.RiskClassifier;
import org.mhai.nlp.risk.learned.RiskProbabilities;
import org.mhai.nlp.risk.learned.TextEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crisis-risk detector the bot uses: the lexicon first, then a learned paraphrase classifier
 * over the shared sentence encoder that may only <em>raise</em> the level (models/risk/MODEL_CARD.md).
 *
 * <ul>
 *   <li>A lexicon {@code high} or {@code imminent} is returned as is (the classifier is not run).
 *   <li>Otherwise the classifier raises a lexicon {@code medium} to {@code high} when p(crisis) ≥
 *       τ_high (signal {@code learned_crisis}), and a lexicon {@code none}/{@code low} to
 *       {@code medium} when p(crisis) + p(concern) ≥ τ_medium or p(crisis) ≥ τ_high (signal
 *       {@code learned_concern}); the evidence span is the whole text. From none or low it
 *       escalates on its own (to high) only when p(crisis) ≥ τ_direct: off for learned/2 (its
 *       confident "crisis" on ordinary messages such as "i need to take my pills tonight" cost more
 *       false escalations than it found crises), 0.99 for finetuned/1, /3, /4 and /5 (chosen on the validation
 *       split, see models/risk/MODEL_CARD.md).
 *   <li>(1.2.0) When p(crisis) + p(concern) ≥ τ_medium and nothing frames the message, the lexicon
 *       reads it again with the topic given: its anaphoric rows ("i've decided. tomorrow morning",
 *       "the rope is up") then count, and a high or imminent reading is returned with
 *       {@code learned_topic} first. The classifier supplies only the topic; the level comes from
 *       the lexicon's rows and rules.
 *   <li>The classifier escalates on its own, or supplies the topic, only for messages of at least
 *       {@link #DIRECT_MIN_WORDS} words (short replies inside a conversation were its confident
 *       mistakes).
 *   <li>Messages shorter than the learned component's {@code minWords()} (3 for the fine-tuned classifier) are
 *       left to the lexicon.
 *   <li>Gate: when the lexicon read a figure of speech, a game, a denial, a question about the
 *       service or a hypothetical, or matched a high phrase and explicitly read it away (negation,
 *       someone else, fiction, the past, no topic), the classifier can raise to medium at most.
 *   <li>Never lowers; never returns less than the lexicon. If the learned component cannot be
 *       built, or throws (or returns no usable probabilities), the lexicon's assessment is returned
 *       (logged once) — never "none".
 * </ul>
 *
 * <p>The learned component is a {@link RiskProbabilities}: either the frozen MiniLM encoder plus
 * the linear {@link RiskClassifier} ("learned/2"), or the fine-tuned MiniLM classifier
 * {@link DjlRiskClassifier} ("finetuned/5", models/risk/classifier), each with its own thresholds;
 * the rules above are the same for both.
 *
 * Thread-safe when the learned component is (the bundled ones are).
 */
public final class CompositeRiskDetector implements RiskDetector {

  public static final String SIGNAL_LEARNED_CRISIS = "learned_crisis";
  public static final String SIGNAL_LEARNED_CONCERN = "learned_concern";
  /**
   * The lexicon's topic-needing rows were read because the classifier judged the message to be about
   * risk (1.2.0): the lexicon alone would not have escalated it.
   */
  public static final String SIGNAL_LEARNED_TOPIC = "learned_topic";

  /**
   * The classifier escalates on its own (from lexicon none/low), or supplies the topic for the
   * lexicon's topic rows, only for messages of at least this many words: shorter ones are mostly
   * replies inside a conversation ("on and off", "brb 2 mins", "can we do this later", "yes i'm
   * ready"), which it was confidently wrong about on held-out chat (1.2.0).
   */
  static final int DIRECT_MIN_WORDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(CompositeRiskDetector.class);

  private final LexiconRiskDetector lexicon;
  /** Null: lexicon alone. */
  private final RiskProbabilities learned;
  private final String version;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param encoder null to run the lexicon alone (the version still names the classifier, with
   *     "+learned-unavailable")
   */
  CompositeRiskDetector(LexiconRiskDetector lexicon, TextEncoder encoder, RiskClassifier classifier) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(classifier, "classifier");
    this.learned = encoder == null ? null : RiskProbabilities.of(encoder, classifier);
    this.version = lexicon.version() + "+" + classifier.version();
  }

  /** @param learned the learned component (not null) */
  CompositeRiskDetector(LexiconRiskDetector lexicon, RiskProbabilities learned) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.learned = Objects.requireNonNull(learned, "learned");
    this.version = lexicon.version() + "+" + learned.version();
  }

  /** System property choosing the learned component: auto (default), finetuned or linear. */
  public static final String LEARNED_PROPERTY = "mhai.risk.learned";

  /**
   * The bundled lexicon and the fine-tuned classifier ({@link DjlRiskClassifier}, unpacked into
   * {@code java.io.tmpdir/mhai-models}) when this build bundles it and it loads; otherwise (or with
   * {@code -Dmhai.risk.learned=linear}) the linear classifier and the in-process MiniLM encoder. The
   * lexicon or the linear classifier being missing or corrupt fails construction (NlpException);
   * the encoder failing to load is logged and the detector runs on the lexicon alone.
   */
  public static CompositeRiskDetector loadDefault() {
    LexiconRiskDetector lexicon = LexiconRiskDetector.loadDefault();
    String mode = System.getProperty(LEARNED_PROPERTY, "auto");
    // The fine-tuned classifier when this build bundles it (and it loads); otherwise the linear one.
    if (!mode.equals("linear") && DjlRiskClassifier.isBundled()) {
      try {
        long started = System.nanoTime();
        DjlRiskClassifier finetuned = DjlRiskClassifier.loadBundled(
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "mhai-models"));
        finetuned.probabilities("warm up");
        LOG.info("risk.learned.loaded version={} model={} ms={}", finetuned.version(), finetuned.name(),
            (System.nanoTime() - started) / 1_000_000);
        return new CompositeRiskDetector(lexicon, finetuned);
      } catch (RuntimeException | LinkageError e) {
        LOG.error("risk.learned.finetuned_unavailable the fine-tuned classifier failed to load; using the linear one", e);
      }
    }
    RiskClassifier classifier = RiskClassifier.loadDefault();
    TextEncoder encoder;
    try {
      long started = System.nanoTime();
      encoder = new MiniLmEncoder();
      encoder.embed("warm up");
      LOG.info("risk.learned.loaded version={} encoder={} ms={}", classifier.version(), encoder.name(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException | LinkageError e) {
      LOG.error("risk.learned.unavailable encoder failed to load; crisis risk runs on the lexicon alone", e);
      encoder = null;
    }
    return new CompositeRiskDetector(lexicon, encoder, classifier);
  }

  /** For tests and tools: a given encoder (may be null) and classifier over the bundled lexicon. */
  public static CompositeRiskDetector of(TextEncoder encoder, RiskClassifier classifier) {
    return new CompositeRiskDetector(LexiconRiskDetector.loadDefault(), encoder, classifier);
  }

  /** For tests and tools: a given learned component (not null) over the bundled lexicon. */
  public static CompositeRiskDetector of(RiskProbabilities learned) {
    return new CompositeRiskDetector(LexiconRiskDetector.loadDefault(), learned);
  }

  /**
   * @throws NullPointerException when {@code text} is null; a lexicon error propagates as in
   *     {@link LexiconRiskDetector#assess}; encoder errors do not (the lexicon result is returned)
   */
  @Override
  public RiskAssessment assess(String text) {
    LexiconRiskDetector.Reading reading = lexicon.read(text);
    if (!learnedRuns(text, reading)) {
      return relabel(reading.assessment());
    }
    double[] p;
    try {
      p = this.learned.probabilities(text);
      if (p == null || p.length != RiskClassifier.CLASSES.size() || !(p[RiskClassifier.CRISIS] >= 0)
          || !(p[RiskClassifier.CONCERN] >= 0)) {
        throw new IllegalStateException("the learned component returned no usable probabilities");
      }
    } catch (RuntimeException | LinkageError e) {
      if (warned.compareAndSet(false, true)) {
        LOG.error("risk.learned.failed encoder threw; returning the lexicon assessment (logged once)", e);
      }
      return relabel(reading.assessment());
    }
    return decide(text, reading, p);
  }

  /** Whether the learned component has anything to add: the lexicon is below high and the text long enough. */
  private boolean learnedRuns(String text, LexiconRiskDetector.Reading reading) {
    return !reading.assessment().level().atLeast(RiskLevel.HIGH) && learned != null && !text.isBlank()
        && !(learned.minWords() > 1 && words(text) < learned.minWords());
  }

  /** The composite's rules over the lexicon's reading and the learned probabilities {@code p}. */
  private RiskAssessment decide(String text, LexiconRiskDetector.Reading reading, double[] p) {
    RiskAssessment base = reading.assessment();
    // The topic rule (1.2.0): the classifier says the message is about risk, which is the context
    // the lexicon's anaphoric rows wait for ("i've decided. tomorrow morning before my shift", "the
    // rope is up"). Not for short replies, which were the classifier's confident mistakes.
    boolean topicRule = p[RiskClassifier.CRISIS] + p[RiskClassifier.CONCERN] >= this.learned.tauMedium()
        && !reading.framed() && words(text) >= DIRECT_MIN_WORDS;
    LexiconRiskDetector.Reading withTopic = null;
    if (topicRule || reading.readAway()) {
      try {
        withTopic = reading.withTopic();
      } catch (RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
          LOG.error("risk.topic_read.failed returning the lexicon assessment (logged once)", e);
        }
        return relabel(base);
      }
    }
    // A phrase the lexicon dropped only for want of the topic is not an explicit decision against it:
    // the gate below looks at the reading with the topic given.
    boolean readAway = reading.readAway() && withTopic.readAway();
    if (topicRule) {
      RiskAssessment topical = withTopic.assessment();
      if (topical.level().atLeast(RiskLevel.HIGH)) {
        List<String> signals = new ArrayList<>(topical.signals().size() + 1);
        signals.add(SIGNAL_LEARNED_TOPIC);
        signals.addAll(topical.signals());
        List<EvidenceSpan> evidence = new ArrayList<>(topical.evidence());
        evidence.add(new EvidenceSpan(0, text.length(), SIGNAL_LEARNED_TOPIC));
        return new RiskAssessment(topical.level(), true, signals, evidence, version);
      }
    }
    RiskLevel learned = RiskLevel.NONE;
    String signal = null;
    boolean direct = !base.level().atLeast(RiskLevel.MEDIUM) && p[RiskClassifier.CRISIS] >= this.learned.tauDirect()
        && !reading.framed() && !readAway && words(text) >= DIRECT_MIN_WORDS;
    if (direct) {
      // Confident enough on its own (chosen so that out-of-fold it escalated ≤ 1% of safe messages).
      learned = RiskLevel.HIGH;
      signal = SIGNAL_LEARNED_CRISIS;
    } else if (p[RiskClassifier.CRISIS] >= this.learned.tauHigh()) {
      learned = RiskLevel.HIGH;
      signal = SIGNAL_LEARNED_CRISIS;
    } else if (p[RiskClassifier.CRISIS] + p[RiskClassifier.CONCERN] >= this.learned.tauMedium()) {
      learned = RiskLevel.MEDIUM;
      signal = SIGNAL_LEARNED_CONCERN;
    }
    // To high only as a second opinion: the lexicon already read at least medium ("my pills tonight"
    // alone is no crisis); and never over a frame or a phrase the lexicon explicitly read away.
    if (learned == RiskLevel.HIGH && !direct
        && (reading.framed() || readAway || !base.level().atLeast(RiskLevel.MEDIUM))) {
      learned = RiskLevel.MEDIUM;
      signal = SIGNAL_LEARNED_CONCERN;
    }
    if (signal == null || !learned.atLeast(base.level()) || learned == base.level()) {
      return relabel(base);
    }
    List<String> signals = new ArrayList<>(base.signals().size() + 1);
    signals.add(signal);
    signals.addAll(base.signals());
    List<EvidenceSpan> evidence = new ArrayList<>(base.evidence());
    evidence.add(new EvidenceSpan(0, text.length(), signal));
    return new RiskAssessment(learned, learned.escalates(), signals, evidence, version);
  }

  /**
   * What the composite's parts said about a text, for the evaluation tools (RiskDump): the lexicon's
   * level, its level with the topic given, its raw frame and read-away flags (the gate combines the
   * latter with the topic reading), the learned probabilities (null when the learned component did
   * not run: unavailable, the lexicon already high, or the text too short; an error propagates,
   * unlike in {@link #assess}) and the composite's result.
   */
  public record Trace(RiskLevel lexicon, RiskLevel lexiconWithTopic, boolean framed, boolean readAway,
      double[] probabilities, RiskAssessment result) {}

  /** @see Trace */
  public Trace trace(String text) {
    LexiconRiskDetector.Reading reading = lexicon.read(text);
    double[] p = learnedRuns(text, reading) ? learned.probabilities(text) : null;
    RiskAssessment result = p == null ? relabel(reading.assessment()) : decide(text, reading, p);
    return new Trace(reading.assessment().level(), reading.withTopic().assessment().level(), reading.framed(),
        reading.readAway(), p, result);
  }

  private static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private RiskAssessment relabel(RiskAssessment a) {
    return new RiskAssessment(a.level(), a.escalate(), a.signals(), a.evidence(), version);
  }

  /** E.g. "lexicon-risk/1.2.6+finetuned/5": recorded with every crisis decision. */
  @Override
  public String version() {
    return version;
  }

  /** Whether the learned component is running (false: lexicon alone after an encoder failure at load). */
  public boolean learnedAvailable() {
    return learned != null;
  }

  /** The lexicon part, for the evaluation tool's side-by-side report. */
  public LexiconRiskDetector lexicon() {
    return lexicon;
  }
}
