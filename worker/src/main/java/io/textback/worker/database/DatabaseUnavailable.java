package io.textback.worker.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether an exception means PostgreSQL could not be reached (down, restarting, or no connection
 * free within the pool's timeout): a temporary state worth a 503, not a fault of the request.
 */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  public static boolean is(Throwable e) {
    return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
        || e instanceof CannotCreateTransactionException;
  }
}
