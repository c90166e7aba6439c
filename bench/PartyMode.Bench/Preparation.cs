using System.Diagnostics;

namespace PartyMode.Bench;

/// <summary>Builds PartyMode and installs the relay's node_modules before measuring.</summary>
internal static class Preparation
{
    /// <summary>`dotnet build PartyMode.Cli -c Release`; returns the apphost or why there is none.</summary>
    public static async Task<(string? Path, string? Error)> PartyModeAsync(RepoPaths paths, bool build, CancellationToken ct, string? given = null)
    {
        if (given is not null)
        {
            return File.Exists(given) ? (Path.GetFullPath(given), null) : (null, $"--partymode {given}: no such file");
        }

        if (build)
        {
            Console.WriteLine("bench: building PartyMode.Cli (Release)…");
            var (code, output) = await RunAsync("dotnet", ["build", paths.CliProject, "-c", "Release", "-nologo", "-v", "quiet"], paths.Root, ct);
            if (code != 0)
            {
                return (null, "dotnet build PartyMode.Cli failed:\n" + string.Join('\n', output.Split('\n').TakeLast(15)));
            }
        }

        return File.Exists(paths.PartyModeBinary) ? (paths.PartyModeBinary, null) : (null, $"{paths.PartyModeBinary} does not exist");
    }

    /// <summary>npm ci (or npm install) in bench/peers when node_modules is missing; null when ready.</summary>
    public static async Task<string?> NodeAsync(RepoPaths paths, CancellationToken ct)
    {
        if (MachineInfo.Run("node", "--version", paths.Root) is null)
        {
            return "node is not installed";
        }

        if (Directory.Exists(Path.Combine(paths.PeersFolder, "node_modules", "ws")) && Directory.Exists(Path.Combine(paths.PeersFolder, "node_modules", "bun")))
        {
            return null;
        }

        var verb = File.Exists(Path.Combine(paths.PeersFolder, "package-lock.json")) ? "ci" : "install";
        Console.WriteLine($"bench: npm {verb} in bench/peers…");
        var (code, output) = await RunAsync("npm", [verb, "--no-audit", "--no-fund"], paths.PeersFolder, ct);
        return code == 0 ? null : $"npm {verb} failed: {output.Trim()}";
    }

    /// <summary>Null when the Bun relay can run (after <see cref="NodeAsync"/> installed the npm package).</summary>
    public static string? Bun(RepoPaths paths) =>
        !File.Exists(paths.BunExecutable) ? $"{paths.BunExecutable} is missing (npm install in bench/peers)"
        : MachineInfo.Run(paths.BunExecutable, "--version", paths.Root) is null ? $"{paths.BunExecutable} does not run on this machine"
        : null;

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, string cwd, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await stdout + await stderr);
    }
}
