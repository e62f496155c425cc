using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace RunnerConsole.Core.Export;

/// <summary>Writes a <see cref="ChartPackage"/> as Helm does: a gzipped tar with one top folder named after the chart.</summary>
public static class ChartArchive
{
    // Fixed timestamps keep the archive byte-identical for the same chart (reproducible releases).
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<string> WriteAsync(ChartPackage chart, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, chart.FileName);
        var temp = path + ".partial";
        await using (var file = File.Create(temp))
        {
            await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
            foreach (var (relative, content) in chart.Files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{chart.Name}/{relative}")
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = FixedTime,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                };
                await tar.WriteEntryAsync(entry, cancellationToken);
            }
        }

        // Never leave a half-written package under the final name.
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Writes the chart unpacked into <paramref name="directory"/>/&lt;name&gt;.</summary>
    public static async Task<string> WriteDirectoryAsync(ChartPackage chart, string directory, CancellationToken cancellationToken)
    {
        var root = Path.Combine(directory, chart.Name);
        foreach (var (relative, content) in chart.Files)
        {
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content, cancellationToken);
        }

        return root;
    }
}
