using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// What a failure's text says about the failing call, read the same way for every runner: the action
/// (<c>locator.click</c>, <c>toHaveText</c>, <c>ClickAsync</c>), the locator expression as written, the timeout and the
/// location of the failing call (the first stack frame in a test or page-object file, else the code frame's line).
/// </summary>
internal sealed partial record FailureFacts
{
    private static readonly string[] LocatorHeads =
    [
        "locator(", "getBy", "get_by_", "Locator(", "GetBy", "frameLocator(", "FrameLocator(", "frame_locator(",
        "page.", "this.", "self.", "internal:", "By.", "cy.", "$(", "first", "nth(", "filter(",
    ];

    /// <summary>The failing action as the runner names it.</summary>
    public string? Action { get; init; }

    /// <summary>The locator expression as written.</summary>
    public string? Selector { get; init; }

    /// <summary>The timeout in milliseconds.</summary>
    public int? TimeoutMs { get; init; }

    /// <summary>The failing call's frame: the first stack frame in a test or page-object file.</summary>
    public StackFrame? Frame { get; init; }

    /// <summary>The line marked <c>&gt;</c> in a code frame, when the text has one.</summary>
    public int? CodeFrameLine { get; init; }

    /// <summary>The column under the code frame's <c>^</c>.</summary>
    public int? CodeFrameColumn { get; init; }

    /// <summary>Reads the facts from a failure's lines (message, call log, code frame, stack).</summary>
    public static FailureFacts From(IEnumerable<string> lines)
    {
        var list = lines as IReadOnlyList<string> ?? lines.ToList();
        string? prefixAction = null, expectAction = null, frameworkAction = null;
        string? strictSelector = null, locatorLine = null, waitingSelector = null, otherSelector = null;
        int? timeout = null;
        StackFrame? testFrame = null;
        int? codeLine = null, codeColumn = null;
        var afterCodeLine = false;

        foreach (var raw in list)
        {
            var line = raw.Length > 4000 ? raw[..4000] : raw;
            if (afterCodeLine)
            {
                afterCodeLine = false;
                var caret = CaretLine().Match(line);
                if (caret.Success)
                {
                    codeColumn = caret.Groups["pad"].Length;
                    continue;
                }
            }

            if (StackFrame.TryParse(line, out var frame))
            {
                if (testFrame is null && frame.IsTestCode)
                {
                    testFrame = frame;
                }

                if (testFrame is null)
                {
                    // The outermost API frame before the test's own: Locator.ClickAsync rather than Frame.ClickAsync.
                    frameworkAction = FrameworkAction(frame) ?? frameworkAction;
                }
                continue;
            }

            var code = CodeFrameMarker().Match(line);
            if (code.Success)
            {
                codeLine ??= Int(code.Groups["line"].Value);
                afterCodeLine = codeColumn is null;
                continue;
            }

            prefixAction ??= Match(ActionPrefix(), line, "action");
            expectAction ??= Match(ExpectTitle(), line, "m") ?? Match(ExpectCall(), line, "m") ?? Match(PythonAssertion(), line, "m");
            timeout ??= Timeout(line);
            strictSelector ??= ExpressionAfter(StrictMode(), line, allowQuoted: true);
            locatorLine ??= ExpressionAfter(LocatorLabel(), line) ?? ExpressionAfter(ExpectTitleLocator(), line);
            waitingSelector ??= ExpressionAfter(WaitingFor(), line);
            otherSelector ??= OtherSelector(line);
        }

        return new FailureFacts
        {
            Action = prefixAction ?? expectAction ?? frameworkAction,
            Selector = strictSelector ?? locatorLine ?? waitingSelector ?? otherSelector,
            TimeoutMs = timeout,
            Frame = testFrame,
            CodeFrameLine = codeLine,
            CodeFrameColumn = codeLine is null ? null : codeColumn,
        };
    }

    /// <summary>Reads the facts from a block of text.</summary>
    public static FailureFacts From(string text) => From(text.Split('\n').Select(l => l.TrimEnd('\r')));

