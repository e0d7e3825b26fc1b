import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Alert, Button, EmptyState, ErrorState, LoadingSpinner, StatusTag, Text } from '@hubspot/ui-extensions';
import { JourneyCard } from './JourneyCard';
import { JourneyApi, LeadJourney, Step } from './journey';

const at = (minute: number) => `2026-11-30T15:${String(minute).padStart(2, '0')}:00Z`;
const step = (kind: Step['kind'], minute: number, detail: string | null = null): Step => ({ kind, detail, at: at(minute) });

function journey(state: string, timeline: Step[], extra: Partial<LeadJourney> = {}): LeadJourney {
  return {
    contactId: '900', business: 'demo-plumbing', channel: 'call', startedAt: at(0), state,
    paused: state === 'paused', responseTimeSeconds: null, timeline, ...extra,
  };
}

function fakeApi(first: LeadJourney | null | Error, onPause?: (paused: boolean) => LeadJourney): JourneyApi {
  return {
    load: vi.fn(() => (first instanceof Error ? Promise.reject(first) : Promise.resolve(first))),
    setPaused: vi.fn((_id: string, paused: boolean) => Promise.resolve(onPause!(paused))),
  };
}

async function show(api: JourneyApi) {
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<JourneyCard contactId="900" api={api} />);
  await renderer.waitFor(() => expect(renderer.maybeFind(LoadingSpinner)).toBeNull());
  return renderer;
}

const stepTexts = (r: Awaited<ReturnType<typeof show>>) => r.findAll(Text).map((t) => t.text ?? '').filter((t) => t.includes(' · '));

describe('the textback journey card', () => {
  it('loads the journey of the contact it is shown on, with a spinner meanwhile', async () => {
    const api = fakeApi(journey('in_conversation', [step('call_missed', 0), step('texted', 0)]));
    const renderer = createRenderer('crm.record.tab');
    renderer.render(<JourneyCard contactId="900" api={api} />);
    expect(renderer.find(LoadingSpinner)).toBeTruthy();
    await renderer.waitFor(() => expect(renderer.maybeFind(LoadingSpinner)).toBeNull());
    expect(api.load).toHaveBeenCalledWith('900');
  });

  it('a missed call that was texted: in conversation, the two steps, and a pause button', async () => {
    const r = await show(fakeApi(journey('in_conversation', [step('call_missed', 0), step('texted', 0)])));
    expect(r.find(StatusTag).text).toBe('In conversation');
    expect(stepTexts(r)).toEqual([
      expect.stringContaining('Call missed'), expect.stringContaining('Text sent'),
    ]);
    expect(r.findByTestId(Button, 'toggle').text).toBe('Pause automation');
    expect(r.maybeFind(Alert)).toBeNull();
  });

  it('a voicemail: no text, and nothing to pause', async () => {
    const r = await show(fakeApi(journey('voicemail', [step('call_missed', 0), step('voicemail', 1)])));
    expect(r.find(StatusTag).text).toBe('Voicemail left');
    expect(stepTexts(r)[1]).toContain('Voicemail left');
    expect(r.maybeFindByTestId(Button, 'toggle')).toBeNull();
  });

  it('a reply and the first human reply: the response time is shown', async () => {
    const r = await show(fakeApi(journey('in_conversation', [
      step('call_missed', 0), step('texted', 0), step('reply', 5, 'to the text-back'),
      step('human_reply', 8, 'answered 8.0 min after the call'),
    ], { responseTimeSeconds: 480 })));
    expect(r.findByTestId(Text, 'response-time').text).toBe('First human reply after 8.0 min');
    expect(stepTexts(r)[2]).toContain('Lead replied (to the text-back)');
    expect(stepTexts(r)[3]).toContain('First human reply (answered 8.0 min after the call)');
  });

  it('an escalation shows in the timeline', async () => {
    const r = await show(fakeApi(journey('in_conversation', [
      step('call_missed', 0), step('texted', 0), step('reply', 5, 'after follow-up 1'),
      step('escalated', 11, 'the SLA passed without an answer'),
    ])));
    expect(stepTexts(r)[3]).toContain('Escalated (the SLA passed without an answer)');
    expect(r.maybeFindByTestId(Text, 'response-time')).toBeNull();
  });

  it('booked: a success tag and no pause button', async () => {
    const r = await show(fakeApi(journey('booked', [
      step('call_missed', 0), step('texted', 0), step('reply', 5), step('human_reply', 6), step('booked', 30),
    ], { responseTimeSeconds: 360 })));
    expect(r.find(StatusTag).props.variant).toBe('success');
    expect(r.find(StatusTag).text).toBe('Booked');
    expect(r.maybeFindByTestId(Button, 'toggle')).toBeNull();
  });

  it('opted out: a danger tag and no pause button', async () => {
    const r = await show(fakeApi(journey('opted_out', [step('call_missed', 0), step('texted', 0), step('opted_out', 2)])));
    expect(r.find(StatusTag).props.variant).toBe('danger');
    expect(stepTexts(r)[2]).toContain('Opted out (STOP)');
    expect(r.maybeFindByTestId(Button, 'toggle')).toBeNull();
  });

  it('a web form lead is named as one', async () => {
    const r = await show(fakeApi(journey('in_conversation', [step('form_submitted', 0), step('texted', 0)], { channel: 'form' })));
    expect(stepTexts(r)[0]).toContain('Web form submitted');
  });

  it('pause: asks the worker, then shows the paused state and a resume button', async () => {
    const texted = [step('call_missed', 0), step('texted', 0)];
    const api = fakeApi(journey('in_conversation', texted), (paused) =>
      journey(paused ? 'paused' : 'in_conversation', texted));
    const r = await show(api);

    r.findByTestId(Button, 'toggle').trigger('onClick');
    await r.waitFor(() => expect(r.find(StatusTag).text).toBe('Automation paused'));

    expect(api.setPaused).toHaveBeenCalledWith('900', true);
    expect(r.find(Alert).props.title).toBe('Automation paused');
    expect(r.findByTestId(Button, 'toggle').text).toBe('Resume');

    r.findByTestId(Button, 'toggle').trigger('onClick');
    await r.waitFor(() => expect(r.find(StatusTag).text).toBe('In conversation'));
    expect(api.setPaused).toHaveBeenLastCalledWith('900', false);
    expect(r.maybeFind(Alert)).toBeNull();
  });

  it('a contact textback does not know: an empty state', async () => {
    const r = await show(fakeApi(null));
    expect(r.find(EmptyState).props.title).toBe('No textback journey');
  });

  it('the worker refuses or is down: the reason and a retry', async () => {
    const r = await show(fakeApi(new Error('textback answered 401: X-HubSpot-Signature-v3 does not match')));
    expect(r.find(ErrorState)).toBeTruthy();
    expect(r.findByTestId(Text, 'error').text).toContain('401');
  });
});
