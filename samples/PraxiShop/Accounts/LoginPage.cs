using PraxiShop.Breakage;
using PraxiShop.Layout;

namespace PraxiShop.Accounts;

internal static class LoginPage
{
    public static string Render(string antiforgeryField, string? returnUrl, string email, bool error, BreakMode breakMode)
    {
        // changed-text: product renamed the button; its id and role stay the same.
        var buttonText = breakMode.Is(BreakMode.ChangedText) ? "Log in" : "Sign in";
        var action = string.IsNullOrEmpty(returnUrl) ? "/login" : "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var alert = error ? """<div class="alert alert-error" role="alert">Invalid email or password.</div>""" : "";
        return $$"""
                <section class="auth-card" aria-labelledby="login-heading">
                  <h1 id="login-heading">Sign in</h1>
                  {{alert}}
                  <form method="post" action="{{Html.E(action)}}" class="login-form" novalidate>
                    {{antiforgeryField}}
                    <div class="field">
                      <label for="email">Email</label>
                      <input id="email" name="email" type="email" autocomplete="username" value="{{Html.E(email)}}" required>
                    </div>
                    <div class="field">
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                    </div>
                    <button type="submit" id="sign-in" class="btn btn-primary">{{buttonText}}</button>
                  </form>
                </section>
            """;
    }
}
