using System.Globalization;
using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads Playwright's list, line and dot reporters (and the <c>github</c> reporter's <c>::error</c> annotations),
/// alone or inside a CI log. A failure is a numbered block <c>  1) [project] › file:line:col › title ───</c>; within it
/// the last <c>Retry #N</c> attempt is kept. Tests the footer lists as flaky are dropped; tests the footer lists as
/// failed with no block of their own (a cut log) are still reported. Passing lines (<c>✓</c>) and titles that merely
/// mention errors never start a failure.
/// </summary>
internal sealed partial class PlaywrightTextParser(string source) : ITextLogParser
{
    private const int MaxAttemptLines = 400;
    private const int MaxBlockLines = 200;
    private const string Separator = " › ";

    private readonly List<Pending> _done = [];
    private readonly List<Pending> _annotations = [];
    private readonly HashSet<string> _flaky = new(StringComparer.Ordinal);
    private readonly List<(Header Header, LogLine Line)> _footerFailed = [];
    private readonly Dictionary<string, TimeSpan> _durations = new(StringComparer.Ordinal);
    private Pending? _current;
    private string? _footerKind;

    public LogFormat Format => LogFormat.PlaywrightText;

    /// <summary>Tests the footer counts as passed (<c>2 passed (11.0s)</c>), when the log has a footer.</summary>
    public int? Passed { get; private set; }

    public void Accept(in LogLine line)
    {
        var text = line.Text;
        if (text.Length > 0 && (text[0] == ':' || text[0] == '#') && TryAnnotation(line))
        {
            return;
        }

        if (text.StartsWith("##[", StringComparison.Ordinal))
        {
            // GitHub Actions group and error markers end whatever block is open.
            Close();
            _footerKind = null;
            return;
        }

        if (text.Length > 4000 || !text.Contains('›', StringComparison.Ordinal))
        {
            AcceptPlain(line);
            return;
        }

        var first = FirstNonSpace(text);
        var numbered = char.IsAsciiDigit(first) ? NumberedHeader().Match(text) : Match.Empty;
        if (numbered.Success && Header.TryParse(numbered.Groups["rest"].Value, out var header))
        {
            Close();
            _footerKind = null;
            _current = new Pending(header, line, Loose: false);
            return;
        }

        // Progress lines (list: "  ✘  1 [chromium] › …", line: "[1/10] …") before bare headers: they look alike.
        // A passing or skipped test's progress line only ends the open block: a hand check, no regex (most lines of a
        // big log are these). A failed one goes through the regex for its duration.
        if (first is '✓' or '✔' or '·' or '°' or '-' or 'o' && LooksLikeStatusLine(text))
        {
            Close();
            return;
        }

        var status = first is '✘' or '✗' or '×' or '±' or 'x' ? StatusLine().Match(text) : Match.Empty;
        if (status.Success)
        {
            Close();
            // Durations only of failed tests: a passing test's would make memory grow with the log.
            if (first is '✘' or '✗' or '×' or 'x' && Header.TryParse(status.Groups["rest"].Value, out var ran) && Duration(status.Groups["dur"].Value) is { } took)
            {
                _durations[ran.Key] = took;
            }

            return;
        }

        if (first == '[' && ProgressLine().IsMatch(text))
        {
            Close();
            return;
        }

        if (Header.TryParse(text.Trim(), out var bare))
        {
            if (_footerKind is not null)
            {
                if (_footerKind == "flaky")
                {
                    _flaky.Add(bare.Key);
                }
                else if (_footerKind is "failed" or "interrupted")
                {
                    _footerFailed.Add((bare, line));
                }

                return;
            }

            // An unnumbered header (older runners, annotations, some CI renderings); kept only if an error follows.
            Close();
            _current = new Pending(bare, line, Loose: true);
            return;
        }

        AcceptPlain(line);
    }

