using System.Diagnostics;

namespace PraxiShop.Layout;

internal static class ErrorEndpoints
{
    /// <summary>The page <c>UseExceptionHandler</c> re-executes after an unhandled exception (logged by the middleware).</summary>
    public static void MapErrorPage(this IEndpointRouteBuilder app)
    {
        app.Map("/error", (HttpContext context, PageRenderer renderer) =>
        {
            var requestId = Activity.Current?.Id ?? context.TraceIdentifier;
            var body = $"""
                    <section class="error-page" role="alert">
                      <h1>Something went wrong</h1>
                      <p>We could not complete your request. Please try again later.</p>
                      <p class="request-id">Request ID: <code>{Html.E(requestId)}</code></p>
                    </section>
                """;
            return renderer.Page(context, "Error", body, StatusCodes.Status500InternalServerError);
        }).DisableAntiforgery();
    }
}
