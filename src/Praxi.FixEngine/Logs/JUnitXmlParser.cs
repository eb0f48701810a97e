using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads JUnit XML as Playwright, pytest (<c>--junitxml</c>), jest-junit and Maven Surefire write it: each
/// <c>testcase</c> with a <c>failure</c> or <c>error</c> child is a failed test (<c>flakyFailure</c>/<c>rerunFailure</c>,
/// which passed on a rerun, are not). A Playwright body is the list reporter's text and is read by
/// <see cref="PlaywrightTextParser"/> (last retry, code frame, frames); other bodies give the message and frames.
/// Attachments come from <c>[[ATTACHMENT|path]]</c> markers in <c>system-out</c>, the last attempt's only.
/// WebdriverIO's reporter puts only the message in <c>failure message</c> and the stack in the case's <c>system-err</c>,
/// which is then read for the frames; its <c>system-out</c> (commands, worker logs, page-source dumps) is not the error.
/// </summary>
internal sealed partial class JUnitXmlParser : IStructuredLogParser
{
    private const string Separator = " › ";

    public LogFormat Format => LogFormat.JUnitXml;

    public bool CanParse(string fileName, string head) =>
        head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')
        && !head.Contains("<TestRun", StringComparison.Ordinal)
        && (head.Contains("<testsuites", StringComparison.Ordinal) || head.Contains("<testsuite", StringComparison.Ordinal));

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var failures = new List<TestFailure>();
        var passed = new List<string>();
        try
        {
            using var reader = SafeXml.Open(path);
            string? suite = null;
            string? suiteFile = null;
            var webdriverIo = false;
            Case? current = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "testcase" && current is not null)
                {
                    Finish(current, failures, passed, source);
                    current = null;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "testsuite":
                        suite = reader.GetAttribute("name");
                        suiteFile = reader.GetAttribute("file");
                        webdriverIo = false;
                        break;
                    case "property" when current is null:
                        // WebdriverIO names the spec (file://./test/specs/x.e2e.js) and the capabilities in the suite's properties.
                        switch (reader.GetAttribute("name"))
                        {
                            case "file" when reader.GetAttribute("value") is { Length: > 0 } value:
                                suiteFile = SpecPath(value);
                                break;
                            case "capabilities":
                                webdriverIo = true;
                                break;
                        }

                        break;
                    case "testcase":
                        cancellationToken.ThrowIfCancellationRequested();
                        current = new Case(
                            reader.GetAttribute("name") ?? "(unnamed test)",
                            reader.GetAttribute("classname") ?? suite,
                            reader.GetAttribute("file") ?? suiteFile,
                            double.TryParse(reader.GetAttribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null)
                        {
                            WebdriverIo = webdriverIo,
                        };
                        if (reader.IsEmptyElement)
                        {
                            Finish(current, failures, passed, source);
                            current = null;
                        }

                        break;
                    case "failure" or "error" when current is not null:
                        current.Kind ??= reader.LocalName;
                        current.Type ??= reader.GetAttribute("type");
                        current.MessageAttribute ??= reader.GetAttribute("message");
                        var body = SafeXml.ReadText(reader);
                        current.Body = current.Body is null ? body : current.Body + "\n" + body;
                        break;
                    case "skipped" when current is not null:
                        current.Skipped = true;
                        break;
                    case "system-out" when current is not null:
                        current.Out = SafeXml.ReadText(reader, 64 * 1024);
                        break;
                    case "system-err" when current is not null:
                        current.Err = SafeXml.ReadText(reader, 64 * 1024);
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Malformed(source, "JUnit XML", ex);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        return new ParsedLog(source, LogFormat.JUnitXml, failures, [], passed.Count, passed);
    }

    private static void Finish(Case c, List<TestFailure> failures, List<string> passed, string source)
    {
        if (c.Kind is null)
        {
            if (!c.Skipped)
            {
                passed.Add(TestName(c));
            }

            return;
        }

        failures.Add(ToFailure(c, source));
    }

    private static TestFailure ToFailure(Case c, string source)
    {
        var body = LogText.StripAnsi(c.Body ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);
        var bodyLines = body.Split('\n');
        if (body.Trim().Length == 0 && c.Err is { } err && err.Trim().Length > 0)
        {
            // WebdriverIO: an empty failure element, the error's stack (message first) in system-err.
            body = LogText.StripAnsi(err).Replace("\r", string.Empty, StringComparison.Ordinal).Trim('\n');
            bodyLines = body.Split('\n');
        }

        var attachments = LastAttemptAttachments(c.Out);
        var playwright = FromPlaywrightBody(bodyLines, source);
        var name = TestName(c);
        if (playwright is not null)
        {
            return playwright with
            {
                Test = name,
                SourceLine = 0,
                Block = playwright.Block.Select(l => l with { Number = 0 }).ToList(),
                Duration = c.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                Attachments = attachments.Count > 0 ? attachments : playwright.Attachments,
            };
        }

        var messageAttribute = c.MessageAttribute?.Trim() ?? string.Empty;
        var message = messageAttribute;
        if (c.Type is { Length: > 0 } type && message.Length > 0 && !message.StartsWith(type, StringComparison.Ordinal)
            && !type.Contains(' ', StringComparison.Ordinal) && !type.StartsWith("expect.", StringComparison.Ordinal))
        {
            message = $"{type}: {message}";
        }

        var errorLines = bodyLines.Where(l => l.StartsWith("E   ", StringComparison.Ordinal) || l == "E").Select(l => l.Length > 4 ? l[4..] : string.Empty).ToList();
        if (message.Length == 0)
        {
            // jest-junit, mocha: the body is the message and then the stack.
            message = errorLines.Count > 0
                ? FailureFacts.Message(errorLines)
                : FailureFacts.Message(bodyLines.TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)), 20);
        }

