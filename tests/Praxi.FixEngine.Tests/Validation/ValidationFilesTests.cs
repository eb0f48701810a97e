using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>The output files of a validated fix, in a real folder.</summary>
public sealed class ValidationFilesTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_Withheld_WritesAnEmptyPatchTheRejectedOneAndTheMetadata()
    {
        var dir = _temp.Subfolder();
        var fix = ValidationRepo.Fix("the patch\n");
        var result = new ValidationResult { Fix = fix with { Patch = string.Empty }, Withheld = true, RejectedPatch = "the patch\n" };

        var written = await ValidationFiles.WriteAsync(result, dir);

        written.Select(Path.GetFileName).Should().Equal("patch-7.diff", "metadata-7.json", "patch-7.rejected.diff");
        File.ReadAllText(Path.Combine(dir, "patch-7.diff")).Should().BeEmpty();
        File.ReadAllText(Path.Combine(dir, "patch-7.rejected.diff")).Should().Be("the patch\n");
        File.ReadAllText(Path.Combine(dir, "metadata-7.json")).Should().Contain("\"validation\"");
        Directory.GetFiles(dir).Should().HaveCount(3, "no temp file is left");
    }

    [Fact]
    public async Task WriteAsync_NotWithheld_WritesThePatchAndRemovesAnEarlierRejectedOne()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "patch-7.rejected.diff"), "old\n");
        var result = new ValidationResult { Fix = ValidationRepo.Fix("the patch\n"), Withheld = false };

        await ValidationFiles.WriteAsync(result, dir);

        File.ReadAllText(Path.Combine(dir, "patch-7.diff")).Should().Be("the patch\n");
        File.Exists(Path.Combine(dir, "patch-7.rejected.diff")).Should().BeFalse();
    }
}
