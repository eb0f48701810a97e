using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PraxiShop.Layout;

namespace PraxiShop.Accounts;

internal static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, PageRenderer renderer, string? returnUrl) =>
            renderer.Page(context, "Sign in", LoginPage.Render(renderer.AntiforgeryField(context), returnUrl, "", error: false, renderer.Break)));

        app.MapPost("/login", async (IFormCollection form, HttpContext context, PageRenderer renderer, UserStore users, string? returnUrl, CancellationToken ct) =>
        {
            var email = form["email"].ToString().Trim();
            var password = form["password"].ToString();
            var user = email.Length == 0 ? null : await users.FindAsync(email, ct);
            if (user is null || !PasswordHashing.Verify(password, user.PasswordHash))
            {
                return renderer.Page(context, "Sign in", LoginPage.Render(renderer.AntiforgeryField(context), returnUrl, email, error: true, renderer.Break));
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.GivenName, user.DisplayName), new Claim(ClaimTypes.Role, user.Role)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
