namespace SecureExec.Testing.NUnit;

/// <summary>
/// A reusable sandbox configuration, named with <c>[SandboxTest(Configuration = typeof(MyConfig))]</c> for what the
/// attribute properties do not cover (permissions, memory, seeded files). Needs a public parameterless constructor.
/// </summary>
public interface ISandboxConfiguration
{
    /// <summary>Adjusts the options built from the attribute (output routing is set; keep it).</summary>
    NodeRuntimeOptions Configure(NodeRuntimeOptions options) => options;

    /// <summary>Runs once the runtime exists, before SetUp: seed files, start servers.</summary>
    Task InitializeAsync(NodeRuntime runtime) => Task.CompletedTask;
}
