package io.textback.worker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** The funnel as CSV: one row per measure, one column per channel (calls, forms, all). */
final class FunnelCsv {
  private FunnelCsv() {}

  static String of(FunnelReport r) {
    List<String> lines = new ArrayList<>();
    lines.add("business,from,to,measure,calls,forms,all");
    String prefix = "%s,%s,%s,".formatted(r.business(), r.from(), r.to());
    row(lines, prefix, r, "leads", f -> f.leads());
    row(lines, prefix, r, "texted", f -> f.texted());
    TreeSet<String> reasons = new TreeSet<>(r.all().notTexted().keySet());
    for (String reason : reasons) {
      row(lines, prefix, r, "not_texted:" + reason, f -> f.notTexted().getOrDefault(reason, 0L));
    }
    row(lines, prefix, r, "repeat_calls", f -> f.repeatCalls());
    row(lines, prefix, r, "voicemails", f -> f.voicemails());
    row(lines, prefix, r, "reached_by_phone", f -> f.reachedByPhone());
    row(lines, prefix, r, "replies", f -> f.replies());
    for (String after : List.of("text-back", "follow-up 1", "follow-up 2")) {
      row(lines, prefix, r, "replies_after:" + after, f -> f.repliesAfter().getOrDefault(after, 0L));
    }
    row(lines, prefix, r, "recovery_rate", Funnel::recoveryRate);
    row(lines, prefix, r, "booked", f -> f.booked());
    row(lines, prefix, r, "booking_rate", Funnel::bookingRate);
    row(lines, prefix, r, "escalated", f -> f.escalated());
    row(lines, prefix, r, "opt_outs", f -> f.optOuts());
    row(lines, prefix, r, "response_median_s", f -> f.responseTime().medianSeconds());
    row(lines, prefix, r, "response_p90_s", f -> f.responseTime().p90Seconds());
    row(lines, prefix, r, "response_business_hours_median_s", f -> f.responseTime().businessHoursMedianSeconds());
    row(lines, prefix, r, "response_business_hours_p90_s", f -> f.responseTime().businessHoursP90Seconds());
    return String.join("\n", lines) + "\n";
  }

  private static void row(List<String> lines, String prefix, FunnelReport r, String measure, Function<Funnel, Object> value) {
    lines.add(prefix + measure + "," + cell(value.apply(r.calls())) + "," + cell(value.apply(r.forms())) + ","
        + cell(value.apply(r.all())));
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    return value.toString();
  }
}
