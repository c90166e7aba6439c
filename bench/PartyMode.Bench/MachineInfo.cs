using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PartyMode.Bench;

/// <summary>The machine a run came from (cores, memory, CPU, OS, runtimes, commit).</summary>
internal sealed record MachineInfo(
    int Cores, long MemoryBytes, string Cpu, string Os, string DotnetRuntime, string Node, string Commit, ulong OpenFileLimit)
{
    public static MachineInfo Read(RepoPaths paths)
    {
        long memory = 0;
        var cpu = "unknown";
        try
        {
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null)
            {
                memory = long.Parse(total["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }

            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                cpu = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }

        return new MachineInfo(
            Environment.ProcessorCount, memory, cpu, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            Run("node", "--version", paths.Root) ?? "not found", Run("git", "rev-parse --short HEAD", paths.Root) ?? "unknown",
            NativeLimits.OpenFileLimit());
    }

    /// <summary>Runs a short command and returns its first output line (null when it fails).</summary>
    public static string? Run(string file, string args, string workingDirectory)
    {
        try
        {
            var psi = new ProcessStartInfo(file, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output.Split('\n')[0].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
