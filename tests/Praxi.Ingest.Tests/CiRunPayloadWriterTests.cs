using System.Text;
using Praxi.FixEngine;

namespace Praxi.Ingest.Tests;

public sealed class CiRunPayloadWriterTests
{
    private const string HostileText = "quote \" backslash \\ tab\t nul\0 esc\u001b[31m cr\r\n<script>&amp;</script> é ü 日本 \u2028 emoji 😀 bom\uFEFF del\u007f end\n";

    [Fact]
    public async Task WriteAsync_TextAndBinaryFiles_RoundTripThroughTheReader()
    {
        var binary = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var sut = new CiRunPayload
        {
            RunId = "123-2",
            Repository = "owner/näme",
            CommitSha = "abc",
            Branch = "feature/x",
            Workflow = "e2e \"quoted\"",
            Job = "tests",
            Conclusion = "failure",
            Logs = [new CiRunFile("playwright.log", Encoding.UTF8.GetBytes(HostileText), "utf-8"), new CiRunFile("sub/empty.log", Array.Empty<byte>(), "utf-8")],
            Artifacts = [new CiRunFile("test-results/a/trace.zip", binary, "base64"), new CiRunFile("dom.html", Encoding.UTF8.GetBytes("<p>日本</p>"), "utf-8")],
        };

        var bytes = await WriteAsync(sut);
        var result = CiRunPayloadReader.Read(bytes);

        result.IsValid.Should().BeTrue(string.Join("; ", result.Problems));
        var read = result.Payload!;
        read.Should().BeEquivalentTo(sut, o => o.Excluding(p => p.Logs).Excluding(p => p.Artifacts));
        read.Logs.Select(f => (f.Name, f.Encoding, Encoding.UTF8.GetString(f.Content.Span)))
            .Should().Equal(("playwright.log", "utf-8", HostileText), ("sub/empty.log", "utf-8", string.Empty));
        read.Artifacts[0].Encoding.Should().Be("base64");
        read.Artifacts[0].Content.ToArray().Should().Equal(binary);
        read.Artifacts[1].Content.ToArray().Should().Equal(Encoding.UTF8.GetBytes("<p>日本</p>"));
    }

    [Fact]
    public async Task WriteAsync_NoOptionalMetadata_LeavesTheFieldsOut()
    {
        var bytes = await WriteAsync(new CiRunPayload { RunId = "local-1", Logs = [] });

        Encoding.UTF8.GetString(bytes).Should().Be("""{"run_id":"local-1","logs":[],"artifacts":[]}""");
    }

    [Fact]
    public async Task SizeFunctions_MatchTheWrittenBytesExactly()
    {
        var rng = new Random(7);
        var logs = Enumerable.Range(0, 5).Select(i => new CiRunFile($"logs/{i}-ü.log", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(HostileText, rng.Next(1, 50)))), "utf-8")).ToList();
        var artifacts = Enumerable.Range(0, 5).Select(i =>
        {
            var b = new byte[rng.Next(0, 5000)];
            rng.NextBytes(b);
            return new CiRunFile($"a/{i}.bin", b, "base64");
        }).ToList();
        var sut = new CiRunPayload { RunId = "9-1", Repository = "o/r", Logs = logs, Artifacts = artifacts };

        var bytes = await WriteAsync(sut);

        // Every entry adds its bytes plus a separating comma; the first entry of each array has no comma.
        var expected = CiRunPayloadWriter.EnvelopeBytes(sut) - 2
            + logs.Sum(f => CiRunPayloadWriter.FileBytes(f.Name, CiRunPayloadWriter.StringValueBytes(f.Content.Span), "utf-8"))
            + artifacts.Sum(f => CiRunPayloadWriter.FileBytes(f.Name, CiRunPayloadWriter.Base64ValueBytes(f.Content.Length), "base64"));
        bytes.LongLength.Should().Be(expected);
    }

    [Fact]
    public void EscapedBytes_InvalidUtf8_ThrowsFixEngineException()
    {
        var act = () => CiRunPayloadWriter.EscapedBytes([0x41, 0xC3]);

        act.Should().Throw<FixEngineException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public async Task WriteAsync_InvalidUtf8MarkedAsText_ThrowsFixEngineException()
    {
        var payload = new CiRunPayload { RunId = "1", Logs = [new CiRunFile("x.log", new byte[] { 0xFF, 0xFE }, "utf-8")] };

        var act = () => WriteAsync(payload);

        await act.Should().ThrowAsync<FixEngineException>().WithMessage("*x.log*not valid UTF-8*");
    }

    private static async Task<byte[]> WriteAsync(CiRunPayload payload)
    {
        using var stream = new MemoryStream();
        await CiRunPayloadWriter.WriteAsync(stream, payload, CancellationToken.None);
        return stream.ToArray();
    }
}
