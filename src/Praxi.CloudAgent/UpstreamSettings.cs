using Praxi.FixEngine;
using Praxi.Hosting;

namespace Praxi.CloudAgent;

/// <summary>
/// Where and how CloudAgent forwards: <c>DEVELOPER_AGENT_URL</c> (an absolute http or https URL; <c>/process-logs</c> is
/// appended) and <c>DEVELOPER_AGENT_TOKEN</c>. The token is kept only to be sent; <see cref="ToString"/> never shows it.
/// </summary>
internal sealed class UpstreamSettings
{
    private UpstreamSettings(Uri processLogs, string token)
    {
        ProcessLogs = processLogs;
        Token = token;
    }

    /// <summary>DeveloperAgent's <c>/process-logs</c> endpoint.</summary>
    public Uri ProcessLogs { get; }

    /// <summary>The bearer token DeveloperAgent accepts.</summary>
    public string Token { get; }

    /// <summary>Reads and checks the settings; a missing or malformed one throws with a one-line message.</summary>
    /// <exception cref="FixEngineException">A setting is missing or malformed.</exception>
    public static UpstreamSettings From(string? url, string? token, BearerToken ownToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new FixEngineException("DEVELOPER_AGENT_URL is not set: set it to DeveloperAgent's base URL (http:// or https://).");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(baseUri.Host) || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment)
            || !string.IsNullOrEmpty(baseUri.UserInfo))
        {
            throw new FixEngineException("DEVELOPER_AGENT_URL must be an absolute http:// or https:// URL without query, fragment or credentials.");
        }

        // Presence and length are checked with the same rules as the token DeveloperAgent accepts.
        _ = new BearerToken(token, "DEVELOPER_AGENT_TOKEN");
        if (ownToken.Accepts("Bearer " + token))
        {
            throw new FixEngineException("AGENT_TOKEN and DEVELOPER_AGENT_TOKEN must differ: each host accepts only its own token.");
        }

        var processLogs = new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/process-logs", UriKind.Absolute);
        return new UpstreamSettings(processLogs, token!.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => $"UpstreamSettings({ProcessLogs}, token set)";
}
