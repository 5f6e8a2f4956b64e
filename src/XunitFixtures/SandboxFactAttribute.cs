using Xunit;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit;

/// <summary>
/// A test that gets a fresh <see cref="NodeRuntime"/> as its parameter, disposed after the test even when it fails.
/// Guest stdout/stderr go to the test's output. <see cref="FactAttribute.Timeout"/> (milliseconds) fails the test
/// and kills its guest processes.
/// </summary>
[XunitTestCaseDiscoverer("SecureExec.Testing.Xunit.Sdk.SandboxFactDiscoverer", "SecureExec.Testing.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class SandboxFactAttribute : FactAttribute, ISandboxAttribute
{
    /// <inheritdoc/>
    public bool AllowNetwork { get; set; }
    /// <inheritdoc/>
    public string[] Mounts { get; set; } = [];
    /// <inheritdoc/>
    public string? NodeModules { get; set; }
    /// <inheritdoc/>
    public string[] Env { get; set; } = [];
    /// <inheritdoc/>
    public string? Cwd { get; set; }
    /// <inheritdoc/>
    public Type? Configuration { get; set; }
}

/// <summary>
/// A data-driven <see cref="SandboxFactAttribute"/> ([InlineData], [MemberData], [ClassData]): the data rows give
/// every parameter except the <see cref="NodeRuntime"/> one, which gets a fresh runtime for each row.
/// </summary>
[XunitTestCaseDiscoverer("SecureExec.Testing.Xunit.Sdk.SandboxTheoryDiscoverer", "SecureExec.Testing.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class SandboxTheoryAttribute : TheoryAttribute, ISandboxAttribute
{
    /// <inheritdoc/>
    public bool AllowNetwork { get; set; }
    /// <inheritdoc/>
    public string[] Mounts { get; set; } = [];
    /// <inheritdoc/>
    public string? NodeModules { get; set; }
    /// <inheritdoc/>
    public string[] Env { get; set; } = [];
    /// <inheritdoc/>
    public string? Cwd { get; set; }
    /// <inheritdoc/>
    public Type? Configuration { get; set; }
}

/// <summary>
/// Each JavaScript file matching <see cref="Pattern"/> (relative to the test assembly folder; copy the files to the
/// output) becomes a test case run as <c>node FILE</c> in a fresh runtime: exit code 0 passes, anything else fails
/// with the exit code and the tail of stderr; <c>// @skip REASON</c> in the first lines skips it. The method it is
/// put on is only an anchor (its body never runs) and takes no parameters.
/// </summary>
[XunitTestCaseDiscoverer("SecureExec.Testing.Xunit.Sdk.SandboxTestsDiscoverer", "SecureExec.Testing.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class SandboxTestsAttribute(string pattern) : FactAttribute, ISandboxAttribute
{
    /// <summary>The glob, e.g. <c>js/**/*.test.mjs</c>; its fixed leading folder is mounted read-only at /tests.</summary>
    public string Pattern { get; } = pattern;
    /// <inheritdoc/>
    public bool AllowNetwork { get; set; }
    /// <inheritdoc/>
    public string[] Mounts { get; set; } = [];
    /// <inheritdoc/>
    public string? NodeModules { get; set; }
    /// <inheritdoc/>
    public string[] Env { get; set; } = [];
    /// <inheritdoc/>
    public string? Cwd { get; set; }
    /// <inheritdoc/>
    public Type? Configuration { get; set; }
}

/// <summary>The configuration shared by the sandbox attributes.</summary>
public interface ISandboxAttribute
{
    /// <summary>Allow connections to addresses outside the VM (denied by default).</summary>
    bool AllowNetwork { get; }
    /// <summary>Host folders to mount, as <c>HOST:GUEST[:ro|:rw]</c> (read-only by default; HOST relative to the test assembly folder).</summary>
    string[] Mounts { get; }
    /// <summary>A host node_modules folder, mounted read-only at /node_modules.</summary>
    string? NodeModules { get; }
    /// <summary>Environment variables as <c>KEY=VALUE</c>.</summary>
    string[] Env { get; }
    /// <summary>Working directory in the VM (default /root).</summary>
    string? Cwd { get; }
    /// <summary>An <see cref="ISandboxConfiguration"/> type for everything else.</summary>
    Type? Configuration { get; }
}
