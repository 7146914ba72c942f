// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

/** An exercise catalog or a model state that cannot be read or does not validate; the message says where. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
