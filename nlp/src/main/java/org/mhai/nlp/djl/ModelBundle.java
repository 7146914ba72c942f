// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.mhai.nlp.NlpException;

/**
 * A model the build copies into this jar (from {@code models/…}) with a {@code .sha256} beside
 * each file: unpacked once per model version into a directory DJL can load from, and refused
 * unless every file matches its recorded checksum. Shared by the emotion and risk models.
 *
 * @param resource the jar folder, e.g. {@code /org/mhai/nlp/emotion/model/}
 * @param files the files, the TorchScript model first
 * @param what a name for messages ("the emotion model")
 */
record ModelBundle(String resource, List<String> files, String what) {

  String modelFile() {
    return files.get(0);
  }

  boolean bundled() {
    for (String f : files) {
      if (ModelBundle.class.getResource(resource + f) == null || ModelBundle.class.getResource(resource + f + ".sha256") == null) {
        return false;
      }
    }
    return true;
  }

  /** Copies the bundle into {@code dir}/{@code prefix}-{first 12 hex of the model's sha256} and returns that folder. */
  Path unpack(Path dir, String prefix) {
    try {
      String modelSha;
      try (InputStream in = ModelBundle.class.getResourceAsStream(resource + modelFile() + ".sha256")) {
        if (in == null) {
          throw new NlpException(what + " is not bundled in this build: " + modelFile() + ".sha256 is missing");
        }
        modelSha = firstToken(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      }
      Path target = dir.resolve(prefix + "-" + modelSha.substring(0, Math.min(12, modelSha.length())));
      Files.createDirectories(target);
      for (String f : files) {
        copy(resource + f, target.resolve(f));
        copy(resource + f + ".sha256", target.resolve(f + ".sha256"));
      }
      return target;
    } catch (IOException e) {
      throw new NlpException("cannot unpack " + what + " into " + dir, e);
    }
  }

  /** Checks every file in {@code dir} against its {@code .sha256}; returns the model file's sha256. */
  String verify(Path dir) {
    String modelSha = null;
    for (String f : files) {
      String actual = sha256(dir.resolve(f));
      String expected;
      try {
        expected = firstToken(Files.readString(dir.resolve(f + ".sha256"), StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new NlpException("missing checksum file " + dir.resolve(f + ".sha256"), e);
      }
      if (!actual.equals(expected)) {
        throw new NlpException(f + " in " + dir + " does not match its recorded sha256 (expected " + expected
            + ", found " + actual + "): refusing to load a model that is not the one evaluated");
      }
      if (f.equals(modelFile())) {
        modelSha = actual;
      }
    }
    return modelSha;
  }

  /** The bundle's tokenizer, truncating at {@code maxTokens}. */
  static HuggingFaceTokenizer tokenizer(Path dir, int maxTokens) throws IOException {
    return HuggingFaceTokenizer.builder()
        .optTokenizerPath(dir.resolve("tokenizer.json"))
        .optTruncation(true)
        .optMaxLength(maxTokens)
        .optPadding(false)
        .build();
  }

  /** How many leading positions are real tokens (the tokenizer may pad to a fixed length). */
  static int realTokens(Encoding e) {
    long[] mask = e.getAttentionMask();
    int n = 0;
    while (n < mask.length && mask[n] == 1) {
      n++;
    }
    return n;
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void copy(String name, Path target) throws IOException {
    try (InputStream in = ModelBundle.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new NlpException(what + " is not bundled in this build: " + name + " is missing");
      }
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static String firstToken(String s) {
    return s.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
  }
}
