// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.util.List;
import org.mhai.bot.config.LlmConfig;
import org.mhai.dialogue.freechat.LlmPrompt;

/**
 * langchain4j's OpenAI chat-completions client over the JDK HTTP client, the only place that knows
 * langchain4j's chat types. Building it contacts nothing; {@link #complete} blocks, so it runs on
 * the {@code llm} worker pool. No retries (a late reply is a template reply), no request or
 * response logging (they carry patient text).
 */
public final class OpenAiChat {
  /** Replies are a few sentences; this also bounds how long the model can talk. */
  static final int MAX_TOKENS = 200;
  static final double TEMPERATURE = 0.4;

  private final ChatModel model;

  public OpenAiChat(LlmConfig config) {
    this.model = OpenAiChatModel.builder()
        .baseUrl(config.baseUrl().toString())
        .apiKey(config.apiKey().orElse("none"))
        .modelName(config.model())
        .temperature(TEMPERATURE)
        .maxTokens(MAX_TOKENS)
        .timeout(config.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .httpClientBuilder(JdkHttpClient.builder()
            .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
            .connectTimeout(config.timeout())
            .readTimeout(config.timeout()))
        .build();
  }

  /** The model's reply to the prompt (blocking); empty text when it said nothing. */
  public String complete(List<LlmPrompt.Message> prompt) {
    List<ChatMessage> messages = prompt.stream().map(OpenAiChat::message).toList();
    String text = model.chat(messages).aiMessage().text();
    return text == null ? "" : text;
  }

  private static ChatMessage message(LlmPrompt.Message m) {
    return switch (m.role()) {
      case SYSTEM -> SystemMessage.from(m.text());
      case USER -> UserMessage.from(m.text());
      case ASSISTANT -> AiMessage.from(m.text());
    };
  }
}
