// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.emotion.EmotionHeads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GoEmotions model (MiniLM-L6 fine-tuned with three heads, TorchScript, see
 * {@code models/emotion/README.md}) on DJL's PyTorch engine: on a GPU when one is present, on the
 * CPU otherwise. Every artefact file is checked against its recorded SHA-256 before loading.
 * Thread-safe: each calling thread gets its own {@link Predictor} (DJL predictors are not), and
 * all are closed with the scorer.
 */
public final class DjlEmotionScorer implements EmotionScorer {
  private static final Logger LOG = LoggerFactory.getLogger(DjlEmotionScorer.class);
  static final String MODEL_FILE = "emotion-minilm-l6.pt";
  private static final ModelBundle BUNDLE = new ModelBundle("/org/mhai/nlp/emotion/model/",
      List.of(MODEL_FILE, "tokenizer.json", "labels.json"), "the emotion model");
  /** Longest input in tokens; GoEmotions comments are short (p99 38 tokens). */
  public static final int MAX_TOKENS = 128;

  private final ZooModel<Batch, float[][][]> model;
  private final HuggingFaceTokenizer tokenizer;
  private final EmotionHeads heads;
  private final String name;
  private final Device device;
  private final List<Predictor<Batch, float[][][]>> predictors = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Predictor<Batch, float[][][]>> predictor;

  private DjlEmotionScorer(ZooModel<Batch, float[][][]> model, HuggingFaceTokenizer tokenizer, EmotionHeads heads,
      String name, Device device) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.heads = heads;
    this.name = name;
    this.device = device;
    this.predictor = ThreadLocal.withInitial(() -> {
      Predictor<Batch, float[][][]> p = model.newPredictor();
      predictors.add(p);
      return p;
    });
  }

  /** Padded token ids and attention mask of a batch. */
  record Batch(long[][] ids, long[][] mask) {}

  /** Copies the model bundled in this jar into {@code dir} (once per model version) and loads it. */
  public static DjlEmotionScorer loadBundled(Path dir) {
    return load(BUNDLE.unpack(dir, "emotion"));
  }

  /** Loads the model in {@code dir}, after checking every file against its {@code .sha256}. */
  public static DjlEmotionScorer load(Path dir) {
    long t0 = System.nanoTime();
    String sha = BUNDLE.verify(dir);
    try {
      Engine engine = Engine.getEngine("PyTorch");
      Device device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      String name = "goemotions-minilm-l6-3head (sha256 " + sha.substring(0, 12) + ")";
      EmotionHeads heads;
      try (InputStream in = Files.newInputStream(dir.resolve("labels.json"))) {
        heads = EmotionHeads.fromJson(in, name);
      }
      HuggingFaceTokenizer tokenizer = ModelBundle.tokenizer(dir, MAX_TOKENS);
      Criteria<Batch, float[][][]> criteria = Criteria.builder()
          .setTypes(Batch.class, float[][][].class)
          .optEngine("PyTorch")
          .optModelPath(dir)
          .optModelName(MODEL_FILE.replace(".pt", ""))
          .optDevice(device)
          .optOption("mapLocation", "true")
          .optTranslator(new HeadsTranslator())
          .build();
      ZooModel<Batch, float[][][]> model = criteria.loadModel();
      LOG.info("emotion.model_loaded model={} engine={} device={} ms={}", name, engine.getVersion(), device,
          (System.nanoTime() - t0) / 1_000_000);
      return new DjlEmotionScorer(model, tokenizer, heads, name, device);
    } catch (IOException e) {
      throw new NlpException("cannot read the emotion model in " + dir, e);
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new NlpException("cannot load the emotion model in " + dir, e);
    }
  }

  @Override
  public List<EmotionScores> score(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    Encoding[] enc = tokenizer.batchEncode(texts);
    // The tokenizer may pad to a fixed length: keep only real tokens, then right-pad to the batch's longest.
    int[] real = new int[enc.length];
    int len = 1;
    for (int i = 0; i < enc.length; i++) {
      real[i] = ModelBundle.realTokens(enc[i]);
      len = Math.max(len, real[i]);
    }
    long[][] ids = new long[texts.size()][len];
    long[][] mask = new long[texts.size()][len];
    for (int i = 0; i < enc.length; i++) {
      System.arraycopy(enc[i].getIds(), 0, ids[i], 0, real[i]);
      java.util.Arrays.fill(mask[i], 0, real[i], 1L);
    }
    float[][][] out;
    try {
      out = predictor.get().predict(new Batch(ids, mask));
    } catch (TranslateException e) {
      throw new NlpException("emotion inference failed", e);
    }
    List<EmotionScores> result = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      result.add(heads.scores(out[0][i], out[1][i], out[2][i]));
    }
    return result;
  }

  @Override
  public String model() {
    return name;
  }

  public Device device() {
    return device;
  }

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    model.close();
    tokenizer.close();
  }

  /** Batch → (input_ids, attention_mask) int64; outputs → three [batch, labels] probability matrices. */
  private static final class HeadsTranslator implements Translator<Batch, float[][][]> {
    /** The batch is already a batch: no extra batch dimension. */
    @Override
    public ai.djl.translate.Batchifier getBatchifier() {
      return null;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch batch) {
      NDManager m = ctx.getNDManager();
      return new NDList(m.create(batch.ids()), m.create(batch.mask()));
    }

    @Override
    public float[][][] processOutput(TranslatorContext ctx, NDList list) {
      float[][][] out = new float[3][][];
      for (int h = 0; h < 3; h++) {
        NDArray a = list.get(h);
        int rows = (int) a.getShape().get(0);
        int cols = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        out[h] = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
          System.arraycopy(flat, r * cols, out[h][r], 0, cols);
        }
      }
      return out;
    }
  }






}
