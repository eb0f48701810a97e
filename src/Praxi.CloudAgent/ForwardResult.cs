using System.Text.Json;

namespace Praxi.CloudAgent;

/// <summary>What became of a forward to DeveloperAgent.</summary>
internal abstract record ForwardResult
{
    /// <summary>DeveloperAgent accepted the run and answered with this JSON.</summary>
    public sealed record Accepted(JsonElement Answer) : ForwardResult;

    /// <summary>DeveloperAgent refused the request (4xx, not retried): its status and body go back to the client.</summary>
    public sealed record Refused(int Status, string? ContentType, byte[] Body) : ForwardResult;

    /// <summary>No usable answer: 5xx or transport errors after every retry, an open circuit, or an answer that is not JSON (502).</summary>
    public sealed record BadGateway(string Detail, bool CircuitOpen = false) : ForwardResult;

    /// <summary>The upstream did not answer in time (504).</summary>
    public sealed record Timeout(string Detail) : ForwardResult;
}
