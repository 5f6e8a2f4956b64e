using System.Globalization;
using System.Reflection;
using SecureExec.Testing.Adapters;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit.Sdk;

/// <summary>What the discoverers and runners need to know about a sandbox test method.</summary>
internal static class SandboxMethod
{
    public static ISandboxAttribute? Attribute(IAttributeInfo info) =>
        (info as IReflectionAttributeInfo)?.Attribute as ISandboxAttribute;

    public static ISandboxAttribute? Attribute(ITestMethod method) =>
        method.Method.ToRuntimeMethod()?.GetCustomAttributes().OfType<ISandboxAttribute>().FirstOrDefault();

    public static SandboxSettings Settings(ISandboxAttribute? a) => a is null ? new() : new()
    {
        AllowNetwork = a.AllowNetwork,
        Mounts = a.Mounts ?? [],
        NodeModules = a.NodeModules,
        Env = a.Env ?? [],
        Cwd = a.Cwd,
        Configuration = a.Configuration,
    };

    /// <summary>
    /// A fresh runtime for a sandbox test: the attribute's settings plus <paramref name="extraMount"/>, then the
    /// configuration class's Configure and InitializeAsync (the runtime is disposed again when that fails).
    /// </summary>
    public static async Task<NodeRuntime> CreateRuntimeAsync(ISandboxAttribute? attribute, Action<ReadOnlyMemory<byte>>? onStdout,
        Action<ReadOnlyMemory<byte>>? onStderr, MountOptions? extraMount = null)
    {
        var settings = Settings(attribute);
        var configuration = settings.Configuration is { } c ? (ISandboxConfiguration)Activator.CreateInstance(c)! : null;
        var options = settings.BuildOptions(onStdout, onStderr);
        if (extraMount is not null) options = options with { Mounts = [.. options.Mounts, extraMount] };
        if (configuration is not null) options = configuration.Configure(options);
        var runtime = await NodeRuntime.CreateAsync(options).ConfigureAwait(false);
        try
        {
            if (configuration is not null) await configuration.InitializeAsync(runtime).ConfigureAwait(false);
            return runtime;
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Index of the <see cref="NodeRuntime"/> parameter, or -1.</summary>
    public static int RuntimeIndex(MethodInfo method) =>
        Array.FindIndex(method.GetParameters(), p => p.ParameterType == typeof(NodeRuntime));

    /// <summary>A one-line misuse message with its fix, or null.</summary>
    public static string? Validate(ITestMethod testMethod, IAttributeInfo attribute, bool theory)
    {
        var name = theory ? "[SandboxTheory]" : "[SandboxFact]";
        var method = testMethod.Method.ToRuntimeMethod();
        if (method is null) return null;
        var parameters = method.GetParameters();
        var runtimes = parameters.Count(p => p.ParameterType == typeof(NodeRuntime));
        var fixture = SharedFixture(testMethod);
        if (fixture is not null && runtimes > 0)
            return $"{name} {method.Name}: the class shares a runtime through {fixture.Name} and also asks for a fresh one; use [Fact] and the fixture's Runtime, or remove the {fixture.Name} fixture.";
        if (runtimes == 0)
            return $"{name} {method.Name}: add a NodeRuntime parameter to receive the sandbox, e.g. `public async Task {method.Name}(NodeRuntime runtime)`.";
        if (runtimes > 1)
            return $"{name} {method.Name}: declare one NodeRuntime parameter, not {runtimes}; each test gets one runtime.";
        var wrong = parameters.FirstOrDefault(p => p.ParameterType != typeof(NodeRuntime) && typeof(IAsyncDisposable).IsAssignableFrom(p.ParameterType) && p.ParameterType.Namespace?.StartsWith("SecureExec.Testing", StringComparison.Ordinal) == true);
        if (wrong is not null)
            return $"{name} {method.Name}: parameter '{wrong.Name}' is a {wrong.ParameterType.Name}; the injected type is NodeRuntime — change it to `NodeRuntime {wrong.Name}`.";
        if (!theory && parameters.Length > 1)
        {
            var extra = parameters.First(p => p.ParameterType != typeof(NodeRuntime));
            return $"{name} {method.Name}: parameter '{extra.ParameterType.Name} {extra.Name}' has no value; use [SandboxTheory] with [InlineData] for data, or remove it.";
        }
        return Settings(Attribute(attribute)).Validate(name, typeof(ISandboxConfiguration));
    }

    /// <summary>The SandboxFixture-derived class or collection fixture of the test class, if any.</summary>
    private static Type? SharedFixture(ITestMethod testMethod)
    {
        var fixtures = new List<Type>();
        var cls = testMethod.TestClass.Class.ToRuntimeType();
        if (cls is not null) fixtures.AddRange(FixtureTypes(cls, typeof(IClassFixture<>)));
        var definition = testMethod.TestClass.TestCollection.CollectionDefinition?.ToRuntimeType();
        if (definition is not null) fixtures.AddRange(FixtureTypes(definition, typeof(ICollectionFixture<>)));
        return fixtures.FirstOrDefault(t => typeof(SandboxFixture).IsAssignableFrom(t));
    }

    private static IEnumerable<Type> FixtureTypes(Type type, Type generic) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic).Select(i => i.GetGenericArguments()[0]);

    /// <summary>
    /// The arguments with a placeholder (null) at the runtime parameter when the data rows omit it, so that xUnit's
    /// argument conversion and count checks line up; the runner puts the runtime there.
    /// </summary>
    public static object?[] Pad(object?[]? args, MethodInfo method)
    {
        var count = method.GetParameters().Length;
        var index = RuntimeIndex(method);
        args ??= [];
        if (index < 0 || args.Length != count - 1) return args;
        var padded = new List<object?>(args);
        padded.Insert(index, null);
        return [.. padded];
    }

    /// <summary>"Name(a: 1, b: "x")" without the runtime parameter.</summary>
    public static string DisplayName(string baseName, IMethodInfo method, object?[]? args)
    {
        if (args is null || args.Length == 0) return baseName;
        var parameters = method.GetParameters().ToArray();
        var parts = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (i < parameters.Length && parameters[i].ParameterType.Name == typeof(NodeRuntime).FullName && args[i] is null) continue;
            var name = i < parameters.Length ? parameters[i].Name : "???";
            parts.Add($"{name}: {Format(args[i])}");
        }
        return $"{baseName}({string.Join(", ", parts)})";
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + (s.Length > 50 ? s[..50] + "…" : s) + "\"",
        char c => $"'{c}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
