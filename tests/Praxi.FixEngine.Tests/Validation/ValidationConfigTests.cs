using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary><c>praxi.json</c> <c>validation</c> read from real files.</summary>
public sealed class ValidationConfigTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ApplyTo_ValidationSection_SetsEveryOption()
    {
        var config = Load("""{ "validation": { "timeout_s": 60, "require_pass": true, "keep_workspace": true, "on_progressed": "withhold" } }""");
        var sut = new ValidationOptions();

        config.ApplyTo(sut);

        sut.Timeout.Should().Be(TimeSpan.FromSeconds(60));
        sut.RequirePass.Should().BeTrue();
        sut.KeepWorkspace.Should().BeTrue();
        sut.OnProgressed.Should().Be(ProgressedPatch.Withhold);
    }

    [Theory]
    [InlineData("keep", ProgressedPatch.Keep)]
    [InlineData("Withhold", ProgressedPatch.Withhold)]
    public void ApplyTo_OnProgressed_ReadsEitherPolicy(string value, ProgressedPatch expected)
    {
        var sut = new ValidationOptions { OnProgressed = expected == ProgressedPatch.Keep ? ProgressedPatch.Withhold : ProgressedPatch.Keep };

        Load($$"""{ "validation": { "on_progressed": "{{value}}" } }""").ApplyTo(sut);

        sut.OnProgressed.Should().Be(expected);
    }

    [Fact]
    public void Load_UnknownOnProgressed_IsOneClearError()
    {
        var act = () => Load("""{ "validation": { "on_progressed": "ignore" } }""");

        act.Should().Throw<FixEngineException>().WithMessage("config '*praxi.json': validation: on_progressed is 'ignore'; it must be keep or withhold.");
    }

    [Fact]
    public void ApplyTo_NoSection_KeepsTheDefaults()
    {
        var sut = new ValidationOptions();

        Load("{}").ApplyTo(sut);

        sut.Timeout.Should().Be(TimeSpan.FromSeconds(900));
        sut.RequirePass.Should().BeFalse();
        sut.KeepWorkspace.Should().BeFalse();
        sut.OnProgressed.Should().Be(ProgressedPatch.Keep, "the heal fixed the step it targeted; the later failure is another problem");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(90000)]
    public void Load_TimeoutOutOfRange_IsOneClearError(int seconds)
    {
        var act = () => Load($$"""{ "validation": { "timeout_s": {{seconds}} } }""");

        act.Should().Throw<FixEngineException>().WithMessage("config '*praxi.json': validation: timeout_s must be between 1 and 86400.");
    }

    [Fact]
    public void Load_WrongType_IsOneClearError()
    {
        var act = () => Load("""{ "validation": { "require_pass": "yes" } }""");

        act.Should().Throw<FixEngineException>().WithMessage("config '*praxi.json' is not valid:*");
    }

    private PraxiConfig Load(string json)
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "praxi.json"), json);
        return PraxiConfig.Load(Path.Combine(dir, "praxi.json"));
    }
}
