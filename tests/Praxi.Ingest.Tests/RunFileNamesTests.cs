using Praxi.FixEngine;

namespace Praxi.Ingest.Tests;

public sealed class RunFileNamesTests
{
    [Theory]
    [InlineData("playwright.log")]
    [InlineData("test-results/login-signs-in-chromium/trace.zip")]
    [InlineData("dotnet/results.trx")]
    [InlineData("résultats/données.json")]
    [InlineData("a..b/c...d.txt")]
    public void Problem_SafeRelativeName_IsNull(string name) => RunFileNames.Problem(name).Should().BeNull();

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("../x", "has a '..' segment")]
    [InlineData("a/../../x", "has a '..' segment")]
    [InlineData("./x", "has a '.' segment")]
    [InlineData("/etc/passwd", "must be relative")]
    [InlineData("~/x", "must be relative")]
    [InlineData("a//b", "has an empty segment")]
    [InlineData("a/", "has an empty segment")]
    [InlineData("..\\x", "contains '\\'")]
    [InlineData("C:x", "contains ':'")]
    [InlineData("x.log:stream", "contains ':'")]
    [InlineData("a\0b", "contains a control character")]
    [InlineData("a\nb", "contains a control character")]
    [InlineData("invoice\u202Egpj.exe", "contains an invisible format character")]
    [InlineData("a\u200Bb.log", "contains an invisible format character")]
    [InlineData("\uFEFFx.log", "contains an invisible format character")]
    [InlineData("%2e%2e/x", "contains a percent-encoded dot, separator or NUL")]
    [InlineData("a%2Fb", "contains a percent-encoded dot, separator or NUL")]
    [InlineData("a%5cb", "contains a percent-encoded dot, separator or NUL")]
    [InlineData("logs/CON", "names the device 'CON'")]
    [InlineData("nul.txt", "names the device 'nul'")]
    [InlineData("com1.log", "names the device 'com1'")]
    [InlineData("x.", "has a segment ending in a dot or a space")]
    [InlineData("x ", "has a segment ending in a dot or a space")]
    public void Problem_UnsafeName_SaysWhy(string name, string problem) => RunFileNames.Problem(name).Should().Be(problem);

    [Fact]
    public void Problem_LongNames_AreRefused()
    {
        RunFileNames.Problem(new string('a', 256)).Should().Be("has a segment longer than 255 bytes");
        RunFileNames.Problem(string.Join('/', Enumerable.Repeat(new string('a', 200), 6))).Should().Be("longer than 1024 bytes");
        RunFileNames.Problem(new string('é', 128)).Should().Be("has a segment longer than 255 bytes", "é is two bytes in UTF-8");
    }

    [Fact]
    public void Problem_UnpairedSurrogate_IsRefused() => RunFileNames.Problem("a\uD800b").Should().Be("contains an unpaired surrogate");

    [Fact]
    public void Resolve_SafeName_StaysInsideTheFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "praxi-names");

        RunFileNames.Resolve(root, "a/b.txt").Should().Be(Path.Combine(Path.GetFullPath(root), "a", "b.txt"));
        var act = () => RunFileNames.Resolve(root, "../b.txt");
        act.Should().Throw<FixEngineException>().WithMessage("*'..' segment*");
    }
}
