using OpenQA.Selenium;

namespace SeFixtures;

internal sealed class CheckoutPage(IWebDriver driver)
{
    public void Pay() => driver.FindElement(By.XPath("//button[text()='Pay now']")).Click();
}
