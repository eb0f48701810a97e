using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>CloudAgent accepts only <c>AGENT_TOKEN</c>; everything else is a 401 that never reaches DeveloperAgent.</summary>
public sealed class CloudAgentTokenTests
{
    public static TheoryData<string, string?> Refused() => new()
    {
        { "missing", null },
        { "empty", "" },
        { "scheme only", "Bearer" },
        { "scheme and space", "Bearer " },
        { "basic scheme", "Basic " + Convert.ToBase64String("user:pass"u8.ToArray()) },
        { "token without scheme", CloudAgentHost.AgentToken },
        { "wrong scheme with the token", "Token " + CloudAgentHost.AgentToken },
        { "wrong", "Bearer not-the-token-at-all-0000000000" },
        { "same length, last character wrong", "Bearer " + CloudAgentHost.AgentToken[..^1] + (CloudAgentHost.AgentToken[^1] == 'x' ? 'y' : 'x') },
        { "same length, first character wrong", "Bearer " + (CloudAgentHost.AgentToken[0] == 'x' ? 'y' : 'x') + CloudAgentHost.AgentToken[1..] },
        { "prefix of the token", "Bearer " + CloudAgentHost.AgentToken[..^4] },
        { "token with a suffix", "Bearer " + CloudAgentHost.AgentToken + "x" },
        { "DeveloperAgent's token", "Bearer " + CloudAgentHost.DeveloperToken },
        { "two tokens", "Bearer " + CloudAgentHost.AgentToken + ", Bearer " + CloudAgentHost.AgentToken },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Post_WithoutItsOwnToken_Answers401ProblemJsonAndForwardsNothing(string situation, string? authorization)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("token-1"), authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, situation);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(401);
        upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ItsOwnToken_IsForwardedWithDeveloperAgentsToken()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("token-ok"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        upstream.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer " + CloudAgentHost.DeveloperToken);
    }

    [Fact]
    public async Task Logs_OfAcceptedRefusedAndFailedForwards_HoldNeitherTokensNorLogText()
    {
        var sink = new CapturingLoggerProvider();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new FakeUpstream.Fault.Status(503, 0), new FakeUpstream.Fault.Reset());
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, services: s => s.AddSingleton<ILoggerProvider>(sink));
        const string secretLine = "password=hunter2-in-the-log-text";

        using (var _ = await agent.PostAsync(SamplePayloads.Run("logs-1", secretLine)))
        {
        }

        using (var _ = await agent.PostAsync(SamplePayloads.Run("logs-2", secretLine), "Bearer " + CloudAgentHost.DeveloperToken))
        {
        }

        using (var _ = await agent.PostAsync(System.Text.Encoding.UTF8.GetBytes("{\"run_id\":\"" + secretLine + "\"}")))
        {
        }

        sink.Messages.Should().NotBeEmpty();
        sink.Messages.Should().Contain(m => m.Contains("logs-1", StringComparison.Ordinal), "run ids are logged");
        sink.Messages.Should().NotContain(m => m.Contains(CloudAgentHost.AgentToken, StringComparison.Ordinal)
            || m.Contains(CloudAgentHost.DeveloperToken, StringComparison.Ordinal) || m.Contains("hunter2", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
