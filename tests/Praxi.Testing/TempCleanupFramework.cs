using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Praxi.Testing;

/// <summary>
/// xunit's own test framework, plus one step after the last test of the assembly and before the runner hears the
/// assembly finished: whatever is left under <see cref="TempRoot"/> is removed. The exit handler alone is not enough:
/// the runner kills the test process about 100 ms after the run, which a large forgotten folder outlasts.
/// Every test project uses it (<c>[assembly: TestFramework]</c> in tests/Directory.Build.props).
/// </summary>
public sealed class TempCleanupFramework : XunitTestFramework
{
    /// <summary>Called by xunit.</summary>
    /// <param name="messageSink">xunit's diagnostic sink.</param>
    public TempCleanupFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // The shape of xunit's own executor (async void: the runner waits for the assembly-finished message, not the task).
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync().ConfigureAwait(false);
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            TempRoot.RemoveLeftovers();
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
