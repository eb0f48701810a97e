using System.Globalization;
using System.Xml;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reads a Visual Studio TRX file (<c>dotnet test --logger trx</c>; Playwright .NET, Selenium, any MSTest/xUnit/NUnit
/// run): every <c>UnitTestResult</c> whose outcome is Failed, Error, Timeout or Aborted, with
/// <c>Output/ErrorInfo/Message</c> and <c>StackTrace</c>; data-driven parents give way to their failed inner results.
/// Test names come from <c>testName</c>, completed with the <c>TestMethod</c> class when it is a bare method name
/// (MSTest and NUnit write bare names, xUnit full ones). A <c>ResultFile</c> (MSTest's <c>AddResultFile</c>, NUnit's
/// <c>AddTestAttachment</c>) is where the logger copied it: <c>&lt;runDeploymentRoot&gt;/In/&lt;relativeResultsDirectory&gt;/</c>
/// beside the TRX file.
/// </summary>
internal sealed class TrxParser : IStructuredLogParser
{
    private static readonly HashSet<string> FailedOutcomes = new(StringComparer.OrdinalIgnoreCase) { "Failed", "Error", "Timeout", "Aborted" };

    public LogFormat Format => LogFormat.Trx;

    public bool CanParse(string fileName, string head) =>
        head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')
        && head.Contains("<TestRun", StringComparison.Ordinal)
        && (head.Contains("TeamTest/2010", StringComparison.Ordinal) || head.Contains("<UnitTestResult", StringComparison.Ordinal)
            || fileName.EndsWith(".trx", StringComparison.OrdinalIgnoreCase));

    public ParsedLog Parse(string path, string source, CancellationToken cancellationToken)
    {
        var results = new List<Result>();
        var classes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var adapters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int? passed = null;
        string? deploymentRoot = null;
        try
        {
            using var reader = SafeXml.Open(path);
            var open = new Stack<Result>();
            string? definitionId = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "UnitTestResult" && open.Count > 0)
                {
                    open.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "UnitTestResult":
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var result = new Result(
                                reader.GetAttribute("testName") ?? "(unnamed test)",
                                reader.GetAttribute("testId"),
                                reader.GetAttribute("outcome") ?? string.Empty,
                                open.Count > 0 ? open.Peek() : null)
                            {
                                ResultsDirectory = reader.GetAttribute("relativeResultsDirectory"),
                                StartedAt = DateTimeOffset.TryParse(reader.GetAttribute("startTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
                                Duration = TimeSpan.TryParse(reader.GetAttribute("duration"), CultureInfo.InvariantCulture, out var took) ? took : null,
                            };
                            results.Add(result);
                            if (result.Parent is { } parent)
                            {
                                parent.HasInner = true;
                            }

                            if (!reader.IsEmptyElement)
                            {
                                open.Push(result);
                            }

                            break;
                        }

                    case "Message" when open.Count > 0:
                        open.Peek().Message = SafeXml.ReadText(reader);
                        break;
                    case "StackTrace" when open.Count > 0:
                        open.Peek().StackTrace = SafeXml.ReadText(reader);
                        break;
                    case "StdOut" when open.Count > 0:
                        open.Peek().StdOut = SafeXml.ReadText(reader, 64 * 1024);
                        break;
                    case "ResultFile" when open.Count > 0 && reader.GetAttribute("path") is { } file:
                        open.Peek().Files.Add(file);
                        break;
                    case "Deployment":
                        deploymentRoot = reader.GetAttribute("runDeploymentRoot");
                        break;
                    case "UnitTest":
                        definitionId = reader.GetAttribute("id");
                        break;
                    case "TestMethod" when definitionId is not null:
                        if (reader.GetAttribute("className") is { } className)
                        {
                            classes[definitionId] = className;
                        }

                        if (reader.GetAttribute("adapterTypeName") is { } adapter)
                        {
                            adapters[definitionId] = adapter;
                        }

                        break;
                    case "Counters":
                        passed = int.TryParse(reader.GetAttribute("passed"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Malformed(source, "TRX", ex);
        }
        catch (IOException ex)
        {
            throw new FixEngineException($"{source}: cannot read the file ({ex.Message}).", ex);
        }

        var failures = results
            .Where(r => FailedOutcomes.Contains(r.Outcome) && !(r.HasInner && results.Any(i => ReferenceEquals(i.Parent, r) && FailedOutcomes.Contains(i.Outcome))))
            .Select(r => ToFailure(r, classes, source, deploymentRoot) with
            {
                Runner = TestStack.DotNetRunner(r.TestId is { } id && adapters.TryGetValue(id, out var adapter) ? adapter : null),
            })
            .ToList();
        var passedTests = results.Where(r => r.Parent is null && r.Outcome == "Passed").Select(r => NameOf(r, classes)).ToList();
        return new ParsedLog(source, LogFormat.Trx, failures, [], passed, passedTests);
    }

    /// <summary>The test's name, qualified with its class when the TRX gives only the method (a data row's arguments may hold dots).</summary>
    private static string NameOf(Result result, Dictionary<string, string> classes) =>
        !result.TestName.Split('(')[0].Contains('.', StringComparison.Ordinal) && result.TestId is { } id && classes.TryGetValue(id, out var className)
            ? className + "." + result.TestName
            : result.TestName;

    private static TestFailure ToFailure(Result result, Dictionary<string, string> classes, string source, string? deploymentRoot) =>
        DotNetFailure.Create(NameOf(result, classes), source, result.Outcome, result.Message, result.StackTrace) with
        {
            StartedAt = result.StartedAt,
            Duration = result.Duration,
            Attachments = [.. result.Files.Select(f => ResultFile(f, result, source, deploymentRoot)), .. DotNetFailure.PrintedAttachments(result.StdOut)],
        };

    /// <summary>A result file's path relative to the analysed path: the logger keeps it under the run's deployment folder beside the TRX.</summary>
    private static string ResultFile(string path, Result result, string source, string? deploymentRoot)
    {
        var file = path.Replace('\\', '/');
        if (SourcePath.IsAbsolute(file) || string.IsNullOrEmpty(deploymentRoot) || string.IsNullOrEmpty(result.ResultsDirectory))
        {
            return file;
        }

        var folder = SourcePath.Directory(source);
        var relative = $"{deploymentRoot.Replace('\\', '/')}/In/{result.ResultsDirectory.Replace('\\', '/')}/{file}";
        return folder is null ? relative : folder + "/" + relative;
    }

    private sealed class Result(string testName, string? testId, string outcome, Result? parent)
    {
        public string TestName { get; } = testName;

        public string? TestId { get; } = testId;

        public string Outcome { get; } = outcome;

        public Result? Parent { get; } = parent;

        public string? ResultsDirectory { get; init; }

        public string? Message { get; set; }

        public string? StackTrace { get; set; }

        public string? StdOut { get; set; }

        public List<string> Files { get; } = [];

        public bool HasInner { get; set; }

        public DateTimeOffset? StartedAt { get; init; }

        public TimeSpan? Duration { get; init; }
    }
}
