using System.Globalization;
using System.Text.RegularExpressions;

namespace PraxiShop.Cart;

/// <summary>The cart lives in a cookie: <c>sku:qty|sku:qty</c>. Anything malformed is ignored.</summary>
internal sealed partial class CartCookie
{
    public const string Name = "praxishop_cart";
    private readonly Dictionary<string, int> _lines;

    private CartCookie(Dictionary<string, int> lines) => _lines = lines;

    public IReadOnlyDictionary<string, int> Lines => _lines;

    public int ItemCount => _lines.Values.Sum();

    public static CartCookie Read(HttpRequest request)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var raw = request.Cookies[Name] ?? "";
        foreach (var part in raw.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length == 2 && IsSku(pieces[0]) &&
                int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var qty) && qty is > 0 and < 100)
            {
                lines[pieces[0]] = qty;
            }
        }

        return new CartCookie(lines);
    }

    public static bool IsSku(string value) => SkuPattern().IsMatch(value);

    public void Add(string sku, int quantity) =>
        _lines[sku] = Math.Min(99, (_lines.TryGetValue(sku, out var existing) ? existing : 0) + quantity);

    public void Remove(string sku) => _lines.Remove(sku);

    public void Write(HttpResponse response)
    {
        if (_lines.Count == 0)
        {
            response.Cookies.Delete(Name);
            return;
        }

        var value = string.Join('|', _lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key}:{l.Value}")));
        response.Cookies.Append(Name, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex SkuPattern();
}