    public IReadOnlyList<TestFailure> Complete()
    {
        Close();
        var reported = new HashSet<string>(_done.Select(p => p.Header.Key), StringComparer.Ordinal);
        foreach (var group in _annotations.GroupBy(a => a.Header.Key, StringComparer.Ordinal))
        {
            if (!reported.Add(group.Key))
            {
                continue;
            }

            // One annotation per error: the last attempt's errors, in order, make the failure.
            var last = group.Max(a => a.AttemptNumber);
            var parts = group.Where(a => a.AttemptNumber == last).ToList();
            var merged = new Pending(parts[0].Header, parts[0].HeaderLine, Loose: false);
            foreach (var part in parts)
            {
                if (merged.Attempt.Count > 0)
                {
                    merged.Attempt.Add(new LogLine(part.HeaderLine.Number, string.Empty));
                }

                merged.Attempt.AddRange(part.Attempt);
            }

            _done.Add(merged);
        }

        foreach (var (header, line) in _footerFailed)
        {
            if (reported.Add(header.Key))
            {
                _done.Add(new Pending(header, line, Loose: false) { FromFooter = true });
            }
        }

        var kept = _done.Where(p => !_flaky.Contains(p.Header.Key)).ToList();
        var projects = kept.Select(p => p.Header.Project ?? string.Empty).Distinct(StringComparer.Ordinal).Count();
        return kept.Select(p => Build(p, projects > 1)).ToList();
    }

    /// <summary>What <see cref="StatusLine"/> requires before its free text: a mark (or "ok"), spaces, a number, a space.</summary>
    private static bool LooksLikeStatusLine(string text)
    {
        var t = text.AsSpan().TrimStart();
        var i = t.StartsWith("ok", StringComparison.Ordinal) ? 2 : 1;
        var spaces = i;
        while (i < t.Length && char.IsWhiteSpace(t[i]))
        {
            i++;
        }

        var digits = i;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        return i > spaces && i > digits && digits > spaces && i + 1 < t.Length && t[i] == ' ' && !char.IsWhiteSpace(t[i + 1]);
    }

