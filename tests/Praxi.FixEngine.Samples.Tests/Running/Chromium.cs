namespace Praxi.FixEngine.Samples.Tests.Running;

internal static class Chromium
{
    public static string Path { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>These tests drive a real browser; without one they fail (never skip) and say how to get it.</summary>
    public static void Require()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {Path}. The samples tests run real browsers: run samples/install-prereqs.sh " +
                "(apt-get install chromium chromium-driver; npm ci in samples/e2e-ts) or set CHROMIUM_PATH.");
        }
    }
}
