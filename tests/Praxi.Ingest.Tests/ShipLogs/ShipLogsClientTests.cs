using System.Net;
using System.Net.Sockets;
using Praxi.FixEngine;
using Praxi.Ingest.ShipLogs;

namespace Praxi.Ingest.Tests.ShipLogs;

public sealed class ShipLogsClientTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("ship-client");

    public ShipLogsClientTests() => File.WriteAllText(Path.Combine(_temp.Path, "ci.log"), "Error: boom\n");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ShipAsync_NothingListening_IsAnUndeliveredResultNotAnException()
    {
        var warnings = new List<string>();
        var sut = Request() with { Url = $"http://127.0.0.1:{ClosedPort()}/api/ci/logs", Retries = 0 };

        var result = await ShipLogsClient.ShipAsync(sut, w => { warnings.Add(w); return Task.CompletedTask; }, CancellationToken.None);

        result.Delivered.Should().BeFalse();
        result.Failure.Should().StartWith("transport error").And.EndWith("after 1 attempt(s)");
        result.Status.Should().BeNull();
        result.RunId.Should().Be("client-1");
        result.Logs.Should().Be(1);
        result.AnalysisSummary.Should().BeEmpty();
        warnings.Should().BeEmpty("nothing was skipped and no attempt was retried");
    }

    [Theory]
    [InlineData("run1\n")]
    [InlineData("../etc")]
    public async Task ShipAsync_InvalidRunId_ThrowsBeforeAnythingIsReadOrSent(string runId)
    {
        var warnings = new List<string>();
        var sut = Request() with { RunId = runId, Url = $"http://127.0.0.1:{ClosedPort()}/api/ci/logs" };

        var act = () => ShipLogsClient.ShipAsync(sut, w => { warnings.Add(w); return Task.CompletedTask; }, CancellationToken.None);

        await act.Should().ThrowAsync<FixEngineException>().WithMessage("the run id '*' must match *; pass another with --run-id.");
        warnings.Should().BeEmpty();
    }

    private ShipLogsRequest Request() => new()
    {
        ArtifactsFolder = _temp.Path,
        Url = "http://127.0.0.1/api/ci/logs",
        Token = "client-token-0123456789",
        RunId = "client-1",
        TimeoutSeconds = 10,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        Environment = _ => null,
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
