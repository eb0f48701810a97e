using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads pytest's console output — <c>____ test_name ____</c> sections under <c>FAILURES</c>/<c>ERRORS</c> (including
/// <c>ERROR at setup of …</c>), their <c>E   </c> lines and <c>file.py:12: in fn</c> frames, the
/// <c>FAILED path::test - Error…</c> summary and the <c>=== 1 failed, 2 passed in 3.2s ===</c> footer — and the unittest
/// runner's (Django's <c>manage.py test</c>) <c>ERROR: test (module.Class.test)</c> blocks. A test the summary names
/// but no section details (<c>--tb=no</c>, a cut log) is reported from its summary line.
/// </summary>
internal sealed partial class PytestConsoleParser(string source) : ITextLogParser
{
    private const int MaxSectionLines = 400;

    private readonly List<Section> _sections = [];
    private readonly List<(string Id, string? Message, LogLine Line)> _summary = [];
    private Section? _current;
    private bool _inFailureArea;
    private LogLine? _pendingRule;

    public LogFormat Format => LogFormat.PytestConsole;

    public void Accept(in LogLine line)
    {
        var text = line.Text;
        if (text.Length > 4000)
        {
            Append(line);
            return;
        }

        if (text.StartsWith("##[", StringComparison.Ordinal))
        {
            Close();
            return;
        }

        if (text.StartsWith("===", StringComparison.Ordinal))
        {
            if (UnittestSeparator().IsMatch(text))
            {
                // A bare rule: the unittest runner's block separator when an ERROR:/FAIL: line follows, else text of
                // the open block (old Playwright prints its call log between such rules).
                _pendingRule = line;
                return;
            }

            var banner = Banner().Match(text);
            if (banner.Success && banner.Groups["title"].Value != "logs")
            {
                Close();
                _inFailureArea = banner.Groups["title"].Value is "FAILURES" or "ERRORS";
                return;
            }
        }

        if (_pendingRule is { } rule)
        {
            _pendingRule = null;
            var unittest = UnittestHeader().Match(text);
            if (unittest.Success)
            {
                Close();
                var name = unittest.Groups["name"].Value;
                var cls = unittest.Groups["cls"].Value;
                var id = cls.EndsWith("." + name, StringComparison.Ordinal) ? cls : cls + "." + name;
                _current = new Section(id, line, Unittest: true, Setup: false);
                return;
            }

            Append(rule);
        }

        var header = text.StartsWith("___", StringComparison.Ordinal) ? SectionHeader().Match(text) : Match.Empty;
        if (header.Success && (_inFailureArea || header.Groups["name"].Value.StartsWith("ERROR at ", StringComparison.Ordinal) || LooksLikeTestName(header.Groups["name"].Value)))
        {
            Close();
            var name = header.Groups["name"].Value;
            var setup = SetupError().Match(name);
            _current = new Section(setup.Success ? setup.Groups["test"].Value : name, line, Unittest: false, Setup: setup.Success);
            return;
        }

        var summary = text.StartsWith("FAILED ", StringComparison.Ordinal) || text.StartsWith("ERROR ", StringComparison.Ordinal) ? SummaryLine().Match(text) : Match.Empty;
        if (summary.Success)
        {
            Close();
            _summary.Add((summary.Groups["id"].Value.Trim(), summary.Groups["msg"].Success ? summary.Groups["msg"].Value : null, line));
            return;
        }

        if (_current is { Unittest: true } && _current.Lines.Count > 0 && text.StartsWith("------", StringComparison.Ordinal) && text.Trim('-').Length == 0)
        {
            Close();
            return;
        }

        Append(line);
    }

    public IReadOnlyList<TestFailure> Complete()
    {
        Close();
        var failures = new List<TestFailure>();
        var used = new HashSet<int>();
        foreach (var section in _sections)
        {
            var match = -1;
            for (var i = 0; i < _summary.Count; i++)
            {
                if (!used.Contains(i) && SummaryMatches(_summary[i].Id, section.Name))
                {
                    match = i;
                    break;
                }
            }

            if (match >= 0)
            {
                used.Add(match);
            }

            failures.Add(Build(section, match >= 0 ? _summary[match].Id : section.Name));
        }

        for (var i = 0; i < _summary.Count; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var (id, message, line) = _summary[i];
            var facts = FailureFacts.From([message ?? string.Empty]);
            failures.Add(new TestFailure
            {
                Test = id,
                Source = source,
                SourceLine = line.Number,
                Message = string.IsNullOrWhiteSpace(message) ? "failed (the summary names the test but the log holds no details)" : message.Trim(),
                Block = [line],
                Action = facts.Action,
                Selector = facts.Selector,
                TimeoutMs = facts.TimeoutMs,
                Framework = "pytest",
                Runner = "pytest",
                File = FileOfId(id),
            });
        }

        return failures;
    }

    private void Append(in LogLine line)
    {
        if (_current is not null && _current.Lines.Count < MaxSectionLines)
        {
            _current.Lines.Add(line);
        }
    }

    private void Close()
    {
        if (_current is not null)
        {
            _sections.Add(_current);
            _current = null;
        }
    }

