using Microsoft.AspNetCore.Http.HttpResults;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.Hosting;
using Praxi.Ingest;

namespace Praxi.DeveloperAgent;

/// <summary>
/// The DeveloperAgent host: <c>POST /process-logs</c> stores a run and answers with its analysis,
/// <c>GET /runs/{run_id}</c> replays a stored answer, <c>GET /api/health/</c> and <c>/api/health/ready</c>, and the
/// OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class DeveloperAgentApp
{
    /// <summary>The setting holding the bearer token.</summary>
    public const string TokenSetting = "DEVELOPER_AGENT_TOKEN";

    /// <summary>The header that marks a replayed answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Builds the host from command-line arguments and configuration; checks the configuration first.</summary>
    /// <exception cref="Praxi.FixEngine.FixEngineException">The token, a limit or the storage root is invalid.</exception>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.AddConsole();
        var token = HostStartup.RequireToken(builder.Configuration, TokenSetting);
        var limits = builder.AddPraxiHosting();
        var root = builder.Configuration["Storage:Root"];
        var store = new FileRunStore(string.IsNullOrWhiteSpace(root) ? "./data" : root, limits.MaxLineBytes);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IRunStore>(store);
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UsePraxiHosting();
        app.MapPraxiHealth();
        app.MapGet("/api/health/ready", (IRunStore runs) => runs.IsWritable()
                ? Results.Json(new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = "ready" })
                : new ProblemResult(StatusCodes.Status503ServiceUnavailable, "not_ready", "Not ready", "The run store is not writable."))
            .WithName("Ready")
            .DisableRateLimiting();
        app.MapOpenApi();

        var analyzer = new FailureAnalyzer();
        app.MapPost("/process-logs", (HttpContext context, IRunStore runs, HostLimits hostLimits) => ProcessLogsAsync(context, runs, hostLimits, analyzer))
            .RequireBearer(token)
            .WithName("ProcessLogs")
            .WithSummary("Stores a failed CI run under logs/<run_id>/ and answers with its analysis (idempotent on run_id).")
            .AddOpenApiOperationTransformer(async (operation, transformer, ct) =>
            {
                // Documented, not bound: an Accepts() constraint would answer 415 before the bearer check.
                var schema = await transformer.GetOrCreateSchemaAsync(typeof(CiRunPayloadDocument), null, ct).ConfigureAwait(false);
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
                };
            })
            .Produces<AnalysisAnswerDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/runs/{run_id}", async (string run_id, IRunStore runs, HttpContext context) =>
            {
                if (!RunIds.IsValid(run_id))
                {
                    return (IResult)ProblemResult.InvalidPayload([new PayloadProblem("run_id", "must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]);
                }

                PraxiHosting.SetRunId(context, run_id);
                var run = await runs.GetAsync(run_id, context.RequestAborted).ConfigureAwait(false);
                return run is null ? ProblemResult.NotFound("No complete run with this id.") : Answer(run.Answer);
            })
            .RequireBearer(token)
            .WithName("GetRun")
            .WithSummary("The answer stored for a complete run.")
            .Produces<AnalysisAnswerDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ProcessLogsAsync(HttpContext context, IRunStore runs, HostLimits limits, FailureAnalyzer analyzer)
    {
        var body = await JsonBody.ReadAsync(context, limits.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return error;
        }

        var problems = new List<PayloadProblem>();
        var key = IdempotencyKey(context, problems);
        var read = CiRunPayloadReader.Read(body.Bytes);
        problems.AddRange(read.Problems);
        if (read.Payload is { } candidate && read.IsValid)
        {
            problems.AddRange(HostNameProblems(candidate));
        }

        if (problems.Count > 0 || read.Payload is not { } payload)
        {
            return ProblemResult.InvalidPayload(problems);
        }

        PraxiHosting.SetRunId(context, payload.RunId);
        var upload = new RunUpload(payload, RunContent.Sha256(payload), key);
        StoreOutcome outcome;
        try
        {
            // Once the body is in, the store finishes even if the client goes away: no half-made run is left behind.
            outcome = await runs.StoreAsync(upload, (folder, ct) => Analyze(analyzer, payload.RunId, folder, ct), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Response.Headers.RetryAfter = "5";
            return new ProblemResult(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "Storage unavailable", "The run could not be stored; retry later.");
        }
        catch (RunStoreException)
        {
            return new ProblemResult(StatusCodes.Status409Conflict, "unsafe_path", "Unsafe path", "A file of the run could not be written safely (a symlink or file is in the way).");
        }

        switch (outcome.Status)
        {
            case StoreStatus.Conflict:
                return new ProblemResult(StatusCodes.Status409Conflict, "run_conflict", "Run conflict",
                    "A different run with this run_id is already stored; runs are immutable (use a new run_id).");
            case StoreStatus.Unanalysable:
                return new ProblemResult(StatusCodes.Status422UnprocessableEntity, "unanalysable", "Nothing to analyse",
                    "The run holds no runner output or logs the analyzer can read (text logs, Playwright JSON, JUnit XML, TRX); nothing was stored.");
            case StoreStatus.Replayed:
                context.Response.Headers[ReplayedHeader] = "true";
                return Answer(outcome.Run!.Answer);
            default:
                return Answer(outcome.Run!.Answer);
        }
    }

    private static async Task<string> Analyze(FailureAnalyzer analyzer, string runId, string folder, CancellationToken cancellationToken)
    {
        var report = await analyzer.AnalyzeAsync(folder, cancellationToken).ConfigureAwait(false);
        return AnalysisJson.Serialize(report with { RunId = runId });
    }

    private static ContentHttpResult Answer(string json) => TypedResults.Content(json, "application/json; charset=utf-8");

    private static string? IdempotencyKey(HttpContext context, List<PayloadProblem> problems)
    {
        var values = context.Request.Headers["Idempotency-Key"];
        if (values.Count == 0)
        {
            return null;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (key is null || key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
        {
            problems.Add(new PayloadProblem("Idempotency-Key", "must be one header of 1 to 255 printable ASCII characters"));
            return null;
        }

        return key;
    }

    /// <summary>What the store itself needs of names: <c>run.json</c> is its marker; a file cannot also be a folder.</summary>
    private static IEnumerable<PayloadProblem> HostNameProblems(CiRunPayload payload)
    {
        var files = payload.Logs.Select((f, i) => (f.Name, Field: $"logs[{i}].name"))
            .Concat(payload.Artifacts.Select((f, i) => (f.Name, Field: $"artifacts[{i}].name"))).ToList();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in files)
        {
            for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                folders.Add(name[..slash]);
            }
        }

        foreach (var (name, field) in files)
        {
            if (name.Equals(FileRunStore.MarkerName, StringComparison.OrdinalIgnoreCase))
            {
                yield return new PayloadProblem(field, "is reserved for the run manifest");
            }
            else if (folders.Contains(name))
            {
                yield return new PayloadProblem(field, "is also the folder of another file");
            }
        }
    }
}
