import React, { useCallback, useEffect, useState } from 'react';
import {
  Alert, Button, Divider, EmptyState, ErrorState, Flex, Heading, LoadingSpinner, StatusTag, Text,
} from '@hubspot/ui-extensions';
import { JourneyApi, LeadJourney, STATE_LABELS, STEP_LABELS, canToggle, formatSeconds } from './journey';

const TAG_VARIANT: Record<string, 'success' | 'warning' | 'danger' | 'info' | 'default'> = {
  booked: 'success', recovered: 'success', in_conversation: 'info', paused: 'warning',
  opted_out: 'danger', no_reply: 'default', not_texted: 'default',
};

export interface JourneyCardProps {
  contactId: string;
  api: JourneyApi;
}

/** The lead's journey on the contact record, and the switch that pauses textback for this lead. */
export const JourneyCard = ({ contactId, api }: JourneyCardProps) => {
  const [journey, setJourney] = useState<LeadJourney | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    setError(null);
    api.load(contactId).then(setJourney, (e: Error) => setError(e.message));
  }, [api, contactId]);
  useEffect(load, [load]);

  const toggle = () => {
    if (!journey) return;
    setBusy(true);
    api.setPaused(contactId, !journey.paused)
      .then(setJourney, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  if (error) {
    return (
      <ErrorState title="textback could not load this lead's journey">
        <Text testId="error">{error}</Text>
        <Button onClick={load}>Try again</Button>
      </ErrorState>
    );
  }
  if (journey === undefined) {
    return <LoadingSpinner label="Loading the journey" />;
  }
  if (journey === null) {
    return (
      <EmptyState title="No textback journey" layout="vertical">
        <Text testId="empty">This contact has not called or filled in a form since textback was set up.</Text>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>{journey.channel === 'form' ? 'Web form lead' : 'Missed-call lead'}</Heading>
        <StatusTag testId="state" variant={TAG_VARIANT[journey.state] ?? 'default'}>
          {STATE_LABELS[journey.state] ?? journey.state}
        </StatusTag>
      </Flex>
      {journey.responseTimeSeconds !== null && (
        <Text testId="response-time">First human reply after {formatSeconds(journey.responseTimeSeconds)}</Text>
      )}
      {journey.paused && (
        <Alert title="Automation paused" variant="warning">
          No follow-ups or escalation texts go out for this lead until you resume.
        </Alert>
      )}
      <Divider />
      {journey.timeline.map((step, i) => (
        <Text key={i} testId={`step-${i}`}>
          {new Date(step.at).toLocaleString()} · {STEP_LABELS[step.kind] ?? step.kind}
          {step.detail ? ` (${step.detail})` : ''}
        </Text>
      ))}
      {canToggle(journey) && (
        <Button testId="toggle" variant={journey.paused ? 'primary' : 'secondary'} disabled={busy} onClick={toggle}>
          {journey.paused ? 'Resume' : 'Pause automation'}
        </Button>
      )}
    </Flex>
  );
};
