using System.Text;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Patching;

public sealed class EditApplierTests
{
    private const string Spec = "await page.locator('#a').click();\nawait page.locator('#b').click();\n";

    [Fact]
    public void Apply_EditsOfSeveralInstructions_AppliesAllInFileOrder()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);
        var b = Edits.Replace(repo, "e2e/a.spec.ts", "'#b'", "'#bee'");
        var a = Edits.Replace(repo, "e2e/a.spec.ts", "'#a'", "'#ay'");

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, b), Edits.Instruction(1, a)]);

        var file = sut.Files.Should().ContainSingle().Subject;
        file.NewText.Should().Be("await page.locator('#ay').click();\nawait page.locator('#bee').click();\n");
        file.Edits.Select(e => (e.Before, file.NewText[e.NewStart..e.NewEnd])).Should().Equal(("'#a'", "'#ay'"), ("'#b'", "'#bee'"));
        sut.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Apply_OverlappingEditsFromTwoInstructions_KeepsTheFirstAndReportsTheConflict()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);
        var first = Edits.Replace(repo, "e2e/a.spec.ts", "'#a'", "'#one'");
        var second = Edits.Replace(repo, "e2e/a.spec.ts", "#a", "#two");
        var secondsOther = Edits.Replace(repo, "e2e/a.spec.ts", "'#b'", "'#untouched'");

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, first), Edits.Instruction(3, secondsOther, second)]);

        sut.Files.Single().NewText.Should().Be(Spec.Replace("'#a'", "'#one'", StringComparison.Ordinal));
        var conflict = sut.Conflicts.Should().ContainSingle().Subject;
        conflict.Instruction.Should().Be(3);
        conflict.ConflictsWith.Should().Be(0);
        conflict.File.Should().Be("e2e/a.spec.ts");
        conflict.Reason.Should().Contain("later instruction is dropped");
    }

    [Fact]
    public void Apply_TwoInsertionsAtOnePoint_AreAConflict()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);

        var sut = EditApplier.Apply(
            repo.Source(),
            [Edits.Instruction(0, new TextEdit("e2e/a.spec.ts", 5, 0, "X", 1, "k")), Edits.Instruction(1, new TextEdit("e2e/a.spec.ts", 5, 0, "Y", 1, "k"))]);

        sut.Conflicts.Should().ContainSingle().Which.Instruction.Should().Be(1);
    }

    [Fact]
    public void Apply_IdenticalEditFromTwoInstructions_IsMergedNotAConflict()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);
        var edit = Edits.Replace(repo, "e2e/a.spec.ts", "'#a'", "'#one'");

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, edit), Edits.Instruction(1, edit with { Kind = "narrow_selector" })]);

        sut.Conflicts.Should().BeEmpty();
        sut.Files.Single().Edits.Should().ContainSingle();
    }

    [Fact]
    public void Apply_OneInstructionsOwnEditsOverlap_DropsIt()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, new TextEdit("e2e/a.spec.ts", 0, 10, "x", 1, "k"), new TextEdit("e2e/a.spec.ts", 5, 10, "y", 1, "k"))]);

        sut.Files.Should().BeEmpty();
        sut.Conflicts.Should().ContainSingle().Which.ConflictsWith.Should().BeNull();
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 1000)]
    [InlineData(1000, 0)]
    public void Apply_SpanOutsideTheText_IsRejected(int start, int length)
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, new TextEdit("e2e/a.spec.ts", start, length, "x", 1, "k"))]);

        sut.Files.Should().BeEmpty();
        sut.Rejected.Should().ContainSingle().Which.Reason.Should().Contain("outside");
    }

    [Fact]
    public void Apply_SpanCuttingASurrogatePair_IsRejected()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", "const s = '😀';\n");

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, new TextEdit("e2e/a.spec.ts", 12, 1, "x", 1, "k"))]);

        sut.Rejected.Should().ContainSingle().Which.Reason.Should().Contain("surrogate");
    }

    [Fact]
    public void Apply_BomCrlfFile_NewBytesKeepEverythingOutsideTheSpan()
    {
        var text = "using Xunit;\r\n// café ☕\r\npublic const string Login = \"#login-btn\";\r\n";
        byte[] original = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
        using var repo = TestRepo.Create().WithBytes("tests/Selectors.cs", original);

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, Edits.Replace(repo, "tests/Selectors.cs", "\"#login-btn\"", "\"#sign-in\""))]);

        var bytes = sut.Files.Single().NewBytes();
        var prefix = original.AsSpan(0, original.Length - "\"#login-btn\";\r\n".Length).ToArray();
        bytes.Take(prefix.Length).Should().Equal(prefix);
        Encoding.UTF8.GetString(bytes[prefix.Length..]).Should().Be("\"#sign-in\";\r\n");
    }

    [Fact]
    public void Apply_EditThatChangesNothing_LeavesNoFile()
    {
        using var repo = TestRepo.Create().With("e2e/a.spec.ts", Spec);

        var sut = EditApplier.Apply(repo.Source(), [Edits.Instruction(0, Edits.Replace(repo, "e2e/a.spec.ts", "'#a'", "'#a'"))]);

        sut.Files.Should().BeEmpty();
        sut.Conflicts.Should().BeEmpty();
    }
}
