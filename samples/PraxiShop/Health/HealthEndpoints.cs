namespace PraxiShop.Health;

internal static class HealthEndpoints
{
    /// <summary>Liveness only (also at /api/health: routing ignores the trailing slash): answers while the process serves requests, whatever the database's state.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health/", () => TypedResults.Ok(new HealthStatus("ok", "PraxiShop")));
    }
}
