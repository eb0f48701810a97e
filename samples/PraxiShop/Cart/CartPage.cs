using System.Globalization;
using System.Text;
using PraxiShop.Layout;

namespace PraxiShop.Cart;

internal static class CartPage
{
    public static string Render(CartSummary summary, string antiforgeryField)
    {
        if (summary.IsEmpty)
        {
            return """
                    <h1>Your cart</h1>
                    <p class="empty-cart">Your cart is empty.</p>
                    <a href="/products">Continue shopping</a>
                """;
        }

        var rows = new StringBuilder();
        foreach (var line in summary.Lines)
        {
            var p = line.Product;
            rows.Append(CultureInfo.InvariantCulture, $$"""
                        <tr class="cart-row" data-sku="{{Html.E(p.Sku)}}">
                          <td class="cart-product"><a href="/products/{{Html.E(p.Sku)}}">{{Html.E(p.Name)}}</a></td>
                          <td class="cart-qty">{{Html.Int(line.Quantity)}}</td>
                          <td class="cart-line-total">{{Html.Money(line.TotalCents)}}</td>
                          <td><button type="button" class="btn btn-link remove-item" data-testid="remove-item" data-sku="{{Html.E(p.Sku)}}" data-name="{{Html.E(p.Name)}}" aria-label="Remove {{Html.E(p.Name)}}">Remove</button></td>
                        </tr>

                """);
        }

        return $$"""
                <h1>Your cart</h1>
                <table id="cart-table" class="cart-table">
                  <caption class="visually-hidden">Items in your cart</caption>
                  <thead>
                    <tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Price</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
                  </thead>
                  <tbody>
            {{rows}}      </tbody>
                </table>
                <dl class="cart-summary">
                  <dt>Subtotal</dt><dd class="cart-subtotal">{{Html.Money(summary.SubtotalCents)}}</dd>
                  <dt>Shipping</dt><dd class="cart-shipping">{{Html.Money(summary.ShippingCents)}}</dd>
                  <dt>Total</dt><dd class="cart-total" data-testid="cart-total">{{Html.Money(summary.TotalCents)}}</dd>
                </dl>
                <a class="btn btn-primary" href="/checkout">Proceed to checkout</a>
                <dialog id="confirm-remove" aria-labelledby="confirm-remove-title">
                  <form method="post" action="/cart/remove">
                    {{antiforgeryField}}
                    <input type="hidden" name="sku" id="remove-sku" value="">
                    <h2 id="confirm-remove-title">Remove item?</h2>
                    <p>Do you want to remove <strong id="remove-name"></strong> from your cart?</p>
                    <div class="dialog-actions">
                      <button type="button" class="btn" id="cancel-remove">Cancel</button>
                      <button type="submit" class="btn btn-danger">Remove item</button>
                    </div>
                  </form>
                </dialog>
                <script>
                  const dialog = document.getElementById('confirm-remove');
                  document.querySelectorAll('.remove-item').forEach(button => button.addEventListener('click', () => {
                    document.getElementById('remove-sku').value = button.dataset.sku;
                    document.getElementById('remove-name').textContent = button.dataset.name;
                    dialog.showModal();
                  }));
                  document.getElementById('cancel-remove').addEventListener('click', () => dialog.close());
                </script>
            """;
    }
}
