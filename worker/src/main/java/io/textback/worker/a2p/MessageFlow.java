package io.textback.worker.a2p;

import io.textback.worker.business.Business;

/**
 * The "message flow" (call to action) text an A2P campaign needs (Twilio error 30909 when it is
 * incomplete): every way a lead comes to be texted by textback, in the business's own words. A
 * template: the business fills in the bracketed parts before it submits.
 */
final class MessageFlow {
  private MessageFlow() {}

  static String of(Business b) {
    return """
        %1$s texts people who contact it first, in three ways, and never buys or shares numbers.
        1. Phone call: a caller who reaches %1$s at %2$s and is not answered hears "%3$s" and then gets one text \
        from %1$s on the number they called from, about their call.
        2. Web form: a visitor to [the page of the form, e.g. https://example.com/contact] enters their phone number \
        and ticks an unticked box beside the words "[the words beside the checkbox, e.g. I agree to receive texts from \
        %1$s about my request. Msg & data rates may apply. Reply STOP to opt out.]"; %1$s then texts them about their request.
        3. Text: a person who texts %2$s gets answers from %1$s in that conversation.
        Message frequency varies: the first text, at most two follow-ups if there is no answer, and replies by staff. \
        Message and data rates may apply. Reply STOP (or stop, unsubscribe, cancel, end, quit, or "stop texting me" in \
        any words) to opt out, HELP for help. Privacy policy: [URL]; terms: [URL]. Mobile numbers are not shared with \
        third parties for marketing.
        """.formatted(b.name(), b.twilioNumber(), b.spokenGreeting());
  }
}