    /// <summary>The first character that is not white space, or '\0': a cheap guard before a line regex.</summary>
    private static char FirstNonSpace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }

    private void AcceptPlain(in LogLine line)
    {
        var text = line.Text;
        var footer = char.IsAsciiDigit(FirstNonSpace(text)) ? FooterLine().Match(text) : Match.Empty;
        if (footer.Success)
        {
            Close();
            _footerKind = footer.Groups["kind"].Value;
            if (_footerKind == "passed")
            {
                Passed = int.Parse(footer.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            return;
        }

        if (_current is null)
        {
            if (_footerKind is not null && text.Trim().Length > 0)
            {
                _footerKind = null;
            }

            return;
        }

        if (text.StartsWith("[WebServer] ", StringComparison.Ordinal))
        {
            return;
        }

        var retry = RetryLine().Match(text);
        if (retry.Success)
        {
            _current.Attempt.Clear();
            return;
        }

        if (_current.Attempt.Count < MaxAttemptLines)
        {
            _current.Attempt.Add(line);
        }
    }

    /// <summary>
    /// The <c>github</c> reporter: <c>::error file=…,line=9::  1) [chromium] › …%0A    TimeoutError: …</c>, one annotation per
    /// error and attempt. Kept aside and merged per test in <see cref="Complete"/>; the plain blocks the reporter also
    /// prints win when both are present.
    /// </summary>
    private bool TryAnnotation(in LogLine line)
    {
        var m = Annotation().Match(line.Text);
        if (!m.Success || !m.Groups["msg"].Value.Contains("%0A", StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = m.Groups["msg"].Value
            .Replace("%0D", string.Empty, StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal)
            .Replace("%2C", ",", StringComparison.Ordinal)
            .Replace("%25", "%", StringComparison.Ordinal);
        var lines = decoded.Split('\n');
        if (m.Groups["kind"].Value == "notice")
        {
            // The run summary (footer): which tests failed, which were flaky.
            Close();
            foreach (var part in lines)
            {
                Accept(new LogLine(line.Number, part));
            }

            _footerKind = null;
            return true;
        }

        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0)
        {
            return false;
        }

        var numbered = NumberedHeader().Match(lines[first]);
        var headerText = numbered.Success ? numbered.Groups["rest"].Value : lines[first].Trim();
        if (!headerText.Contains('›', StringComparison.Ordinal) || !Header.TryParse(headerText, out var header))
        {
            return false;
        }

        Close();
        var pending = new Pending(header, line, Loose: false);
        foreach (var part in lines.Skip(first + 1))
        {
            var retry = RetryLine().Match(part);
            if (retry.Success)
            {
                pending.Attempt.Clear();
                pending.AttemptNumber = int.Parse(retry.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
                continue;
            }

            if (pending.Attempt.Count < MaxAttemptLines)
            {
                pending.Attempt.Add(new LogLine(line.Number, part));
            }
        }

        _annotations.Add(pending);
        return true;
    }

    private void Close()
    {
        var current = _current;
        _current = null;
        if (current is null)
        {
            return;
        }

        if (current.Loose)
        {
            var first = current.Attempt.FirstOrDefault(l => l.Text.Trim().Length > 0).Text?.Trim() ?? string.Empty;
            if (!ErrorStart().IsMatch(first))
            {
                return;
            }
        }

        _done.Add(current);
    }

    private TestFailure Build(Pending pending, bool withProject)
    {
        var header = pending.Header;
        var name = (withProject && header.Project is not null ? $"[{header.Project}]{Separator}" : string.Empty) + header.File + Separator + header.Title;
        var lines = pending.Attempt;
        var texts = lines.Select(l => l.Text).ToList();
        var facts = FailureFacts.From(texts);

        var messageLines = new List<LogLine>();
        var attachments = new List<string>();
        string? codeFrameFile = null;
        var started = false;
        var inMessage = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Text.Trim();
            if (inMessage && (IsCodeOrFrame(t) || t.StartsWith("attachment #", StringComparison.Ordinal) || t.StartsWith("Error Context:", StringComparison.Ordinal)))
            {
                inMessage = false;
            }

            if (inMessage)
            {
                if (t.Length > 0 || started)
                {
                    started = true;
                    messageLines.Add(lines[i]);
                }

                continue;
            }

            var hint = CodeFrameFile().Match(t);
            if (hint.Success)
            {
                codeFrameFile ??= hint.Groups["file"].Value;
            }
            else if (t.StartsWith("Error Context:", StringComparison.Ordinal))
            {
                attachments.Add(t["Error Context:".Length..].Trim());
            }
            else if (t.StartsWith("attachment #", StringComparison.Ordinal))
            {
                var path = lines.Skip(i + 1).Select(l => l.Text.Trim()).FirstOrDefault(l => l.Length > 0);
                if (path is not null && !IsRule(path) && !path.StartsWith("Usage:", StringComparison.Ordinal))
                {
                    attachments.Add(path);
                }
            }
        }

        // Frames are absolute; the header's path is relative to the working directory: their difference is the root.
        var root = Root(texts, header.File);
        string? file = null;
        int? lineNumber = null, column = null;
        if (facts.Frame is { } frame)
        {
            file = SourcePath.Relativize(frame.File, root);
            lineNumber = frame.Line;
            column = frame.Column;
        }
        else if (facts.CodeFrameLine is { } codeLine)
        {
            file = codeFrameFile ?? header.File;
            lineNumber = codeLine;
            column = facts.CodeFrameColumn;
        }

        var message = FailureFacts.Message(messageLines.Select(l => l.Text));
        if (message.Length == 0)
        {
            message = pending.FromFooter ? "failed (the log lists the test as failed but holds no details)" : "failed (no error message printed)";
        }

        var block = new List<LogLine>(Math.Min(MaxBlockLines, lines.Count + 1)) { pending.HeaderLine };
        block.AddRange(lines.Where(l => l.Text.Length > 0).Take(MaxBlockLines - 1));
        return new TestFailure
        {
            Test = name,
            Source = source,
            SourceLine = messageLines.Count > 0 ? messageLines[0].Number : pending.HeaderLine.Number,
            Message = message,
            Block = block,
            File = file,
            Line = lineNumber,
            Column = column,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = "playwright",
            Runner = "playwright-test",
            TestFile = header.File,
            TestLine = header.Line,
            Duration = _durations.TryGetValue(header.Key, out var took) ? took : null,
            Attachments = attachments,
        };
    }

    private static string? Root(List<string> texts, string headerFile)
    {
        var suffix = "/" + headerFile.Replace('\\', '/');
        foreach (var text in texts)
        {
            if (StackFrame.TryParse(text, out var frame))
            {
                var path = frame.File.Replace('\\', '/');
                if (path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return path[..^suffix.Length];
                }
            }
        }

        return null;
    }

    private static bool IsCodeOrFrame(string t)
    {
        if (t.StartsWith("at ", StringComparison.Ordinal))
        {
            return true;
        }

        var s = t.StartsWith('>') ? t[1..].TrimStart() : t;
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits > 0 && s.AsSpan(digits).StartsWith(" |", StringComparison.Ordinal);
    }

    private static bool IsRule(string t) => t.Length > 0 && t.All(c => c is '─' or '═' or '=' or '-' or '━');

    private static TimeSpan? Duration(string text)
    {
        var m = DurationText().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var value = double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
        return m.Groups["u"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => null,
        };
    }

    /// <summary>A test header: <c>[project] › file:line:col › describe › title</c>, any trailing rule removed.</summary>
    private sealed partial record Header(string? Project, string File, int Line, int Column, string Title)
    {
        public string Key => $"{Project}|{File}:{Line.ToString(CultureInfo.InvariantCulture)}|{Title}";

        public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Header? header)
        {
            header = null;
            var m = HeaderText().Match(text);
            if (!m.Success)
            {
                return false;
            }

            var title = m.Groups["title"].Value;
            var retry = RetrySuffix().Match(title);
            if (retry.Success)
            {
                title = title[..retry.Index];
            }

            header = new Header(
                m.Groups["project"].Success ? m.Groups["project"].Value : null,
                m.Groups["file"].Value,
                int.Parse(m.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture),
                title.Trim());
            return true;
        }

        [GeneratedRegex("""^(?:\[(?<project>[^\]\s/][^\]]*)\] › )?(?<file>[^\s›\[(][^›]*?):(?<line>\d+):(?<col>\d+) › (?<title>.+?)(?:\s+(?:[─═━]+|[=\-]{2,}))?\s*$""")]
        private static partial Regex HeaderText();

        [GeneratedRegex("""(?: \(retry #\d+\))?(?: \((?:\d+(?:\.\d+)?(?:ms|s|m|h))\))?$""")]
        private static partial Regex RetrySuffix();
    }

    private sealed record Pending(Header Header, LogLine HeaderLine, bool Loose)
    {
        public List<LogLine> Attempt { get; } = [];

        public int AttemptNumber { get; set; }

        public bool FromFooter { get; init; }
    }

    [GeneratedRegex("""^\s{0,8}(?<n>\d+)\) (?<rest>.+)$""")]
    private static partial Regex NumberedHeader();

    [GeneratedRegex("""^\s*(?<n>\d+) (?<kind>failed|flaky|passed|skipped|did not run|interrupted)(?: \([^)]*\))?\s*$""")]
    private static partial Regex FooterLine();

    [GeneratedRegex("""^\s*Retry #(?<n>\d+)\s*[─═=\-━]*\s*$""")]
    private static partial Regex RetryLine();

    [GeneratedRegex("""^\s*(?:[✘✓✔✗×·°±-]|ok|x)\s+\d+ (?<rest>.+?)(?<dur> \(\d+(?:\.\d+)?(?:ms|s|m|h)\))?\s*$""")]
    private static partial Regex StatusLine();

    [GeneratedRegex("""^\s*\[\d+/\d+\] """)]
    private static partial Regex ProgressLine();

    [GeneratedRegex("""\((?<v>\d+(?:\.\d+)?)(?<u>ms|s|m|h)\)""")]
    private static partial Regex DurationText();

    [GeneratedRegex("""^at (?<file>[^\s():]+\.[cm]?[jt]sx?):(?<line>\d+)$""")]
    private static partial Regex CodeFrameFile();

    [GeneratedRegex("""^(?:::(?<kind>error|notice)(?: [^:]*)?::|##\[(?<kind>error)\])(?<msg>.*)$""")]
    private static partial Regex Annotation();

    [GeneratedRegex("""^(?:[\w.$]*(?:Error|Exception)\b|Error:|Test timeout|expect\(|Timed out|browserType\.|page\.|locator\.|Locator\.|apiRequestContext\.|\[?\w+\.\w+\]?: |TimeoutError|Target (?:page|closed)|net::|Test finished|Internal error|\w+\.\w+: )""")]
    private static partial Regex ErrorStart();
}
