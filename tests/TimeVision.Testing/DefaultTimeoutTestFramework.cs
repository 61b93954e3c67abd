using System.Globalization;
using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace TimeVision.Testing;

/// <summary>
/// xunit v3 as it is, except that a test whose <c>[Fact]</c> or <c>[Theory]</c> names no <c>Timeout</c> gets
/// <see cref="DefaultTimeout"/>: a hung test then fails alone ("Test execution time exceeded"), its
/// <c>TestContext.Current.CancellationToken</c> is cancelled, and the run goes on. Every test project runs on it
/// (<c>tests/Directory.Build.props</c>); xunit v3 has no setting for a default timeout.
/// </summary>
/// <remarks>
/// A test that needs longer says so with its own <c>[Fact(Timeout = …)]</c>, which is kept. The timeout is xunit's own
/// (the one <c>[Fact(Timeout = …)]</c> sets), applied where the attribute is read at discovery, so it travels with the
/// test case to the runner.
/// </remarks>
public sealed class DefaultTimeoutTestFramework : XunitTestFramework
{
    /// <summary>
    /// The time a test may take when it names none: about three times the slowest test on a loaded two-core machine,
    /// and under the runner's <c>--blame-hang-timeout</c> (5 min in <c>tests/run.sh</c>), which stays the outer guard.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new DefaultTimeoutDiscoverer(new XunitTestAssembly(assembly, configFileName: null, assembly.GetName().Version));
    }

    /// <summary>Finds tests as xunit does, after giving each test attribute without a timeout the default one.</summary>
    private sealed class DefaultTimeoutDiscoverer(IXunitTestAssembly testAssembly) : XunitTestFrameworkDiscoverer(testAssembly)
    {
        protected override ValueTask<bool> FindTestsForMethod(
            IXunitTestMethod testMethod, ITestFrameworkDiscoveryOptions discoveryOptions, Func<ITestCase, ValueTask<bool>> discoveryCallback)
        {
            ArgumentNullException.ThrowIfNull(testMethod);

            // The method's attribute objects are read once and kept by the test method, so the base class reads these.
            foreach (var test in testMethod.FactAttributes.OfType<FactAttribute>().Where(attribute => attribute.Timeout == 0))
            {
                test.Timeout = (int)DefaultTimeout.TotalMilliseconds;
            }

            if (testMethod.FactAttributes.Any(attribute => attribute.Timeout == 0))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{testMethod.TestClass.TestClassName}.{testMethod.MethodName} would run without a timeout: its test attribute is not an xunit FactAttribute, or xunit no longer keeps the attribute objects it read."));
            }

            return base.FindTestsForMethod(testMethod, discoveryOptions, discoveryCallback);
        }
    }
}
