using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.CSharpRewriterVerifier;
using static Praxi.FixEngine.Tests.Rewriting.CSharp.Instructions;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

public sealed class CSharpRewriterOutcomeTests
{
    private const string File = "tests/T.cs";

    private const string Source = """
        public sealed class T
        {
            public async Task Go(IPage page)
            {
                await page.Locator("#login").ClickAsync();
            }
        }
        """;

    [Theory]
    [InlineData("tests/LoginTests.cs", true)]
    [InlineData("Tests/Page.CS", true)]
    [InlineData("e2e/login.spec.ts", false)]
    [InlineData("Views/Index.cshtml", false)]
    public void Handles_ByExtension_OnlyCSharp(string path, bool expected)
    {
        var sut = new CSharpRewriter();

        sut.Handles(path).Should().Be(expected);
    }

    [Fact]
    public void Rewrite_CodeAlreadyHasTheNewLocator_IsNoChange()
    {
        var result = Run(Selector(File, 5, Css("#old"), Css("#login")), Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NoChange);
    }

    [Fact]
    public void Rewrite_OldLocatorNotAtTheLine_IsNotFoundWithWhatIsThere()
    {
        var result = Run(Selector(File, 5, Css("#gone"), Css("#new")), Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NotFound);
        result.Reason.Should().Contain("#login").And.Contain("#gone");
    }

    [Fact]
    public void Rewrite_LineOutsideTheFile_IsNotFound()
    {
        var result = Run(Selector(File, 99, Css("#login"), Css("#new")), Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    [Fact]
    public void Rewrite_MissingFile_IsNotFound()
    {
        var result = Run(Selector("tests/Missing.cs", 5, Css("#login"), Css("#new")), Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    [Fact]
    public void Rewrite_NoHealedLocatorYet_NeedsManualReview()
    {
        var instruction = Selector(File, 5, Css("#login"), Css("#x")) with { New = null };

        var result = Run(instruction, Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NeedsManualReview);
    }

    [Fact]
    public void Rewrite_AbsolutePathFromAStackTrace_FindsTheRepositoryFile()
    {
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator([|"#sign-in"|]).ClickAsync();
                }
            }
            """;
        var instruction = Selector("/home/runner/work/app/app/tests/T.cs", 5, Css("#login"), Css("#sign-in"));

        var result = Verify(instruction, Case(File, Source, after));

        result.Edits.Single().File.Should().Be(File);
    }

    [Fact]
    public void Rewrite_NoLineGiven_FindsTheOnlyMatchInTheFile()
    {
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator([|"#sign-in"|]).ClickAsync();
                }
            }
            """;
        var instruction = new FixInstruction
        {
            Kind = FixKind.ReplaceSelector,
            File = File,
            Old = Css("#login"),
            New = Css("#sign-in"),
            Confidence = 1,
            Evidence = "test",
        };

        Verify(instruction, Case(File, Source, after));
    }

    [Fact]
    public void Rewrite_FileWithoutAnyMatch_PlansNoEditAndLeavesBytesAlone()
    {
        const string other = """
            // A file with no locator at all.
            public static class Numbers { public const int Answer = 42; }
            """;

        var result = Run(Selector("tests/Numbers.cs", 2, Css("#login"), Css("#sign-in")), Unchanged("tests/Numbers.cs", other), Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NotFound);
        result.Edits.Should().BeEmpty();
    }

    [Fact]
    public void Rewrite_UnknownKind_IsNotFound()
    {
        var instruction = Selector(File, 5, Css("#login"), Css("#x"), kind: (FixKind)99);

        var result = Run(instruction, Unchanged(File, Source));

        result.Status.Should().Be(RewriteStatus.NotFound);
    }

    [Fact]
    public void Rewrite_NarrowSelector_EditsLikeReplace()
    {
        const string after = """
            public sealed class T
            {
                public async Task Go(IPage page)
                {
                    await page.Locator([|"#login.primary"|]).ClickAsync();
                }
            }
            """;

        Verify(Selector(File, 5, Css("#login"), Css("#login.primary"), kind: FixKind.NarrowSelector), Case(File, Source, after));
    }
}
