using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Bench.Heal;

/// <summary>
/// A seeded shop page of about a given size, in two versions: as it was when the tests last passed and as it is after a
/// release that renamed the checkout button's id, reworded the newsletter button, dropped the promo banner and doubled
/// nothing else. Between the fixed parts sits a grid of product cards (image, title, price, rating, "Add to cart"
/// button, wishlist link) with filters beside it, repeated until the page reaches the size asked for.
/// </summary>
internal static class HealPageGenerator
{
    /// <summary>The card whose button the strict-mode case narrows to: in the middle of the grid.</summary>
    public static string TargetCard(int cards) => Slug(cards / 2);

    /// <summary>Both versions of the page and the number of product cards they hold (the same in both).</summary>
    public static (string Old, string New, int Cards) Generate(long bytes, int seed)
    {
        var random = new Random(seed);
        var cards = new List<string>();
        var grid = new StringBuilder();
        var fixedSize = Page(old: true, string.Empty, string.Empty).Length;
        var filters = Filters(random);
        while (fixedSize + filters.Length + grid.Length < bytes)
        {
            grid.Append(Card(cards.Count, random));
            cards.Add(Slug(cards.Count));
        }

        return (Page(old: true, filters, grid.ToString()), Page(old: false, filters, grid.ToString()), cards.Count);
    }

    private static string Slug(int i) => "p" + i.ToString("D5", CultureInfo.InvariantCulture);

    private static readonly string[] Adjectives = ["Wool", "Linen", "Canvas", "Merino", "Waxed", "Recycled", "Organic", "Classic", "Trail", "Harbour"];

    private static readonly string[] Nouns = ["beanie", "scarf", "tote", "jacket", "socks", "gloves", "cap", "backpack", "shirt", "blanket"];

    private static string Card(int i, Random random)
    {
        var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {i.ToString(CultureInfo.InvariantCulture)}";
        var price = (random.Next(500, 25_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
        var slug = Slug(i);
        return $"""
            <article class="card product-card" data-product="{slug}">
              <a class="card-link" href="/products/{slug}"><img class="card-img" src="/img/{slug}.jpg" alt="{name}" width="240" height="240"></a>
              <div class="card-body">
                <h3 class="card-title"><a href="/products/{slug}">{name}</a></h3>
                <p class="card-text">Made to last, {name.ToLowerInvariant()} in {random.Next(2, 9).ToString(CultureInfo.InvariantCulture)} colours.</p>
                <div class="rating" aria-label="Rated {random.Next(1, 6).ToString(CultureInfo.InvariantCulture)} out of 5"><span class="star"></span><span class="star"></span><span class="star"></span></div>
                <span class="price">€{price}</span>
                <button type="button" class="btn btn-primary add-to-cart" data-product="{slug}">Add to cart</button>
                <a class="wishlist" href="/wishlist/add/{slug}" title="Save {name} for later">Save</a>
              </div>
            </article>

            """;
    }

    private static string Filters(Random random)
    {
        var sb = new StringBuilder("<aside class=\"filters\" aria-label=\"Filters\"><h2>Filter</h2><form class=\"filter-form\">\n");
        for (var i = 0; i < 40; i++)
        {
            var id = "f-" + i.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"""<div class="form-check"><input type="checkbox" class="form-check-input" id="{id}" name="tag" value="{Nouns[i % Nouns.Length]}-{i}"><label class="form-check-label" for="{id}">{Adjectives[random.Next(Adjectives.Length)]} {Nouns[i % Nouns.Length]}</label></div>""").Append('\n');
        }

        return sb.Append("</form></aside>\n").ToString();
    }

    private static string Page(bool old, string filters, string grid)
    {
        var checkout = old
            ? """<button type="button" id="checkout-button" class="btn btn-success header-checkout">Checkout</button>"""
            : """<button type="button" id="proceed-to-checkout" class="btn btn-success header-checkout">Checkout</button>""";
        var promo = old
            ? """<div class="promo" role="region" aria-label="Promotion"><p>Free shipping this week</p><button type="button" id="promo-close" class="btn-close" aria-label="Close promotion"></button></div>"""
            : string.Empty;
        var subscribe = old ? "Subscribe" : "Sign me up";
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
            <body>
            <header class="site-header">
              <a class="brand" href="/">Praxi Shop</a>
              <nav aria-label="Main"><ul class="nav">
                <li><a href="/new">New in</a></li><li><a href="/women">Women</a></li><li><a href="/men">Men</a></li>
                <li><a href="/kids">Kids</a></li><li><a href="/sale">Sale</a></li><li><a href="/journal">Journal</a></li>
              </ul></nav>
              <form class="search" role="search"><label for="q">Search</label><input id="q" name="q" type="search" placeholder="Search products"><button type="submit">Search</button></form>
              <a class="cart-link" href="/cart">Cart <span class="badge" data-testid="cart-count">0</span></a>
              {{checkout}}
            </header>
            {{promo}}
            <main class="catalogue">
            {{filters}}
            <section class="grid" aria-label="Products">
            {{grid}}
            </section>
            </main>
            <footer class="site-footer">
              <form class="newsletter" action="/newsletter" method="post">
                <label for="newsletter-email">Email</label>
                <input id="newsletter-email" name="email" type="email" placeholder="you@example.com">
                <button type="submit" class="btn btn-secondary" data-testid="newsletter-submit">{{subscribe}}</button>
              </form>
              <p class="legal">© Praxi Shop</p>
            </footer>
            </body></html>

            """;
    }
}
