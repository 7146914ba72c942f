// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import java.util.List;

/**
 * The seam for an LLM-written session summary. None is configured today: the portal shows the
 * extractive summary alone. An implementation receives only the already-redacted excerpts, runs
 * on its own worker pool with a timeout, and is never on the crisis path.
 */
@FunctionalInterface
public interface SummaryWriter {
  Future<String> write(List<ExtractiveSummary.Excerpt> redactedExcerpts, String locale);
}
