using Microsoft.AspNetCore.Antiforgery;
using PraxiShop.Breakage;
using PraxiShop.Cart;

namespace PraxiShop.Layout;

/// <summary>Wraps a page body in the site layout: header with navigation, cart badge and user menu.</summary>
internal sealed class PageRenderer(IAntiforgery antiforgery, BreakMode breakMode)
{
    public BreakMode Break { get; } = breakMode;

    public IResult Page(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Html.E(title)}} · PraxiShop</title>
              <link rel="stylesheet" href="/site.css">
            </head>
            <body>
              <header class="site-header">
                <a class="brand" href="/">PraxiShop</a>
                <nav class="main-nav" aria-label="Main">
                  <ul class="nav-links">
                    <li><a href="/products">Products</a></li>
                    <li><a href="/cart" class="cart-link">Cart{{CartBadge(context)}}</a></li>
                    <li><a href="/admin">Admin</a></li>
                  </ul>
                </nav>
                {{UserMenu(context)}}
              </header>
              <main id="content" class="container">
            {{body}}
              </main>
              <footer class="site-footer"><p>PraxiShop · a sample store for end-to-end tests</p></footer>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>The hidden antiforgery input every POST form carries.</summary>
    public string AntiforgeryField(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html.E(tokens.FormFieldName)}" value="{Html.E(tokens.RequestToken)}">""";
    }

    private string CartBadge(HttpContext context)
    {
        if (Break.Is(BreakMode.RemovedElement))
        {
            // The redesign dropped the item count from the header.
            return "";
        }

        var count = CartCookie.Read(context.Request).ItemCount;
        return $""" <span class="badge" data-testid="cart-count" aria-label="{Html.Int(count)} items in cart">{Html.Int(count)}</span>""";
    }

    private string UserMenu(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return """<a class="sign-in-link" href="/login">Sign in</a>""";
        }

        return $$"""
            <div class="user-menu" data-testid="user-menu">
                  <span class="user-email">Signed in as {{Html.E(context.User.Identity.Name)}}</span>
                  <form method="post" action="/logout" class="inline-form">
                    {{AntiforgeryField(context)}}
                    <button type="submit" class="link-button">Sign out</button>
                  </form>
                </div>
            """;
    }
}
