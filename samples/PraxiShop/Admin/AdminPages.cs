using System.Globalization;
using System.Text;
using PraxiShop.Checkout;
using PraxiShop.Layout;

namespace PraxiShop.Admin;

internal static class AdminPages
{
    public static string Dashboard(IReadOnlyList<Order> orders, int productCount) => $$"""
                <h1>Dashboard</h1>
                <div class="stats">
                  <section class="stat-card" aria-labelledby="stat-orders"><h2 id="stat-orders">Orders</h2><p class="stat-value" data-testid="orders-count">{{Html.Int(orders.Count)}}</p></section>
                  <section class="stat-card" aria-labelledby="stat-revenue"><h2 id="stat-revenue">Revenue</h2><p class="stat-value">{{Html.Money(orders.Sum(o => o.TotalCents))}}</p></section>
                  <section class="stat-card" aria-labelledby="stat-products"><h2 id="stat-products">Products</h2><p class="stat-value">{{Html.Int(productCount)}}</p></section>
                </div>
                <p><a href="/admin/orders">View all orders</a></p>
        """;

    public static string Orders(IReadOnlyList<Order> orders)
    {
        var rows = new StringBuilder();
        foreach (var o in orders)
        {
            rows.Append(CultureInfo.InvariantCulture, $$"""
                        <tr>
                          <td>{{Html.E(o.Number)}}</td>
                          <td>{{Html.E(o.CustomerName)}}</td>
                          <td>{{Html.E(o.Email)}}</td>
                          <td>{{Html.Money(o.TotalCents)}}</td>
                          <td><span class="status status-{{Html.E(o.Status.ToLowerInvariant())}}">{{Html.E(o.Status)}}</span></td>
                          <td><time datetime="{{Html.E(o.CreatedAt)}}">{{Html.E(o.CreatedAt[..10])}}</time></td>
                        </tr>

                """);
        }

        return $$"""
                <h1>Orders</h1>
                <table class="orders-table" aria-label="Orders">
                  <thead>
                    <tr><th scope="col">Number</th><th scope="col">Customer</th><th scope="col">Email</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Placed</th></tr>
                  </thead>
                  <tbody>
            {{rows}}      </tbody>
                </table>
            """;
    }
}
