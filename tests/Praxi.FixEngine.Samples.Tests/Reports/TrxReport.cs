using System.Xml.Linq;

namespace Praxi.FixEngine.Samples.Tests.Reports;

/// <summary>Reads a TRX file (dotnet test --logger trx) into one outcome per test.</summary>
internal static class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TestOutcome> Read(string path)
    {
        var doc = XDocument.Load(path);
        return
        [
            .. doc.Descendants(Ns + "UnitTestResult").Select(r =>
            {
                var outcome = (string?)r.Attribute("outcome") ?? "";
                var message = r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value ?? "";
                return new TestOutcome((string?)r.Attribute("testName") ?? "", outcome, outcome == "Failed", message);
            }),
        ];
    }
}
