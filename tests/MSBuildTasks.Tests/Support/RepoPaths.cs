using System.Reflection;

namespace SecureExec.Testing.MSBuild.Tests.Support;

/// <summary>Places in the repository, found from the test assembly folder (never from source file paths: CI maps them).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in; the task layout is the task project's output in the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The task's build output: the assembly, its .deps.json, its dependencies, commands/ and build/*.targets.</summary>
    public static string TaskLayout { get; } = System.IO.Path.Combine(Root, "src", "MSBuildTasks", "bin", Configuration, "net10.0");

    public static string Targets { get; } = System.IO.Path.Combine(TaskLayout, "build", "SecureExec.Testing.MSBuild.targets");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SecureExec.Testing.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"SecureExec.Testing.sln not found above {AppContext.BaseDirectory}");
    }
}
