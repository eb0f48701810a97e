using NUnit.Framework;

namespace NuFixtures;

[TestFixture]
public sealed class CheckoutTests
{
    [Test]
    public void CheckoutButtonIsMissing()
    {
        new CheckoutPage().ClickCheckout();
    }

    [Test]
    public void TotalIsShown()
    {
        var total = "$40.00";
        Assert.That(total, Is.EqualTo("$42.00"), "order total");
    }

    [TestCase("GOLD10", 10)]
    [TestCase("SILVER5", 4)]
    public void CouponGivesDiscount(string code, int percent)
    {
        Assert.That(Discount(code), Is.EqualTo(percent));
    }

    [Test]
    public void ScreenshotIsAttached()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "checkout-failed.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47]);
        TestContext.AddTestAttachment(path, "page at failure");
        TestContext.Out.WriteLine("navigated to /checkout");
        Assert.Fail("element not visible: #pay-now");
    }

    [Test]
    public void SummaryShowsBothLines()
    {
        Assert.Multiple(() =>
        {
            Assert.That("1 item", Is.EqualTo("2 items"), "line count");
            Assert.That("$0.00", Is.EqualTo("$5.00"), "shipping");
        });
    }

    [Test]
    public void Passes() => Assert.That(1 + 1, Is.EqualTo(2));

    private static int Discount(string code) => code.StartsWith("GOLD", StringComparison.Ordinal) ? 10 : 5;
}
