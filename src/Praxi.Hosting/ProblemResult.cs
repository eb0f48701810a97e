using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Praxi.Ingest;

namespace Praxi.Hosting;

/// <summary>
/// An <c>application/problem+json</c> answer (RFC 9457) with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> and
/// the request's <c>trace_id</c>; never an exception's message or stack trace.
/// </summary>
public sealed class ProblemResult : IResult
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Creates a problem.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="slug">A short code, also the <c>type</c> (<c>urn:praxi:problem:&lt;slug&gt;</c>).</param>
    /// <param name="title">A short, fixed title.</param>
    /// <param name="detail">What happened in this request, without secrets or log text.</param>
    public ProblemResult(int status, string slug, string title, string detail)
    {
        Status = status;
        Slug = slug;
        Title = title;
        Detail = detail;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The short code.</summary>
    public string Slug { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The detail.</summary>
    public string Detail { get; }

    /// <summary>Members added to the problem (<c>error</c>, <c>details</c>, …).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>A 400 in the contract's shape: <c>error: invalid_payload</c> and every problem by field.</summary>
    public static ProblemResult InvalidPayload(IEnumerable<PayloadProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.Select(p => new Dictionary<string, string>(StringComparer.Ordinal) { ["field"] = p.Field, ["problem"] = p.Problem }).ToList();
        var result = new ProblemResult(StatusCodes.Status400BadRequest, "invalid_payload", "The payload is invalid",
            list.Count == 1 ? $"{list[0]["field"]}: {list[0]["problem"]}" : $"{list.Count} problems; see details");
        result.Extensions["error"] = "invalid_payload";
        result.Extensions["details"] = list;
        return result;
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>.</summary>
    public static ProblemResult Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", "A valid bearer token is required (Authorization: Bearer <token>).");

    /// <summary>413: the body is over the cap.</summary>
    public static ProblemResult TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "Payload too large", $"The body is larger than {maxBytes} bytes.");

    /// <summary>415: the body is not JSON.</summary>
    public static ProblemResult UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Unsupported media type", "The body must be application/json in UTF-8.");

    /// <summary>429: overloaded.</summary>
    public static ProblemResult TooManyRequests(int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests", $"The host is busy; retry after {retryAfterSeconds} s.");

    /// <summary>404: nothing there.</summary>
    public static ProblemResult NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "not_found", "Not found", detail);

    /// <summary>500 with a trace id only.</summary>
    public static ProblemResult InternalError() =>
        new(StatusCodes.Status500InternalServerError, "internal_error", "Internal error", "The request failed on the server; quote the trace_id when reporting it.");

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "urn:praxi:problem:" + Slug,
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Detail,
            ["trace_id"] = Activity.Current?.Id ?? httpContext.TraceIdentifier,
        };
        foreach (var (key, value) in Extensions)
        {
            body[key] = value;
        }

        var response = httpContext.Response;
        response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentType = "application/problem+json";
        response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(response.Body, body, Json, httpContext.RequestAborted);
    }
}
