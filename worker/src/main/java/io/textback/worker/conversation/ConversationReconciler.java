package io.textback.worker.conversation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds open conversations whose process is gone and closes them. A conversation is closed by its
 * process's end listener; a process cancelled in Operate, or an engine that lost its state, never
 * gets there, and the row would stay OPEN forever: that caller would never be texted back again. The
 * engine answers NOT_FOUND for an instance it no longer runs (asked with an empty variables
 * command, which gRPC offers everywhere, the embedded engine included); an engine that does not
 * answer changes nothing.
 */
@Component
public class ConversationReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationReconciler.class);
  /** Younger ones may still be starting: their process is certainly there. */
  static final Duration GRACE = Duration.ofMinutes(2);
  static final String OUTCOME = "Process gone";
  private final ConversationStore conversations;
  private final CamundaClient client;
  private final Clock clock;

  public ConversationReconciler(ConversationStore conversations, CamundaClient client, Clock clock) {
    this.conversations = conversations;
    this.client = client;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${textback.reconcile-every:PT10M}", initialDelayString = "${textback.reconcile-every:PT10M}")
  public void scheduled() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warn("Conversation reconciliation skipped: {}", e.getMessage());
    }
  }

  /** Checks every open conversation, a page of 200 at a time; returns how many it closed. */
  public int reconcile() {
    return reconcileOpenedBefore(clock.instant().minus(GRACE));
  }

  int reconcileOpenedBefore(java.time.Instant before) {
    int closed = 0;
    long after = 0;
    for (List<ConversationStore.OpenProcess> page = conversations.openWithProcess(before, after, 200); !page.isEmpty();
        page = conversations.openWithProcess(before, after, 200)) {
      for (ConversationStore.OpenProcess open : page) {
        after = open.conversationId();
        if (isGone(open.processInstanceKey())) {
          conversations.close(open.conversationId(), OUTCOME);
          LOG.warn("Conversation {} closed: its process instance {} is gone", open.conversationId(),
              open.processInstanceKey());
          closed++;
        }
      }
    }
    return closed;
  }

  private boolean isGone(long processInstanceKey) {
    try {
      client.newSetVariablesCommand(processInstanceKey).variables(Map.of()).send().join();
      return false;
    } catch (ClientStatusException e) {
      return e.getStatusCode() == Status.Code.NOT_FOUND;
    }
  }
}
