// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Sequential future loops, written once. */
public final class Futures {
  private Futures() {}

  /** {@code step} applied to each item in order, each after the previous one completed; the first failure fails all. */
  public static <T, R> Future<List<R>> sequence(List<T> items, Function<T, Future<R>> step) {
    Future<List<R>> chain = Future.succeededFuture(new ArrayList<>(items.size()));
    for (T item : items) {
      chain = chain.compose(done -> step.apply(item).map(r -> {
        done.add(r);
        return done;
      }));
    }
    return chain;
  }
}
