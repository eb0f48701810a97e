namespace PraxiShop.E2E.Infrastructure;

/// <summary>All test classes share one browser and run one after another (the app's data is shared too).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "PraxiShop";
}
