using System.ComponentModel.DataAnnotations;

namespace PraxiShop.Payments;

/// <summary>Settings of the (sandbox) payment provider, validated at start-up.</summary>
internal sealed class PaymentOptions
{
    [Required]
    public string Provider { get; set; } = "";

    [Required(ErrorMessage = "Payments:ApiKey is required: the payment provider rejects unauthenticated calls.")]
    public string ApiKey { get; set; } = "";
}
