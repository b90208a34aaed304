package org.foiflow.drafting;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, so it follows the application's logging configuration instead of
 * printing a dozen INFO lines per letter on the console. Its INFO chatter becomes DEBUG.
 */
final class Slf4jXrLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else if (value >= Level.INFO.intValue()) {
      logger.debug(msg, th);
    } else {
      logger.trace(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are set in the logging configuration (e.g. logging.level.com.openhtmltopdf).
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger("com.openhtmltopdf");
    int value = diagnostic.getLevel().intValue();
    if (value >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    }
    return value >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}
