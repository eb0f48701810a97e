using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Tests.Classification;

/// <summary>
/// The canonical messages of common test frameworks, servers, databases and package managers, each written here in
/// the framework's own wording: the named built-in rule fires on it, and a log made of it alone gets the rule's type.
/// </summary>
public sealed class BuiltInRuleCoverageTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("capybara-ambiguous", ErrorType.StrictModeViolation, "Capybara::Ambiguous:\n  Ambiguous match, found 3 elements matching visible link \"Sign out\"")]
    [InlineData("testing-library-multiple", ErrorType.StrictModeViolation, "TestingLibraryElementError: Found multiple elements with the text: Submit order")]
    [InlineData("testing-library-multiple", ErrorType.StrictModeViolation, "TestingLibraryElementError: Found multiple elements with the role \"button\" and name \"Save\"")]
    [InlineData("mobile-multiple-views-matched", ErrorType.StrictModeViolation, "Error: Multiple UI elements matched for given criteria.")]
    [InlineData("mobile-multiple-views-matched", ErrorType.StrictModeViolation, "androidx.test.espresso.AmbiguousViewMatcherException: 'with id: com.example:id/title' matches multiple views in the hierarchy.")]
    [InlineData("mobile-multiple-views-matched", ErrorType.StrictModeViolation, "Test Failed: 'with text: is \"OK\"' matches 3 views in the hierarchy:")]
    [InlineData("cypress-single-element-only", ErrorType.StrictModeViolation, "CypressError: `cy.type()` can only be called on a single element. Your subject contained 4 elements.")]
    [InlineData("capybara-element-not-found", ErrorType.SelectorNotFound, "Capybara::ElementNotFound: Unable to find css \"#checkout-button\"")]
    [InlineData("capybara-element-not-found", ErrorType.SelectorNotFound, "Unable to find visible xpath \"//button[@id='pay']\" (Capybara::ElementNotFound)")]
    [InlineData("capybara-element-not-found", ErrorType.SelectorNotFound, "Failure/Error: click_on \"Continue\"\nCapybara::ElementNotFound:\n  Unable to find link or button \"Continue\"")]
    [InlineData("testing-library-unable-to-find", ErrorType.SelectorNotFound, "TestingLibraryElementError: Unable to find an accessible element with the role \"button\" and name \"Delete\"")]
    [InlineData("testing-library-unable-to-find", ErrorType.SelectorNotFound, "Unable to find a label with the text of: Email address")]
    [InlineData("protractor-no-element", ErrorType.SelectorNotFound, "NoSuchElementError: No element found using locator: By(css selector, .order-total)")]
    [InlineData("espresso-no-matching-view", ErrorType.SelectorNotFound, "androidx.test.espresso.NoMatchingViewException: No views in hierarchy found matching: with id: com.example:id/login")]
    [InlineData("capybara-no-matches", ErrorType.SelectorNotFound, "expected to find visible css \".cart-item\" but there were no matches")]
    [InlineData("protractor-sync-timeout", ErrorType.Timeout, "Failed: Timed out waiting for Protractor to synchronize with the page after 30 seconds.")]
    [InlineData("capybara-no-matches-after-wait", ErrorType.Timeout, "Failure/Error: expect(page).to have_css(\".report-row\", wait: 30)\n  expected to find visible css \".report-row\" but there were no matches")]
    [InlineData("node-server-typeerror", ErrorType.BackendError, "TypeError: Cannot read properties of undefined (reading 'id')\n    at getOrder (/app/src/controllers/orders.js:14:22)\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)")]
    [InlineData("node-server-typeerror", ErrorType.BackendError, "TypeError: Cannot read property 'total' of null\n    at /srv/api/routes/cart.js:40:17\n    at Layer.handle [as handle_request] (/srv/api/node_modules/express/lib/router/layer.js:95:5)")]
    [InlineData("go-http-panic", ErrorType.BackendError, "2024/01/02 10:11:12 http: panic serving 127.0.0.1:53422: runtime error: invalid memory address or nil pointer dereference")]
    [InlineData("servlet-threw-exception", ErrorType.BackendError, "SEVERE: Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is java.lang.IllegalStateException: no cart] with root cause")]
    [InlineData("java-server-npe", ErrorType.BackendError, "java.lang.NullPointerException: null\n\tat com.example.web.OrderController.show(OrderController.java:42)\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)")]
    [InlineData("python-web-exception", ErrorType.BackendError, "ERROR:    Exception in ASGI application")]
    [InlineData("python-web-exception", ErrorType.BackendError, "[2024-05-01 10:00:00,000] ERROR in app: Exception on /checkout [POST]")]
    [InlineData("rails-server-error", ErrorType.BackendError, "ActionView::Template::Error (undefined method `name' for nil:NilClass):")]
    [InlineData("spring-failed-to-start", ErrorType.ServerUnavailable, "***************************\nAPPLICATION FAILED TO START\n***************************\nDescription:\nWeb server failed to start. Port 8080 was already in use.")]
    [InlineData("server-already-running", ErrorType.ServerUnavailable, "A server is already running. Check /app/tmp/pids/server.pid.")]
    [InlineData("server-already-running", ErrorType.ServerUnavailable, "[2024-01-02 10:00:00 +0000] [7] [ERROR] Connection in use: ('0.0.0.0', 8000)")]
    [InlineData("compose-dependency-failed", ErrorType.ServerUnavailable, "dependency failed to start: container shop-db-1 is unhealthy")]
    [InlineData("compose-app-exited", ErrorType.ServerUnavailable, "shop_web_1 exited with code 1")]
    [InlineData("prisma-database-error", ErrorType.Database, "Error: P1001: Can't reach database server at `db`:`5432`")]
    [InlineData("migration-validation-failed", ErrorType.Database, "ERROR: Validate failed: Migration checksum mismatch for migration version 2")]
    [InlineData("migration-validation-failed", ErrorType.Database, "alembic.util.exc.CommandError: Can't locate revision identified by '4f2e1c'")]
    [InlineData("test-database-setup", ErrorType.Database, "Got an error creating the test database: permission denied to create database")]
    [InlineData("test-database-setup", ErrorType.Database, "ActiveRecord::NoDatabaseError: We could not find your database: shop_test.")]
    [InlineData("sqlstate-code", ErrorType.Database, "PDOException: SQLSTATE[HY000] [2002] Connection refused")]
    [InlineData("db-login-refused", ErrorType.Database, "ERROR 1045 (28000): Access denied for user 'app'@'localhost' (using password: YES)")]
    [InlineData("identitymodel-token-invalid", ErrorType.AuthState, "IDX10223: Lifetime validation failed. The token is expired. ValidTo: '01/02/2024 10:00:00', Current time: '01/02/2024 11:00:00'.")]
    [InlineData("json-status-401-403", ErrorType.AuthState, "{\"timestamp\":\"2024-01-02T10:00:00.000+00:00\",\"status\":403,\"error\":\"Forbidden\",\"path\":\"/api/orders\"}")]
    [InlineData("json-status-401-403", ErrorType.AuthState, "{\n  \"status\": 401,\n  \"message\": \"Full authentication is required\"\n}")]
    [InlineData("csrf-rejected", ErrorType.AuthState, "Can't verify CSRF token authenticity.\nActionController::InvalidAuthenticityToken (ActionController::InvalidAuthenticityToken):")]
    [InlineData("csrf-rejected", ErrorType.AuthState, "Forbidden (403): CSRF token missing.")]
    [InlineData("samesite-cookie-rejected", ErrorType.AuthState, "This Set-Cookie was blocked because it had the \"SameSite=Lax\" attribute but came from a cross-site response")]
    [InlineData("clock-skew", ErrorType.AuthState, "javax.security.auth.login.LoginException: Clock skew too great")]
    [InlineData("registry-pull-retrying", ErrorType.NetworkFlake, "time=\"2024-01-02T10:00:00Z\" level=warning msg=\"Failed, retrying in 1s ... (1/3). Error: initializing source docker://node:20: pinging container registry registry-1.docker.io: net/http: TLS handshake timeout\"")]
    [InlineData("actions-download-failed", ErrorType.NetworkFlake, "Error: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.")]
    [InlineData("actions-download-failed", ErrorType.NetworkFlake, "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)")]
    [InlineData("cloud-grid-start-failed", ErrorType.NetworkFlake, "ERROR [launcher.sauce]: Can not start chrome latest\n  Failed to start Sauce Connect:")]
    [InlineData("package-manager-network-error", ErrorType.NetworkFlake, "npm error code ECONNRESET\nnpm error network aborted\nnpm error network This is a problem related to network connectivity.")]
    [InlineData("package-manager-network-error", ErrorType.NetworkFlake, "error An unexpected error occurred: \"https://registry.yarnpkg.com/react/-/react-18.2.0.tgz: ESOCKETTIMEDOUT\".")]
    [InlineData("package-manager-network-error", ErrorType.NetworkFlake, "[ERROR] Failed to execute goal on project shop: Could not transfer artifact org.slf4j:slf4j-api:pom:2.0.9 from/to central (https://repo.maven.apache.org/maven2): Connection reset")]
    [InlineData("driver-browser-mismatch", ErrorType.DependencyInstall, "SessionNotCreatedError: session not created: This version of ChromeDriver only supports Chrome version 114\nCurrent browser version is 120.0.6099.109 with binary path /usr/bin/google-chrome")]
    [InlineData("driver-browser-mismatch", ErrorType.DependencyInstall, "SessionNotCreatedError: Expected browser binary location, but unable to find binary in default location, no 'moz:firefoxOptions.binary' capability provided")]
    [InlineData("engine-incompatible", ErrorType.DependencyInstall, "error shop@1.0.0: The engine \"node\" is incompatible with this module. Expected version \">=18\". Got \"16.20.0\"")]
    [InlineData("engine-incompatible", ErrorType.DependencyInstall, "npm ERR! notarget No matching version found for react@^99.0.0.")]
    [InlineData("bundler-composer-resolve", ErrorType.DependencyInstall, "Bundler::GemNotFound: Could not find gem 'rails (~> 7.1)' in locally installed gems.")]
    [InlineData("bundler-composer-resolve", ErrorType.DependencyInstall, "Your requirements could not be resolved to an installable set of packages.")]
    [InlineData("bundler-composer-resolve", ErrorType.DependencyInstall, "Could not resolve all dependencies for configuration ':app:debugRuntimeClasspath'.")]
    [InlineData("selenium-invalid-session", ErrorType.BrowserCrash, "Selenium::WebDriver::Error::InvalidSessionIdError:\n  invalid session id")]
    [InlineData("selenium-no-such-session", ErrorType.BrowserCrash, "NoSuchSessionError: This driver instance does not have a valid session ID (did you call WebDriver.quit()?) and may no longer be used.")]
    [InlineData("chromium-sandbox-root", ErrorType.BrowserCrash, "[0101/000000.000000:ERROR:zygote_host_impl_linux.cc(90)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.")]
    [InlineData("renderer-process-crashed", ErrorType.BrowserCrash, "We detected that the Chromium Renderer process just crashed.")]
    [InlineData("renderer-process-crashed", ErrorType.BrowserCrash, "SessionNotCreatedError: Process unexpectedly closed with status 1")]
    [InlineData("ts-node-unable-to-compile", ErrorType.CompileError, "Error: TSError: ⨯ Unable to compile TypeScript:\ne2e/login.spec.ts(3,10): error TS2305: Module '\"./pages\"' has no exported member 'LoginPage'.")]
    [InlineData("ts-node-unable-to-compile", ErrorType.CompileError, "Error: TypeScript compilation failed.")]
    [InlineData("ts-node-unable-to-compile", ErrorType.CompileError, "TypeScript error in /app/src/App.tsx(12,5):")]
    [InlineData("typescript-code", ErrorType.CompileError, "[ERROR] TS2322: Type 'string' is not assignable to type 'number'. [plugin angular-compiler]")]
    [InlineData("pytest-collection-error", ErrorType.CompileError, "_____________ ERROR collecting tests/test_checkout.py _____________")]
    [InlineData("pytest-collection-error", ErrorType.CompileError, "ERROR tests/test_orders.py\n!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!")]
    [InlineData("pytest-collection-error", ErrorType.CompileError, "import file mismatch:\nimported module 'test_api' has this __file__ attribute:")]
    [InlineData("relative-module-missing", ErrorType.CompileError, "Error: Cannot find module './pages/LoginPage'\nRequire stack:\n- /app/e2e/login.spec.js")]
    [InlineData("go-compile", ErrorType.CompileError, "# example.com/shop\n./main.go:12:2: undefined: handler")]
    [InlineData("bundler-build-error", ErrorType.CompileError, "ERROR in ./src/app.tsx 12:4\nModule build failed (from ./node_modules/babel-loader/lib/index.js):")]
    public void Analyze_CanonicalMessage_FiresItsRuleAndGetsItsType(string rule, ErrorType expected, string message)
    {
        var sut = new BlockScorer(RuleSet.Create(null));

        var hits = sut.Score("run.log", Lines(message)).Hits.Select(h => h.Rule.Id);
        var report = new FailureAnalyzer(new AnalysisOptions { RulesOnly = true }).Analyze(WriteLog(message));

        hits.Should().Contain(rule);
        report.Classification.ErrorType.Should().Be(expected);
    }

    [Theory]
    [InlineData(ErrorType.ServerUnavailable, "shop_worker_1 exited with code 1")]
    [InlineData(ErrorType.SelectorNotFound, "Error: Unable to find the config file 'cypress.config.ts'")]
    [InlineData(ErrorType.BackendError, "TypeError: Cannot read properties of undefined (reading 'click')\n    at Context.<anonymous> (cypress/e2e/cart.cy.js:12:8)")]
    [InlineData(ErrorType.CompileError, "Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js")]
    [InlineData(ErrorType.AuthState, "Set-Cookie: sid=abc; Path=/; SameSite=Lax; HttpOnly")]
    [InlineData(ErrorType.AuthState, "Error: request failed\n{\"status\": 200, \"items\": []}")]
    [InlineData(ErrorType.Database, "Error: see the SQLSTATE codes table for details")]
    [InlineData(ErrorType.NetworkFlake, "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found")]
    [InlineData(ErrorType.StrictModeViolation, "  ✓ shows an error when found multiple elements with the same id (12 ms)")]
    [InlineData(ErrorType.BrowserCrash, "Error: session not created: Chrome failed to start: exited normally.\n  (session not created: DevToolsActivePort file doesn't exist)\nThis version of ChromeDriver only supports Chrome version 114")]
    public void Analyze_SimilarLookingMessage_IsNotThatType(ErrorType notExpected, string message)
    {
        var sut = new FailureAnalyzer(new AnalysisOptions { RulesOnly = true });

        var report = sut.Analyze(WriteLog(message));

        report.Classification.ErrorType.Should().NotBe(notExpected);
    }

    private static List<LogLine> Lines(string message) => [.. message.Split('\n').Select((text, i) => new LogLine(i + 1, text))];

    private string WriteLog(string message)
    {
        var log = Path.Combine(_temp.Subfolder(), "run.log");
        File.WriteAllText(log, message + "\n");
        return log;
    }
}
