package io.textback.worker.database;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What "PostgreSQL is unavailable" means, for webhooks, callers and jobs alike. */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  /**
   * Unreachable, restarting, or no connection free within the pool's timeout, anywhere in the cause
   * chain: a temporary state worth a 503, not a fault of the request.
   */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
          || t instanceof CannotCreateTransactionException || isConnectionFailure(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The server itself is out of reach: PostgreSQL's classes 08 (connection exception) and 57P
   * (operator intervention: shutdown), or a refused connection. A pool that is only busy is not.
   */
  public static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (isConnectionFailure(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionFailure(Throwable t) {
    return t instanceof java.net.ConnectException || t instanceof SQLException sql && sql.getSQLState() != null
        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
  }
}
