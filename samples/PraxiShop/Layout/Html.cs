using System.Globalization;
using System.Net;

namespace PraxiShop.Layout;

internal static class Html
{
    /// <summary>Encodes text for an element body or a quoted attribute.</summary>
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Money(int cents) =>
        "€" + (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
