using System.Security.Cryptography;
using System.Text;
using Praxi.FixEngine;

namespace Praxi.Hosting;

/// <summary>
/// A host's bearer token, compared in constant time: both sides are hashed to fixed-length SHA-256 digests first, so
/// neither the token's length nor the position of the first wrong byte shows in the time a refusal takes. The token
/// itself is never printed (<see cref="ToString"/> says only that it is set).
/// </summary>
public sealed class BearerToken
{
    private readonly byte[] _digest;

    /// <summary>Wraps the configured token.</summary>
    /// <param name="token">The secret; at least 16 characters.</param>
    /// <param name="setting">The setting it came from, for the error message (<c>AGENT_TOKEN</c>).</param>
    /// <exception cref="FixEngineException">The token is missing, too short or holds whitespace.</exception>
    public BearerToken(string? token, string setting)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new FixEngineException($"{setting} is not set: set it to the bearer token this host accepts (at least 16 characters).");
        }

        if (token.Length < 16 || token.Any(char.IsWhiteSpace))
        {
            throw new FixEngineException($"{setting} must be at least 16 characters without whitespace.");
        }

        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>True when the <c>Authorization</c> header is <c>Bearer &lt;token&gt;</c> with this token.</summary>
    public bool Accepts(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        var presented = authorizationHeader is not null && authorizationHeader.Length > scheme.Length
            && authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader[scheme.Length..].Trim()
            : string.Empty;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return CryptographicOperations.FixedTimeEquals(digest, _digest) & presented.Length > 0;
    }

    /// <inheritdoc />
    public override string ToString() => "BearerToken(set)";
}
