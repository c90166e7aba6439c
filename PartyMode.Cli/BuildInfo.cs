using System.Reflection;

namespace PartyMode.Cli;

/// <summary>The version, set once in Directory.Build.props.</summary>
internal static class BuildInfo
{
    public static string Version { get; } =
        (typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
