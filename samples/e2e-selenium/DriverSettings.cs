namespace PraxiShop.Selenium;

internal static class DriverSettings
{
    public static string BaseUrl { get; } = (Environment.GetEnvironmentVariable("PRAXISHOP_URL") ?? "http://127.0.0.1:5123").TrimEnd('/');

    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static string ChromeDriverPath { get; } = Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";

    public static string ArtifactsPath { get; } = Environment.GetEnvironmentVariable("PRAXISHOP_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "selenium-artifacts");

    /// <summary>PRAXI_KEEP_TRACES=1: passing tests write dom.html too (the end-of-test page of a green run).</summary>
    public static bool KeepTraces { get; } = Environment.GetEnvironmentVariable("PRAXI_KEEP_TRACES") == "1";

    public const string AdminEmail = "admin@praxishop.test";
    public const string AdminPassword = "Praxi-Admin-1!";
}
