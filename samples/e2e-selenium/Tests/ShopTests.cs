using OpenQA.Selenium;

namespace PraxiShop.Selenium.Tests;

public sealed class ShopTests : WebDriverTest
{
    [Fact]
    public void SignsInWithValidCredentials() => Run(driver =>
    {
        SignIn(driver);
        var menu = driver.FindElement(By.CssSelector("[data-testid='user-menu']"));
        Assert.Contains("Signed in as admin@praxishop.test", menu.Text, StringComparison.Ordinal);
    });

    [Fact]
    public void ShowsAProductWithItsPrice() => Run(driver =>
    {
        driver.Navigate().GoToUrl(Url("/products"));
        driver.FindElement(By.LinkText("Trail Mug")).Click();
        Assert.Equal("Trail Mug", driver.FindElement(By.Id("product-title")).Text);
        Assert.Equal("€12.50", driver.FindElement(By.CssSelector("main > section.product-detail > div.price-box > span.price")).Text);
    });

    [Fact]
    public void AddsAProductToTheCart() => Run(driver =>
    {
        driver.Navigate().GoToUrl(Url("/products/canvas-tote"));
        var quantity = driver.FindElement(By.Name("quantity"));
        quantity.Clear();
        quantity.SendKeys("2");
        driver.FindElement(By.Id("add-to-cart")).Click();
        WaitForUrl(driver, "/cart");
        Assert.Equal("2", driver.FindElement(By.CssSelector("[data-testid='cart-count']")).Text);
        Assert.Single(driver.FindElements(By.CssSelector("#cart-table tbody tr")));
    });

    [Fact]
    public void PlacesAnOrder() => Run(driver =>
    {
        driver.Navigate().GoToUrl(Url("/products/enamel-pin-set"));
        driver.FindElement(By.CssSelector("button[data-testid='add-to-cart']")).Click();
        WaitForUrl(driver, "/cart");
        driver.FindElement(By.LinkText("Proceed to checkout")).Click();
        driver.FindElement(By.Id("fullName")).SendKeys("Margaret Hamilton");
        driver.FindElement(By.Id("email")).SendKeys("margaret@example.test");
        driver.FindElement(By.Id("street")).SendKeys("1 Apollo Way");
        driver.FindElement(By.Id("city")).SendKeys("Boston");
        driver.FindElement(By.Name("postcode")).SendKeys("02139");
        driver.FindElement(By.CssSelector("button.place-order")).Click();
        WaitForUrl(driver, "/confirmation");
        Assert.Equal("Thank you for your order", driver.FindElement(By.TagName("h1")).Text);
    });

    [Fact]
    public void ListsRecentOrders() => Run(driver =>
    {
        SignIn(driver);
        driver.FindElement(By.CssSelector("[data-testid='user-menu']"));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(5); // the orders report must load within five seconds
        driver.Navigate().GoToUrl(Url("/admin/orders"));
        var table = driver.FindElement(By.CssSelector("table[aria-label='Orders']"));
        Assert.Contains("ORD-1001", table.Text, StringComparison.Ordinal);
    });
}
