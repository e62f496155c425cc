using System.Text;

namespace RunnerConsole.Core.Values;

/// <summary>Reads a values file from disk (or a pipe such as <c>/dev/stdin</c>) without ever buffering more than the size limit.</summary>
public static class ValuesFile
{
    /// <summary>Reads and loads <paramref name="path"/>; problems reading it come back as errors, never as exceptions.</summary>
    public static async Task<ValuesLoadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var (text, error) = await ReadAsync(path, cancellationToken);
        return text is null ? new ValuesLoadResult(null, [error!], new Dictionary<string, (int, int)>()) : ValuesLoader.Load(text);
    }

    /// <summary>
    /// The text of a values file, or why it cannot be used: unreadable, larger than <see cref="ValuesLoader.MaxBytes"/>
    /// (read at most one byte past that, so a pipe cannot make it read without end), or not UTF-8. A BOM is dropped.
    /// </summary>
    public static async Task<(string? Text, ValuesError? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            return await ReadAsync(stream, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, new ValuesError("", "no such file"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new ValuesError("", $"cannot read the file: {e.Message}"));
        }
    }

    /// <summary>As <see cref="ReadAsync(string, CancellationToken)"/>, from a stream (standard input).</summary>
    public static async Task<(string? Text, ValuesError? Error)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var buffer = new byte[ValuesLoader.MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            if (total > ValuesLoader.MaxBytes)
            {
                return (null, new ValuesError("", "the values file is larger than 1 MiB"));
            }

            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new ValuesError("", "the values file is not UTF-8 text"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new ValuesError("", $"cannot read the file: {e.Message}"));
        }
    }
}
