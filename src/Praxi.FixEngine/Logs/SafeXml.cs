using System.Xml;

namespace Praxi.FixEngine.Logs;

/// <summary>XML reading shared by the TRX and JUnit parsers: streaming, no DTDs, no external resolution.</summary>
internal static class SafeXml
{
    /// <summary>Opens a forward-only reader; DTDs are refused and nothing outside the file is resolved.</summary>
    public static XmlReader Open(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            MaxCharactersFromEntities = 1024,
        };
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        return XmlReader.Create(stream, settings);
    }

    /// <summary>The one-line error for a malformed document.</summary>
    public static FixEngineException Malformed(string source, string format, Exception ex)
    {
        var reason = ex is XmlException xml
            ? $"line {xml.LineNumber}, position {xml.LinePosition}: {FirstSentence(xml.Message)}"
            : FirstSentence(ex.Message);
        return new FixEngineException($"{source}: not valid {format} ({reason}); pass the report as the runner wrote it, or its text output.", ex);
    }

    /// <summary>Reads the text content of the current element (text and CDATA of descendants), capped.</summary>
    public static string ReadText(XmlReader reader, int maxChars = 256 * 1024)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var sb = new System.Text.StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                && sb.Length < maxChars)
            {
                sb.Append(reader.Value);
            }
        }

        return sb.Length > maxChars ? sb.ToString(0, maxChars) : sb.ToString();
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
