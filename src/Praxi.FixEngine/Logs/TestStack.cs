namespace Praxi.FixEngine.Logs;

/// <summary>
/// The names of a failed test's stack — its framework (<c>playwright</c>, <c>selenium</c>, <c>pytest</c>…), language
/// (<c>typescript</c>, <c>csharp</c>…) and test runner (<c>playwright-test</c>, <c>xunit</c>, <c>dotnet-test</c>…) — as the
/// analysis writes them and as <c>praxi.json</c> <c>tests[]</c> selects by them. One vocabulary with its aliases, so what
/// a user writes (<c>dotnet</c>, <c>c#</c>, <c>ts</c>, <c>vstest</c>) means the same everywhere. The facts come from what
/// the analysis read: the report format (TRX with its adapter, NUnit XML, Playwright JSON, JUnit…), the framework and the
/// test file's extension.
/// </summary>
internal static class TestStack
{
    /// <summary>Framework names the analysis gives.</summary>
    public static readonly string[] Frameworks = ["playwright", "selenium", "cypress", "webdriverio", "jest", "vitest", "mocha", "pytest", "unittest", "django", "junit", "junit-xml", "dotnet"];

    /// <summary>Language names (<c>dotnet</c> names every .NET language).</summary>
    public static readonly string[] Languages = ["csharp", "fsharp", "vb", "dotnet", "typescript", "javascript", "python", "java"];

    /// <summary>Test runner names (<c>dotnet-test</c> names every .NET adapter).</summary>
    public static readonly string[] Runners = ["dotnet-test", "xunit", "nunit", "mstest", "playwright-test", "jest", "vitest", "mocha", "cypress", "webdriverio", "pytest", "junit"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c#"] = "csharp", ["cs"] = "csharp", ["f#"] = "fsharp", [".net"] = "dotnet", ["ts"] = "typescript", ["js"] = "javascript",
        ["node"] = "javascript", ["nodejs"] = "javascript", ["py"] = "python", ["vstest"] = "dotnet-test", ["dotnet test"] = "dotnet-test",
        ["@playwright/test"] = "playwright-test", ["wdio"] = "webdriverio", ["xunit.v3"] = "xunit", ["nunit3"] = "nunit",
    };

    private static readonly HashSet<string> DotNetRunners = new(["dotnet-test", "xunit", "nunit", "mstest"], StringComparer.Ordinal);

    private static readonly HashSet<string> JavaScriptRunners = new(["playwright-test", "jest", "vitest", "mocha", "cypress", "webdriverio"], StringComparer.Ordinal);

    /// <summary>The canonical name of <paramref name="name"/> (lower case, aliases resolved), or null when it is none of the names.</summary>
    public static string? Canonical(string name)
    {
        var trimmed = name.Trim().ToLowerInvariant();
        trimmed = Aliases.TryGetValue(trimmed, out var alias) ? alias : trimmed;
        return Frameworks.Contains(trimmed) || Languages.Contains(trimmed) || Runners.Contains(trimmed) ? trimmed : null;
    }

    /// <summary>The aliases, for the one line that lists the accepted names.</summary>
    public static string AliasList() => string.Join(", ", Aliases.Select(a => $"{a.Key} = {a.Value}"));

    /// <summary>The test runner of a TRX result, from its <c>adapterTypeName</c> (<c>executor://xunit/VsTestRunner3/netcore/</c>).</summary>
    public static string DotNetRunner(string? adapterTypeName)
    {
        var adapter = adapterTypeName ?? string.Empty;
        return adapter.Contains("xunit", StringComparison.OrdinalIgnoreCase) ? "xunit"
            : adapter.Contains("nunit", StringComparison.OrdinalIgnoreCase) ? "nunit"
            : adapter.Contains("mstest", StringComparison.OrdinalIgnoreCase) ? "mstest"
            : "dotnet-test";
    }

    /// <summary>The language of a test file by its extension, else what the runner or framework implies, else null.</summary>
    public static string? LanguageOf(string? file, string? runner, string? framework)
    {
        var byFile = Path.GetExtension(file ?? string.Empty).ToLowerInvariant() switch
        {
            ".cs" => "csharp",
            ".fs" => "fsharp",
            ".vb" => "vb",
            ".ts" or ".tsx" or ".mts" or ".cts" => "typescript",
            ".js" or ".jsx" or ".mjs" or ".cjs" => "javascript",
            ".py" => "python",
            ".java" or ".kt" => "java",
            _ => null,
        };
        if (byFile is not null)
        {
            return byFile;
        }

        return runner is not null && DotNetRunners.Contains(runner) ? "dotnet"
            : runner is "pytest" || framework is "pytest" ? "python"
            : runner is "junit" || framework is "junit" ? "java"
            : framework is "dotnet" ? "dotnet"
            : runner is not null && JavaScriptRunners.Contains(runner) ? "javascript"
            : null;
    }

    /// <summary>
    /// The test runner when the report did not say: the framework's own runner, or the one its language implies
    /// (Playwright in C# runs under <c>dotnet-test</c>, in TypeScript under <c>playwright-test</c>).
    /// </summary>
    public static string? RunnerOf(string? framework, string? language, string test)
    {
        if (framework is "jest" or "vitest" or "mocha" or "cypress" or "webdriverio" or "pytest" or "junit")
        {
            return framework;
        }

        return Family(language) switch
        {
            "dotnet" => "dotnet-test",
            "javascript" => framework is "playwright" ? "playwright-test" : null,
            "python" => "pytest",
            "java" => "junit",
            _ => framework is "dotnet" ? "dotnet-test"
                : framework is "playwright" && test.Contains(" › ", StringComparison.Ordinal) ? "playwright-test"
                : null,
        };
    }

    /// <summary>
    /// A test's language and runner: each as given, else derived — the language from the test file, the runner and the
    /// framework (<see cref="LanguageOf"/>), the runner from the framework and that language (<see cref="RunnerOf"/>).
    /// </summary>
    public static (string? Language, string? Runner) Of(string? file, string? language, string? runner, string? framework, string test)
    {
        language ??= LanguageOf(file, runner, framework);
        return (language, runner ?? RunnerOf(framework, language, test));
    }

    /// <summary>Every name a test with these facts answers to: its framework, language and runner with their families.</summary>
    public static IReadOnlySet<string> NamesOf(string? framework, string? language, string? runner)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { framework, language, runner }.OfType<string>().Select(Canonical).OfType<string>())
        {
            names.Add(name);
        }

        if (Family(language) is { } family)
        {
            names.Add(family);
            if (family == "javascript")
            {
                // One runner runs both; a user names the suite by either.
                names.Add("typescript");
            }
        }

        if (language is "dotnet" || (language is null && runner is not null && DotNetRunners.Contains(runner)))
        {
            // Only the runner said .NET: whichever .NET language the user names, it may be this one.
            names.UnionWith(["csharp", "fsharp", "vb"]);
        }

        if (runner is not null && DotNetRunners.Contains(runner))
        {
            names.Add("dotnet-test");
            names.Add("dotnet");
        }

        return names;
    }

    private static string? Family(string? language) => language switch
    {
        "csharp" or "fsharp" or "vb" or "dotnet" => "dotnet",
        "typescript" or "javascript" => "javascript",
        "python" or "java" => language,
        _ => null,
    };
}
