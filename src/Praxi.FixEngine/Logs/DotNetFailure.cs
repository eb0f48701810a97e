using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// A .NET test's failure as TRX and NUnit's XML both record it — a message and a stack trace — read the same way
/// whichever framework wrote it: MSTest's <c>Test method … threw exception:</c> line is dropped, NUnit's
/// <c>Assert.Multiple</c> frames stay out of the message, and NUnit's numbered repeat of the stack (<c>1)    at …</c>) is
/// read once.
/// </summary>
internal static partial class DotNetFailure
{
    /// <summary>The failure of one test.</summary>
    /// <param name="name">The test's full name.</param>
    /// <param name="source">The report, relative to the analysed path.</param>
    /// <param name="outcome">The outcome as the report says it, for a failure without a message.</param>
    /// <param name="message">The error message.</param>
    /// <param name="stack">The stack trace.</param>
    public static TestFailure Create(string name, string source, string outcome, string? message, string? stack)
    {
        var messageLines = MessageLines(message);
        var stackLines = StackLines(stack);
        var lines = messageLines.Concat(stackLines).Where(l => l.Length > 0).ToList();
        var facts = FailureFacts.From(lines);
        var all = string.Join('\n', lines);
        var framework = all.Contains("Microsoft.Playwright", StringComparison.Ordinal) || all.Contains("Call log:", StringComparison.Ordinal)
            ? "playwright"
            : all.Contains("OpenQA.Selenium", StringComparison.Ordinal) ? "selenium" : "dotnet";
        var text = FailureFacts.Message(messageLines.Where(l => !StackFrame.TryParse(l, out _)));
        return new TestFailure
        {
            Test = name,
            Source = source,
            Message = text.Length > 0 ? text : $"{outcome} (no error message in the report)",
            Block = lines.Take(200).Select(l => new LogLine(0, l)).ToList(),
            File = facts.Frame is { } frame ? SourcePath.StripCiWorkspace(frame.File) : null,
            Line = facts.Frame?.Line,
            Column = facts.Frame?.Column,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = framework,
        };
    }

    /// <summary>Trace and screenshot paths a test printed as <c>[[ATTACHMENT|path]]</c> — Playwright .NET attaches nothing itself.</summary>
    public static IEnumerable<string> PrintedAttachments(string? stdout)
    {
        if (string.IsNullOrEmpty(stdout))
        {
            yield break;
        }

        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.Trim();
            var marker = line.IndexOf("[[ATTACHMENT|", StringComparison.Ordinal);
            if (marker >= 0 && line.IndexOf("]]", marker, StringComparison.Ordinal) is var end and > 0)
            {
                yield return line[(marker + "[[ATTACHMENT|".Length)..end];
            }
        }
    }

    private static List<string> MessageLines(string? message)
    {
        var lines = (message ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 1 && MsTestThrew().IsMatch(lines[0]))
        {
            // MSTest: "Test method Ns.Class.Method threw exception:" and the exception on the next line.
            lines.RemoveAt(0);
        }

        if (lines.Count > 0)
        {
            // NUnit indents an assertion's own message ("  order total") but not the lines after it.
            lines[0] = lines[0].TrimStart();
        }

        return lines;
    }

    private static IEnumerable<string> StackLines(string? stack) =>
        (stack ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .TakeWhile(l => !NUnitRepeat().IsMatch(l));

    [GeneratedRegex("""^Test method \S+ threw exception:\s*$""")]
    private static partial Regex MsTestThrew();

    /// <summary>NUnit 4 repeats each failure's stack after the whole one, numbered: <c>1)    at Ns.Class.Method() in …</c>.</summary>
    [GeneratedRegex("""^\d+\)\s+at\s""")]
    private static partial Regex NUnitRepeat();
}
