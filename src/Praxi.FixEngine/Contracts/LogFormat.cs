using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>The kind of runner output a file holds, detected from its content.</summary>
public enum LogFormat
{
    /// <summary>Nothing recognisable; read as plain text.</summary>
    PlainText,

    /// <summary>Playwright's list, line or dot reporter (possibly inside a CI log).</summary>
    PlaywrightText,

    /// <summary>Playwright's JSON reporter (<c>results.json</c>).</summary>
    PlaywrightJson,

    /// <summary>JUnit XML (Playwright, pytest, jest and others).</summary>
    [JsonStringEnumMemberName("junit_xml")]
    JUnitXml,

    /// <summary>Visual Studio TRX (<c>dotnet test --logger trx</c>).</summary>
    Trx,

    /// <summary>pytest console output.</summary>
    PytestConsole,

    /// <summary>A backend or server log (Django, ASP.NET Core, PostgreSQL, package managers).</summary>
    BackendLog,

    /// <summary>Playwright's <c>error-context.md</c>, read when a folder holds no runner output.</summary>
    PlaywrightErrorContext,

    /// <summary>A Playwright trace's recorded error, read when a folder holds no runner output and no error-context.md.</summary>
    PlaywrightTrace,

    /// <summary>Playwright's HTML report (<c>playwright-report/index.html</c> and its <c>data/</c> attachments).</summary>
    PlaywrightHtml,

    /// <summary>Playwright's blob report (<c>report.jsonl</c> of <c>blob-report/report-&lt;shard&gt;.zip</c>, a sharded run's output).</summary>
    PlaywrightBlob,

    /// <summary>jest's or vitest's JSON report (<c>jest --json</c>, <c>vitest run --reporter=json</c>).</summary>
    JestJson,

    /// <summary>mochawesome's JSON report (mocha, and Cypress through its mochawesome reporter).</summary>
    MochawesomeJson,

    /// <summary>NUnit's own XML result file (<c>TestResult.xml</c>, NUnit 3's <c>test-run</c> format).</summary>
    [JsonStringEnumMemberName("nunit_xml")]
    NUnitXml,
}
