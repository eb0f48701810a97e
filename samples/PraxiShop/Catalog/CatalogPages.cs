using System.Globalization;
using System.Text;
using PraxiShop.Breakage;
using PraxiShop.Layout;

namespace PraxiShop.Catalog;

internal static class CatalogPages
{
    public static string Home() => """
            <section class="hero">
              <h1>Welcome to PraxiShop</h1>
              <p>Small goods for long walks.</p>
              <a class="btn btn-primary" href="/products">Browse products</a>
            </section>
        """;

    public static string List(IReadOnlyList<Product> products)
    {
        var items = new StringBuilder();
        foreach (var p in products)
        {
            items.Append(CultureInfo.InvariantCulture, $$"""
                      <li class="product-card" data-testid="product-card" data-sku="{{Html.E(p.Sku)}}">
                        <h2 class="product-name"><a href="/products/{{Html.E(p.Sku)}}">{{Html.E(p.Name)}}</a></h2>
                        <p class="product-summary">{{Html.E(p.Summary)}}</p>
                        <span class="price">{{Html.Money(p.PriceCents)}}</span>
                      </li>

                """);
        }

        return $$"""
                <h1>Products</h1>
                <p class="lead">{{Html.Int(products.Count)}} products</p>
                <ul class="product-list" aria-label="Products">
            {{items}}    </ul>
            """;
    }

    public static string Detail(Product p, string antiforgeryField, BreakMode breakMode)
    {
        var buttonId = breakMode.Is(BreakMode.RenamedSelector) ? "add-to-basket" : "add-to-cart";
        var stock = p.Stock > 0 ? "In stock" : "Sold out";
        var priceBox = $"""<div class="price-box"><span class="price">{Html.Money(p.PriceCents)}</span> <span class="stock">{stock}</span></div>""";
        if (breakMode.Is(BreakMode.MovedElement))
        {
            // The redesign groups price and stock in a purchase panel beside the description.
            priceBox = $"""<div class="purchase-panel"><p class="panel-title">Price</p>{priceBox}</div>""";
        }

        return $$"""
                <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/products">Products</a> / <span aria-current="page">{{Html.E(p.Name)}}</span></nav>
                <section class="product-detail" aria-labelledby="product-title">
                  <h1 id="product-title">{{Html.E(p.Name)}}</h1>
                  <p class="description">{{Html.E(p.Description)}}</p>
                  {{priceBox}}
                  <form method="post" action="/cart/add" class="add-to-cart-form">
                    {{antiforgeryField}}
                    <input type="hidden" name="sku" value="{{Html.E(p.Sku)}}">
                    <div class="field">
                      <label for="quantity">Quantity</label>
                      <input id="quantity" name="quantity" type="number" min="1" max="10" value="1">
                    </div>
                    <button type="submit" id="{{buttonId}}" class="btn btn-primary" data-testid="add-to-cart">Add to cart</button>
                  </form>
                </section>
            """;
    }

    public static string NotFound(string sku) => $"""
                <h1>Product not found</h1>
                <p>No product has the code <code>{Html.E(sku)}</code>.</p>
                <a href="/products">Back to products</a>
        """;
}
