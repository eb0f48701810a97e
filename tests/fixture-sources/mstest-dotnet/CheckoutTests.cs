using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Workers = 1, Scope = ExecutionScope.MethodLevel)]

namespace MsFixtures;

[TestClass]
public sealed class CheckoutTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CheckoutButtonIsMissing()
    {
        new CheckoutPage().ClickCheckout();
    }

    [TestMethod]
    public void TotalIsShown()
    {
        var total = "$40.00";
        Assert.AreEqual("$42.00", total, "order total");
    }

    [TestMethod]
    [DataRow("GOLD10", 10)]
    [DataRow("SILVER5", 4)]
    public void CouponGivesDiscount(string code, int percent)
    {
        Assert.AreEqual(percent, Discount(code));
    }

    [TestMethod]
    public void ScreenshotIsAttached()
    {
        var path = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "checkout-failed.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47]);
        TestContext.AddResultFile(path);
        Console.WriteLine("navigated to /checkout");
        Assert.Fail("element not visible: #pay-now");
    }

    [TestMethod]
    [Timeout(300, CooperativeCancellation = true)]
    public async Task SlowPageTimesOut()
    {
        await Task.Delay(5000, TestContext.CancellationToken);
    }

    [TestMethod]
    public void Passes() => Assert.AreEqual(2, 1 + 1);

    private static int Discount(string code) => code.StartsWith("GOLD", StringComparison.Ordinal) ? 10 : 5;
}
