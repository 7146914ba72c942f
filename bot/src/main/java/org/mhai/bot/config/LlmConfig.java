// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The optional OpenAI-compatible endpoint for free-chat replies (docs/responses.md, "Optional LLM
 * replies"). Off unless both {@code MHAI_LLM_BASE_URL} and {@code MHAI_LLM_MODEL} are set.
 *
 * @param baseUrl the API root that {@code /chat/completions} is appended to, e.g. {@code http://127.0.0.1:8000/v1}
 * @param model the model name sent with each request
 * @param apiKey the bearer token, when the endpoint needs one (never logged)
 * @param timeout the longest a reply may take before the curated template is sent instead
 */
public record LlmConfig(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
  public static final int DEFAULT_TIMEOUT_MS = 3000;

  /** The settings, or empty when the LLM is off; a half-configured endpoint stops start-up. */
  static Optional<LlmConfig> from(Map<String, String> env) {
    Optional<String> url = text(env, "MHAI_LLM_BASE_URL");
    Optional<String> model = text(env, "MHAI_LLM_MODEL");
    Optional<String> key = text(env, "MHAI_LLM_API_KEY");
    if (url.isEmpty() && model.isEmpty()) {
      if (key.isPresent() || text(env, "MHAI_LLM_TIMEOUT_MS").isPresent()) {
        throw new ConfigException("MHAI_LLM_BASE_URL", "required with the other MHAI_LLM_* settings");
      }
      return Optional.empty();
    }
    if (url.isEmpty()) {
      throw new ConfigException("MHAI_LLM_BASE_URL", "required when MHAI_LLM_MODEL is set");
    }
    if (model.isEmpty()) {
      throw new ConfigException("MHAI_LLM_MODEL", "required when MHAI_LLM_BASE_URL is set");
    }
    URI uri;
    try {
      uri = URI.create(url.get().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MHAI_LLM_BASE_URL", "must be an absolute http(s) URL such as http://127.0.0.1:8000/v1");
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new ConfigException("MHAI_LLM_BASE_URL", "must be an absolute http(s) URL such as http://127.0.0.1:8000/v1");
    }
    int timeoutMs = DEFAULT_TIMEOUT_MS;
    Optional<String> t = text(env, "MHAI_LLM_TIMEOUT_MS");
    if (t.isPresent()) {
      try {
        timeoutMs = Integer.parseInt(t.get());
      } catch (NumberFormatException e) {
        throw new ConfigException("MHAI_LLM_TIMEOUT_MS", "must be a whole number");
      }
      if (timeoutMs < 100 || timeoutMs > 30_000) {
        throw new ConfigException("MHAI_LLM_TIMEOUT_MS", "must be between 100 and 30000");
      }
    }
    return Optional.of(new LlmConfig(uri, model.get(), key, Duration.ofMillis(timeoutMs)));
  }

  /** True when patient text would cross the network unencrypted (plain http to a host other than this one). */
  public boolean cleartextRemote() {
    String host = baseUrl.getHost();
    return "http".equals(baseUrl.getScheme())
        && !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"));
  }

  @Override
  public String toString() {
    return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
        + ", timeout=" + timeout + "]";
  }

  private static Optional<String> text(Map<String, String> env, String key) {
    String v = env.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