    /// <summary>Joins the lines into a message: blank edges dropped, at most <paramref name="maxLines"/> lines and 4000 characters.</summary>
    public static string Message(IEnumerable<string> lines, int maxLines = 40)
    {
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (kept.Count == 0 && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            kept.Add(line.TrimEnd());
            if (kept.Count >= maxLines)
            {
                break;
            }
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var common = kept.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var sb = new StringBuilder();
        foreach (var line in kept)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line.Length >= common ? line[common..] : line.TrimStart());
            if (sb.Length > 4000)
            {
                sb.Length = 4000;
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>True for the code frame (<c>  9 | …</c>, <c>&gt; 9 | …</c>, <c>    | ^</c>) and <c>at …</c> lines that follow a message.</summary>
    public static bool IsCodeFrameOrStack(string line)
    {
        var t = line.TrimStart();
        if (t.StartsWith("at ", StringComparison.Ordinal))
        {
            return true;
        }

        if (t.StartsWith('>'))
        {
            t = t[1..].TrimStart();
        }

        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        return (digits > 0 && t.AsSpan(digits).StartsWith(" |", StringComparison.Ordinal)) || t.StartsWith("| ", StringComparison.Ordinal) || t == "|";
    }

    /// <summary>The timeout a line states, in milliseconds.</summary>
    public static int? Timeout(string line)
    {
        var m = TimeoutPattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var value = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = m.Groups["unit"].Value;
        var ms = unit.StartsWith('s') ? value * 1000 : value;
        return ms is > 0 and < int.MaxValue ? (int)ms : null;
    }

    /// <summary>The end (exclusive) of a locator expression or quoted selector starting at <paramref name="start"/>; -1 when none.</summary>
    public static int ScanExpression(string text, int start)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        if (text[start] is '"' or '\'' or '`')
        {
            return LocatorExpression.Tokenizer.TryReadString(text, start, out _, out var stringEnd) ? stringEnd : -1;
        }

        var i = start;
        var end = -1;
        while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '_' or '$'))
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$'))
            {
                i++;
            }

            end = i;
            if (i < text.Length && text[i] == '(')
            {
                var close = SkipBalanced(text, i);
                if (close < 0)
                {
                    return -1;
                }

                i = end = close;
            }

