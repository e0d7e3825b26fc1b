// What the worker answers (GET /api/leads/{contactId}/journey), and how the card talks to it.
export type StepKind =
  | 'call_missed' | 'form_submitted' | 'voicemail' | 'reached' | 'texted' | 'not_texted'
  | 'reply' | 'human_reply' | 'escalated' | 'booked' | 'opted_out';

export interface Step {
  kind: StepKind;
  detail: string | null;
  at: string;
}

export interface LeadJourney {
  contactId: string;
  business: string;
  channel: 'call' | 'form';
  startedAt: string;
  state: string;
  paused: boolean;
  responseTimeSeconds: number | null;
  timeline: Step[];
}

/** The card's only I/O; the entry point passes one built on hubspot.fetch, tests a fake. */
export interface JourneyApi {
  load(contactId: string): Promise<LeadJourney | null>;
  setPaused(contactId: string, paused: boolean): Promise<LeadJourney>;
}

export const STEP_LABELS: Record<StepKind, string> = {
  call_missed: 'Call missed',
  form_submitted: 'Web form submitted',
  voicemail: 'Voicemail left',
  reached: 'Reached by phone',
  texted: 'Text sent',
  not_texted: 'Not texted',
  reply: 'Lead replied',
  human_reply: 'First human reply',
  escalated: 'Escalated',
  booked: 'Booked',
  opted_out: 'Opted out (STOP)',
};

export const STATE_LABELS: Record<string, string> = {
  in_conversation: 'In conversation',
  paused: 'Automation paused',
  booked: 'Booked',
  opted_out: 'Opted out',
  recovered: 'Recovered',
  no_reply: 'No reply',
  voicemail: 'Voicemail left',
  reached_by_phone: 'Reached by phone',
  not_texted: 'Not texted',
  in_progress: 'Waiting for the caller',
  closed: 'Closed',
};

/** Whether the automation can be paused or resumed: only while a conversation is open. */
export const canToggle = (j: LeadJourney) => j.state === 'in_conversation' || j.state === 'paused';

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
