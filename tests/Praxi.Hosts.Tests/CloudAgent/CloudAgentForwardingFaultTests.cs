using System.Diagnostics;
using System.Net;
using System.Text.Json;
using static Praxi.Hosts.Tests.CloudAgent.FakeUpstream;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>CloudAgent forwarding through upstream faults, on real Kestrel hosts at 127.0.0.1.</summary>
public sealed class CloudAgentForwardingFaultTests
{
    /// <summary>A 1 s attempt timeout keeps the delay tests short; everything else is the default.</summary>
    private static readonly Dictionary<string, string?> ShortAttempts = new() { ["Forwarding:AttemptTimeout"] = "00:00:01" };

    public static TheoryData<string, Fault[]> TwoFaults() => new()
    {
        { "503 with Retry-After twice", [new Fault.Status(503, 1), new Fault.Status(503, 1)] },
        { "429 twice", [new Fault.Status(429), new Fault.Status(429, 0)] },
        { "500 then 502", [new Fault.Status(500), new Fault.Status(502)] },
        { "408 then 504", [new Fault.Status(408), new Fault.Status(504)] },
        { "two resets", [new Fault.Reset(), new Fault.Reset()] },
        { "two answers slower than the attempt timeout", [new Fault.Delay(TimeSpan.FromSeconds(5)), new Fault.Delay(TimeSpan.FromSeconds(5))] },
        { "reset then 503 then nothing", [new Fault.Reset(), new Fault.Status(503, 1)] },
    };

