namespace PraxiShop.Accounts;

internal sealed record ShopUser(string Email, string DisplayName, string PasswordHash, string Role);
