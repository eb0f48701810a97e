using NUnit.Framework;

namespace NuFixtures;

/// <summary>The app never came up: the fixture's one-time setup fails, so NUnit fails every test in it.</summary>
[TestFixture]
public sealed class LoginTests
{
    [OneTimeSetUp]
    public void StartApp() =>
        throw new HttpRequestException("Connection refused (127.0.0.1:5000)");

    [Test]
    public void SignsIn() => Assert.Pass();
}
