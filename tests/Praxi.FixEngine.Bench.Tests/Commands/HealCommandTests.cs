using System.Text.Json;

namespace Praxi.FixEngine.Bench.Tests.Commands;

public sealed class HealCommandTests
{
    [Fact]
    public async Task Run_SmallPage_EveryCaseFindsItsElementOrRightlyAbstains()
    {
        var (code, output, error) = await BenchRun.RunAsync("heal", "--size", "64KB", "--json");

        code.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("bytes").GetInt64().Should().BeInRange(64_000, 80_000);
        root.GetProperty("elements").GetInt32().Should().BeGreaterThan(500);
        root.GetProperty("parse_ms").GetDouble().Should().BePositive();
        var cases = root.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        cases.Should().HaveCount(5);
        cases["renamed id, baseline"].GetProperty("verdict").GetString().Should().Be("right");
        cases["reworded button, baseline"].GetProperty("verdict").GetString().Should().Be("right");
        cases["strict mode, baseline"].GetProperty("verdict").GetString().Should().Be("right");
        cases["removed, baseline"].GetProperty("verdict").GetString().Should().Be("right-abstain");
        cases["renamed id, locator only"].GetProperty("verdict").GetString().Should().BeOneOf("right", "abstained");
        cases.Values.Should().OnlyContain(c => c.GetProperty("heal_ms").GetDouble() > 0 && c.GetProperty("ratio_to_parse").GetDouble() > 0);
    }

    [Fact]
    public async Task Run_Table_ListsTheCasesAndTheParse()
    {
        var (code, output, _) = await BenchRun.RunAsync("heal", "--size", "16KB");

        code.Should().Be(0);
        output.Should().StartWith("page: ").And.Contain("parse ").And.Contain("| renamed id, baseline | healed | right |");
    }

    [Theory]
    [InlineData("1KB")]
    [InlineData("100MB")]
    [InlineData("lots")]
    public async Task Run_BadSize_OneLineErrorAndExit2(string size)
    {
        var (code, output, error) = await BenchRun.RunAsync("heal", "--size", size);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("praxi:");
    }
}
