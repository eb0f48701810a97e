using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Praxi.CloudAgent;
using Praxi.FixEngine;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>A misconfigured CloudAgent refuses to start with one clear line.</summary>
public sealed class CloudAgentStartupTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["AGENT_TOKEN"] = CloudAgentHost.AgentToken,
        ["DEVELOPER_AGENT_TOKEN"] = CloudAgentHost.DeveloperToken,
        ["DEVELOPER_AGENT_URL"] = "http://127.0.0.1:5005",
    };

    public static TheoryData<string, string?, string> Broken() => new()
    {
        { "AGENT_TOKEN", null, "AGENT_TOKEN is not set" },
        { "AGENT_TOKEN", "short", "AGENT_TOKEN must be at least 16" },
        { "DEVELOPER_AGENT_TOKEN", null, "DEVELOPER_AGENT_TOKEN is not set" },
        { "DEVELOPER_AGENT_TOKEN", CloudAgentHost.AgentToken, "must differ" },
        { "DEVELOPER_AGENT_URL", null, "DEVELOPER_AGENT_URL is not set" },
        { "DEVELOPER_AGENT_URL", "ftp://127.0.0.1/", "DEVELOPER_AGENT_URL must be an absolute http:// or https:// URL" },
        { "DEVELOPER_AGENT_URL", "file:///etc/passwd", "DEVELOPER_AGENT_URL must be an absolute http:// or https:// URL" },
        { "DEVELOPER_AGENT_URL", "localhost:5005", "DEVELOPER_AGENT_URL must be an absolute http:// or https:// URL" },
        { "DEVELOPER_AGENT_URL", "/relative", "DEVELOPER_AGENT_URL must be an absolute http:// or https:// URL" },
        { "DEVELOPER_AGENT_URL", "http://user:pw@127.0.0.1/", "without query, fragment or credentials" },
        { "Forwarding:AttemptTimeout", "00:00:20", "Forwarding__AttemptTimeout" },
        { "Forwarding:MaxRetryAttempts", "50", "Forwarding__MaxRetryAttempts" },
        { "Forwarding:BreakerFailureRatio", "1.5", "Forwarding__BreakerFailureRatio" },
        { "Forwarding:TotalTimeout", "ten seconds", "a Forwarding__* setting is not a valid value" },
        { "Forwarding:MaxRetryAttempts", "three", "a Forwarding__* setting is not a valid value" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Build_MisconfiguredSetting_ThrowsWithAOneLineMessageNamingIt(string setting, string? value, string expected)
    {
        var values = new Dictionary<string, string?>(Good) { [setting] = value };

        var build = () => CloudAgentApp.Build([], b => b.Configuration.AddInMemoryCollection(values));

        var thrown = build.Should().Throw<FixEngineException>().Which;
        thrown.Message.Should().Contain(expected).And.NotContain("\n");
        thrown.Message.Should().NotContain(CloudAgentHost.AgentToken).And.NotContain(CloudAgentHost.DeveloperToken);
    }

    [Fact]
    public void Build_UrlWithATrailingSlashOrPath_ForwardsToProcessLogsBelowIt()
    {
        var values = new Dictionary<string, string?>(Good) { ["DEVELOPER_AGENT_URL"] = "https://agents.example/dev/" };

        var app = CloudAgentApp.Build([], b => b.Configuration.AddInMemoryCollection(values));

        app.Services.GetService(typeof(UpstreamSettings)).Should().BeOfType<UpstreamSettings>()
            .Which.ProcessLogs.Should().Be(new Uri("https://agents.example/dev/process-logs"));
    }

    [Fact]
    public async Task Process_WithoutSettings_ExitsWith2AndOneLineOnStderr()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Praxi.CloudAgent.dll");
        File.Exists(dll).Should().BeTrue();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "AGENT_TOKEN", "DEVELOPER_AGENT_TOKEN", "DEVELOPER_AGENT_URL" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.Should().Be(2);
        stderr.Trim().Should().Be("CloudAgent: refusing to start: AGENT_TOKEN is not set: set it to the bearer token this host accepts (at least 16 characters).");
    }
}
