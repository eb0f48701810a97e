using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Praxi.FixEngine;
using Praxi.Hosting;

namespace Praxi.Hosts.Tests;

public sealed class PraxiHostingTests
{
    [Fact]
    public async Task UsePraxiHosting_EndpointThrows_Is500ProblemWithTraceIdAndNoMessageOrStack()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None"]);
        builder.AddPraxiHosting();
        await using var app = builder.Build();
        app.UsePraxiHosting();
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret detail from a log line"));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync(new Uri("/boom", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await DeveloperAgentTests.ShouldBeProblem(response, 500);
        problem.GetProperty("trace_id").GetString().Should().NotBeNullOrEmpty();
        text.Should().NotContain("secret detail").And.NotContain("InvalidOperationException").And.NotContain(".cs:");
        await app.StopAsync();
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("APPLICATION/JSON; charset=UTF8", true)]
    [InlineData("application/json; charset=utf-16", false)]
    [InlineData("application/problem+json", false)]
    [InlineData("text/json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("application/json;;;", false)]
    public void IsJson_ContentTypes_AcceptsOnlyJsonInUtf8(string? contentType, bool expected) =>
        JsonBody.IsJson(contentType).Should().Be(expected);

    [Fact]
    public void RequireUrl_MissingOrRelativeOrOtherScheme_RefusesWithTheSettingName()
    {
        IConfiguration Config(string? value) => new ConfigurationBuilder().AddInMemoryCollection([new("DEVELOPER_AGENT_URL", value)]).Build();

        HostStartup.RequireUrl(Config("http://127.0.0.1:5000"), "DEVELOPER_AGENT_URL").Port.Should().Be(5000);
        foreach (var value in new[] { null, "", "relative/path", "ftp://host/x", "file:///etc/passwd" })
        {
            var act = () => HostStartup.RequireUrl(Config(value), "DEVELOPER_AGENT_URL");
            act.Should().Throw<FixEngineException>().WithMessage("DEVELOPER_AGENT_URL*");
        }
    }

    [Fact]
    public void FromConfiguration_Limits_AreReadAndCheckedAndDefaultsHold()
    {
        var defaults = HostLimits.FromConfiguration(new ConfigurationBuilder().Build());
        var set = HostLimits.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection([new("Limits:MaxBodyBytes", "1000"), new("Limits:QueueLimit", "0")]).Build());
        var bad = () => HostLimits.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection([new("Limits:MaxConcurrentRequests", "many")]).Build());

        defaults.MaxBodyBytes.Should().Be(25L * 1024 * 1024);
        defaults.MaxLineBytes.Should().Be(256 * 1024);
        set.MaxBodyBytes.Should().Be(1000);
        set.QueueLimit.Should().Be(0);
        bad.Should().Throw<FixEngineException>().WithMessage("Limits__MaxConcurrentRequests must be*");
    }

    [Fact]
    public async Task ProblemResult_InvalidPayload_HasTheContractShape()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await ProblemResult.InvalidPayload([new("run_id", "required"), new("logs", "required")]).ExecuteAsync(context);

        context.Response.StatusCode.Should().Be(400);
        context.Response.ContentType.Should().Be("application/problem+json");
        context.Response.Body.Position = 0;
        var problem = Payloads.Json(await new StreamReader(context.Response.Body).ReadToEndAsync());
        problem.GetProperty("error").GetString().Should().Be("invalid_payload");
        problem.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString() + ":" + d.GetProperty("problem").GetString())
            .Should().Equal("run_id:required", "logs:required");
    }
}
