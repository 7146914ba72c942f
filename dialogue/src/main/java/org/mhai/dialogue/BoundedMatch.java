// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An admin-written capture pattern matched with a bound on the work: the pattern is compiled once
 * per distinct source, and the match gives up (no match) after a fixed number of character reads,
 * so a backtracking-prone pattern the flow validator did not catch ("(a|aa)*") cannot hold the
 * turn, and with it the conversation's row lock and the crisis path behind it.
 */
public final class BoundedMatch {

  /** Character reads allowed per match: far above any sane pattern on a 500-character answer. */
  static final int MAX_READS = 200_000;
  private static final int MAX_CACHED = 256;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private BoundedMatch() {}

  public static boolean matches(String pattern, String text) {
    Pattern p;
    try {
      p = COMPILED.size() < MAX_CACHED ? COMPILED.computeIfAbsent(pattern, Pattern::compile) : Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return false; // the validator refuses these; a stored one never matches
    }
    try {
      return p.matcher(new Budget(text)).matches();
    } catch (TooMuchWork e) {
      return false;
    }
  }

  private static final class TooMuchWork extends RuntimeException {
    TooMuchWork() {
      super("pattern gave up", null, false, false);
    }
  }

  /** A CharSequence that counts reads and stops the matcher past the budget. */
  private static final class Budget implements CharSequence {
    private final CharSequence text;
    private int reads;

    Budget(CharSequence text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (++reads > MAX_READS) {
        throw new TooMuchWork();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
