using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class EvidenceLocatorTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static FailureReport Failure(string test, params string[] attachments) => new()
    {
        Test = test,
        ErrorType = ErrorType.SelectorNotFound,
        Confidence = 0.9,
        Message = "m",
        Attachments = attachments,
    };

    private string Artifacts(params string[] files)
    {
        var root = _temp.Subfolder();
        foreach (var file in files)
        {
            var full = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "x");
        }

        return root;
    }

    [Fact]
    public void Find_TestsWhoseAttachmentsShareOneDataFolder_EachGetsItsOwnFiles()
    {
        // The HTML report keeps every test's attachments in one data/ folder, named by hash.
        var root = Artifacts(
            "playwright-report/data/aaa.zip", "playwright-report/data/aaa.md", "playwright-report/data/aaa.html",
            "playwright-report/data/bbb.zip", "playwright-report/data/bbb.md", "playwright-report/data/ccc.png");
        var sut = new EvidenceLocator(root);

        var first = sut.Find(Failure("a", "playwright-report/data/aaa.html", "playwright-report/data/aaa.md", "playwright-report/data/aaa.zip"));
        var second = sut.Find(Failure("b", "playwright-report/data/ccc.png", "playwright-report/data/bbb.md", "playwright-report/data/bbb.zip"));
        var elsewhere = sut.Find(Failure("c", "/home/runner/work/app/test-results/x/trace.zip"));

        first.Should().Be(new FailureEvidence("playwright-report/data", "playwright-report/data/aaa.zip", "playwright-report/data/aaa.html", "playwright-report/data/aaa.md"));
        second.Should().Be(new FailureEvidence("playwright-report/data", "playwright-report/data/bbb.zip", null, "playwright-report/data/bbb.md"));
        elsewhere.Should().BeNull("no file under the root is named, and no folder matches");
    }

    [Fact]
    public void Find_AbsoluteAttachmentsOfAnotherMachine_MatchesByPathSuffix()
    {
        var root = Artifacts(
            "e2e/test-results/cart-removes-an-item-chromium/trace.zip",
            "e2e/test-results/cart-removes-an-item-chromium/error-context.md",
            "e2e/test-results/cart-adds-an-item-chromium/trace.zip");
        var sut = new EvidenceLocator(root);

        var found = sut.Find(Failure("cart.spec.ts › whatever title", "/home/runner/work/app/app/e2e/test-results/cart-removes-an-item-chromium/trace.zip"));

        found.Should().NotBeNull();
        found!.Folder.Should().Be("e2e/test-results/cart-removes-an-item-chromium");
        found.Trace.Should().Be("e2e/test-results/cart-removes-an-item-chromium/trace.zip");
        found.ErrorContext.Should().Be("e2e/test-results/cart-removes-an-item-chromium/error-context.md");
        found.Dom.Should().BeNull();
    }

    [Fact]
    public void Find_DotNetTestWithoutAttachments_MatchesTheClassMethodFolder()
    {
        var root = Artifacts(
            "dotnet/test-results/CartTests.RemovesAnItem/trace.zip",
            "dotnet/test-results/CartTests.RemovesAnItem/dom.html",
            "dotnet/test-results/CheckoutTests.RemovesAnItem/dom.html");
        var sut = new EvidenceLocator(root);

        var found = sut.Find(Failure("Shop.E2E.CartTests.RemovesAnItem"));

        found!.Folder.Should().Be("dotnet/test-results/CartTests.RemovesAnItem");
        found.Dom.Should().Be("dotnet/test-results/CartTests.RemovesAnItem/dom.html");
    }

    [Fact]
    public void Find_PlaywrightTitleWithoutAttachments_MatchesTheSlugFolder()
    {
        var root = Artifacts(
            "test-results/checkout-places-an-order-chromium/trace.zip",
            "test-results/cart-places-an-order-chromium/trace.zip",
            "test-results/checkout-shows-errors-chromium/trace.zip");
        var sut = new EvidenceLocator(root);

        sut.Find(Failure("checkout.spec.ts › places an order"))!.Folder.Should().Be("test-results/checkout-places-an-order-chromium");
    }

    [Fact]
    public void Find_TwoFoldersEquallyLikely_ReturnsNull()
    {
        var root = Artifacts(
            "run1/test-results/checkout-places-an-order-chromium/trace.zip",
            "run2/test-results/checkout-places-an-order-chromium/trace.zip");
        var sut = new EvidenceLocator(root);

        sut.Find(Failure("checkout.spec.ts › places an order", "/ci/test-results/checkout-places-an-order-chromium/trace.zip"))
            .Should().BeNull("two downloads of the same test cannot be told apart, and a wrong page would mean a wrong heal");
    }

    [Fact]
    public void Find_NothingMatches_ReturnsNull()
    {
        var root = Artifacts("test-results/other-test-chromium/trace.zip");
        var sut = new EvidenceLocator(root);

        sut.Find(Failure("login.spec.ts › signs in")).Should().BeNull();
        sut.Find(Failure("Shop.LoginTests.SignsIn")).Should().BeNull();
    }

    [Fact]
    public void Constructor_MissingFolder_IndexesNothing()
    {
        var sut = new EvidenceLocator(Path.Combine(_temp.Subfolder(), "absent"));

        sut.Folders.Should().BeEmpty();
    }
}
