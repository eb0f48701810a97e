using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>
/// The breaker's states under a <see cref="FakeTimeProvider"/> registered in DI (the forwarding pipeline takes its
/// time from there). Retries are off so that one request is one attempt and no backoff waits on the frozen clock;
/// the breaker keeps its defaults (ratio 0.5 over 30 s, at least 5 attempts, 15 s open).
/// </summary>
public sealed class CloudAgentCircuitBreakerTests
{
    private static readonly Dictionary<string, string?> OneAttempt = new() { ["Forwarding:MaxRetryAttempts"] = "0" };

    [Fact]
    public async Task Post_FiveFailures_OpensTheCircuitThenHalfOpensAndClosesAfterTheBreak()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = 503;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, OneAttempt, s => s.AddSingleton<TimeProvider>(time));

        for (var i = 0; i < 5; i++)
        {
            using var failed = await agent.PostAsync(SamplePayloads.Run($"breaker-{i}"));
            failed.StatusCode.Should().Be(HttpStatusCode.BadGateway);
            (await failed.Content.ReadAsStringAsync()).Should().Contain("answered 503");
        }

        upstream.Requests.Should().HaveCount(5);

        // Open: refused without reaching the upstream, however healthy it is now.
        upstream.DefaultStatus = 200;
        using (var open = await agent.PostAsync(SamplePayloads.Run("breaker-open")))
        {
            open.StatusCode.Should().Be(HttpStatusCode.BadGateway);
            open.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await open.Content.ReadAsStringAsync()).Should().Contain("circuit open");
        }

        time.Advance(TimeSpan.FromSeconds(14));
        using (var stillOpen = await agent.PostAsync(SamplePayloads.Run("breaker-still-open")))
        {
            (await stillOpen.Content.ReadAsStringAsync()).Should().Contain("circuit open");
        }

        upstream.Requests.Should().HaveCount(5, "an open circuit sends nothing");

        // Half-open after the break: one trial goes through; its success closes the circuit.
        time.Advance(TimeSpan.FromSeconds(1.5));
        using (var trial = await agent.PostAsync(SamplePayloads.Run("breaker-trial")))
        {
            trial.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var closed = await agent.PostAsync(SamplePayloads.Run("breaker-closed")))
        {
            closed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        upstream.Requests.Should().HaveCount(7);
    }

    [Fact]
    public async Task Post_HalfOpenTrialFails_OpensTheCircuitAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = 500;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, OneAttempt, s => s.AddSingleton<TimeProvider>(time));
        for (var i = 0; i < 5; i++)
        {
            using var _ = await agent.PostAsync(SamplePayloads.Run($"trip-{i}"));
        }

        time.Advance(TimeSpan.FromSeconds(16));
        using (var trial = await agent.PostAsync(SamplePayloads.Run("trial-fails")))
        {
            (await trial.Content.ReadAsStringAsync()).Should().Contain("answered 500");
        }

        upstream.DefaultStatus = 200;
        using (var reopened = await agent.PostAsync(SamplePayloads.Run("reopened")))
        {
            reopened.StatusCode.Should().Be(HttpStatusCode.BadGateway);
            (await reopened.Content.ReadAsStringAsync()).Should().Contain("circuit open");
        }

        upstream.Requests.Should().HaveCount(6);
    }

    [Fact]
    public async Task Post_FailuresBelowTheMinimumThroughput_KeepTheCircuitClosed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = 503;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, OneAttempt, s => s.AddSingleton<TimeProvider>(time));
        for (var i = 0; i < 4; i++)
        {
            using var _ = await agent.PostAsync(SamplePayloads.Run($"few-{i}"));
        }

        upstream.DefaultStatus = 200;
        using var response = await agent.PostAsync(SamplePayloads.Run("few-ok"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "four failures are below the minimum throughput of five");
    }
}
