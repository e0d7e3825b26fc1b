package io.textback.worker.screening;

/**
 * What the screen-caller step hands to the journey.
 *
 * @param notTextedReason anonymous, invalid_number, internal, blocked, opted_out, in_conversation,
 *     null when textable (the line type is checked by the next step, phone-lookup)
 * @param voicemailWindow ISO-8601 duration, read by the "Voicemail window passed" timer
 * @param afterHours the call came outside opening hours: the after-hours copy was chosen
 * @param copyVariant A or B while the business runs a copy experiment (opening hours only), else null
 * @param crm the business's CRM (a {@link io.textback.crm.CrmKind} id, or none): each CRM step of the journey calls {@code "<step>-in-" + crm}
 */
public record ScreeningResult(
    boolean textable,
    String notTextedReason,
    String callerPhone,
    String businessPhone,
    String voicemailWindow,
    boolean textOnVoicemail,
    boolean afterHours,
    String textBackBody,
    String copyVariant,
    String crm) {}
