using System.Text;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Running;

/// <summary>
/// The <c>{filter}</c> placeholder: a <c>dotnet test --filter</c> expression that selects exactly the given tests, each data
/// row alone. Each adapter names a row in its own property, and the engine's test name (the TRX <c>testName</c>) is that
/// property's value:
/// <list type="bullet">
/// <item>xUnit: <c>DisplayName=Ns.Class.Method(browser: "chromium", channel: null)</c> — every row shares one
/// FullyQualifiedName;</item>
/// <item>MSTest: <c>(FullyQualifiedName=Ns.Class.Method&amp;Name=Method ("chromium",null))</c> — the same, and the row is
/// the Name, with a space before its arguments;</item>
/// <item>NUnit and anything else: <c>FullyQualifiedName=Ns.Class.Method("chromium",null)</c>.</item>
/// </list>
/// Values are escaped twice: for the vstest filter (<c>\(</c>, <c>\)</c>, <c>\&amp;</c>, <c>\|</c>, <c>\=</c>, <c>\!</c>,
/// <c>\~</c>, <c>\\</c>), then for MSBuild, which <c>dotnet test</c> hands the filter to as a property
/// (<c>%2C</c> for a comma — else MSB4177/MSB1006 —, <c>%3B</c>, <c>%25</c>, <c>%22</c>…). The VSTest task then quotes the
/// value on vstest.console's command line, where a run of backslashes before a quote is read by the Windows rules: a run
/// of <c>r</c> backslashes there is written <c>2r−1</c> (measured with .NET SDK 10 against xUnit 2.9, NUnit 4 and MSTest 4).
/// </summary>
internal static partial class DotNetFilter
{
    /// <summary>The filter for <paramref name="targets"/>, one alternative per distinct test.</summary>
    public static string Of(IReadOnlyList<TestTarget> targets) =>
        ForMsBuild(string.Join('|', targets.DistinctBy(t => t.Test, StringComparer.Ordinal).Select(Condition)));

    /// <summary>The vstest condition selecting one test (not yet escaped for MSBuild).</summary>
    public static string Condition(TestTarget target)
    {
        var name = target.Test;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var adapter = target.StackRunner is "xunit" or "nunit" or "mstest" ? target.StackRunner
            : paren > 0 && name[paren - 1] == ' ' ? "mstest"
            : paren > 0 && XunitArguments().IsMatch(name[paren..]) ? "xunit"
            : null;
        switch (adapter)
        {
            case "xunit":
                return "DisplayName=" + Escape(name);
            case "mstest" when paren > 1 && name[paren - 1] == ' ':
                {
                    var method = name[..(paren - 1)];
                    var display = method[(method.LastIndexOf('.') + 1)..] + name[(paren - 1)..];
                    return $"(FullyQualifiedName={Escape(method)}&Name={Escape(display)})";
                }

            default:
                return "FullyQualifiedName=" + Escape(name);
        }
    }

    /// <summary>A value with the vstest filter's operator characters escaped.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>
    /// The filter as an MSBuild command-line property value: MSBuild's special characters as <c>%XX</c>, and each run of
    /// backslashes before a quote lengthened so the VSTest task's quoting hands vstest the run unchanged.
    /// </summary>
    private static string ForMsBuild(string filter)
    {
        var text = new StringBuilder(filter.Length + 16);
        for (var i = 0; i < filter.Length;)
        {
            if (filter[i] == '\\')
            {
                var end = i;
                while (end < filter.Length && filter[end] == '\\')
                {
                    end++;
                }

                var run = end - i;
                text.Append('\\', end < filter.Length && filter[end] == '"' ? (2 * run) - 1 : run);
                i = end;
                continue;
            }

            var c = filter[i++];
            if (c is '%' or ',' or ';' or '"' or '\'' or '$' or '@')
            {
                text.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>xUnit writes a row's arguments with their parameter names: <c>(browserType: "chromium", …)</c>.</summary>
    [GeneratedRegex("""^\(\w+: """)]
    private static partial Regex XunitArguments();
}
