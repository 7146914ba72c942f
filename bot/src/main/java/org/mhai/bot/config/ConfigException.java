// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

/** A configuration value is missing or wrong. The message names the key and never its value. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
  }
}
