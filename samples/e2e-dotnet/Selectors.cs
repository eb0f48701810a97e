namespace PraxiShop.E2E;

/// <summary>CSS selectors the page objects and tests share.</summary>
internal static class Selectors
{
    public const string LoginEmail = "#email";
    public const string LoginPassword = "#password";
    public const string UserMenu = "[data-testid=user-menu]";
    public const string LoginAlert = "div.alert[role=alert]";

    public const string ProductCard = "[data-testid=product-card]";
    public const string ProductTitle = "#product-title";
    public const string Quantity = "#quantity";
    public const string AddToCart = "#add-to-cart";

    public const string CartCount = "[data-testid=cart-count]";
    public const string CartRows = "#cart-table tbody tr";
    public const string RemoveItem = "[data-testid=remove-item]";
    public const string CartTotal = "[data-testid=cart-total]";

    public const string OrderNumber = "[data-testid=order-number]";
}
