using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Praxi.FixEngine;

namespace Praxi.Hosting;

/// <summary>Start-up checks: a host with a missing token or URL refuses to start with one clear line and exit code 2.</summary>
public static class HostStartup
{
    /// <summary>Exit code of a host that refused to start.</summary>
    public const int ConfigurationExitCode = 2;

    /// <summary>The bearer token in <paramref name="setting"/>.</summary>
    /// <exception cref="FixEngineException">It is missing or too short.</exception>
    public static BearerToken RequireToken(IConfiguration configuration, string setting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BearerToken(configuration[setting], setting);
    }

    /// <summary>The absolute http(s) URL in <paramref name="setting"/>.</summary>
    /// <exception cref="FixEngineException">It is missing or not an absolute http(s) URL.</exception>
    public static Uri RequireUrl(IConfiguration configuration, string setting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FixEngineException($"{setting} is not set: set it to the absolute http(s) URL to use.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new FixEngineException($"{setting} must be an absolute http(s) URL.");
        }

        return url;
    }

    /// <summary>
    /// Builds and runs a host. A <see cref="FixEngineException"/> while building (configuration) or an address that
    /// cannot be bound prints one line on stderr and returns <see cref="ConfigurationExitCode"/>.
    /// </summary>
    /// <param name="name">The host's name, first on the error line.</param>
    /// <param name="build">Builds the application (reads and checks configuration).</param>
    public static async Task<int> RunAsync(string name, Func<WebApplication> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        WebApplication app;
        try
        {
            app = build();
        }
        catch (FixEngineException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: refusing to start: {ex.Message}").ConfigureAwait(false);
            return ConfigurationExitCode;
        }

        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: refusing to start: {ex.Message}").ConfigureAwait(false);
            return ConfigurationExitCode;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
