using System.Text.RegularExpressions;

namespace PraxiShop.Checkout;

/// <summary>The shipping form; <see cref="Validate"/> returns field id → message, in form order.</summary>
internal sealed partial record CheckoutForm(string FullName, string Email, string Street, string City, string Postcode)
{
    public static readonly CheckoutForm Empty = new("", "", "", "", "");

    public static CheckoutForm From(IFormCollection form) => new(
        form["fullName"].ToString().Trim(),
        form["email"].ToString().Trim(),
        form["street"].ToString().Trim(),
        form["city"].ToString().Trim(),
        form["postcode"].ToString().Trim());

    public IReadOnlyList<KeyValuePair<string, string>> Validate()
    {
        var errors = new List<KeyValuePair<string, string>>();
        Require(errors, "fullName", FullName, "Full name is required.");
        if (Require(errors, "email", Email, "Email is required.") && !Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new("email", "Enter an email address like name@example.com."));
        }

        Require(errors, "street", Street, "Street address is required.");
        Require(errors, "city", City, "City is required.");
        if (Require(errors, "postcode", Postcode, "Postcode is required.") && !PostcodePattern().IsMatch(Postcode))
        {
            errors.Add(new("postcode", "Postcode must be 3 to 10 letters, digits or spaces."));
        }

        return errors;
    }

    private static bool Require(List<KeyValuePair<string, string>> errors, string field, string value, string message)
    {
        if (value.Length > 0)
        {
            return true;
        }

        errors.Add(new(field, message));
        return false;
    }

    [GeneratedRegex("^[0-9A-Za-z -]{3,10}$")]
    private static partial Regex PostcodePattern();
}
