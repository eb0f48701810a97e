using System.Globalization;
using System.Text;
using PraxiShop.Breakage;
using PraxiShop.Cart;
using PraxiShop.Layout;

namespace PraxiShop.Checkout;

internal static class CheckoutPage
{
    public static string Render(CartSummary cart, CheckoutForm form, IReadOnlyList<KeyValuePair<string, string>> errors, string antiforgeryField, BreakMode breakMode)
    {
        if (cart.IsEmpty)
        {
            return """
                    <h1>Checkout</h1>
                    <p class="empty-cart">Your cart is empty.</p>
                    <a href="/products">Continue shopping</a>
                """;
        }

        var summary = new StringBuilder();
        if (errors.Count > 0)
        {
            summary.Append("""<div class="validation-summary" role="alert"><p>Please correct the highlighted fields.</p><ul>""");
            foreach (var error in errors)
            {
                summary.Append(CultureInfo.InvariantCulture, $"<li>{Html.E(error.Value)}</li>");
            }

            summary.Append("</ul></div>");
        }

        var items = new StringBuilder();
        foreach (var line in cart.Lines)
        {
            items.Append(CultureInfo.InvariantCulture, $"<li>{Html.E(line.Product.Name)} × {Html.Int(line.Quantity)} <span class=\"price\">{Html.Money(line.TotalCents)}</span></li>");
        }

        var sticky = breakMode.Is(BreakMode.DuplicatedElement)
            ? $"""
                  <div class="sticky-summary">
                    <span>Total {Html.Money(cart.TotalCents)}</span>
                    <button type="submit" class="btn btn-primary place-order">Place order</button>
                  </div>
              """
            : "";

        return $$"""
                <h1>Checkout</h1>
                {{summary}}
                <form method="post" action="/checkout" class="checkout-form" novalidate>
                  {{antiforgeryField}}
                  <fieldset>
                    <legend>Shipping address</legend>
                    {{Field("fullName", "Full name", "text", "name", form.FullName, errors)}}
                    {{Field("email", "Email", "email", "email", form.Email, errors)}}
                    {{Field("street", "Street address", "text", "street-address", form.Street, errors)}}
                    {{Field("city", "City", "text", "address-level2", form.City, errors)}}
                    {{Field("postcode", "Postcode", "text", "postal-code", form.Postcode, errors)}}
                  </fieldset>
                  <aside class="order-summary" aria-label="Order summary">
                    <ul>{{items}}</ul>
                    <p>Total <strong class="order-total">{{Html.Money(cart.TotalCents)}}</strong></p>
                  </aside>
                  <button type="submit" class="btn btn-primary place-order">Place order</button>
            {{sticky}}
                </form>
            """;
    }

    public static string Confirmation(string number) => $"""
                <section class="confirmation">
                  <h1>Thank you for your order</h1>
                  <p>Your order number is <strong data-testid="order-number">{Html.E(number)}</strong>.</p>
                  <a href="/products">Continue shopping</a>
                </section>
        """;

    private static string Field(string id, string label, string type, string autocomplete, string value, IReadOnlyList<KeyValuePair<string, string>> errors)
    {
        var message = errors.FirstOrDefault(e => e.Key == id).Value;
        var invalid = message is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"";
        var error = message is null ? "" : $"<span class=\"field-error\" id=\"{id}-error\">{Html.E(message)}</span>";
        return $"""
            <div class="field{(message is null ? "" : " has-error")}">
                      <label for="{id}">{Html.E(label)}</label>
                      <input id="{id}" name="{id}" type="{type}" autocomplete="{autocomplete}" value="{Html.E(value)}"{invalid}>
                      {error}
                    </div>
            """;
    }
}
