using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.DeveloperAgent;

/// <summary>The request body of <c>POST /process-logs</c>, for the OpenAPI document only (the reader is CiRunPayloadReader).</summary>
/// <param name="RunId">^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$</param>
/// <param name="Repository">owner/name</param>
/// <param name="CommitSha">The tested commit.</param>
/// <param name="Branch">The branch.</param>
/// <param name="Workflow">The workflow.</param>
/// <param name="Job">The job.</param>
/// <param name="Conclusion">failure, success, …</param>
/// <param name="Logs">Runner output and server logs (text).</param>
/// <param name="Artifacts">Reports, traces, DOM dumps (text or base64).</param>
public sealed record CiRunPayloadDocument(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("repository")] string? Repository,
    [property: JsonPropertyName("commit_sha")] string? CommitSha,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("workflow")] string? Workflow,
    [property: JsonPropertyName("job")] string? Job,
    [property: JsonPropertyName("conclusion")] string? Conclusion,
    [property: JsonPropertyName("logs")] IReadOnlyList<CiRunFileDocument> Logs,
    [property: JsonPropertyName("artifacts")] IReadOnlyList<CiRunFileDocument>? Artifacts);

/// <summary>One file of a run, for the OpenAPI document.</summary>
/// <param name="Name">A safe relative path with / separators.</param>
/// <param name="Content">The content, as text or base64.</param>
/// <param name="Encoding">utf-8 (default) or base64.</param>
public sealed record CiRunFileDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("encoding")] string? Encoding);

/// <summary>The answer: analysis.json (schema_version, run_id, classification, self_heal_plan, fix_agent_instructions, triggers, sources) plus storage.</summary>
/// <param name="SchemaVersion">1.</param>
/// <param name="RunId">The run.</param>
/// <param name="Classification">What broke (see docs/schemas/analysis.schema.json).</param>
/// <param name="SelfHealPlan">Safe non-code actions.</param>
/// <param name="FixAgentInstructions">Facts for the fix agent.</param>
/// <param name="Triggers">Which pipelines to start.</param>
/// <param name="Storage">Where and how much was stored.</param>
public sealed record AnalysisAnswerDocument(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("classification")] JsonElement Classification,
    [property: JsonPropertyName("self_heal_plan")] JsonElement SelfHealPlan,
    [property: JsonPropertyName("fix_agent_instructions")] JsonElement FixAgentInstructions,
    [property: JsonPropertyName("triggers")] JsonElement Triggers,
    [property: JsonPropertyName("storage")] StorageDocument Storage);

/// <summary>The storage part of the answer.</summary>
/// <param name="Folder">logs/&lt;run_id&gt; under Storage__Root.</param>
/// <param name="Files">Files stored (logs and artifacts; analysis.json and run.json not counted).</param>
/// <param name="Bytes">Their bytes as stored (after line truncation).</param>
/// <param name="TruncatedLines">Lines cut at max_line_bytes.</param>
/// <param name="MaxLineBytes">The line cap.</param>
/// <param name="ContentSha256">The digest of the run's content, the idempotency check.</param>
public sealed record StorageDocument(
    [property: JsonPropertyName("folder")] string Folder,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("truncated_lines")] int TruncatedLines,
    [property: JsonPropertyName("max_line_bytes")] int MaxLineBytes,
    [property: JsonPropertyName("content_sha256")] string ContentSha256);
