package io.textback.worker.phone;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A US state's two-letter code from how libphonenumber's geocoder names a place ("Florida", "Miami, FL"). */
final class UsStates {
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    String[] pairs = {"Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA", "Colorado", "CO",
        "Connecticut", "CT", "Delaware", "DE", "Florida", "FL", "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL",
        "Indiana", "IN", "Iowa", "IA", "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA", "Maine", "ME", "Maryland", "MD",
        "Massachusetts", "MA", "Michigan", "MI", "Minnesota", "MN", "Mississippi", "MS", "Missouri", "MO", "Montana", "MT",
        "Nebraska", "NE", "Nevada", "NV", "New Hampshire", "NH", "New Jersey", "NJ", "New Mexico", "NM", "New York", "NY",
        "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH", "Oklahoma", "OK", "Oregon", "OR", "Pennsylvania", "PA",
        "Philadelphia", "PA", "Rhode Island", "RI", "South Carolina", "SC", "South Dakota", "SD", "Tennessee", "TN", "Texas", "TX",
        "Utah", "UT", "Vermont", "VT", "Virginia", "VA", "Washington State", "WA", "Washington", "WA", "Washington D.C.", "DC",
        "West Virginia", "WV", "Wisconsin", "WI", "Wyoming", "WY"};
    for (int i = 0; i < pairs.length; i += 2) {
      BY_NAME.put(pairs[i], pairs[i + 1]);
    }
  }

  private UsStates() {}

  static Optional<String> codeOf(String description) {
    if (description == null || description.isBlank()) {
      return Optional.empty();
    }
    if (description.matches(".*, [A-Z]{2}")) {
      String code = description.substring(description.length() - 2);
      return BY_NAME.containsValue(code) ? Optional.of(code) : Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(description.strip()));
  }
}
