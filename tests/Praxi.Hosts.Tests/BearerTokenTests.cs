using Praxi.FixEngine;
using Praxi.Hosting;

namespace Praxi.Hosts.Tests;

public sealed class BearerTokenTests
{
    private const string Token = "s3cret-token-0123456789";

    [Theory]
    [InlineData("Bearer " + Token, true)]
    [InlineData("bearer " + Token, true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Bearer", false)]
    [InlineData("Bearer ", false)]
    [InlineData(Token, false)]
    [InlineData("Basic " + Token, false)]
    [InlineData("Bearer s3cret-token-0123456788", false)]
    [InlineData("Bearer " + Token + "x", false)]
    [InlineData("Bearer other-hosts-token-0000", false)]
    public void Accepts_AuthorizationHeader_OnlyTheSameToken(string? header, bool accepted) =>
        new BearerToken(Token, "AGENT_TOKEN").Accepts(header).Should().Be(accepted);

    [Theory]
    [InlineData(null, "AGENT_TOKEN is not set*")]
    [InlineData("", "AGENT_TOKEN is not set*")]
    [InlineData("short", "AGENT_TOKEN must be at least 16 characters*")]
    [InlineData("has a space in it ok", "AGENT_TOKEN must be at least 16 characters*")]
    public void Ctor_BadToken_FailsWithTheSettingsName(string? token, string message)
    {
        var act = () => new BearerToken(token, "AGENT_TOKEN");

        act.Should().Throw<FixEngineException>().WithMessage(message);
    }

    [Fact]
    public void ToString_NeverShowsTheToken() => new BearerToken(Token, "X").ToString().Should().NotContain(Token);
}
