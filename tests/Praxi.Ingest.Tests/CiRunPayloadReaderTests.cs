using System.Text;

namespace Praxi.Ingest.Tests;

public sealed class CiRunPayloadReaderTests
{
    private static CiRunPayloadResult Read(string json) => CiRunPayloadReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_ContractExample_GivesThePayloadWithDecodedFiles()
    {
        var result = Read("""
            {
              "run_id": "9876543210-1", "repository": "owner/name", "commit_sha": "abc123", "branch": "main",
              "workflow": "agent-engine", "job": "e2e-tests", "conclusion": "failure",
              "logs": [{ "name": "playwright.log", "content": "1 failed\n", "encoding": "utf-8" }],
              "artifacts": [{ "name": "test-results/login-signs-in/trace.zip", "content": "UEsDBA==", "encoding": "base64" }]
            }
            """);

        result.IsValid.Should().BeTrue(string.Join("; ", result.Problems));
        var p = result.Payload!;
        p.RunId.Should().Be("9876543210-1");
        p.Repository.Should().Be("owner/name");
        p.Logs.Should().ContainSingle().Which.Content.ToArray().Should().Equal(Encoding.UTF8.GetBytes("1 failed\n"));
        p.Artifacts.Should().ContainSingle().Which.Content.ToArray().Should().Equal(0x50, 0x4B, 0x03, 0x04);
    }

    [Fact]
    public void Read_EveryProblem_IsListedWithItsField()
    {
        var result = Read("""
            { "run_id": "../etc", "branch": 7, "extra": true,
              "logs": [{ "name": "a/../b.log", "content": "x" }, { "content": 1 }, "nope"],
              "artifacts": [{ "name": "t.zip", "content": "***", "encoding": "base64" }, { "name": "u", "content": "x", "encoding": "utf-16" }] }
            """);

        result.IsValid.Should().BeFalse();
        result.Payload.Should().BeNull();
        result.Problems.Should().Contain(
        [
            new PayloadProblem("run_id", "must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"),
            new PayloadProblem("branch", "must be a string"),
            new PayloadProblem("extra", "unknown field"),
            new PayloadProblem("logs[0].name", "has a '..' segment"),
            new PayloadProblem("logs[1].name", "required"),
            new PayloadProblem("logs[1].content", "must be a string"),
            new PayloadProblem("logs[2]", "must be an object with name and content"),
            new PayloadProblem("artifacts[0].content", "is not valid base64"),
            new PayloadProblem("artifacts[1].encoding", "must be \"utf-8\" or \"base64\""),
        ]);
    }

    [Theory]
    [InlineData("run1\n")]
    [InlineData("run1\r\n")]
    [InlineData("\nrun1")]
    public void Read_RunIdWithANewline_IsRefused(string runId)
    {
        var result = Read($$"""{ "run_id": {{System.Text.Json.JsonSerializer.Serialize(runId)}}, "logs": [{ "name": "a.log", "content": "x" }] }""");

        result.IsValid.Should().BeFalse();
        result.Payload.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Field.Should().Be("run_id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"run_id\":\"a\",\"logs\":[]} trailing")]
    [InlineData("{\"run_id\":\"a\",\"run_id\":\"b\",\"logs\":[]}")]
    [InlineData("{\"run_id\":\"a\",\"logs\":[{\"name\":\"x\\ud800\",\"content\":\"\"}]}")]
    [InlineData("{\"run_id\":\"a\",\"logs\":[{\"name\":\"x\",\"content\":\"\\udc00\"}]}")]
    [InlineData("{\"run_id\":1e999,\"logs\":[]}")]
    [InlineData("{\"run_id\":\"a\u0000\",\"logs\":[]}")]
    public void Read_MalformedBody_IsAProblemNotAnException(string body)
    {
        var result = Read(body);

        result.IsValid.Should().BeFalse();
        result.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedWithoutWalkingIt()
    {
        var body = "{\"run_id\":\"a\",\"logs\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var result = Read(body);

        result.Problems.Should().ContainSingle().Which.Should().Be(new PayloadProblem("$", $"nested deeper than {CiRunPayloadReader.MaxDepth}"));
    }

    [Fact]
    public void Read_InvalidUtf8_IsAProblem()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"run_id\":\"a\",\"logs\":[{\"name\":\"x\",\"content\":\"__\"}]}");
        var at = Array.IndexOf(bytes, (byte)'_');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var result = CiRunPayloadReader.Read(bytes);

        result.IsValid.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Problem.Should().StartWith("not well-formed JSON in UTF-8");
    }

    [Fact]
    public void Read_SameNameTwiceIgnoringCase_IsRefused()
    {
        var result = Read("""{ "run_id": "r1", "logs": [{ "name": "a.log", "content": "" }], "artifacts": [{ "name": "A.LOG", "content": "" }] }""");

        result.Problems.Should().ContainSingle().Which.Should().Be(new PayloadProblem("artifacts[0].name", "the same name (ignoring case) appears twice"));
    }

    [Fact]
    public void Read_ManyProblems_AreCappedWithASummary()
    {
        var logs = string.Join(',', Enumerable.Range(0, 200).Select(_ => "{\"name\":\"..\",\"content\":\"\"}"));

        var result = Read($"{{\"run_id\":\"r\",\"logs\":[{logs}]}}");

        result.Problems.Should().HaveCount(CiRunPayloadReader.MaxProblems + 1);
        result.Problems[^1].Should().Be(new PayloadProblem("$", $"{200 - CiRunPayloadReader.MaxProblems} more problem(s) not listed"));
    }
}
