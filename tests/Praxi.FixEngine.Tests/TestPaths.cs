namespace Praxi.FixEngine.Tests;

/// <summary>Where the committed fixtures live, seen from the test binary.</summary>
internal static class TestPaths
{
    public static string Fixtures(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