        // pytest prints the error as E lines; facts read them without the prefix, plus every frame.
        var factLines = new List<string> { messageAttribute };
        factLines.AddRange(errorLines.Count > 0 ? errorLines.Concat(bodyLines.Where(l => !l.StartsWith('E'))) : bodyLines);
        var facts = FailureFacts.From(factLines);
        return new TestFailure
        {
            Test = name,
            Source = source,
            Message = message.Length > 0 ? message : $"{c.Kind} (no message in the report)",
            Block = bodyLines.Where(l => l.Length > 0).Take(200).Select(l => new LogLine(0, l)).ToList(),
            File = facts.Frame is { } frame ? SourcePath.StripCiWorkspace(frame.File) : c.File,
            Line = facts.Frame?.Line,
            Column = facts.Frame?.Column,
            Action = facts.Action,
            Selector = facts.Selector,
            TimeoutMs = facts.TimeoutMs,
            Framework = c.WebdriverIo ? "webdriverio" : Framework(c, body),
            Runner = c.WebdriverIo ? "webdriverio" : Runner(c, body),
            Duration = c.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Attachments = attachments,
        };
    }

    /// <summary>A Playwright body starts with its header (<c>[project] › file:line:col › title ───</c>): the text parser reads it.</summary>
    private static TestFailure? FromPlaywrightBody(string[] lines, string source)
    {
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0);
        if (first is null || !first.Contains('›', StringComparison.Ordinal))
        {
            return null;
        }

        var parser = new PlaywrightTextParser(source);
        for (var i = 0; i < lines.Length; i++)
        {
            parser.Accept(new LogLine(i + 1, lines[i]));
        }

        var found = parser.Complete();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Playwright: <c>login.spec.ts › describe › title</c>; dotted class names (Java, .NET, pytest): <c>Class.method</c>.</summary>
    private static string TestName(Case c)
    {
        var cls = c.ClassName;
        if (string.IsNullOrEmpty(cls) || c.Name.StartsWith(cls, StringComparison.Ordinal) || c.Name.EndsWith(cls, StringComparison.Ordinal))
        {
            return c.Name;
        }

        // A title with spaces (JavaScript runners; WebdriverIO's classname is capabilities.suite) reads as a title path.
        return FileLike().IsMatch(cls) || cls.Contains(' ', StringComparison.Ordinal) || c.Name.Contains(' ', StringComparison.Ordinal)
            ? cls + Separator + c.Name
            : cls + "." + c.Name;
    }

    /// <summary>The runner that wrote a JUnit report: pytest and Java's own, else unknown (Playwright's JUnit reporter is read from its body).</summary>
    private static string? Runner(Case c, string body) => Framework(c, body) switch
    {
        "pytest" => "pytest",
        "junit" => "junit",
        _ => null,
    };

    private static string Framework(Case c, string body)
    {
        if (body.Contains("playwright", StringComparison.OrdinalIgnoreCase) || body.Contains("Call log:", StringComparison.Ordinal))
        {
            return "playwright";
        }

        if (body.Contains("selenium", StringComparison.OrdinalIgnoreCase))
        {
            return "selenium";
        }

        if (body.Contains(".py:", StringComparison.Ordinal) || c.File?.EndsWith(".py", StringComparison.Ordinal) == true)
        {
            return "pytest";
        }

        return body.Contains(".java:", StringComparison.Ordinal) ? "junit" : "junit-xml";
    }

    /// <summary>A spec path as WebdriverIO writes it (<c>file://./test/specs/x.e2e.js</c>, the run's folder replaced by <c>.</c>).</summary>
    private static string SpecPath(string value)
    {
        var v = value.Replace('\\', '/');
        v = v.StartsWith("file://", StringComparison.Ordinal) ? v["file://".Length..] : v;
        return v.StartsWith("./", StringComparison.Ordinal) ? v[2..] : SourcePath.StripCiWorkspace(v);
    }

    /// <summary>Attachment markers; with retries every attempt is listed, so only the last attempt's folder is kept.</summary>
    private static List<string> LastAttemptAttachments(string? systemOut)
    {
        if (string.IsNullOrEmpty(systemOut))
        {
            return [];
        }

        var paths = AttachmentMarker().Matches(systemOut).Select(m => m.Groups["path"].Value.Trim()).ToList();
        if (paths.Count == 0)
        {
            return paths;
        }

        var last = paths.Max(RetryOf);
        return paths.Where(p => RetryOf(p) == last).Distinct(StringComparer.Ordinal).ToList();
    }

    private static int RetryOf(string path)
    {
        var m = RetryFolder().Match(path);
        return m.Success ? int.Parse(m.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    private sealed class Case(string name, string? className, string? file, double? seconds)
    {
        public string Name { get; } = name;

        public string? ClassName { get; } = className;

        public string? File { get; } = file;

        public double? Seconds { get; } = seconds;

        public string? Kind { get; set; }

        public string? Type { get; set; }

        public string? MessageAttribute { get; set; }

        public string? Body { get; set; }

        public string? Out { get; set; }

        public string? Err { get; set; }

        public bool WebdriverIo { get; init; }

        public bool Skipped { get; set; }
    }

    [GeneratedRegex("""\[\[ATTACHMENT\|(?<path>[^\]\r\n]+)\]\]""")]
    private static partial Regex AttachmentMarker();

    [GeneratedRegex("""-retry(?<n>\d+)(?:/|\\|$)""")]
    private static partial Regex RetryFolder();

    [GeneratedRegex("""(?:/|\.(?:spec|test|cy)\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$|\.py$)""")]
    private static partial Regex FileLike();
}
