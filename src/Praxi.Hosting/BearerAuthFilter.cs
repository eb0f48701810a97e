using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Praxi.Hosting;

/// <summary>An endpoint filter that lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
/// <param name="token">The one token this endpoint accepts.</param>
public sealed class BearerAuthFilter(BearerToken token) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Request.Headers.Authorization;
        var accepted = headers.Count == 1 && token.Accepts(headers[0]);
        return accepted ? next(context) : ValueTask.FromResult<object?>(ProblemResult.Unauthorized());
    }
}

/// <summary>Adds <see cref="BearerAuthFilter"/> to endpoints.</summary>
public static class BearerAuthExtensions
{
    /// <summary>Requires <paramref name="token"/> on the endpoint.</summary>
    public static TBuilder RequireBearer<TBuilder>(this TBuilder builder, BearerToken token)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(new BearerAuthFilter(token));
        builder.WithMetadata(new BearerRequirement(token));
        return builder;
    }
}

/// <summary>Endpoint metadata: the token an endpoint requires (the rate limiter lets refused requests through to their cheap 401).</summary>
/// <param name="Token">The accepted token.</param>
public sealed record BearerRequirement(BearerToken Token);
