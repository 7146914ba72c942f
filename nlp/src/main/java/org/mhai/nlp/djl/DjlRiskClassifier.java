// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.risk.learned.RiskClassifier;
import org.mhai.nlp.risk.learned.RiskProbabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fine-tuned crisis-risk classifier (MiniLM-L6 with one 3-class softmax head, int8 TorchScript,
 * see {@code models/risk/classifier/README.md}) on DJL's PyTorch engine, CPU. Every artefact file is
 * checked against its recorded SHA-256 before loading. Thread-safe: one {@link Predictor} per
 * calling thread, all closed with the classifier.
 */
public final class DjlRiskClassifier implements RiskProbabilities, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DjlRiskClassifier.class);
  static final String MODEL_FILE = "risk-minilm-l6.pt";
  private static final ModelBundle BUNDLE = new ModelBundle("/org/mhai/nlp/risk/classifier/model/",
      List.of(MODEL_FILE, "tokenizer.json", "labels.json"), "the risk classifier");
  static final List<String> FILES = BUNDLE.files();
  /**
   * Messages of fewer words are left to the lexicon: only 7 of the 1,953 training messages had
   * fewer than 3 words, and on such inputs the model is confidently wrong (p(crisis) 0.96 for
   * "skip", a dialogue command).
   */
  public static final int MIN_WORDS = 3;
  /** Longest input in tokens (as in training: the tokenizer's own truncation). */
  public static final int MAX_TOKENS = 128;

  private final ZooModel<Batch, float[]> model;
  private final HuggingFaceTokenizer tokenizer;
  private final String version;
  private final String name;
  private final double tauMedium;
  private final double tauHigh;
  private final double tauDirect;
  private final List<Predictor<Batch, float[]>> predictors = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Predictor<Batch, float[]>> predictor;

  /** Token ids right-padded with 0 to the batch's longest, and the attention mask (1 on real tokens). */
  record Batch(long[][] ids, long[][] mask) {}

  private DjlRiskClassifier(ZooModel<Batch, float[]> model, HuggingFaceTokenizer tokenizer, String version,
      String name, double tauMedium, double tauHigh, double tauDirect) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.version = version;
    this.name = name;
    this.tauMedium = tauMedium;
    this.tauHigh = tauHigh;
    this.tauDirect = tauDirect;
    this.predictor = ThreadLocal.withInitial(() -> {
      Predictor<Batch, float[]> p = model.newPredictor();
      predictors.add(p);
      return p;
    });
  }

  /** Whether this build bundles the fine-tuned classifier (all files and checksums present). */
  public static boolean isBundled() {
    return BUNDLE.bundled();
  }

  /** Copies the classifier bundled in this jar into {@code dir} (once per model version) and loads it. */
  public static DjlRiskClassifier loadBundled(Path dir) {
    return load(BUNDLE.unpack(dir, "risk"));
  }

  /** Loads the classifier in {@code dir}, after checking every file against its {@code .sha256}. */
  public static DjlRiskClassifier load(Path dir) {
    long t0 = System.nanoTime();
    String sha = BUNDLE.verify(dir);
    try {
      JsonNode labels;
      try (InputStream in = Files.newInputStream(dir.resolve("labels.json"))) {
        labels = new ObjectMapper().readTree(in);
      }
      JsonNode classes = labels.path("classes");
      for (int i = 0; i < RiskClassifier.CLASSES.size(); i++) {
        if (!RiskClassifier.CLASSES.get(i).equals(classes.path(i).asText())) {
          throw new NlpException("labels.json classes " + classes + " are not " + RiskClassifier.CLASSES);
        }
      }
      JsonNode th = labels.path("thresholds");
      double tauMedium = required(th, "tau_medium");
      double tauHigh = required(th, "tau_high");
      double tauDirect = required(th, "tau_direct");
      String version = labels.path("version").asText("finetuned/1");
      String name = "risk-minilm-l6 " + version + " (sha256 " + sha.substring(0, 12) + ")";
      HuggingFaceTokenizer tokenizer = ModelBundle.tokenizer(dir, MAX_TOKENS);
      Criteria<Batch, float[]> criteria = Criteria.builder()
          .setTypes(Batch.class, float[].class)
          .optEngine("PyTorch")
          .optModelPath(dir)
          .optModelName(MODEL_FILE.replace(".pt", ""))
          .optDevice(Device.cpu())
          .optOption("mapLocation", "true")
          .optTranslator(new ProbsTranslator())
          .build();
      ZooModel<Batch, float[]> model = criteria.loadModel();
      LOG.info("risk.classifier_loaded model={} tau_medium={} tau_high={} tau_direct={} ms={}", name, tauMedium,
          tauHigh, tauDirect, (System.nanoTime() - t0) / 1_000_000);
      return new DjlRiskClassifier(model, tokenizer, version, name, tauMedium, tauHigh, tauDirect);
    } catch (IOException e) {
      throw new NlpException("cannot read the risk classifier in " + dir, e);
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new NlpException("cannot load the risk classifier in " + dir, e);
    }
  }

  private static double required(JsonNode th, String key) {
    JsonNode v = th.get(key);
    if (v == null || !v.isNumber()) {
      throw new NlpException("labels.json has no numeric thresholds." + key);
    }
    return v.asDouble();
  }

  /** p(crisis), p(concern), p(safe) for one text: a forward pass of its own, unpadded. */
  @Override
  public double[] probabilities(String text) {
    Encoding e = tokenizer.encode(text);
    int n = ModelBundle.realTokens(e);
    if (n == 0) {
      throw new NlpException("the tokenizer produced no tokens");
    }
    long[][] mask = new long[1][n];
    java.util.Arrays.fill(mask[0], 1L);
    return rows(forward(new Batch(new long[][] {java.util.Arrays.copyOf(e.getIds(), n)}, mask)), 1).get(0);
  }

  /**
   * p(crisis), p(concern), p(safe) for each text, in order, from one forward pass: the texts' tokens
   * right-padded to the longest, with the attention mask (as the emotion model is batched); a single text
   * is exactly {@link #probabilities}.
   *
   * <p><b>Not what the detector uses</b>: the encoder's Linear layers quantise their activations to int8
   * with one scale per call over the whole batch (dynamic quantisation), so the other texts of a batch and
   * the padding move a text's probabilities. Measured on 1,024 labelled risk messages in random batches of
   * 32: 86 rows moved by more than 0.01, 41 by more than 0.1, the largest by 0.70; even a batch of the same
   * text twice moved one of 256 texts by 0.013 (docs/performance.md). A batched verdict could therefore
   * differ from the verdict on the text alone, so {@link org.mhai.nlp.risk.CompositeRiskDetector} scores
   * each text alone. A model exported without dynamic activation quantisation could use this.
   *
   * @throws NlpException when any text has no tokens or inference fails
   */
  public List<double[]> probabilitiesInOnePass(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    if (texts.size() == 1) {
      return List.of(probabilities(texts.get(0)));
    }
    Encoding[] enc = tokenizer.batchEncode(texts);
    int[] real = new int[enc.length];
    int len = 1;
    for (int i = 0; i < enc.length; i++) {
      real[i] = ModelBundle.realTokens(enc[i]);
      if (real[i] == 0) {
        throw new NlpException("the tokenizer produced no tokens");
      }
      len = Math.max(len, real[i]);
    }
    long[][] ids = new long[enc.length][len];
    long[][] mask = new long[enc.length][len];
    for (int i = 0; i < enc.length; i++) {
      System.arraycopy(enc[i].getIds(), 0, ids[i], 0, real[i]);
      java.util.Arrays.fill(mask[i], 0, real[i], 1L);
    }
    return rows(forward(new Batch(ids, mask)), enc.length);
  }

  private float[] forward(Batch batch) {
    try {
      return predictor.get().predict(batch);
    } catch (TranslateException ex) {
      throw new NlpException("risk classifier inference failed", ex);
    }
  }

  private static List<double[]> rows(float[] flat, int n) {
    int classes = RiskClassifier.CLASSES.size();
    if (flat.length != n * classes) {
      throw new NlpException("risk classifier returned " + flat.length + " values for " + n + " texts");
    }
    List<double[]> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new double[] {flat[i * classes], flat[i * classes + 1], flat[i * classes + 2]});
    }
    return out;
  }

  @Override
  public int minWords() {
    return MIN_WORDS;
  }

  @Override
  public double tauMedium() {
    return tauMedium;
  }

  @Override
  public double tauHigh() {
    return tauHigh;
  }

  @Override
  public double tauDirect() {
    return tauDirect;
  }

  @Override
  public String version() {
    return version;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    model.close();
    tokenizer.close();
  }

  /** (input_ids, attention_mask) int64 [B, T] → the [B, 3] probabilities, flattened row by row. */
  private static final class ProbsTranslator implements Translator<Batch, float[]> {
    /** The input is already a batch: no extra batch dimension. */
    @Override
    public Batchifier getBatchifier() {
      return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
      NDManager m = ctx.getNDManager();
      return new NDList(m.create(batch.ids()), m.create(batch.mask()));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      NDArray a = list.get(0);
      return a.toFloatArray();
    }
  }
}