    [Theory]
    [MemberData(nameof(TwoFaults))]
    public async Task Post_TwoConsecutiveUpstreamFaults_ForwardsOnTheThirdAttemptWithTheSameKeyAndBytes(string situation, Fault[] faults)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(faults);
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, ShortAttempts);
        var body = SamplePayloads.Run("4242-1");

        var started = Stopwatch.GetTimestamp();
        using var response = await agent.PostAsync(body);
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.Should().Be(HttpStatusCode.OK, situation);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("status").GetString().Should().Be("received");
        answer.RootElement.GetProperty("upstream").GetProperty("classification").GetProperty("error_type").GetString().Should().Be("selector_not_found");
        var attempts = upstream.Requests.ToArray();
        attempts.Should().HaveCount(3, situation);
        attempts.Should().AllSatisfy(a =>
        {
            a.Body.Should().Equal(body, "every attempt carries the original bytes");
            a.IdempotencyKey.Should().Be("run:4242-1");
            a.Authorization.Should().Be("Bearer " + CloudAgentHost.DeveloperToken);
            a.ContentType.Should().StartWith("application/json");
        });
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the whole forward stays within the total timeout");
    }

    [Fact]
    public async Task Post_RetryAfterSeconds_WaitsAtLeastThatLongBetweenAttempts()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new Fault.Status(503, 1));
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("retry-after-1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var attempts = upstream.Requests.ToArray();
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Post_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new Fault.Status(429, 120));
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, new Dictionary<string, string?> { ["Forwarding:MaxRetryDelay"] = "00:00:01" });

        var started = Stopwatch.GetTimestamp();
        using var response = await agent.PostAsync(SamplePayloads.Run("retry-after-120"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(5));
        upstream.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_LargeBody_GetsALongerAttemptTimeoutAndIsNotRetried()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new Fault.Delay(TimeSpan.FromSeconds(1.5)));
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["Forwarding:AttemptTimeout"] = "00:00:01",
            ["Forwarding:AttemptTimeoutPerMegabyte"] = "00:00:01",
        });

        using var response = await agent.PostAsync(SamplePayloads.Run("large-1", new string('x', 2 * 1024 * 1024)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        upstream.Requests.Should().HaveCount(1, "a 2 MB body has 1 s + 2 × 1 s per attempt, more than the 1.5 s the upstream takes");
    }

    [Fact]
    public async Task Post_SmallBodySlowerThanTheAttemptTimeout_IsRetried()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new Fault.Delay(TimeSpan.FromSeconds(1.5)));
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, new Dictionary<string, string?>
        {
            ["Forwarding:AttemptTimeout"] = "00:00:01",
            ["Forwarding:AttemptTimeoutPerMegabyte"] = "00:00:01",
        });

        using var response = await agent.PostAsync(SamplePayloads.Run("small-1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        upstream.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(0L, 3.0)]
    [InlineData(1024L * 1024, 3.25)]
    [InlineData(25L * 1024 * 1024, 9.25)]
    [InlineData(100L * 1024 * 1024, 10.0)]
    public void AttemptTimeoutFor_BodySize_GrowsPerMegabyteUpToTheTotal(long bytes, double seconds)
    {
        new Praxi.CloudAgent.ForwardingOptions().AttemptTimeoutFor(bytes).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Post_ClientIdempotencyKey_IsSentOnEveryAttempt()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(new Fault.Reset());
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("keyed-1"), idempotencyKey: "ci-job-77/attempt-1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        upstream.Requests.Select(r => r.IdempotencyKey).Should().Equal("ci-job-77/attempt-1", "ci-job-77/attempt-1");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(422)]
    public async Task Post_UpstreamClientError_IsPassedThroughWithoutRetry(int status)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = status;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("refused-1"));

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().Should().Be($"upstream says {status}", "DeveloperAgent's own details reach the client");
        upstream.Requests.Should().HaveCount(1, "a plain 4xx is never retried");
    }

    [Fact]
    public async Task Post_UpstreamAlways503_Answers502AfterFourAttemptsWithinTheTotalTimeout()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = 503;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        var started = Stopwatch.GetTimestamp();
        using var response = await agent.PostAsync(SamplePayloads.Run("always-503"));
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("answered 503");
        upstream.Requests.Should().HaveCount(4, "one attempt and three retries");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Post_UpstreamNeverAnswers_Answers504WithinTheTotalTimeout()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Script(Enumerable.Repeat<Fault>(new Fault.Delay(TimeSpan.FromSeconds(60)), 10).ToArray());
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        var started = Stopwatch.GetTimestamp();
        using var response = await agent.PostAsync(SamplePayloads.Run("never-answers"));
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(504);
        problem.RootElement.GetProperty("detail").GetString().Should().Contain("did not answer in time");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(11), "the 10 s total timeout bounds the forward");
        elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(8), "three 3 s attempts and their backoff fill the budget");
        upstream.Requests.Count.Should().BeInRange(3, 4);
    }

    [Fact]
    public async Task Post_UpstreamUnreachable_Answers502()
    {
        // A port that was just free: nothing listens there.
        Uri closed;
        await using (var gone = await FakeUpstream.StartAsync())
        {
            closed = gone.BaseAddress;
        }

        await using var agent = await CloudAgentHost.StartAsync(closed, new Dictionary<string, string?> { ["Forwarding:RetryBaseDelay"] = "00:00:00.050" });

        using var response = await agent.PostAsync(SamplePayloads.Run("unreachable"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("could not be reached");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Post_UpstreamRedirects_Answers502WithoutFollowing(int status)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = status;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("redirect-1"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"unexpected {status}");
        upstream.Requests.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("delta 1 s", 1.0, null, 1.0)]
    [InlineData("delta over the cap", 120.0, null, 2.0)]
    [InlineData("date 1.5 s ahead", null, 1.5, 1.5)]
    [InlineData("date in the past", null, -30.0, 0.0)]
    [InlineData("date far ahead", null, 3600.0, 2.0)]
    public void RetryAfter_Header_IsHonouredUpToTheCap(string situation, double? deltaSeconds, double? dateOffsetSeconds, double expectedSeconds)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = deltaSeconds is { } delta
            ? new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(delta))
            : new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(dateOffsetSeconds!.Value));

        var wait = Praxi.CloudAgent.ForwardingPipeline.RetryAfter(response, time, TimeSpan.FromSeconds(2));

        wait.Should().Be(TimeSpan.FromSeconds(expectedSeconds), situation);
    }

    [Fact]
    public void RetryAfter_NoHeader_LeavesTheBackoffToTheRetry()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Praxi.CloudAgent.ForwardingPipeline.RetryAfter(response, TimeProvider.System, TimeSpan.FromSeconds(2)).Should().BeNull();
        Praxi.CloudAgent.ForwardingPipeline.RetryAfter(null, TimeProvider.System, TimeSpan.FromSeconds(2)).Should().BeNull();
    }

    [Fact]
    public async Task Post_UpstreamAnswersNonJson_Answers502()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.DefaultStatus = 204;
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("no-json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not JSON");
    }
}
