using PraxiShop.Layout;

namespace PraxiShop.Catalog;

internal static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, PageRenderer renderer) =>
            renderer.Page(context, "Home", CatalogPages.Home()));

        app.MapGet("/products", async (HttpContext context, PageRenderer renderer, ProductStore store, CancellationToken ct) =>
        {
            var products = await store.ListAsync(ct);
            return renderer.Page(context, "Products", CatalogPages.List(products));
        });

        app.MapGet("/products/{sku}", async (string sku, HttpContext context, PageRenderer renderer, ProductStore store, CancellationToken ct) =>
        {
            var product = await store.FindAsync(sku, ct);
            if (product is null)
            {
                return renderer.Page(context, "Not found", CatalogPages.NotFound(sku), StatusCodes.Status404NotFound);
            }

            return renderer.Page(context, product.Name, CatalogPages.Detail(product, renderer.AntiforgeryField(context), renderer.Break));
        });
    }
}