    private TestFailure Build(Section section, string test)
    {
        var lines = section.Lines;
        List<LogLine> messageLines;
        List<string> factLines;
        if (section.Unittest)
        {
            // The exception is the last run of unindented lines after the traceback.
            messageLines = LastUnindentedRun(lines);
            factLines = lines.Select(l => l.Text).ToList();
        }
        else
        {
            messageLines = lines.Where(l => l.Text.StartsWith("E ", StringComparison.Ordinal) || l.Text == "E").ToList();
            factLines = lines.Select(l => l.Text.StartsWith("E ", StringComparison.Ordinal) ? l.Text[1..].TrimStart() : l.Text).ToList();
            if (messageLines.Count == 0)
            {
                // --tb=line / --tb=native: the last lines carry the error.
                messageLines = LastUnindentedRun(lines);
            }
        }

        var facts = FailureFacts.From(factLines);
        var message = section.Unittest ? FailureFacts.Message(messageLines.Select(l => l.Text)) : ErrorLinesMessage(messageLines);
        if (section.Setup && message.Length > 0)
        {
            message = $"error at setup: {message}";
        }

        var all = string.Join('\n', factLines);
        return new TestFailure
        {
            Test = test,
            Source = source,
            SourceLine = messageLines.Count > 0 ? messageLines[0].Number : section.Header.Number,
            Message = message.Length > 0 ? message : "failed (no error lines in the section)",
            Block = [section.Header, .. lines.Where(l => l.Text.Length > 0).Take(199)],
            File = facts.Frame is { } frame ? SourcePath.StripCiWorkspace(frame.File) : FileOfId(test),
            Line = facts.Frame?.Line,
            Column = facts.Frame?.Column,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = all.Contains("playwright", StringComparison.Ordinal) ? "playwright"
                : all.Contains("django", StringComparison.Ordinal) ? "django"
                : section.Unittest ? "unittest" : "pytest",
            Runner = "pytest",
        };
    }

    /// <summary>
    /// <c>E</c> lines without the marker; each run of consecutive lines (one exception of a chain) loses its own common
    /// indentation, so <c>E   Call log:</c> / <c>E     - waiting…</c> read <c>Call log:</c> / <c>  - waiting…</c>.
    /// </summary>
    private static string ErrorLinesMessage(List<LogLine> lines)
    {
        var groups = new List<List<string>>();
        var previous = -1;
        foreach (var line in lines)
        {
            if (groups.Count == 0 || line.Number != previous + 1)
            {
                groups.Add([]);
            }

            groups[^1].Add(line.Text.Length > 1 ? line.Text[1..] : string.Empty);
            previous = line.Number;
        }

        return string.Join("\n\n", groups.Select(g => FailureFacts.Message(g)).Where(m => m.Length > 0));
    }

    private static List<LogLine> LastUnindentedRun(List<LogLine> lines)
    {
        var run = new List<LogLine>();
        var collecting = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var t = lines[i].Text;
            if (t.Trim().Length == 0)
            {
                if (collecting)
                {
                    break;
                }

                continue;
            }

            if (char.IsWhiteSpace(t[0]) || t.StartsWith("Traceback (", StringComparison.Ordinal) || t.StartsWith("---", StringComparison.Ordinal))
            {
                if (collecting)
                {
                    break;
                }

                continue;
            }

            collecting = true;
            run.Insert(0, lines[i]);
        }

        return run;
    }

    /// <summary><c>tests/test_login.py::TestLogin::test_x[chromium]</c> matches the section <c>TestLogin.test_x[chromium]</c>.</summary>
    private static bool SummaryMatches(string id, string name)
    {
        var dotted = id.Replace("::", ".", StringComparison.Ordinal);
        return id.EndsWith("::" + name, StringComparison.Ordinal) || dotted.EndsWith("." + name, StringComparison.Ordinal) || id == name;
    }

    private static string? FileOfId(string id)
    {
        var sep = id.IndexOf("::", StringComparison.Ordinal);
        return sep > 0 && id[..sep].EndsWith(".py", StringComparison.Ordinal) ? id[..sep] : null;
    }

    private static bool LooksLikeTestName(string name) =>
        name.StartsWith("test", StringComparison.OrdinalIgnoreCase) || name.Contains(".test", StringComparison.OrdinalIgnoreCase)
        || name.Contains("::", StringComparison.Ordinal);

    private sealed record Section(string Name, LogLine Header, bool Unittest, bool Setup)
    {
        public List<LogLine> Lines { get; } = [];
    }

    [GeneratedRegex("""^_{3,} (?<name>\S.*?) _{3,}$""")]
    private static partial Regex SectionHeader();

    [GeneratedRegex("""^ERROR at (?:setup|teardown) of (?<test>.+)$""")]
    private static partial Regex SetupError();

    [GeneratedRegex("""^={3,} (?<title>.+?) ={3,}$""")]
    private static partial Regex Banner();

    [GeneratedRegex("""^={40,}$""")]
    private static partial Regex UnittestSeparator();

    [GeneratedRegex("""^(?<kind>ERROR|FAIL): (?<name>\S+) \((?<cls>[\w.]+)\)""")]
    private static partial Regex UnittestHeader();

    [GeneratedRegex("""^(?:FAILED|ERROR) (?<id>[^\s:][^:]*?\.py::.+?|[^\s:]+::\S+?)(?: - (?<msg>.*))?$""")]
    private static partial Regex SummaryLine();
}
