namespace PraxiShop.E2E.Infrastructure;

/// <summary>Where the app runs and where the browser and artifacts live, from environment variables.</summary>
internal sealed class ShopSettings
{
    public string BaseUrl { get; } = (Environment.GetEnvironmentVariable("PRAXISHOP_URL") ?? "http://127.0.0.1:5123").TrimEnd('/');

    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>A saved admin storage state to reuse; when the file is missing the fixture signs in and writes it.</summary>
    public string StorageStatePath { get; } = Environment.GetEnvironmentVariable("PRAXISHOP_STORAGE_STATE")
        ?? Path.Combine(Path.GetTempPath(), "praxishop-e2e-dotnet", "admin-state.json");

    public string ArtifactsPath { get; } = Environment.GetEnvironmentVariable("PRAXISHOP_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "playwright-artifacts");

    /// <summary>PRAXI_KEEP_TRACES=1: passing tests keep trace.zip and dom.html too (the evidence of a green run).</summary>
    public bool KeepTraces { get; } = Environment.GetEnvironmentVariable("PRAXI_KEEP_TRACES") == "1";

    public string AdminEmail { get; } = "admin@praxishop.test";

    public string AdminPassword { get; } = "Praxi-Admin-1!";
}
