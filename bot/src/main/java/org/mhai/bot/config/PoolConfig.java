// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.util.List;
import java.util.Map;

/**
 * Threads of the named worker pools that blocking work runs on, so the event loops never wait
 * (docs/configuration.md, {@code MHAI_POOL_*}). The {@code nlp} pool is {@link AppConfig.NlpConfig#workers()};
 * the {@code llm} pool is sized with the LLM client's own limit on calls in flight.
 *
 * @param risk the risk detectors (lexicon and learned reader): the crisis path's pool
 * @param recommend exercise ranking and learning
 * @param auth staff password hashing (PBKDF2): also what bounds sign-ins being worked on
 * @param pii CoreNLP redaction for escalation summaries
 * @param researchExport the research export's redaction, apart from {@code pii} so a long export never
 *     delays a summary
 * @param redis Jedis calls (rate limits, the cross-instance bus), when {@code MHAI_REDIS_URL} is set
 * @param telegram on-call alerts posted to Telegram staff chats
 */
public record PoolConfig(int risk, int recommend, int auth, int pii, int researchExport, int redis, int telegram) {
  static final List<String> NAMES = List.of("MHAI_POOL_RISK", "MHAI_POOL_RECOMMEND", "MHAI_POOL_AUTH", "MHAI_POOL_PII",
      "MHAI_POOL_RESEARCH_EXPORT", "MHAI_POOL_REDIS", "MHAI_POOL_TELEGRAM");

  /** The sizes the service has always used. */
  public static final PoolConfig DEFAULT = new PoolConfig(2, 2, 2, 2, 1, 8, 2);

  static PoolConfig from(Map<String, String> env) {
    AppConfig.Settings s = new AppConfig.Settings(env);
    return new PoolConfig(
        s.integer("MHAI_POOL_RISK", DEFAULT.risk(), 1, 64),
        s.integer("MHAI_POOL_RECOMMEND", DEFAULT.recommend(), 1, 64),
        s.integer("MHAI_POOL_AUTH", DEFAULT.auth(), 1, 64),
        s.integer("MHAI_POOL_PII", DEFAULT.pii(), 1, 64),
        s.integer("MHAI_POOL_RESEARCH_EXPORT", DEFAULT.researchExport(), 1, 16),
        s.integer("MHAI_POOL_REDIS", DEFAULT.redis(), 1, 256),
        s.integer("MHAI_POOL_TELEGRAM", DEFAULT.telegram(), 1, 64));
  }
}
