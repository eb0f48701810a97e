namespace NuFixtures;

/// <summary>A page object whose click times out the way a browser driver reports it (no browser needed).</summary>
public sealed class CheckoutPage
{
    public void ClickCheckout() =>
        throw new TimeoutException("Timeout 5000ms exceeded.\nCall log:\n  - waiting for Locator(\"#checkout\")");
}
