using System.Net;
using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>Both hosts for real: CloudAgent forwarding to a DeveloperAgent over HTTP on 127.0.0.1.</summary>
public sealed class CloudAgentToDeveloperAgentTests
{
    private static Dictionary<string, string?> ForwardTo(DeveloperAgentServer developer) => new()
    {
        ["DEVELOPER_AGENT_TOKEN"] = DeveloperAgentServer.Token,
    };

    /// <summary>The run folders under logs/ (DeveloperAgent's own .staging folder is no run: run ids never start with a dot).</summary>
    private static List<string> StoredRuns(DeveloperAgentServer developer) =>
        Directory.Exists(developer.Logs)
            ? [.. Directory.EnumerateDirectories(developer.Logs).Select(d => Path.GetFileName(d)!).Where(RunIds.IsValid)]
            : [];

    [Fact]
    public async Task Post_SampleRun_IsStoredAndAnalysedByDeveloperAgentAndAnsweredAsReceived()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(developer.BaseAddress, ForwardTo(developer));

        using var response = await agent.PostAsync(SamplePayloads.Run("e2e-1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("status").GetString().Should().Be("received");
        var upstream = answer.RootElement.GetProperty("upstream");
        upstream.GetProperty("run_id").GetString().Should().Be("e2e-1");
        upstream.GetProperty("classification").GetProperty("error_type").GetString().Should().Be("selector_not_found");
        upstream.GetProperty("classification").GetProperty("failures")[0].GetProperty("selector").GetString().Should().Be("#login-btn");
        var folder = Path.Combine(developer.Logs, "e2e-1");
        File.ReadAllText(Path.Combine(folder, "playwright.log")).Should().Be(SamplePayloads.PlaywrightLog);
        File.Exists(Path.Combine(folder, "analysis.json")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "test-results", "login-signs-in", "screenshot.png")).Should().BeTrue();
    }

    [Fact]
    public async Task Post_SameRunTwice_StoresOneRunAndAnswersTheSame()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(developer.BaseAddress, ForwardTo(developer));

        using var first = await agent.PostAsync(SamplePayloads.Run("twice-1"));
        using var second = await agent.PostAsync(SamplePayloads.Run("twice-1"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        StoredRuns(developer).Should().Equal("twice-1");
    }

    [Fact]
    public async Task Post_TenConcurrentCopiesOfARun_StoresOneRunWithIdenticalAnswers()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(developer.BaseAddress, ForwardTo(developer));
        var body = SamplePayloads.Run("concurrent-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => agent.PostAsync(body)));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        answers.Distinct().Should().ContainSingle();
        StoredRuns(developer).Should().Equal("concurrent-1");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_AnswerLostAfterTheRunWasStored_RetriesWithTheSameKeyAndStoresOneRun()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var relay = await LossyRelay.StartAsync(developer.BaseAddress);
        relay.LoseAnswers = 2;
        await using var agent = await CloudAgentHost.StartAsync(relay.BaseAddress, ForwardTo(developer));

        using var response = await agent.PostAsync(SamplePayloads.Run("lost-answer-1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = relay.Seen.ToArray();
        seen.Should().HaveCount(3);
        seen.Should().OnlyContain(s => s.IdempotencyKey == "run:lost-answer-1" && s.UpstreamStatus == 200);
        seen.Count(s => s.Lost).Should().Be(2);
        StoredRuns(developer).Should().Equal("lost-answer-1");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("upstream").GetProperty("run_id").GetString().Should().Be("lost-answer-1");
    }

    [Fact]
    public async Task Post_SameRunIdWithOtherContent_PassesDeveloperAgents409Through()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(developer.BaseAddress, ForwardTo(developer));
        using var first = await agent.PostAsync(SamplePayloads.Run("conflict-1"));

        using var second = await agent.PostAsync(SamplePayloads.Run("conflict-1", SamplePayloads.PlaywrightLog + "\nmore output"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("type").GetString().Should().Be("urn:praxi:problem:run_conflict");
        StoredRuns(developer).Should().Equal("conflict-1");
    }

    [Fact]
    public async Task Post_CloudAgentHoldsAWrongDeveloperAgentToken_PassesThe401Through()
    {
        await using var developer = await DeveloperAgentServer.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(developer.BaseAddress, new Dictionary<string, string?> { ["DEVELOPER_AGENT_TOKEN"] = "not-the-developer-token-00000" });

        using var response = await agent.PostAsync(SamplePayloads.Run("wrong-upstream-token"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        StoredRuns(developer).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_DeveloperAgentDown_Answers502AndStoresNothing()
    {
        string root;
        Uri address;
        await using (var developer = await DeveloperAgentServer.StartAsync())
        {
            root = developer.Root;
            address = developer.BaseAddress;
        }

        await using var agent = await CloudAgentHost.StartAsync(address, new Dictionary<string, string?>
        {
            ["DEVELOPER_AGENT_TOKEN"] = DeveloperAgentServer.Token,
            ["Forwarding:RetryBaseDelay"] = "00:00:00.050",
        });

        using var response = await agent.PostAsync(SamplePayloads.Run("down-1"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Directory.Exists(Path.Combine(root, "logs", "down-1")).Should().BeFalse();
    }
}
