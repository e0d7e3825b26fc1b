package io.textback.worker.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The console's sign-in page: says whose it is, and works on a phone (dispatchers sign in on the road). */
@Controller
public class LoginPage {
  @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  public String login(CsrfToken csrf, @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout, @RequestParam(required = false) String invited) {
    String note = error != null ? "<p class=\"flag\">Wrong username or password (or too many tries: wait a minute).</p>"
        : logout != null ? "<p class=\"ok\">You are signed out.</p>"
        : invited != null ? "<p class=\"ok\">Your login is ready: sign in with your email and the password you chose.</p>" : "";
    return page("Sign in", note + """
        <form method="post" action="/login">
          <label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus>
          <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
          %s
          <button type="submit">Sign in</button>
        </form>""".formatted(csrfField(csrf)));
  }

  static String csrfField(CsrfToken csrf) {
    return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
        + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
  }

  /** A page of the sign-in kind (sign in, accept an invite): the product's name and one small form. */
  static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%s: textback</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: system-ui, sans-serif; background: #f6f7fb; color: #1d2330; margin: 0; }
          main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
          h1 { margin: 0; font-size: 1.6rem; } .tag { color: #5a6275; margin: .25rem 0 1.25rem; }
          label { display: block; margin: .75rem 0 .25rem; } input { width: 100%%; box-sizing: border-box; padding: .6rem; font-size: 1rem; }
          button { margin-top: 1.25rem; width: 100%%; padding: .7rem; font-size: 1rem; background: #3a6fd8; color: #fff; border: 0; border-radius: 6px; }
          .flag { color: #8a1c1c; background: #fdecec; padding: .5rem; border-radius: 6px; } .ok { color: #1c6b33; }
        </style></head>
        <body><main>
        <h1>textback</h1><p class="tag">Missed-call text-back: the inbox and reports</p>
        %s
        </main></body></html>
        """.formatted(HtmlUtils.htmlEscape(title), body);
  }
}
