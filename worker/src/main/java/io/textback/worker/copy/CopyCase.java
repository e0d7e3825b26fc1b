package io.textback.worker.copy;

/** Which text a piece of copy is; each has its own setting and rules. */
public enum CopyCase {
  MISSED_CALL("copy.missed-call", CopyRules.Case.MISSED_CALL_FIRST_TEXT),
  MISSED_CALL_B("copy.missed-call-b", CopyRules.Case.MISSED_CALL_FIRST_TEXT),
  AFTER_HOURS("copy.after-hours", CopyRules.Case.MISSED_CALL_FIRST_TEXT),
  FORM("copy.form", CopyRules.Case.FORM_FIRST_TEXT),
  FORM_AFTER_HOURS("copy.form-after-hours", CopyRules.Case.FORM_FIRST_TEXT),
  FOLLOW_UP_1("copy.follow-up-1", CopyRules.Case.FOLLOW_UP),
  FOLLOW_UP_2("copy.follow-up-2", CopyRules.Case.FOLLOW_UP),
  ESCALATION("copy.escalation", CopyRules.Case.STAFF),
  HELP("copy.help", CopyRules.Case.HELP),
  OPT_OUT("copy.opt-out", CopyRules.Case.OPT_OUT_CONFIRMATION);

  private final String setting;
  private final CopyRules.Case rules;

  CopyCase(String setting, CopyRules.Case rules) {
    this.setting = setting;
    this.rules = rules;
  }

  public String setting() {
    return setting;
  }

  public CopyRules.Case rules() {
    return rules;
  }
}
