using System.Globalization;
using System.Xml;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads NUnit 3's own result file (<c>TestResult.xml</c>: the console runner, <c>dotnet test --logger nunit</c>): a
/// <c>test-run</c> root, <c>test-suite</c>s nested by assembly, namespace, fixture and parameterized method, and
/// <c>test-case</c>s with a <c>result</c>. A failed case (<c>Failed</c>, whatever its <c>label</c>: an error, a
/// cancellation, a failed one-time setup) gives its <c>failure/message</c> and <c>failure/stack-trace</c>, what it
/// printed (<c>output</c>) and its attachments' paths. Tests are named by <c>fullname</c>, as TRX names them.
/// </summary>
internal sealed class NUnitXmlParser : IStructuredLogParser
{
    public LogFormat Format => LogFormat.NUnitXml;

    public bool CanParse(string fileName, string head) =>
        head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')
        && head.Contains("<test-run", StringComparison.Ordinal)
        && (head.Contains("<test-suite", StringComparison.Ordinal) || head.Contains("testcasecount=", StringComparison.Ordinal));

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var failures = new List<TestFailure>();
        var passed = new List<string>();
        int? passedCount = null;
        try
        {
            using var reader = SafeXml.Open(path);
            Case? current = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "test-case" && current is not null)
                {
                    Finish(current, source, failures, passed);
                    current = null;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "test-run":
                        passedCount = int.TryParse(reader.GetAttribute("passed"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
                        break;
                    case "test-case":
                        cancellationToken.ThrowIfCancellationRequested();
                        current = new Case(reader.GetAttribute("fullname") ?? reader.GetAttribute("name") ?? "(unnamed test)", reader.GetAttribute("result") ?? string.Empty)
                        {
                            StartedAt = DateTimeOffset.TryParse(reader.GetAttribute("start-time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ? start : null,
                            Seconds = double.TryParse(reader.GetAttribute("duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
                        };
                        if (reader.IsEmptyElement)
                        {
                            Finish(current, source, failures, passed);
                            current = null;
                        }

                        break;
                    case "failure" when current is not null && !reader.IsEmptyElement:
                        // Only the case's own failure: <assertions> and <reason> hold messages too.
                        ReadFailure(reader, current);
                        break;
                    case "output" when current is not null:
                        current.Output = SafeXml.ReadText(reader, 64 * 1024);
                        break;
                    case "filePath" when current is not null:
                        var file = SafeXml.ReadText(reader, 4096).Trim();
                        if (file.Length > 0)
                        {
                            current.Files.Add(file.Replace('\\', '/'));
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Malformed(source, "NUnit XML", ex);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        return new ParsedLog(source, LogFormat.NUnitXml, failures, [], passedCount ?? passed.Count, passed);
    }

    private static void ReadFailure(XmlReader reader, Case c)
    {
        using var failure = reader.ReadSubtree();
        failure.Read();
        while (failure.Read())
        {
            if (failure.NodeType != XmlNodeType.Element || failure.Depth != 1)
            {
                continue;
            }

            switch (failure.LocalName)
            {
                case "message":
                    c.Message = SafeXml.ReadText(failure);
                    break;
                case "stack-trace":
                    c.StackTrace = SafeXml.ReadText(failure);
                    break;
            }
        }
    }

    private static void Finish(Case c, string source, List<TestFailure> failures, List<string> passed)
    {
        if (string.Equals(c.Result, "Passed", StringComparison.OrdinalIgnoreCase))
        {
            passed.Add(c.Name);
        }
        else if (string.Equals(c.Result, "Failed", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(DotNetFailure.Create(c.Name, source, c.Result, c.Message, c.StackTrace) with
            {
                Runner = "nunit",
                StartedAt = c.StartedAt,
                Duration = c.Seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                Attachments = [.. c.Files, .. DotNetFailure.PrintedAttachments(c.Output)],
            });
        }
    }

    private sealed class Case(string name, string result)
    {
        public string Name { get; } = name;

        public string Result { get; } = result;

        public string? Message { get; set; }

        public string? StackTrace { get; set; }

        public string? Output { get; set; }

        public List<string> Files { get; } = [];

        public DateTimeOffset? StartedAt { get; init; }

        public double? Seconds { get; init; }
    }
}