            if (i + 1 < text.Length && text[i] == '.' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '_' or '$'))
            {
                i++;
                continue;
            }

            break;
        }

        return end;
    }

    private static int SkipBalanced(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                if (!LocatorExpression.Tokenizer.TryReadString(text, i, out _, out var after))
                {
                    return -1;
                }

                i = after - 1;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return -1;
    }

    /// <summary>The expression right after a match's end (the match's last group), when it looks like a locator.</summary>
    private static string? ExpressionAfter(Regex pattern, string line, bool allowQuoted = false)
    {
        var m = pattern.Match(line);
        if (!m.Success)
        {
            return null;
        }

        var start = m.Index + m.Length;
        var end = ScanExpression(line, start);
        if (end <= start)
        {
            return null;
        }

        var expr = line[start..end];
        if (expr[0] is '"' or '\'' or '`')
        {
            return allowQuoted && expr.Length > 2 ? expr : null;
        }

        return LocatorHeads.Any(h => expr.StartsWith(h, StringComparison.Ordinal)) ? expr : null;
    }

    private static string? OtherSelector(string line)
    {
        Match m;
        if ((m = SeleniumJson().Match(line)).Success)
        {
            return m.Value;
        }

        if ((m = SeleniumBy().Match(line)).Success)
        {
            return m.Value.TrimEnd('.', ',', ' ');
        }

        if ((m = CypressElement().Match(line)).Success)
        {
            return m.Groups["s"].Value;
        }

        if ((m = WaitingForSelector().Match(line)).Success)
        {
            var start = m.Index + m.Length;
            var end = ScanExpression(line, start);
            return end > start + 2 ? line[(start + 1)..(end - 1)] : null;
        }

        return null;
    }

    /// <summary>.NET: the outermost Playwright API frame (<c>Microsoft.Playwright.Core.Locator.ClickAsync</c> → <c>ClickAsync</c>).</summary>
    private static string? FrameworkAction(StackFrame frame)
    {
        if (frame.Function is not { } fn)
        {
            return null;
        }

        var m = DotNetApiFrame().Match(fn);
        if (m.Success)
        {
            return m.Groups["m"].Value;
        }

        var paren = fn.IndexOf('(', StringComparison.Ordinal);
        m = SeleniumApiFrame().Match(paren > 0 ? fn[..paren] : fn);
        return m.Success ? m.Groups["m"].Value : null;
    }

    private static string? Match(Regex pattern, string line, string group)
    {
        var m = pattern.Match(line);
        return m.Success ? m.Groups[group].Value : null;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("""(?:^|[\s:(])(?<action>(?i:locator|page|frame|frameLocator|elementHandle|browserContext|browser|browserType|apiRequestContext|apiRequest|keyboard|mouse|touchscreen|jsHandle|route|tracing|worker|dialog|download|fileChooser|electronApplication|request|response)\.[a-z_][A-Za-z_]*): """)]
    private static partial Regex ActionPrefix();

    [GeneratedRegex("Expect \"(?<m>[A-Za-z_]+)\"|\\bexpect\\.(?:not\\.)?(?<m>to[A-Z]\\w*) with timeout")]
    private static partial Regex ExpectTitle();

    [GeneratedRegex("""\bexpect\([^)]*\)\.(?:not\.)?(?<m>to[A-Z]\w*)\(""")]
    private static partial Regex ExpectCall();

    [GeneratedRegex("""\b(?:LocatorAssertions|PageAssertions|APIResponseAssertions)\.(?<m>(?:not_)?to_\w+)""")]
    private static partial Regex PythonAssertion();

    [GeneratedRegex("""strict mode violation: """)]
    private static partial Regex StrictMode();

    [GeneratedRegex("""^\s*Locator:\s+""")]
    private static partial Regex LocatorLabel();

    [GeneratedRegex("""Expect "[A-Za-z_]+" """)]
    private static partial Regex ExpectTitleLocator();

    [GeneratedRegex("""\bwaiting for (?!selector\b)""")]
    private static partial Regex WaitingFor();

    [GeneratedRegex("""\b[Ww]aiting for selector (?=[`"'])""")]
    private static partial Regex WaitingForSelector();

    [GeneratedRegex("""\{\s*"method"\s*:\s*"[^"]+"\s*,\s*"selector"\s*:\s*"(?:[^"\\]|\\.)*"\s*\}""")]
    private static partial Regex SeleniumJson();

    [GeneratedRegex("""\bBy\.(?:id|Id|cssSelector|CssSelector|xpath|XPath|name|Name|className|ClassName|linkText|LinkText|partialLinkText|PartialLinkText|tagName|TagName): \S.*?(?=\s+\(tried for |\s*$)""")]
    private static partial Regex SeleniumBy();

    [GeneratedRegex("""Expected to find element: `(?<s>[^`]+)`""")]
    private static partial Regex CypressElement();

    [GeneratedRegex("""(?i)(?:timeout (?<n>\d+)(?<unit>ms) exceeded|test timeout of (?<n>\d+)(?<unit>ms)|with timeout (?<n>\d+)(?<unit>ms)|timeout:\s+(?<n>\d+)\s*(?<unit>ms)|timed out (?<n>\d+)(?<unit>ms) waiting|timed out (?:retrying )?after (?<n>\d+(?:\.\d+)?) ?(?<unit>ms|milliseconds|seconds|second|s)\b|exceeded timeout of (?<n>\d+) ?(?<unit>ms)|timed out waiting (?<n>\d+)(?<unit>ms)|timeout of (?<n>\d+) ?(?<unit>ms) exceeded|tried for (?<n>\d+) (?<unit>second)\(s\)|(?<n>\d+)(?<unit>ms) exceeded|still not \w+ after (?<n>\d+) ?(?<unit>ms))""")]
    private static partial Regex TimeoutPattern();

    [GeneratedRegex("""^\s*>\s*(?<line>\d+) \|""")]
    private static partial Regex CodeFrameMarker();

    [GeneratedRegex("""^\s*\|(?<pad> *)\^""")]
    private static partial Regex CaretLine();

    [GeneratedRegex("""^Microsoft\.Playwright\.Core\.(?:Locator|Page|Frame|ElementHandle|Keyboard|Mouse|Touchscreen|BrowserContext|Browser|BrowserType|APIRequestContext|FrameLocator|JSHandle|Tracing)\.(?<m>\w+Async)\b""")]
    private static partial Regex DotNetApiFrame();

    /// <summary>Selenium's own element calls (.NET <c>OpenQA.Selenium.WebDriver.FindElement(By by)</c>, Java <c>RemoteWebDriver.findElement</c>).</summary>
    [GeneratedRegex("""^(?:OpenQA\.Selenium|org\.openqa\.selenium)\.(?:[\w.]+\.)?(?:WebDriver|WebElement|RemoteWebDriver|RemoteWebElement)\.(?<m>FindElements?|findElements?|Click|click|SendKeys|sendKeys|Clear|clear|Submit|submit)$""")]
    private static partial Regex SeleniumApiFrame();
}
