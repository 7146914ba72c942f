// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small per-thread memo of a pure function's latest results (issue #22): one patient message is read by the
 * same cue lists several times in a turn (the plan, the crisis policy, the policies after it), and those regular
 * expressions are most of a turn's CPU. Per thread, so no locks and no sharing; bounded, so it holds a few strings.
 * Only for pure functions of their key.
 */
public final class Recent<K, V> {
  private static final int SIZE = 32;
  private final ThreadLocal<LinkedHashMap<K, V>> memo = ThreadLocal.withInitial(() -> new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > SIZE;
    }
  });

  /** The value for {@code key}, computed once per thread while it is among the latest keys. */
  public V get(K key, Function<K, V> compute) {
    LinkedHashMap<K, V> m = memo.get();
    V v = m.get(key);
    if (v == null) {
      v = compute.apply(key);
      m.put(key, v);
    }
    return v;
  }
}
