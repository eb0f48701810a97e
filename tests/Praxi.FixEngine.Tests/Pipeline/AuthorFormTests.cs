using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Pipeline;

namespace Praxi.FixEngine.Tests.Pipeline;

/// <summary>The heal's locators as the failing test writes them: the test's language, the author's regex style.</summary>
public sealed class AuthorFormTests
{
    private static readonly LocatorSpec SignIn = new() { By = LocatorKind.Selector, Value = "internal:role=link[name=/sign in/i]" };

    private static readonly LocatorSpec LogIn = new() { By = LocatorKind.Role, Role = "link", Name = "Log in" };

    private static HealOutcome Only(string file, LocatorSpec old, LocatorSpec @new, string framework = "playwright")
    {
        var instruction = new FixInstruction { Kind = FixKind.ReplaceSelector, File = file, Line = 3, Old = old, New = @new, Confidence = 0.9, Evidence = "heal", Test = "t" };
        var outcome = new HealOutcome
        {
            Instruction = 0, Kind = FixKind.ReplaceSelector, Test = "t", Old = old, New = @new, Status = HealStatus.Healed, Strategy = "role", Confidence = 0.9, Reason = "r",
        };
        var analysis = new AnalysisReport
        {
            RunId = "r",
            Classification = new RunClassification
            {
                ErrorType = ErrorType.SelectorNotFound, Confidence = 0.9, Evidence = [],
                Failures = [new FailureReport { Test = "t", ErrorType = ErrorType.SelectorNotFound, Confidence = 0.9, Message = "m", Framework = framework }],
            },
            SelfHealPlan = new SelfHealPlan { Eligible = false, Reason = "r", Actions = [] },
            FixAgentInstructions = [instruction],
            Triggers = new Triggers(false, true, false),
        };

        return AuthorForm.Of(new HealReport { RunId = "r", Outcomes = [outcome], Instructions = [instruction] }, analysis, SelectorPreferences.Default).Outcomes.Single();
    }

    [Fact]
    public void Of_ScriptWithARegexName_PrintsTheNewNameAsARegexWithTheAuthorsFlags()
    {
        var sut = Only("e2e/login.spec.ts", SignIn, LogIn);

        sut.OldCode.Should().Be("getByRole('link', { name: /sign in/i })");
        sut.NewCode.Should().Be("getByRole('link', { name: /Log in/i })");
        sut.New.Should().Be(LogIn, "the engine's locator stays in new");
    }

    [Fact]
    public void Of_CSharpWithARegexName_PrintsNameRegex()
    {
        var sut = Only("Tests/LoginTests.cs", SignIn, LogIn);

        sut.OldCode.Should().Be("GetByRole(AriaRole.Link, new() { NameRegex = new Regex(\"sign in\", RegexOptions.IgnoreCase) })");
        sut.NewCode.Should().Be("GetByRole(AriaRole.Link, new() { NameRegex = new Regex(\"Log in\", RegexOptions.IgnoreCase) })");
    }

    [Fact]
    public void Of_ScopedHeal_PrintsTheScopeAsCalls()
    {
        var sut = Only("e2e/nav.spec.js", new LocatorSpec { By = LocatorKind.Css, Value = ".main-nav" }, new LocatorSpec { By = LocatorKind.Selector, Value = "internal:role=banner >> .main-nav" });

        sut.NewCode.Should().Be("getByRole('banner').locator('.main-nav')");
    }

    [Fact]
    public void Of_SeleniumTest_PrintsSeleniumsBy()
    {
        var sut = Only("Tests/ShopTests.cs", new LocatorSpec { By = LocatorKind.XPath, Value = "//button[.='Buy']" }, new LocatorSpec { By = LocatorKind.XPath, Value = "//button[@id='buy']" }, "selenium");

        sut.NewCode.Should().Be("By.XPath(\"//button[@id='buy']\")");
    }

    [Fact]
    public void Of_LanguageWithoutARewriter_LeavesTheCodeFormsOut()
    {
        var sut = Only("tests/test_login.py", SignIn, LogIn);

        sut.OldCode.Should().BeNull();
        sut.NewCode.Should().BeNull();
    }
}
