// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.List;

/** The in-memory catalog the service keeps in sync with the database keeps the {@link FlowCatalog} contract. */
class InMemoryFlowCatalogContractTest extends FlowCatalogContract {
  @Override
  protected FlowCatalog catalog(List<Flow> held, List<Flow> published) {
    InMemoryFlowCatalog c = new InMemoryFlowCatalog();
    held.forEach(c::add);
    published.forEach(c::publish);
    return c;
  }
}
