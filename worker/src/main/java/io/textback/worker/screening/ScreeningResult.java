package io.textback.worker.screening;

/**
 * What the screen-caller step hands to the journey.
 *
 * @param notTextedReason anonymous, invalid_number, internal, blocked or opted_out; null when textable
 * @param voicemailWindow ISO-8601 duration, read by the "Voicemail window passed" timer
 */
public record ScreeningResult(
    boolean textable,
    String notTextedReason,
    String callerPhone,
    String businessPhone,
    String voicemailWindow,
    boolean textOnVoicemail,
    String textBackBody) {}
